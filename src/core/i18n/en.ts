/**
 * English texts of the core: diagnostics, explanations, file and import errors, summary labels.
 * zh-TW.ts must give every key the same arguments; the compiler and test/core/i18n check that.
 */
import { formatInt } from '../format/number.ts';

type S = string;
type N = number;
/** Spatial axes are passed by name and worded by each language. */
export type Axis = 'height' | 'width' | 'steps';
/** A diagnostic about both spatial axes at once says so. */
export type Side = Axis | 'both';
const side = (a: Side): string => (a === 'both' ? 'height and width' : a === 'steps' ? 'time steps' : a);
const lines = (a: Side, n: number): string =>
  a === 'both'
    ? 'rows and columns'
    : a === 'steps'
      ? n === 1
        ? 'step'
        : 'steps'
      : a === 'width'
        ? n === 1
          ? 'column'
          : 'columns'
        : n === 1
          ? 'row'
          : 'rows';

/** The kinds of value a file's schema expects (zod's names), as a reader says them. */
const EN_VALUE_KINDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
  version: 'a version number (1, 2, 3…)',
};

export const en = {
  // — axes and settings —
  'axis.height': () => 'height',
  'axis.width': () => 'width',
  'axis.channels': () => 'channels',
  'axis.features': () => 'features',

  // — diagnostics: errors —
  'diag.emptyGraph': () => 'The network has no layers yet. Start with an Input layer.',
  'diag.noInputLayer': () => 'The network has no Input layer, so no shape can be worked out.',
  'diag.duplicateName': (a: { layer: S }) =>
    `${a.layer}: another layer has the same name. Keras needs every layer name to be different.`,
  'diag.countTooLarge': (a: { layer: S }) =>
    `${a.layer}: its parameter or multiply-add count is larger than 9,007,199,254,740,991, more than ConvStudio can count to the last digit. Make the layer or its input smaller.`,
  'diag.totalTooLarge': () =>
    'The network’s total parameter or multiply-add count is larger than 9,007,199,254,740,991, more than ConvStudio can count to the last digit. Make some layers or the input smaller.',
  'diag.cycle': (a: { layer: S }) =>
    `${a.layer} is part of a loop: a layer's output leads back into itself. Remove one of the connections in the loop.`,
  'diag.notConnected': (a: { layer: S }) =>
    `${a.layer} is not connected to an Input layer, so its input shape is unknown. Drag from the dot under the layer that should feed it to the dot on top of this one.`,
  'diag.missingInputShape': (a: { layer: S }) =>
    `${a.layer} has no input shape. Give it a height, width and channels (e.g. 28 × 28 × 1) or a number of features.`,
  'diag.openInputSize': (a: { layer: S; shape: S }) =>
    `${a.layer}: the model leaves some sizes of its input open (${a.shape}: any size where it says ?). Give them a value, the size of your images: the parameter counts of convolutions do not depend on it, the shapes do.`,
  'diag.badInputShape': (a: { layer: S; shape: S }) =>
    `${a.layer}: the input shape ${a.shape} is not valid. Each size must be a whole number from 1 to 65,536, with 1 to 3 sizes.`,
  'diag.inputHasInputs': (a: { layer: S }) =>
    `${a.layer} is an Input layer and cannot receive a connection from another layer.`,
  'diag.tooManyInputs': (a: { layer: S; count: N }) =>
    `${a.layer} has ${a.count} incoming connections, but takes exactly one. Only the merge layers (Add, Concatenate, Multiply…) combine several.`,
  'diag.mergeNeedsTwo': (a: { layer: S; count: N }) =>
    `${a.layer} combines layers and needs at least 2 incoming connections; it has ${a.count}.`,
  'diag.needsImage': (a: { layer: S; shape: S }) =>
    `${a.layer} works on images (height × width × channels), but its input is ${a.shape}. Remove the Flatten or Dense layer before it, or give the Input 3 sizes.`,
  'diag.kernelTooLarge': (a: { layer: S; pool: boolean; axis: Side; size: N; input: N; padded: boolean; formula: S }) =>
    `${a.layer}: the ${a.pool ? 'pool window' : 'kernel'} (${formatInt(a.size)}) is larger than the ${side(a.axis)} of its ${a.padded ? 'padded ' : ''}input (${formatInt(a.input)}): ${a.formula}. Use a ${a.pool ? 'pool window' : 'kernel'} of at most ${formatInt(a.input)}, or 'same' padding.`,
  'diag.outOfRange': (a: { layer: S; setting: S; value: S; min: N; max: N }) =>
    `${a.layer}: ${a.setting} is ${a.value}; it must be a whole number from ${formatInt(a.min)} to ${formatInt(a.max)}.`,
  'diag.penalty': (a: { layer: S; setting: S; value: S }) =>
    `${a.layer}: ${a.setting} is ${a.value}; a weight penalty must be 0 (none) or a small positive number such as 0.01.`,
  'diag.notNegative': (a: { layer: S; setting: S; value: S }) =>
    `${a.layer}: ${a.setting} is ${a.value}; it must be 0 or more.`,
  'diag.dropoutRate': (a: { layer: S; value: S }) =>
    `${a.layer}: the dropout rate is ${a.value}; it must be at least 0 and less than 1 (0.5 drops half the values).`,
  'diag.badNumber': (a: { layer: S; setting: S; value: S }) =>
    `${a.layer}: ${a.setting} is ${a.value}, which is not a valid number here.`,
  'diag.groups': (a: { layer: S; channels: N; filters: N; groups: N }) =>
    `${a.layer}: groups = ${a.groups} must divide both the input channels (${a.channels}) and the filters (${a.filters}).`,
  'diag.addMismatch': (a: { layer: S; inputs: S }) =>
    `${a.layer}: Add sums its inputs value by value, so their shapes must match: ${a.inputs}. Try 'same' padding on the branch that shrinks, or a 1×1 Conv2D on the other.`,
  'diag.concatMismatch': (a: { layer: S; inputs: S; axis: N }) =>
    `${a.layer}: Concatenate joins along axis ${a.axis}, so every other size must match: ${a.inputs}. Try 'same' padding or pooling on one branch.`,
  'diag.concatAxis': (a: { layer: S; axis: N; rank: N }) =>
    `${a.layer}: axis ${a.axis} does not exist in inputs with ${a.rank} axes.`,

  'diag.needsSequence': (a: { layer: S; shape: S }) =>
    `${a.layer} works on sequences (time steps × features), but its input is ${a.shape}. Give the Input 2 sizes (steps × features), put an Embedding before it, or a Reshape (28 × 28 × 1 → 28 × 28 reads an image row by row).`,
  'diag.needsIndices': (a: { layer: S; shape: S }) =>
    `${a.layer} turns a list of word indices into vectors, so its input must be one size (the number of steps, e.g. 100), but it is ${a.shape}.`,
  'diag.subtractTwo': (a: { layer: S; count: N }) =>
    `${a.layer} subtracts its second input from its first, so it takes exactly 2 incoming connections; it has ${a.count}.`,
  'diag.sharedAxes': (a: { layer: S; axes: S; rank: N }) =>
    `${a.layer}: shared_axes ${a.axes} must name axes of its input, from 1 to ${a.rank} (1 is the first after the batch).`,
  'diag.badPermutation': (a: { layer: S; dims: S }) =>
    `${a.layer}: dims (${a.dims}) must list each of the input's axes once, counted from 1 (e.g. 2, 1 swaps steps and features).`,
  'diag.permuteRank': (a: { layer: S; dims: S; shape: S }) =>
    `${a.layer}: dims (${a.dims}) name a different number of axes than its input ${a.shape} has.`,
  'diag.needsVector': (a: { layer: S; shape: S }) =>
    `${a.layer} repeats a vector (one size), but its input is ${a.shape}. Put a Flatten or global pooling before it.`,
  'diag.cropTooMuch': (a: { layer: S; height: N; width: N }) =>
    `${a.layer} cuts away the whole ${formatInt(a.height)} × ${formatInt(a.width)} image. Crop fewer rows or columns.`,
  'diag.outputPadding': (a: { layer: S; padding: S; strides: S }) =>
    `${a.layer}: output_padding ${a.padding} must be smaller than the stride ${a.strides} on each axis (Keras refuses it otherwise).`,
  'diag.badTargetShape': (a: { layer: S; shape: S }) =>
    `${a.layer}: the target shape ${a.shape} is not valid. Give 1 to 3 whole sizes from 1 to 65,536; at most one may be −1 (“whatever is left”).`,
  'diag.reshapeMismatch': (a: { layer: S; input: S; values: N; target: S }) =>
    `${a.layer}: its input ${a.input} has ${formatInt(a.values)} values, which cannot be laid out as ${a.target}. The sizes must multiply to ${formatInt(a.values)}.`,
  'diag.badRange': (a: { layer: S; setting: S; low: S; high: S; max: N }) =>
    `${a.layer}: ${a.setting} from ${a.low} to ${a.high} is not a valid range. Both ends must lie between −${a.max} and ${a.max}, the first no larger than the second.`,

  // — diagnostics: warnings —
  'warn.strideNotTiling': (a: { layer: S; axis: Side; formula: S; stride: N; dropped: N }) =>
    `${a.layer}: along the ${side(a.axis)}, ${a.formula} is not divisible by the stride ${a.stride}, so Keras ignores the last ${a.dropped} ${lines(a.axis, a.dropped)} of the input.`,
  'warn.denseNotFlat': (a: { layer: S; shape: S; units: N }) =>
    `${a.layer}: Dense gets ${a.shape} values arranged as an image, not a flat list, so each position gets its own ${formatInt(a.units)} outputs. To connect every value to every unit, put a Flatten layer (or GlobalAveragePooling2D) before it.`,
  'warn.noActivation': (a: { layer: S; next: S }) =>
    `${a.layer} has no activation (linear) and feeds ${a.next} directly: two layers with no activation between them can only learn what one layer could. Set its activation to ReLU, the usual choice.`,
  'warn.softmaxNotLast': (a: { layer: S }) =>
    `${a.layer} uses softmax but is not the last layer. Softmax usually belongs only to the output layer.`,
  'warn.tooManyParams': (a: { total: N }) =>
    `The model has ${formatInt(a.total)} parameters (over 100 million): it will be slow to train and need a lot of memory.`,

  // — explanations: the rule behind each figure —
  'explain.shape.valid': (a: { axis: Axis }) =>
    `Output ${a.axis} = ⌊(input − kernel) / stride⌋ + 1 (padding 'valid': no padding)`,
  'explain.shape.validDilated': (a: { axis: Axis }) =>
    `Output ${a.axis} = ⌊(input − (dilation × (kernel − 1) + 1)) / stride⌋ + 1 (padding 'valid')`,
  'explain.shape.numeric': (a: { axis: Axis }) => `Output ${a.axis} = ⌊(input + 2 × padding − kernel) / stride⌋ + 1`,
  'explain.shape.same': (a: { axis: Axis }) =>
    `Output ${a.axis} = ⌈input / stride⌉ (padding 'same': zeros are added so that only the stride shrinks the map)`,
  'explain.shape.filters': () => 'Output channels = number of filters (one feature map per filter)',
  'explain.shape.unchanged': () => 'This layer keeps the shape of its input',
  'explain.shape.flatten': () => 'Flatten lines up every value: height × width × channels',
  'explain.shape.dense': () => 'Output = number of units',
  'explain.shape.zeroPad': (a: { axis: Axis }) => `Output ${a.axis} = input + padding before + padding after`,
  'explain.shape.globalPool': () => 'Global pooling keeps one value per channel',
  'explain.shape.concat': () => 'Concatenate adds up the sizes along the joining axis',
  'explain.shape.input': () => 'The size of each input sample',
  'explain.shape.causal': () =>
    "Output steps = ⌈input / stride⌉ (padding 'causal': zeros only before, so no output sees a later step)",
  'explain.shape.embeddingSteps': () => 'One vector for each index of the input (time steps)',
  'explain.shape.embedding': () => 'Each vector has output_dim numbers',
  'explain.shape.everyStep': () => 'return_sequences: one output for every time step',
  'explain.shape.units': () => 'Each output has `units` numbers',
  'explain.shape.lastState': () => 'Only the last step’s state is returned: `units` numbers',
  'explain.shape.bidirectionalConcat': () => 'The forward and backward outputs side by side: 2 × units',
  'explain.shape.bidirectionalMerged': () => 'The forward and backward outputs merged into one: units',
  'explain.params.conv1d': () => 'Parameters = (kernel size × input features + 1 bias) × filters',
  'explain.params.conv1dNoBias': () => 'Parameters = kernel size × input features × filters (no bias)',
  'explain.params.embedding': () => 'Parameters = input_dim (words) × output_dim (numbers per word); no bias',
  'explain.params.lstm': (a: { bias: boolean }) =>
    `Parameters = (inputs + units${a.bias ? ' + 1 bias' : ''}) × 4 gates × units: the input, forget, cell and output gates each have a kernel, a recurrent kernel${a.bias ? ' and a bias' : ''}`,
  'explain.params.gru': (a: { bias: boolean }) =>
    `Parameters = (inputs + units${a.bias ? ' + 1 bias' : ''}) × 3 gates × units: the update, reset and candidate gates (reset_after off: one bias per gate)`,
  'explain.params.gruResetAfter': () =>
    'Parameters = (inputs + units + 2 biases) × 3 gates × units: with reset_after (Keras’s default) each gate has one bias for the input and one for the recurrent part',
  'explain.params.simpleRnn': (a: { bias: boolean }) =>
    `Parameters = (inputs + units${a.bias ? ' + 1 bias' : ''}) × units: a kernel, a recurrent kernel${a.bias ? ' and a bias' : ''}`,
  'explain.params.bidirectional': (a: { cell: S }) =>
    `Twice the wrapped layer’s: one copy reads forwards, one backwards. ${a.cell}`,
  'explain.shape.crop': (a: { axis: Axis }) => `Output ${a.axis} = input − cropped before − cropped after`,
  'explain.shape.permute': () => 'Permute reorders the axes: output axis i is input axis dims[i]',
  'explain.shape.repeat': () => 'RepeatVector repeats the vector n times: n steps × features',
  'explain.params.prelu': () =>
    'Parameters = one learned slope (alpha) per value of the input, shared along shared_axes',
  'explain.params.layerNorm': () =>
    'Parameters = 2 × features: γ (scale) and β (shift), both trained; nothing moving, unlike BatchNormalization',
  'explain.shape.depthwise': () =>
    'Output channels = input channels × depth multiplier (each channel is filtered on its own)',
  'explain.shape.transposeSame': (a: { axis: Axis }) =>
    `Output ${a.axis} = input × stride (transposed convolution, padding 'same')`,
  'explain.shape.transposeValid': (a: { axis: Axis }) =>
    `Output ${a.axis} = input × stride + max(kernel − stride, 0) (transposed convolution, padding 'valid')`,
  'explain.shape.transposeOutputPadding': (a: { axis: Axis }) =>
    `Output ${a.axis} = (input − 1) × stride + kernel − 2 × padding + output padding ('same' pads kernel ÷ 2, rounded down)`,
  'explain.shape.upsample': (a: { axis: Axis }) => `Output ${a.axis} = input × size (each pixel repeated)`,
  'explain.shape.reshape': () =>
    'Reshape lays out the same values in the target shape; a −1 size takes whatever the others leave',
  'explain.shape.augmentation': () =>
    'This layer keeps the shape: in training it moves each image at random, when predicting it passes the image through',
  'explain.params.depthwise': () =>
    'Parameters = (kernel height × kernel width + 1 bias) × input channels × depth multiplier',
  'explain.params.depthwiseNoBias': () =>
    'Parameters = kernel height × kernel width × input channels × depth multiplier (no bias)',
  'explain.params.separable': () =>
    'Parameters = depthwise (kernel height × kernel width × input channels × depth multiplier) + pointwise (depthwise outputs + 1 bias) × filters',
  'explain.params.separableNoBias': () =>
    'Parameters = depthwise (kernel height × kernel width × input channels × depth multiplier) + pointwise depthwise outputs × filters (no bias)',
  'explain.params.conv': () => 'Parameters = (kernel height × kernel width × input channels + 1 bias) × filters',
  'explain.params.convGroups': () =>
    'Parameters = (kernel height × kernel width × input channels / groups + 1 bias) × filters',
  'explain.params.convNoBias': () => 'Parameters = kernel height × kernel width × input channels × filters (no bias)',
  'explain.params.dense': () => 'Parameters = (inputs + 1 bias) × units',
  'explain.params.denseNoBias': () => 'Parameters = inputs × units (no bias)',
  'explain.params.frozen': (a: { rule: S; total: N }) =>
    `${a.rule} The layer is frozen, so all ${formatInt(a.total)} are non-trainable: training leaves them as they are.`,
  'explain.params.batchNorm': () =>
    'Parameters = 4 × channels: γ (scale) and β (shift) are trained; the moving mean and moving variance are not trained (Keras counts them as non-trainable)',
  'explain.params.none': () => 'This layer has no weights to learn',
  'explain.params.total': () => 'Total params = the sum of every layer’s parameters (trainable and non-trainable)',
  'explain.rf.input': () => 'Each input pixel sees itself: receptive field 1, jump 1',
  'explain.rf.layer': () =>
    'Receptive field = previous field + (kernel − 1) × previous jump; jump j = previous jump × stride',
  'explain.rf.unchanged': () => 'This layer looks at one position at a time: receptive field unchanged',
  'explain.rf.global': () => 'Every output depends on the whole input: there is no local receptive field',
  'explain.macs.conv': () =>
    'Multiply-adds = output height × output width × (kernel height × kernel width × input channels / groups) × filters',
  'explain.macs.dense': () => 'Multiply-adds = positions × inputs × units',
  'explain.macs.conv1d': () => 'Multiply-adds = output steps × (kernel size × input features) × filters',
  'explain.macs.recurrent': (a: { gates: N }) =>
    `Multiply-adds = time steps × ${a.gates === 1 ? '' : `${a.gates} gates × `}(inputs + units) × units (the kernels’ products at every step)`,
  'explain.macs.bidirectional': () => 'Multiply-adds = 2 × the wrapped layer’s (forwards and backwards)',
  'explain.rf.steps': () =>
    'Not worked out for sequences: ConvStudio’s receptive field is the patch of an image (height × width) an output sees',
  'explain.rf.sequence': () => 'Not defined for recurrent layers: each output can depend on every earlier step',
  'explain.macs.prelu': () => 'Multiply-adds = one per value (its slope times the value)',
  'explain.macs.depthwise': () =>
    'Multiply-adds = output height × output width × kernel height × kernel width × input channels × depth multiplier',
  'explain.macs.separable': () =>
    'Multiply-adds = output height × output width × (depthwise weights + depthwise outputs × filters)',
  'explain.macs.transpose': () =>
    'Multiply-adds = input height × input width × (kernel height × kernel width × input channels) × filters: every input pixel spreads one kernel per filter',
  'explain.rf.enlarged': () =>
    'Not defined here: this layer enlarges the map, and the receptive-field arithmetic covers only layers that keep or shrink it',
  'explain.macs.none': () => 'No multiply-adds with weights',
  'explain.paramsBreakdown': (a: { trainable: S; nonTrainable: S }) =>
    `trainable ${a.trainable}, non-trainable ${a.nonTrainable}`,

  // — files and imports —
  'json.unexpectedEnd': () => 'the text ends before the JSON does',
  'json.unexpectedCharacter': () => 'a character that JSON does not allow here',
  'json.punctuation': () => 'a comma or colon is missing',
  'cli.badLang': (a: { value: S }) => `--lang must be en or zh-TW, not '${a.value}'.`,
  'cli.oneFile': (a: { command: S }) => `${a.command} needs exactly one FILE. Run convstudio --help.`,
  'cli.atMostOneFile': (a: { command: S }) => `${a.command} takes at most one FILE.`,
  'cli.badSize': (a: { option: S; value: S; max: S }) =>
    `${a.option} takes a size from 1 MB to ${a.max}, such as 2GB or 1500MB, not '${a.value}'.`,
  'cli.moreLikeThis': (a: { count: N }) => `… and ${formatInt(a.count)} more like the ones above.`,
  'cli.badNumber': (a: { option: S; min: N; max: N; value: S }) =>
    `${a.option} must be a whole number from ${a.min} to ${a.max}, not '${a.value}'.`,
  'cli.badBackend': (a: { value: S }) =>
    `--backend must be one of auto, pytorch, cuda, webgpu, tfjs-node, wasm, cpu, not '${a.value}'.`,
  'cli.unknownCommand': (a: { command: S }) => `There is no command '${a.command}'. Run convstudio --help.`,
  'cli.unknownOption': (a: { option: S }) =>
    `There is no option ${a.option} here, or it needs a value. Run convstudio --help.`,
  'cli.badArguments': () => 'The command line cannot be read. Run convstudio --help.',
  'cli.serving': (a: { url: S }) => `ConvStudio is running at ${a.url}\n(press Ctrl+C to stop)`,
  'cli.noBrowser': () => 'Could not open a browser; open the address above.',
  'cli.notBuilt': () => "The app is not built yet: run `npm run build` in ConvStudio's folder, then try again.",
  'cli.backendLine': (a: { backend: S }) => `backend: ${a.backend}`,
  'cli.backendDeviceLine': (a: { backend: S; device: S }) => `backend: ${a.backend}, on ${a.device}`,
  'cli.backendThreadsLine': (a: { backend: S; threads: N }) =>
    `backend: ${a.backend}, ${a.threads} ${a.threads === 1 ? 'thread' : 'threads'}`,
  'cli.measuringLine': (a: { backends: S }) =>
    `choosing where to train: measuring this network on ${a.backends} (a few seconds)…`,
  'cli.measuredLine': (a: { figures: S }) => `  measured on this network before the run: ${a.figures}`,
  'cli.measuredFigure': (a: { backend: S; speed: N }) => `${a.backend} ${formatInt(a.speed)} images/s`,
  'cli.dataLine': (a: { name: S; train: N; validation: N; test: N }) =>
    `data: ${a.name}, ${formatInt(a.train)} training, ${formatInt(a.validation)} validation, ${formatInt(a.test)} test samples`,
  'cli.epochLine': (a: { epoch: N; loss: S; accuracy: S; validation: S; speed: N; seconds: S }) =>
    `epoch ${a.epoch}: loss ${a.loss}  accuracy ${a.accuracy}${a.validation}  (${formatInt(a.speed)} samples/s, ${a.seconds} s)`,
  'cli.validationPart': (a: { loss: S; accuracy: S }) => `  val_loss ${a.loss}  val_accuracy ${a.accuracy}`,
  'cli.progressLine': (a: {
    epoch: N;
    epochs: N;
    bar: S;
    batch: N;
    batches: N;
    loss: S;
    accuracy: S;
    speed: N;
    eta: N;
  }) =>
    `epoch ${a.epoch}/${a.epochs} [${a.bar}] ${a.batch}/${a.batches}  loss ${a.loss}  accuracy ${a.accuracy}  ${formatInt(a.speed)} samples/s  ETA ${a.eta} s`,
  'cli.testLine': (a: { loss: S; accuracy: S }) => `test: loss ${a.loss}  accuracy ${a.accuracy}`,
  'cli.savedLine': (a: { path: S }) => `saved: ${a.path}`,
  'cli.portInUse': (a: { port: N }) =>
    `Port ${a.port} is already in use. Choose another with --port, or leave --port out to pick a free one.`,
  'file.notOurs': (a: { path: S }) => `${a.path} already exists and is not a ConvStudio file: saving would replace it.`,
  'file.cannotSave': (a: { path: S; reason: S }) =>
    `${a.path} could not be saved (${a.reason}). Your work is still open; try another folder or name.`,
  'data.idxMagic': (a: { file: S; magic: S }) =>
    `${a.file} is not an IDX file: it starts with ${a.magic}, not 00 00 08 (the MNIST image and label format).`,
  'data.idxType': (a: { file: S; type: S }) =>
    `${a.file} holds IDX values of type ${a.type}; images and labels must be unsigned bytes (0x08).`,
  'data.truncated': (a: { file: S; expected: N; actual: N }) =>
    `${a.file} is cut short: it should be at least ${formatInt(a.expected)} bytes but has ${formatInt(a.actual)}. Download it again.`,
  'data.idxImageRank': (a: { file: S; rank: N }) =>
    `${a.file} has ${a.rank} dimensions; an IDX image file has 3 (count, rows, columns).`,
  'data.idxLabelRank': (a: { file: S; rank: N }) => `${a.file} has ${a.rank} dimensions; an IDX label file has 1.`,
  'data.countMismatch': (a: { images: S; labels: S; imageCount: N; labelCount: N }) =>
    `${a.images} has ${formatInt(a.imageCount)} images but ${a.labels} has ${formatInt(a.labelCount)} labels; they must match.`,
  'data.unreadable': (a: { file: S; reason: S }) => `${a.file} cannot be read (${a.reason}).`,
  'data.shapeMismatch': (a: { dataset: S; data: S; input: S }) =>
    `The images of ${a.dataset} are ${a.data}, but the network's Input is ${a.input}. Set the Input to ${a.data}.`,
  'data.classMismatch': (a: { dataset: S; classes: N; units: N }) =>
    `${a.dataset} has ${a.classes} classes, but the last layer has ${a.units} outputs. Give the last Dense layer ${a.classes} units.`,
  'data.idxMissing': (a: { folder: S; file: S }) =>
    `${a.folder} has no ${a.file} file. An IDX dataset folder needs train-images, train-labels, t10k-images and t10k-labels.`,
  'data.unsupportedKind': (a: { kind: S }) => `Training on ${a.kind} datasets is not available yet.`,
  'backend.notInstalled': (a: { pkg: S }) =>
    `${a.pkg} is not installed with TensorFlow's library (a download from outside the npm registry, which \`npm install\` does not make; \`npm rebuild ${a.pkg} --ignore-scripts=false\` makes it where the network allows)`,
  'backend.webgpuNotInstalled': () => 'the WebGPU packages (webgpu, @tensorflow/tfjs-backend-webgpu) are not installed',
  'backend.failedToStart': (a: { backend: S }) => `the ${a.backend} backend did not start`,
  'backend.webgpuInElectron': () =>
    'WebGPU for Node does not work inside Electron (“External buffers are not allowed”)',
  'backend.noGpu': () => 'no WebGPU adapter (graphics card) was found',
  'backend.noVulkan': () => 'no Vulkan driver is installed, which WebGPU needs on Linux (package libvulkan1)',
  'backend.softwareGpu': () => 'the only WebGPU adapter is a software one, slower than WebAssembly',
  'backend.webgpuPage': (a: { adapter: S }) =>
    `the graphics card (${a.adapter}), through WebGPU in ConvStudio's window`,
  'backend.webgpuSoftwareAdapter': (a: { adapter: S }) =>
    `a software adapter (${a.adapter}): the processor does the graphics card's work, far slower than WebAssembly; used only because WebGPU was chosen`,
  'backend.webglOnlyInWindow': () => "WebGL trains only in ConvStudio's window (the Training panel), not here",
  'backend.webglPage': (a: { adapter: S }) => `the graphics card (${a.adapter}), through WebGL in ConvStudio's window`,
  'backend.webglSoftware': (a: { adapter: S }) =>
    `a software renderer (${a.adapter}): the processor does the graphics card's work; used only because WebGL was chosen`,
  'backend.softwareWebGl': (a: { adapter: S }) =>
    `the only WebGL renderer is a software one (${a.adapter}), slower than WebAssembly`,
  'backend.pageNoWebGl': () => 'this window has no WebGL: the graphics card or its driver does not offer it',
  'backend.pageNoWebGpu': () => 'this window has no WebGPU: the graphics card or its driver does not offer it',
  'backend.cpuSlow': () =>
    'the slowest backend: training a CNN takes hours here; install @tensorflow/tfjs-node for a faster one',
  'backend.unavailable': (a: { backend: S; reason: S }) => `The ${a.backend} backend cannot be used: ${a.reason}.`,
  'backend.wasmFast': () => 'WebAssembly with SIMD: ships with ConvStudio and runs everywhere',
  'backend.noPython': () =>
    'no Python with PyTorch was found on this computer (python3, python, a conda environment, or CONVSTUDIO_PYTHON); installing PyTorch (pytorch.org) lets ConvStudio train on an NVIDIA or Apple graphics card',
  'backend.noTorch': (a: { python: S }) =>
    `${a.python} has no PyTorch (or no numpy); \`${a.python} -m pip install torch numpy\` installs them`,
  'backend.pythonNotFound': (a: { python: S }) => `the Python named for PyTorch, ${a.python}, could not be started`,
  'backend.pytorchFailedMidRun': (a: { detail: S }) =>
    `PyTorch stopped during the run (${a.detail}); the run started over on WebAssembly`,
  'backend.pytorchDidNotStart': (a: { detail: S }) => `PyTorch was found but did not start (${a.detail})`,
  'backend.measuredSlower': (a: { speed: N; faster: S; fasterSpeed: N }) =>
    `available, but slower on this network: ${formatInt(a.speed)} training images/s against ${a.faster}'s ${formatInt(a.fasterSpeed)}, measured before the run`,
  'backend.pytorchNoGpu': () =>
    'no NVIDIA or Apple graphics card here: on the processor PyTorch is not faster than WebAssembly, so the automatic choice does not start it (`convstudio train --backend pytorch` uses it anyway)',
  'backend.pytorchCpuOnly': () =>
    "this PyTorch has no graphics card to use (CUDA or Apple's MPS): on the processor it is not faster than WebAssembly, so the automatic choice passes it by (`convstudio train --backend pytorch` uses it anyway)",
  'train.nan': (a: { epoch: N; batch: N; learningRate: N }) =>
    `Training stopped at epoch ${a.epoch}, batch ${a.batch}: the loss became NaN or infinite. The learning rate (${a.learningRate}) is probably too high; try one ten times smaller.`,
  'train.missingKernel': (a: { kernel: S; backend: S }) =>
    `The network cannot be trained on the ${a.backend} backend: it has no ${a.kernel} operation, which one of its layers needs. Choose the automatic backend (it falls back to the CPU) or another one.`,
  'train.dilatedGradient': (a: { layers: S }) =>
    `The network cannot be trained here: TensorFlow.js cannot train dilated convolutions (dilation above 1 in ${a.layers}). Set their dilation to 1, or export the network to Keras or PyTorch and train it there.`,
  'train.cannotTrainHere': (a: { detail: S }) =>
    `The network cannot be trained with TensorFlow.js; it reports: ${a.detail}. Export it to Keras or PyTorch to train it there.`,
  'backend.missingKernel': (a: { kernel: S; backend: S }) =>
    `it has no ${a.kernel} operation, which this network needs for training: the CPU backend is used instead`,
  'train.cannotBuild': (a: { layer: S; reason: S }) =>
    `The network cannot be trained: layer ${a.layer} uses ${a.reason}, which TensorFlow.js cannot train.`,
  'train.crashed': (a: { reason: S }) =>
    `The training process ended unexpectedly (${a.reason}). Your network and earlier runs are safe; you can start a new run.`,
  'train.pageWorkerFailed': (a: { detail: S }) =>
    `Training on the graphics card stopped unexpectedly (${a.detail}). Your network and earlier runs are safe; choose WebAssembly under "Train on" and start again.`,
  'train.pageRunUnknown': () =>
    "This run's images are no longer at hand (another run started since). Your network is safe; start the run again.",
  'train.pageModelMismatch': () =>
    'The trained network the window sent does not match its own description, so it was not saved. Start the run again.',
  'train.outOfMemory': () =>
    'The training process ran out of memory and ended. Your network and earlier runs are safe. Try a smaller batch size, fewer filters or smaller images.',
  'train.killed': (a: { signal: S }) =>
    `The training process was ended from outside ConvStudio (by the system or another program; signal ${a.signal}). Your network and earlier runs are safe; you can start a new run.`,
  'export.hasErrors': () => 'The network has errors, so it cannot be exported as code yet. Fix these first:',
  'export.oneInputOneOutput': (a: { inputs: N; outputs: N }) =>
    `Code export needs exactly one Input and one output layer; this network has ${a.inputs} Input and ${a.outputs} output layers.`,
  'train.internal': (a: { detail: S }) => `Training failed inside ConvStudio: ${a.detail}. Your network is safe.`,
  'train.pytorchFailed': (a: { detail: S }) =>
    `Training with PyTorch failed (${a.detail}). Your network is safe; \`convstudio train --backend wasm\` trains it with ConvStudio's own backend.`,
  'train.pytorchOutOfMemory': () =>
    'The graphics card ran out of memory training this network. Make the batch size smaller in the Training panel (or train on the processor: `convstudio train --backend wasm`).',
  'train.startFromMissing': () =>
    'The trained weights this run was to start from are no longer on this computer (their run’s folder was removed). Pick other weights to start from, or random ones.',
  'train.startFromNothing': () =>
    'None of the layers fits the weights this run was to start from (other names or shapes): starting from them would be a new network. Pick random weights to start from instead.',
  'train.testNeedsWeights': () =>
    'There are no trained weights to test: open a trained model, or train the network first.',
  'train.testFreshLayers': (a: { layers: S }) =>
    `The weights to test have nothing for ${a.layers}: the network has changed since they were trained (other layers or shapes). Test them on the network they belong to, or fine-tune to train the new layers.`,
  'train.alreadyRunning': () => 'A network is already training. Stop that run before starting another.',
  'train.noDataset': () => 'Choose a dataset in the Data panel before training.',
  'data.cifarSize': (a: { file: S; size: N; record: N }) =>
    `${a.file} is ${formatInt(a.size)} bytes, which is not a whole number of CIFAR-10 records (${formatInt(a.record)} bytes each). The file may be truncated.`,
  'data.badLabel': (a: { file: S; index: N; label: N; classes: N }) =>
    `${a.file}: image ${formatInt(a.index)} has label ${a.label}, but there are only ${a.classes} classes (0 to ${a.classes - 1}).`,
  'data.cifarMissing': (a: { folder: S }) =>
    `${a.folder} has no CIFAR-10 batches: it needs data_batch_1.bin … data_batch_5.bin and test_batch.bin.`,
  'data.notImage': (a: { file: S }) => `${a.file} is not a PNG or JPEG image. Take it out of the dataset folder.`,
  'data.badImage': (a: { file: S; reason: S }) =>
    `${a.file} is a damaged image (${a.reason}). Take it out of the dataset folder.`,
  'data.folderClasses': (a: { folder: S; count: N }) =>
    `${a.folder} has ${a.count} class folders; an image dataset needs one sub-folder per class, at least two.`,
  'data.emptyClass': (a: { folder: S }) => `The class folder ${a.folder} has no images.`,
  'data.labelOutOfRange': (a: { file: S; image: N; label: N; classes: N }) =>
    `${a.file}: image ${formatInt(a.image)} has the label ${formatInt(a.label)}, but the dataset has ${a.classes} classes (labels 0 to ${a.classes - 1}). Fix the label, or name every class in classes.txt.`,
  'data.tooManyClasses': (a: { folder: S; count: N; max: N }) =>
    `${a.folder} has ${formatInt(a.count)} class folders; ConvStudio trains on at most ${formatInt(a.max)} classes.`,
  'data.noTrainImages': (a: { name: S }) => `${a.name} has no training images, so there is nothing to train on.`,
  'data.noTestImages': (a: { name: S }) =>
    `${a.name} has no test images, so the trained network could not be tested. Add some (t10k- files, test_batch.bin, or more images in each class folder).`,
  'data.brokenLink': (a: { path: S }) =>
    `${a.path} is a link to something that is not there any more. Remove it, or point it at a folder of images.`,
  'data.linkLoop': (a: { path: S }) =>
    `${a.path} is a link that leads back to itself. Remove it, or point it at a folder of images.`,
  'data.imageTooLarge': (a: { file: S; width: N; height: N; max: N }) =>
    `${a.file} is ${formatInt(a.width)} × ${formatInt(a.height)} pixels; ConvStudio reads images of at most ${formatInt(a.max)} million pixels. Make it smaller first, or allow bigger images in the command line: convstudio train … --max-megapixels ${formatInt(Math.ceil((a.width * a.height) / 1e6))}.`,
  'data.gzipTooLarge': (a: { file: S; max: S }) =>
    `${a.file} unpacks to more than ${a.max}; ConvStudio reads at most ${a.max} from one dataset file. To read bigger files, train in the command line with convstudio train … --max-file-size 2GB (or the size you need).`,
  'data.fileTooLarge': (a: { file: S; size: S; max: S }) =>
    `${a.file} holds ${a.size} of data; ConvStudio reads at most ${a.max} from one dataset file. To read bigger files, train in the command line with convstudio train … --max-file-size 2GB (or the size you need).`,
  'data.tooManyImages': (a: { folder: S; count: N; max: N }) =>
    `${a.folder} has ${formatInt(a.count)} images; ConvStudio reads at most ${formatInt(a.max)} from a folder.`,
  'data.folderChannels': (a: { channels: N }) =>
    `Images can fill an Input with 1 channel (grey) or 3 (colour), not ${a.channels}.`,
  'file.notFound': (a: { path: S }) => `${a.path}: no such file.`,
  'file.unreadable': (a: { path: S; reason: S }) => `${a.path}: the file cannot be read (${a.reason}).`,
  'file.noModelAmong': (a: { names: S }) =>
    `None of the files picked (${a.names}) is a model to open: pick a model.json with its weights files, or one .keras or .h5 file.`,
  'file.isFolder': (a: { path: S }) => `${a.path} is a folder, not a file.`,
  'file.empty': (a: { path: S }) => `${a.path} is empty.`,
  'file.tooLarge': (a: { path: S; size: S; max: S }) =>
    `${a.path} is ${a.size}; a model file can be at most ${a.max}. Is this a weights file? Open the model's .json instead.`,
  'file.notJson': (a: { path: S; line: N; column: N; detail: S }) =>
    `${a.path} is not valid JSON (line ${a.line}, column ${a.column}: ${a.detail}). The file may be truncated or not a model file.`,
  'file.tooDeep': (a: { path: S; max: N }) =>
    `${a.path} is nested more than ${a.max} levels deep; no model file is. It is not a model file ConvStudio can read.`,
  'file.unknownFormat': (a: { path: S }) =>
    `${a.path} is neither a ConvStudio project nor a Keras or TensorFlow.js model (no "format", "class_name" or "modelTopology" at the top).`,
  'file.invalidProject': (a: { path: S; where: S; problem: S }) =>
    `${a.path}: the project file is damaged at ${a.where}: ${a.problem}.`,
  'file.invalidExercise': (a: { path: S; where: S; problem: S }) =>
    `${a.path}: the exercise file is damaged at ${a.where}: ${a.problem}.`,
  'file.newerVersion': (a: { path: S; version: N; supported: N }) =>
    `${a.path} was saved by a newer ConvStudio (file version ${a.version}; this version reads up to ${a.supported}). Update ConvStudio to open it.`,
  'schema.invalidType': (a: { expected: S; received: S }) =>
    `expected ${EN_VALUE_KINDS[a.expected] ?? a.expected}, found ${a.received}`,
  'schema.invalidValue': (a: { options: S }) => `expected one of ${a.options}`,
  'schema.missing': () => 'a required value is missing',
  'schema.tooSmall': (a: { min: S }) => `the value must be at least ${a.min}`,
  'schema.tooBig': (a: { max: S }) => `the value must be at most ${a.max}`,
  'schema.duplicateId': (a: { id: S }) => `the id '${a.id}' is used twice`,
  'schema.unknownGroup': (a: { id: S }) =>
    `a layer or nested model names the nested model '${a.id}', which the file does not have`,
  'schema.unknownNode': (a: { id: S }) => `a connection refers to '${a.id}', which is not a layer`,
  'schema.questionNoLayer': (a: { id: S }) => `a question asks about '${a.id}', which is not a layer of the network`,
  'schema.questionTwice': (a: { question: S }) => `the question '${a.question}' is asked twice`,
  'schema.noForm': () => 'the value has none of the accepted forms',
  'import.unsupportedClass': (a: { className: S; count: N; names: S }) =>
    `The file uses ${a.className}, which ConvStudio does not support yet (${formatInt(a.count)} ${a.count === 1 ? 'layer' : 'layers'}: ${a.names}).`,
  'import.notAModel': (a: { className: S }) =>
    `The file's model is a '${a.className}'; ConvStudio opens Sequential and Functional models.`,
  'import.unsupportedLayer': (a: { className: S; name: S }) =>
    `Layer '${a.name}' is a ${a.className}, which ConvStudio does not support yet.`,
  'import.sharedLayer': (a: { name: S; calls: N }) =>
    `Layer '${a.name}' is used ${a.calls} times (shared weights); ConvStudio supports each layer once.`,
  'import.badSetting': (a: { name: S; className: S; setting: S; value: S }) =>
    `Layer '${a.name}' (${a.className}): the setting ${a.setting} = ${a.value} cannot be read.`,
  'import.missingSetting': (a: { name: S; className: S; setting: S }) =>
    `Layer '${a.name}' (${a.className}) has no ${a.setting} setting, which it needs.`,
  'import.channelsFirst': (a: { name: S }) =>
    `Layer '${a.name}' uses data_format 'channels_first'; ConvStudio works with 'channels_last' (height, width, channels) like Keras's default.`,
  'import.unknownInbound': (a: { name: S; source: S }) =>
    `Layer '${a.name}' takes its input from '${a.source}', which is not a layer of this model.`,
  'import.nestedNoLayers': (a: { name: S }) => `The nested model '${a.name}' has no layers.`,
  'import.noLayers': () => 'The model has no layers.',
  'import.noInputShape': (a: { name: S }) =>
    `The model does not say its input shape: its first layer '${a.name}' has no batch_input_shape, batch_shape or input_shape.`,
  'import.badStructure': (a: { where: S; problem: S }) =>
    `The model file is not laid out as Keras writes it: at ${a.where}, ${a.problem}.`,
  'import.duplicateName': (a: { name: S }) => `Two layers are called '${a.name}'; layer names must be unique.`,
  'weights.badManifest': (a: { file: S; where: S }) =>
    `${a.file}: its list of weights (the manifest) is not laid out as TensorFlow.js writes it, at ${a.where}.`,
  'weights.shardOutside': (a: { file: S; shard: S }) =>
    `${a.file} names the weights file '${a.shard}', which is not in the model's folder; ConvStudio reads weights only from beside the model.`,
  'weights.shardMissing': (a: { file: S; shards: S }) =>
    `The trained weights of ${a.file} are not beside it (${a.shards} not found). The network opens without them: put the weights files in the same folder as ${a.file} (or pick them together with it) to bring them in.`,
  'weights.shardSize': (a: { file: S; expected: N; found: N }) =>
    `The weights files of ${a.file} hold ${formatInt(a.found)} bytes, but its list of weights needs ${formatInt(a.expected)}: a file is cut short or belongs to another model.`,
  'weights.badValues': (a: { file: S; weight: S }) =>
    `${a.file}: the weight '${a.weight}' is not stored as numbers ConvStudio can read.`,
  'weights.cannotRead': (a: { file: S; reason: S }) => `${a.file} cannot be read as a trained model (${a.reason}).`,
  'weights.nestedVariables': (a: { file: S; layer: S }) =>
    `${a.file}: the weights of layer '${a.layer}' are stored in parts ConvStudio cannot yet put in order; the network opens without trained weights.`,
  'weights.notKeras': (a: { file: S }) =>
    `${a.file} is not a Keras model file: it has no model config and weights where Keras keeps them (config.json and model.weights.h5 in a .keras file, model_weights in an .h5 file).`,
  'weights.noModelConfig': (a: { file: S }) =>
    `${a.file} holds weights only (Keras's save_weights): there is no network in it to open. Save the whole model with model.save('model.keras') and open that file.`,
  'weights.missingGroup': (a: { file: S; layer: S }) =>
    `${a.file}: the weights of '${a.layer}' are listed but not in the file.`,
  'weights.missing': (a: { layer: S; weight: S }) =>
    `Layer '${a.layer}': the file has no trained '${a.weight}' for it.`,
  'weights.ambiguous': (a: { layer: S; weight: S; keys: S }) =>
    `Layer '${a.layer}': the file has more than one '${a.weight}' that could be its own (${a.keys}).`,
  'weights.shapeMismatch': (a: { layer: S; weight: S; expected: S; found: S }) =>
    `Layer '${a.layer}': its '${a.weight}' must have the shape ${a.expected}, but the file's has ${a.found}.`,
  'weights.unused': (a: { count: N; names: S }) =>
    `${formatInt(a.count)} ${a.count === 1 ? 'weight' : 'weights'} in the file belong to no layer of the network (${a.names}): the file's structure and weights do not agree.`,
  'weights.moreProblems': (a: { count: N }) => `… and ${formatInt(a.count)} more.`,
  'weights.imported': (a: { file: S; params: N }) =>
    `The trained weights came with ${a.file}: all ${formatInt(a.params)} parameters. Try the network, look inside it or fine-tune it in the Train view.`,
  'script.exportedFrom': (a: { version: S }) => `{name} — exported from ConvStudio${a.version}.`,
  'script.asDrawn': (a: { total: N; trainable: N; nonTrainable: N }) =>
    `The network as drawn: ${formatInt(a.total)} parameters (${formatInt(a.trainable)} trainable, ${formatInt(a.nonTrainable)} non-trainable).`,
  'script.kerasRuns': () =>
    'model.summary() below prints the same counts. Runs with Keras 3 (TensorFlow 2.16 or later):',
  'script.asDrawnTorch': (a: { total: N }) =>
    `The network as drawn: ${formatInt(a.total)} parameters as Keras counts them`,
  'script.countsTorch': (a: { trainable: N; nonTrainable: N; note: S }) =>
    `(${formatInt(a.trainable)} trainable, ${formatInt(a.nonTrainable)} non-trainable${a.note ? `: ${a.note}` : ''}).`,
  'script.noteBatchNorm': () => "BatchNormalization's moving statistics, which PyTorch keeps as buffers",
  'script.noteFrozen': () => "the frozen layers' weights",
  'script.noteJoin': (a: { first: S; second: S }) => `${a.first}; ${a.second}`,
  'script.torchNeeds': () => 'Needs PyTorch (and torchvision for MNIST):  pip install torch torchvision',
  'script.train': (a: { file: S }) => `Train:  python ${a.file}`,
  'script.useElsewhere': (a: { module: S; className: S }) =>
    `Use the network elsewhere:  from ${a.module} import ${a.className}`,
  'script.lightningAbout': () =>
    'Lightning trains the same module on one CPU, every GPU of a machine, or several machines, unchanged.',
  'script.lightningNeeds': () => 'Needs:  pip install torch torchvision lightning',
  'script.trainedWeights': () =>
    'Weights trained in ConvStudio (Train view → Export), used when they lie next to this script.',
  'script.epochsZero': () => 'Set EPOCHS = 0 to test them as they are.',
  'script.network': () => '---- The network ----',
  'script.kerasData': () => '---- The data: images scaled to [0, 1], labels one-hot ----',
  'script.training': () => '---- Training ----',
  'script.testing': () => '---- Testing ----',
  'script.weights': () => '---- Weights trained in ConvStudio, where they lie next to this script ----',
  'script.nestedModel': () => 'a nested model: its own layers',
  'script.augmentation': () =>
    'Random changes to each training image, new every epoch; inactive for validation and testing.',
  'script.lrDecay': (a: { factor: S; every: N }) => `The learning rate times ${a.factor} every ${a.every} epochs.`,
  'script.testResult': () => 'Test loss {test_loss:.4f}, test accuracy {test_accuracy:.2%}',
  'script.epochLine': () => 'epoch {epoch}/{EPOCHS} ',
  'script.earlyStop': (a: { monitor: S; epochs: N }) =>
    `early stop: ${a.monitor} has not improved for ${a.epochs} epochs`,
  'script.logitsLoss': () =>
    'The module gives logits: CrossEntropyLoss takes the softmax and the log itself. Keras clips probabilities\nto [1e-7, 1 - 1e-7] first; the two agree until a probability falls below 1e-7 (a loss above 16).',
  'script.kerasLoss': () =>
    'Keras: outputs scaled to sum to 1, clipped to [1e-7, 1 - 1e-7], then -log of the true class.',
  'script.gridSpan': () => 'the grid spans [-1, 1]',
  'script.moduleDoc': (a: { shape: S; layout: S }) =>
    `{name} as drawn in ConvStudio. Input: (N, ${a.shape})${a.layout ? `, ${a.layout}` : ''}.`,
  'script.imagesFirst': () => 'images channels first',
  'script.sequences': () => 'sequences as Keras keeps them (steps, features)',
  'script.logitsDoc': () =>
    "forward gives logits, as PyTorch's losses take them; probabilities(x) gives the softmax, as Keras's\nmodel does.",
  'script.nestedDoc': () => '{name}: a model ({className}) used as a layer, as in the Keras model.',
  'script.penaltyDoc': () => "Keras's kernel regularizers: added to the loss.",
  'script.frozenDoc': () =>
    'Frozen BatchNormalization layers stay in eval mode, as Keras runs them when trainable = False.',
  'script.probabilitiesDoc': () => 'The class probabilities: the softmax of the logits forward gives.',
  'script.loadDoc': () =>
    'Weights exported from ConvStudio (an .npz of "layer/weight" arrays, channels last, as Keras keeps them).',
  'script.assignDoc': () =>
    'Keras\'s arrays by "layer/weight" name (an opened .npz, or a dict) into the module, in PyTorch\'s layout.',
  'script.loadDataDoc': () =>
    'Training, validation and test tensors: the last VALIDATION_SPLIT of the training data validates, as in Keras.',
  'script.channelsFirst': () => 'channels first',
  'script.lightningDoc': (a: { className: S }) =>
    `Training ${a.className} with Lightning: the same settings, on whatever devices the Trainer is given.`,
  'script.lightningDevices': () =>
    'accelerator/devices/num_nodes "auto": every GPU of this machine; for several machines set num_nodes\nand start this script on each (torchrun, SLURM) as the Lightning documentation describes.',
  'script.idxDoc': () => 'An IDX file (MNIST, Fashion-MNIST, KMNIST, EMNIST), gzipped or not, as a numpy array.',
  'script.cifarDoc': () =>
    'A CIFAR-10 binary batch: records of 1 label byte and 3 × 32 × 32 pixel bytes (channels first).',
  'script.kerasOrder': () => "Keras's order",
  'script.maskZero': () => "Keras's mask_zero: later recurrent layers skip index-0 steps there; PyTorch has no masks.",
  'script.pipTorchvision': () => 'pip install torchvision',
  'key.stride': (a: { value: S }) => `s${a.value}`,
  'key.dilation': (a: { value: S }) => `d${a.value}`,
  'key.padding': (a: { value: S }) => `p${a.value}`,
  'key.sequences': () => 'seq',
  'key.maskZero': () => 'mask 0',
  'key.slope': (a: { value: S }) => `slope ${a.value}`,
  'key.sharedAxes': (a: { value: S }) => `shared ${a.value}`,
  'key.axis': (a: { value: S }) => `axis ${a.value}`,
  'key.turn': (a: { value: S }) => `${a.value} turn`,
  'key.join': (a: { head: S; tail: S }) => `${a.head} · ${a.tail}`,
  'tour.input': (a: { settings: S }) =>
    `Step 1: every network starts with an Input. Give it the shape of one MNIST digit, ${a.settings} (height × width × channels), in the inspector on the right.`,
  'tour.add': (a: { n: N; total: N; layer: S; settings: S }) =>
    `Step ${a.n} of ${a.total}: add a ${a.layer} layer after the last one (select the last layer, then double-click ${a.layer} in the palette on the left, or drag it onto the canvas and connect it), and set it to ${a.settings} in the inspector.`,
  'tour.fix': (a: { n: N; total: N; layer: S; settings: S; found: S; foundSettings: S }) =>
    `Step ${a.n} of ${a.total}: layer ${a.n} should be a ${a.layer} set to ${a.settings}, but it is a ${a.found} (${a.foundSettings}). Change its settings in the inspector, or delete it and add a ${a.layer}.`,
  'tour.extra': () =>
    "All the course's layers are there; remove what comes after the last Dense (or beside the chain) to finish.",
  'tour.done': (a: { params: N }) =>
    `Done! This is the course's 4-layer CNN: ${formatInt(a.params)} parameters, exactly as Keras's model.summary() counts them. Click a layer to see the arithmetic behind its count, or train the network in the Train tab.`,
  'fix.flatten': (a: { layer: S }) =>
    `Insert a Flatten layer before ${a.layer}, so that it gets every value as one list.`,
  'fix.globalPooling': (a: { layer: S }) =>
    `Insert GlobalAveragePooling2D before ${a.layer}: one average per channel, far fewer weights than Flatten.`,
  'fix.windowSize': (a: { layer: S; setting: S; from: S; to: S }) =>
    `Set ${a.setting} of ${a.layer} to ${a.to} (now ${a.from}), the largest that fits its input.`,
  'fix.samePadding': (a: { layers: S }) =>
    `Set padding to 'same' on ${a.layers}, so that the image keeps its size through ${a.layers.includes(',') ? 'them' : 'it'}.`,
  'fix.pooling': (a: { branch: S; size: S }) =>
    `Insert a ${a.size} MaxPooling2D after ${a.branch}, so that its output gets the size of the other input.`,
  'fix.projection': (a: { branch: S; filters: N; strides: S }) =>
    `Insert a 1×1 Conv2D with ${formatInt(a.filters)} filters and stride ${a.strides} after ${a.branch} (a projection, as ResNet does), so that its output matches the other input.`,
  'fix.dense': (a: { branch: S; units: N }) =>
    `Insert a Dense layer of ${formatInt(a.units)} units after ${a.branch}, so that its output matches the other input.`,
  'fix.units': (a: { layer: S; units: N }) => `Give ${a.layer} ${formatInt(a.units)} units, one per class.`,
  'weights.pixelsTeachable': () =>
    'It is a Teachable Machine image model: pixels go into it as −1 to 1 (÷ 127.5 − 1), as Teachable Machine feeds them. “Pixel values” in the Data panel is set so, for trying it and for fine-tuning.',
  'weights.pixelsRescaled': (a: { layer: S }) =>
    `Its first layer, '${a.layer}' (Rescaling), scales the pixels itself: they go into it as stored, 0 to 255. “Pixel values” in the Data panel is set so.`,
  'weights.notImported': (a: { file: S }) =>
    `The network of ${a.file} opened, but its trained weights could not be brought in:`,

  'api.unknownMethod': (a: { method: S }) => `The app asked for '${a.method}', which this host does not offer.`,
  'api.badRequest': (a: { method: S; where: S; problem: S }) =>
    `The app sent a malformed request to ${a.method} (${a.where}: ${a.problem}).`,
  'api.forbidden': () => 'This request did not come from ConvStudio’s own window and was refused.',
  'api.internal': () => 'Something went wrong inside ConvStudio. Your work is unchanged; please try again.',
  'api.disconnected': () => 'The connection to ConvStudio was lost. Restart it with npm start, then reload this page.',

  // — summary —
  'summary.model': () => 'Model',
  'summary.layer': () => 'Layer (type)',
  'summary.outputShape': () => 'Output Shape',
  'summary.params': () => 'Param #',
  'summary.macs': () => 'MACs',
  'summary.receptiveField': () => 'Receptive field',
  'summary.connectedTo': () => 'Connected to',
  'summary.totalParams': () => 'Total params',
  'summary.trainableParams': () => 'Trainable params',
  'summary.nonTrainableParams': () => 'Non-trainable params',
  'summary.totalMacs': () => 'Multiply-adds (MACs) per sample',
  'summary.incomplete': () => 'Totals count only the layers whose parameters are known: those showing ? are left out.',
  'summary.warning': () => 'warning',
  'summary.error': () => 'error',
  // — exercises: answers that cannot be read, and the common mistakes a wrong answer shows —
  'exercise.notACount': (a: { answer: S }) =>
    `“${a.answer}” is not a whole number. Write the count as digits, e.g. 18,496.`,
  'exercise.notAShape': (a: { answer: S }) =>
    `“${a.answer}” is not a shape. Write the sizes without the batch axis, e.g. 26 × 26 × 32 or (None, 26, 26, 32).`,
  'exercise.notAField': (a: { answer: S }) =>
    `“${a.answer}” is not a receptive field. Write height × width, e.g. 5 × 5.`,
  'mistake.forgotBias': () =>
    'You left out the biases: every filter (or unit) also has one bias to learn, so add one per output channel.',
  'mistake.addedBias': () => 'This layer has no bias (use_bias is off), so there are no biases to add.',
  'mistake.inputChannelsIgnored': (a: { channels: S }) =>
    `Each filter covers all ${a.channels} input channels, not just one: multiply its kernel height × width by ${a.channels}.`,
  'mistake.outputsAsInputs': (a: { inputs: S; outputs: S }) =>
    `You used the layer’s own ${a.outputs} outputs where its ${a.inputs} inputs belong: the weights connect the ${a.inputs} input values to each of the ${a.outputs} outputs.`,
  'mistake.oneBias': (a: { count: S }) =>
    `There is one bias per output (${a.count} of them), not one for the whole layer.`,
  'mistake.oneOutput': (a: { count: S }) =>
    `That is the count for one filter (or unit); the layer has ${a.count}, so multiply by ${a.count}.`,
  'mistake.denseOnlyChannels': (a: { features: S; channels: S }) =>
    `Dense is connected to every value Flatten lines up — ${a.features} of them (height × width × channels), not only the ${a.channels} channels.`,
  'mistake.embeddingBias': () => 'An Embedding has no bias: only input_dim × output_dim weights.',
  'mistake.oneGate': (a: { gates: N }) =>
    `This layer has ${a.gates} gates, each with its own kernel, recurrent kernel and bias: multiply one gate’s count by ${a.gates}.`,
  'mistake.forgotRecurrent': () =>
    'The recurrent kernel (units × units per gate) is missing: the state of the previous step is weighted too.',
  'mistake.gruSecondBias': () =>
    'With reset_after (Keras’s default) GRU has two biases per gate: one for the input, one for the recurrent part.',
  'mistake.bidirectionalOnce': () =>
    'Bidirectional holds two copies of the layer (forwards and backwards): count it twice.',
  'mistake.preluWeightless': () =>
    'PReLU learns its slope below 0: one weight per value of its input (per channel when height and width share it).',
  'mistake.layerNormTwo': () => 'LayerNormalization learns 2 numbers per feature: γ (scale) and β (shift).',
  'mistake.depthwiseAsConv': (a: { channels: S }) =>
    `A depthwise filter looks at one channel only: it does not multiply by all ${a.channels} input channels as Conv2D does.`,
  'mistake.separableForgotDepthwise': () =>
    'The depthwise part has weights too: kernel height × kernel width per input channel (× depth multiplier).',
  'mistake.separableForgotPointwise': () =>
    'The pointwise 1×1 part has weights too: one per depthwise output for each filter.',
  'mistake.separableAsConv': () =>
    'This is a separable convolution: a depthwise step and a 1×1 pointwise step, far fewer weights than one Conv2D.',
  'mistake.batchNormMovingStats': () =>
    'Keras also counts BatchNormalization’s moving mean and moving variance: 2 more per channel, not trainable but part of the count.',
  'mistake.batchNormPerPosition': () =>
    'BatchNormalization has its parameters per channel, not per position: height and width do not multiply them.',
  'mistake.noWeights': () =>
    'This layer has no weights: it only rearranges, pools or drops values, so its parameter count is 0.',
  'mistake.usedSamePadding': () =>
    'This layer uses ‘valid’ padding (no zeros added): the window must fit inside the input, so the output is smaller than with ‘same’.',
  'mistake.usedValidPadding': () =>
    'This layer uses ‘same’ padding: zeros are added around the input, so with stride 1 height and width stay as they are (with stride s: input ÷ s, rounded up).',
  'mistake.forgotStride': (a: { stride: S }) =>
    `You left out the stride (${a.stride}): the window moves ${a.stride} pixels at a time, which divides the output size.`,
  'mistake.keptInputChannels': (a: { filters: S }) =>
    `A Conv2D layer outputs one channel per filter: ${a.filters} channels, whatever its input had.`,
  'mistake.channelsFirst': () => 'Keras writes shapes channels last: height × width × channels.',
  'mistake.fieldOnlyThisLayer': () =>
    'The receptive field counts every layer before this one too, not only this layer’s own window.',
  'mistake.fieldForgotJump': () =>
    'You left out the strides of earlier layers: after a layer with stride s, each step of the next window moves s input pixels (the jump), so the field grows faster.',
  'mistake.totalLeftOutFrozen': (a: { count: S }) =>
    `That is the trainable count only. Total params also counts the ${a.count} non-trainable ones: the weights of the frozen layers, and BatchNormalization’s moving mean and variance where there is one.`,
  'mistake.totalLeftOutNonTrainable': (a: { count: S }) =>
    `That is the trainable count only. Total params also counts the ${a.count} non-trainable ones (BatchNormalization’s moving mean and variance).`,
} satisfies Record<string, (a: never) => string>;
