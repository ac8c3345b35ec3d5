/**
 * A PyTorch nn.Module that is the drawn network layer for layer, with Keras's numbers: image tensors are
 * channels first (N, C, H, W) as PyTorch wants, Flatten goes back to Keras's channels-last order first so
 * Dense weights transfer unchanged, 'same' padding is TensorFlow's (the odd pixel after), BatchNormalization
 * takes Keras's momentum and epsilon. Also writes the function that loads weights exported from ConvStudio
 * or Keras (an .npz of "layer/weight" arrays) into the module.
 */
import { layerModule } from '../layers/catalogue.ts';
import type { LayerCode } from '../layers/layer-module.ts';
import type { ExportPlan, PlannedLayer } from './export-plan.ts';
import type { Group } from '../document/graph-schema.ts';
import { childGroupOf } from '../document/groups.ts';
import { isImage } from './torch-parts.ts';

const isSequence = (shape: number[]) => shape.length === 2;
import { indent, pyClassName, pyDocText, pyIdentifier } from './python-text.ts';
import { msg } from '../i18n/messages.ts';
import { SAY_EN, fill, type Say } from './script-words.ts';

/**
 * Whether the module gives logits: the network ends in a softmax over its classes and trains with
 * categorical cross-entropy, which PyTorch computes from logits (nn.CrossEntropyLoss applies the softmax).
 */
export function givesLogits(plan: ExportPlan): boolean {
  const { node, outputShape } = plan.output;
  return (
    plan.project.training.loss === 'categorical_crossentropy' &&
    outputShape.length === 1 &&
    layerModule(node.type).activation?.(node.params as never) === 'softmax'
  );
}

/** The layer's code; for the last layer of a module that gives logits, without its softmax. */
function layerCode(plan: ExportPlan, l: PlannedLayer, out: string, say: Say): LayerCode {
  const logits = l === plan.output && givesLogits(plan);
  const code =
    logits && l.node.type === 'Softmax'
      ? { init: [], forward: ([x]: string[]) => [`${out} = ${x}`], load: [], penalty: [] }
      : layerModule(l.node.type).torch(
          logits
            ? { ...l, say, node: { ...l.node, params: { ...l.node.params, activation: 'linear' } } as typeof l.node }
            : { ...l, say },
          out,
        );
  if (l.node.trainable !== false) return code;
  // Frozen (Keras's trainable = False): none of what the layer made learns.
  const made = code.init.flatMap((line) => /^self\.(\w+) = /.exec(line)?.[1] ?? []);
  return { ...code, init: [...code.init, ...made.map((name) => `self.${name}.requires_grad_(False)`)] };
}

export interface TorchModule {
  className: string;
  /** The class definition. */
  lines: string[];
  /** def load_keras_weights(model, path): … */
  loader: string[];
  /** Whether the class has a penalty() method (L1/L2 regularizers). */
  penalised: boolean;
  /** Whether forward gives logits (givesLogits); probabilities(x) then gives what Keras's model gives. */
  logits: boolean;
}

/** A docstring's lines: one line, or its paragraphs with the closing quotes on a line of their own. */
function docstring(doc: string): string[] {
  const lines = doc.split('\n');
  return lines.length === 1 ? [`"""${doc}"""`] : [`"""${lines[0]}`, ...lines.slice(1, -1), `${lines.at(-1)}"""`];
}

/** A nested model's layers, drawn as one nn.Module of their own when one tensor enters them and one leaves. */
interface Region {
  group: Group;
  layers: PlannedLayer[];
  /** The layer outside that feeds it, and the one of its layers the rest reads. */
  input: PlannedLayer;
  output: PlannedLayer;
}

type Item = { layer: PlannedLayer } | { region: Region };

/**
 * The items of one module: its own layers, and each nested model directly inside it as one region — where
 * that model has one input and one output; otherwise its layers are the module's own.
 */
function moduleItems(plan: ExportPlan, layers: PlannedLayer[], parent: string | undefined): Item[] {
  const groups = plan.project.graph.groups ?? [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  const childOf = (l: PlannedLayer): Group | undefined => {
    const id = childGroupOf(groups, l.node.group, parent);
    return id === undefined ? undefined : byId.get(id);
  };

  const buckets = new Map<string, PlannedLayer[]>();
  const order: Array<PlannedLayer | string> = [];
  for (const l of layers) {
    const child = childOf(l);
    if (!child) order.push(l);
    else if (buckets.has(child.id)) buckets.get(child.id)!.push(l);
    else {
      buckets.set(child.id, [l]);
      order.push(child.id);
    }
  }
  return order.flatMap((entry): Item[] => {
    if (typeof entry !== 'string') return [{ layer: entry }];
    const members = buckets.get(entry)!;
    const region = asRegion(plan, byId.get(entry)!, members);
    return region ? [{ region }] : members.map((layer) => ({ layer }));
  });
}

function asRegion(plan: ExportPlan, group: Group, layers: PlannedLayer[]): Region | null {
  const inside = new Set(layers);
  const inputs = new Set(layers.flatMap((l) => l.inputs.filter((i) => !inside.has(i))));
  const read = layers.filter(
    (l) => l === plan.output || plan.layers.some((o) => !inside.has(o) && o.inputs.includes(l)),
  );
  if (inputs.size !== 1 || read.length !== 1) return null;
  return { group, layers, input: [...inputs][0]!, output: read[0]! };
}

interface ModuleText {
  className: string;
  /** Classes it needs defined before it (its nested models'), then its own. */
  classes: string[][];
  /** Its weight-loading lines, for `model` being an instance of it. */
  loads: string[];
  penalised: boolean;
}

/**
 * One nn.Module class: `layers` in order, reading `input` (the module's parameter), its result `output`.
 * Nested models with one input and one output become modules of their own, as Keras nests them.
 */
function moduleClass(
  plan: ExportPlan,
  className: string,
  doc: string,
  layers: PlannedLayer[],
  input: PlannedLayer,
  output: PlannedLayer,
  parent: string | undefined,
  taken: Set<string>,
  say: Say,
  methods: string[] = [],
): ModuleText {
  const items = moduleItems(plan, layers, parent);
  const outputOf = (item: Item) => ('layer' in item ? item.layer : item.region.output);
  const inputsOf = (item: Item) => ('layer' in item ? item.layer.inputs : [item.region.input]);
  // A chain (each item reading the one before) keeps one variable, x; a branched module names each output.
  const chain = items.every((item, i) => {
    const reads = inputsOf(item);
    return reads.length === 1 && reads[0] === (i === 0 ? input : outputOf(items[i - 1]!));
  });
  const variable = (l: PlannedLayer) => (chain ? 'x' : l === input ? (parent === undefined ? l.id : 'x') : l.id);
  const classes: string[][] = [];
  const init: string[] = [];
  const forward: string[] = [];
  const penalty: string[] = [];
  const loads: string[] = [];
  const frozenNorms: string[] = [];
  for (const item of items) {
    if ('layer' in item) {
      const code = layerCode(plan, item.layer, variable(item.layer), say);
      init.push(...code.init);
      forward.push(...code.forward(item.layer.inputs.map(variable)));
      penalty.push(...code.penalty);
      loads.push(...code.load);
      if (item.layer.node.trainable === false && layerModule(item.layer.node.type).frozenRunsAsInference) {
        frozenNorms.push(item.layer.id);
      }
      continue;
    }
    const { region } = item;
    const attr = pyIdentifier(region.group.name, taken);
    const sub = moduleClass(
      plan,
      pyIdentifier(pyClassName(region.group.name, 'Nested'), taken),
      fill(say(msg('script.nestedDoc')), {
        name: pyDocText(region.group.name),
        className: pyDocText(region.group.className),
      }),
      region.layers,
      region.input,
      region.output,
      region.group.id,
      taken,
      say,
    );
    classes.push(...sub.classes);
    init.push(`self.${attr} = ${sub.className}()`);
    forward.push(`${variable(region.output)} = self.${attr}(${variable(region.input)})`);
    if (sub.penalised) penalty.push(`self.${attr}.penalty()`);
    loads.push(...sub.loads.map((line) => line.replace(/^model\./, `model.${attr}.`)));
  }
  classes.push([
    `class ${className}(nn.Module):`,
    ...indent([
      ...docstring(doc),
      '',
      'def __init__(self):',
      ...indent(['super().__init__()', ...init]),
      '',
      `def forward(self, ${variable(input)}):`,
      ...indent([...forward, `return ${variable(output)}`]),
      ...methods,
      ...(penalty.length > 0
        ? [
            '',
            'def penalty(self):',
            ...indent([`"""${say(msg('script.penaltyDoc'))}"""`, `return ${penalty.join(' + ')}`]),
          ]
        : []),
      ...(frozenNorms.length > 0
        ? [
            '',
            'def train(self, mode=True):',
            ...indent([
              `"""${say(msg('script.frozenDoc'))}"""`,
              'super().train(mode)',
              ...frozenNorms.map((id) => `self.${id}.eval()`),
              'return self',
            ]),
          ]
        : []),
    ]),
  ]);
  return { className, classes, loads, penalised: penalty.length > 0 };
}

/** The main module's docstring: what it is, what it takes, and, where it gives logits, what to call for Keras's outputs. */
function moduleDoc(plan: ExportPlan, logits: boolean, say: Say): string {
  const inputShape = plan.input.outputShape;
  const torchShape = isImage(inputShape) ? [inputShape[2]!, inputShape[0]!, inputShape[1]!] : inputShape;
  const layout = isImage(inputShape)
    ? msg('script.imagesFirst')
    : isSequence(inputShape)
      ? msg('script.sequences')
      : '';
  const first = fill(say(msg('script.moduleDoc', { shape: torchShape.join(', '), layout })), {
    name: pyDocText(plan.project.meta.name),
  });
  return `${first}${logits ? `\n\n${say(msg('script.logitsDoc'))}\n` : ''}`;
}

export function torchModule(plan: ExportPlan, className: string, say: Say = SAY_EN): TorchModule {
  const taken = new Set([className, ...plan.layers.map((l) => l.id), plan.input.id]);
  const logits = givesLogits(plan);
  const built = moduleClass(
    plan,
    className,
    moduleDoc(plan, logits, say),
    plan.layers,
    plan.input,
    plan.output,
    undefined,
    taken,
    say,
    logits
      ? [
          '',
          'def probabilities(self, x):',
          ...indent([`"""${say(msg('script.probabilitiesDoc'))}"""`, 'return F.softmax(self(x), dim=-1)']),
        ]
      : [],
  );
  const lines = built.classes.flatMap((c, i) => (i === 0 ? c : ['', '', ...c]));
  const loads = built.loads;
  const loader = [
    'def load_keras_weights(model, path):',
    ...indent([`"""${say(msg('script.loadDoc'))}"""`, 'assign_keras_weights(model, np.load(path))']),
    '',
    '',
    'def assign_keras_weights(model, saved):',
    ...indent([
      `"""${say(msg('script.assignDoc'))}"""`,
      '',
      'def get(name):',
      '    return torch.from_numpy(np.array(saved[name]))',
      '',
      ...(loads.length > 0 ? ['with torch.no_grad():', ...indent(loads)] : ['pass']),
    ]),
  ];
  return { className, lines, loader, penalised: built.penalised, logits };
}
