/**
 * Traditional Chinese texts of the core, with the course's terms (../shared/glossary-zh-TW.md) and the
 * English Keras name beside them where courses write it so.
 */
import { formatInt } from '../format/number.ts';
import type { Axis, Side, en } from './en.ts';

type Catalogue = typeof en;
type S = string;
type N = number;

const AXIS_WORDS: Record<Side, string> = { both: '高度與寬度', height: '高度', width: '寬度', steps: '時間步數' };
const LINE_WORDS: Record<Side, string> = { both: '列與行', height: '列', width: '行', steps: '個時間步' };
const axisWord = (axis: Side): string => AXIS_WORDS[axis];
const lines = (axis: Side): string => LINE_WORDS[axis];

/** The kinds of value a file's schema expects (zod's names), in words. */
const ZH_VALUE_KINDS: Record<string, string> = {
  number: '數字',
  int: '整數',
  string: '文字',
  boolean: ' true 或 false ',
  object: '物件（{…}）',
  array: '清單（[…]）',
  version: '版本號碼（1、2、3…）',
};

export const zhTW: { [K in keyof Catalogue]: Catalogue[K] } = {
  'axis.height': () => '高度',
  'axis.width': () => '寬度',
  'axis.channels': () => '通道',
  'axis.features': () => '特徵數',

  'diag.emptyGraph': () => '網路還沒有任何層。請從輸入層 (Input) 開始。',
  'diag.noInputLayer': () => '網路沒有輸入層 (Input)，因此無法推算任何形狀。',
  'diag.duplicateName': (a: { layer: S }) => `${a.layer}：另一層也用了相同的名稱。Keras 要求每一層的名稱都不同。`,
  'diag.countTooLarge': (a: { layer: S }) =>
    `${a.layer}：參數或乘加運算量超過 9,007,199,254,740,991，ConvStudio 無法精確算到最後一位。請把這一層或它的輸入變小。`,
  'diag.totalTooLarge': () =>
    '整個網路的參數或乘加運算量總數超過 9,007,199,254,740,991，ConvStudio 無法精確算到最後一位。請把某些層或輸入變小。',
  'diag.cycle': (a: { layer: S }) => `${a.layer} 位於一個迴圈中：某一層的輸出又繞回自己。請移除迴圈中的一條連線。`,
  'diag.notConnected': (a: { layer: S }) =>
    `${a.layer} 沒有連接到輸入層 (Input)，因此不知道它的輸入形狀。請從應該餵資料給它的那一層下方的圓點，拖到這一層上方的圓點。`,
  'diag.missingInputShape': (a: { layer: S }) =>
    `${a.layer} 沒有輸入形狀。請設定高度、寬度與通道數（例如 28 × 28 × 1），或特徵數。`,
  'diag.openInputSize': (a: { layer: S; shape: S }) =>
    `${a.layer}：模型沒有指定輸入的某些大小（${a.shape}：? 表示任何大小）。請填入你的影像大小：卷積層的參數數量與它無關，但輸出形狀有關。`,
  'diag.badInputShape': (a: { layer: S; shape: S }) =>
    `${a.layer}：輸入形狀 ${a.shape} 無效。每個大小必須是 1 到 65,536 的整數，共 1 到 3 個大小。`,
  'diag.inputHasInputs': (a: { layer: S }) => `${a.layer} 是輸入層 (Input)，不能接收其他層的連線。`,
  'diag.tooManyInputs': (a: { layer: S; count: N }) =>
    `${a.layer} 有 ${a.count} 條輸入連線，但只能接收一條。只有合併層（Add、Concatenate、Multiply…）能合併多條。`,
  'diag.mergeNeedsTwo': (a: { layer: S; count: N }) =>
    `${a.layer} 用來合併多層，至少需要 2 條輸入連線；目前有 ${a.count} 條。`,
  'diag.needsImage': (a: { layer: S; shape: S }) =>
    `${a.layer} 處理的是影像（高度 × 寬度 × 通道），但它的輸入是 ${a.shape}。請移除它前面的平坦化層 (Flatten) 或全連接層 (Dense)，或讓輸入層有 3 個大小。`,
  'diag.kernelTooLarge': (a: { layer: S; pool: boolean; axis: Side; size: N; input: N; padded: boolean; formula: S }) =>
    `${a.layer}：${a.pool ? '池化視窗' : '濾波器 (kernel)'}（${formatInt(a.size)}）比${a.padded ? '填充後的' : ''}輸入${axisWord(a.axis)}（${formatInt(a.input)}）還大：${a.formula}。請使用不超過 ${formatInt(a.input)} 的${a.pool ? '池化視窗' : '濾波器'}，或改用 'same' 填充。`,
  'diag.outOfRange': (a: { layer: S; setting: S; value: S; min: N; max: N }) =>
    `${a.layer}：${a.setting} 是 ${a.value}；必須是 ${formatInt(a.min)} 到 ${formatInt(a.max)} 的整數。`,
  'diag.penalty': (a: { layer: S; setting: S; value: S }) =>
    `${a.layer}：${a.setting} 是 ${a.value}；權重懲罰必須是 0（不使用）或像 0.01 這樣的小正數。`,
  'diag.notNegative': (a: { layer: S; setting: S; value: S }) =>
    `${a.layer}：${a.setting} 是 ${a.value}；它必須是 0 或更大。`,
  'diag.dropoutRate': (a: { layer: S; value: S }) =>
    `${a.layer}：丟棄率 (Dropout rate) 是 ${a.value}；必須大於或等於 0 且小於 1（0.5 代表丟棄一半的值）。`,
  'diag.badNumber': (a: { layer: S; setting: S; value: S }) =>
    `${a.layer}：${a.setting} 是 ${a.value}，在這裡不是有效的數字。`,
  'diag.groups': (a: { layer: S; channels: N; filters: N; groups: N }) =>
    `${a.layer}：groups = ${a.groups} 必須能整除輸入通道數（${a.channels}）與濾波器數量（${a.filters}）。`,
  'diag.addMismatch': (a: { layer: S; inputs: S }) =>
    `${a.layer}：Add 把輸入逐值相加，所以形狀必須相同：${a.inputs}。試試在縮小的那條分支用 'same' 填充，或在另一條分支加一個 1×1 的 Conv2D。`,
  'diag.concatMismatch': (a: { layer: S; inputs: S; axis: N }) =>
    `${a.layer}：Concatenate 沿著第 ${a.axis} 軸串接，所以其他軸的大小必須相同：${a.inputs}。試試在其中一條分支用 'same' 填充或池化。`,
  'diag.concatAxis': (a: { layer: S; axis: N; rank: N }) =>
    `${a.layer}：輸入只有 ${a.rank} 個軸，沒有第 ${a.axis} 軸。`,

  'diag.needsSequence': (a: { layer: S; shape: S }) =>
    `${a.layer} 處理序列（時間步 × 特徵數），但它的輸入是 ${a.shape}。請給輸入層 2 個大小（時間步 × 特徵數），或在前面加上 Embedding，或加上 Reshape（28 × 28 × 1 → 28 × 28 會把影像一列一列讀入）。`,
  'diag.needsIndices': (a: { layer: S; shape: S }) =>
    `${a.layer} 把一串字詞編號轉成向量，所以它的輸入必須只有一個大小（時間步數，例如 100），但它是 ${a.shape}。`,
  'diag.subtractTwo': (a: { layer: S; count: N }) =>
    `${a.layer} 用第一個輸入減去第二個，所以需要剛好 2 條輸入連線；目前有 ${a.count} 條。`,
  'diag.sharedAxes': (a: { layer: S; axes: S; rank: N }) =>
    `${a.layer}：shared_axes ${a.axes} 必須是輸入的軸，從 1 到 ${a.rank}（1 是批次之後的第一個軸）。`,
  'diag.badPermutation': (a: { layer: S; dims: S }) =>
    `${a.layer}：dims (${a.dims}) 必須把輸入的每個軸各列一次，從 1 開始算（例如 2, 1 交換時間步與特徵）。`,
  'diag.permuteRank': (a: { layer: S; dims: S; shape: S }) =>
    `${a.layer}：dims (${a.dims}) 列出的軸數和輸入 ${a.shape} 的不同。`,
  'diag.needsVector': (a: { layer: S; shape: S }) =>
    `${a.layer} 重複一個向量（一個大小），但它的輸入是 ${a.shape}。請在前面加上 Flatten 或全域池化。`,
  'diag.cropTooMuch': (a: { layer: S; height: N; width: N }) =>
    `${a.layer} 把整張 ${formatInt(a.height)} × ${formatInt(a.width)} 的影像都裁掉了。請裁掉較少的列或行。`,
  'diag.outputPadding': (a: { layer: S; padding: S; strides: S }) =>
    `${a.layer}：輸出填充 (output_padding) ${a.padding} 在每個軸上都必須小於步幅 ${a.strides}（否則 Keras 會拒絕）。`,
  'diag.badTargetShape': (a: { layer: S; shape: S }) =>
    `${a.layer}：目標形狀 ${a.shape} 無效。請給 1 到 3 個 1 到 65,536 的整數；最多一個可以是 −1（「剩下的全部」）。`,
  'diag.reshapeMismatch': (a: { layer: S; input: S; values: N; target: S }) =>
    `${a.layer}：輸入 ${a.input} 共有 ${formatInt(a.values)} 個值，無法排成 ${a.target}。各個大小相乘必須等於 ${formatInt(a.values)}。`,
  'diag.badRange': (a: { layer: S; setting: S; low: S; high: S; max: N }) =>
    `${a.layer}：${a.setting} 從 ${a.low} 到 ${a.high} 不是有效的範圍。兩端都必須介於 −${a.max} 與 ${a.max} 之間，且前者不大於後者。`,
  'warn.strideNotTiling': (a: { layer: S; axis: Side; formula: S; stride: N; dropped: N }) =>
    `${a.layer}：在${axisWord(a.axis)}方向，${a.formula} 無法被步幅 (stride) ${a.stride} 整除，因此 Keras 會忽略輸入最後 ${a.dropped} ${lines(a.axis)}。`,
  'warn.denseNotFlat': (a: { layer: S; shape: S; units: N }) =>
    `${a.layer}：全連接層 (Dense) 收到的是排成影像的 ${a.shape} 個值，而不是一串平的數值，所以每個位置各自得到 ${formatInt(a.units)} 個輸出。若要讓每個值都連到每個單元，請在前面加上平坦化層 (Flatten)（或 GlobalAveragePooling2D）。`,
  'warn.noActivation': (a: { layer: S; next: S }) =>
    `${a.layer} 沒有激活函數（linear），又直接接到 ${a.next}：中間沒有激活函數的兩層，只能學到一層就學得到的東西。請把它的激活函數設為 ReLU（最常用的選擇）。`,
  'warn.softmaxNotLast': (a: { layer: S }) => `${a.layer} 使用 softmax，但不是最後一層。softmax 通常只用在輸出層。`,
  'warn.tooManyParams': (a: { total: N }) =>
    `這個模型有 ${formatInt(a.total)} 個參數（超過 1 億）：訓練會很慢，也需要大量記憶體。`,

  'explain.shape.valid': (a: { axis: Axis }) =>
    `輸出${axisWord(a.axis)} = ⌊(輸入 − 濾波器大小) / 步幅⌋ + 1（'valid'：不填充）`,
  'explain.shape.validDilated': (a: { axis: Axis }) =>
    `輸出${axisWord(a.axis)} = ⌊(輸入 − (擴張率 × (濾波器大小 − 1) + 1)) / 步幅⌋ + 1（'valid'）`,
  'explain.shape.numeric': (a: { axis: Axis }) =>
    `輸出${axisWord(a.axis)} = ⌊(輸入 + 2 × 填充 − 濾波器大小) / 步幅⌋ + 1`,
  'explain.shape.same': (a: { axis: Axis }) =>
    `輸出${axisWord(a.axis)} = ⌈輸入 / 步幅⌉（'same'：補零，讓只有步幅會縮小特徵圖）`,
  'explain.shape.filters': () => '輸出通道數 = 濾波器數量（每個濾波器產生一張特徵圖）',
  'explain.shape.unchanged': () => '這一層不改變輸入的形狀',
  'explain.shape.flatten': () => '平坦化 (Flatten) 把所有值排成一列：高度 × 寬度 × 通道',
  'explain.shape.dense': () => '輸出 = 神經元數量 (units)',
  'explain.shape.zeroPad': (a: { axis: Axis }) => `輸出${axisWord(a.axis)} = 輸入 + 前方填充 + 後方填充`,
  'explain.shape.globalPool': () => '全域池化每個通道只保留一個值',
  'explain.shape.concat': () => 'Concatenate 沿著串接的軸把大小相加',
  'explain.shape.input': () => '每個輸入樣本的大小',
  'explain.shape.causal': () => "輸出時間步數 = ⌈輸入 / 步幅⌉（'causal'：只在前面補零，所以輸出不會看到之後的時間步）",
  'explain.shape.embeddingSteps': () => '輸入的每個編號各得一個向量（時間步）',
  'explain.shape.embedding': () => '每個向量有 output_dim 個數',
  'explain.shape.everyStep': () => 'return_sequences：每個時間步都有一個輸出',
  'explain.shape.units': () => '每個輸出有 units 個數',
  'explain.shape.lastState': () => '只傳回最後一個時間步的狀態：units 個數',
  'explain.shape.bidirectionalConcat': () => '正向與反向的輸出並排：2 × units',
  'explain.shape.bidirectionalMerged': () => '正向與反向的輸出合而為一：units',
  'explain.params.conv1d': () => '參數 = (濾波器大小 × 輸入特徵數 + 1 個偏差) × 濾波器數量',
  'explain.params.conv1dNoBias': () => '參數 = 濾波器大小 × 輸入特徵數 × 濾波器數量（無偏差）',
  'explain.params.embedding': () => '參數 = input_dim（字詞數）× output_dim（每個字詞的數值個數）；沒有偏差',
  'explain.params.lstm': (a: { bias: boolean }) =>
    `參數 = (輸入數 + units${a.bias ? ' + 1 個偏差' : ''}) × 4 個閘門 × units：輸入閘、遺忘閘、記憶單元與輸出閘各有一組權重、一組循環權重${a.bias ? '與偏差' : ''}`,
  'explain.params.gru': (a: { bias: boolean }) =>
    `參數 = (輸入數 + units${a.bias ? ' + 1 個偏差' : ''}) × 3 個閘門 × units：更新閘、重置閘與候選狀態（reset_after 關閉：每個閘門一組偏差）`,
  'explain.params.gruResetAfter': () =>
    '參數 = (輸入數 + units + 2 個偏差) × 3 個閘門 × units：開啟 reset_after（Keras 的預設）時，每個閘門的輸入與循環部分各有一組偏差',
  'explain.params.simpleRnn': (a: { bias: boolean }) =>
    `參數 = (輸入數 + units${a.bias ? ' + 1 個偏差' : ''}) × units：一組權重、一組循環權重${a.bias ? '與偏差' : ''}`,
  'explain.params.bidirectional': (a: { cell: S }) => `包裝的層的兩倍：一份正向讀、一份反向讀。${a.cell}`,
  'explain.shape.crop': (a: { axis: Axis }) => `輸出${axisWord(a.axis)} = 輸入 − 前方裁掉的 − 後方裁掉的`,
  'explain.shape.permute': () => 'Permute 重新排列軸：輸出的第 i 軸是輸入的第 dims[i] 軸',
  'explain.shape.repeat': () => 'RepeatVector 把向量重複 n 次：n 個時間步 × 特徵數',
  'explain.params.prelu': () => '參數 = 輸入的每個值一個學到的斜率 (alpha)，沿 shared_axes 共用',
  'explain.params.layerNorm': () =>
    '參數 = 2 × 特徵數：γ（縮放）與 β（平移）都是可訓練參數；不像批次正規化沒有移動平均',
  'explain.shape.depthwise': () => '輸出通道數 = 輸入通道數 × 深度倍數（每個通道各自濾波）',
  'explain.shape.transposeSame': (a: { axis: Axis }) => `輸出${axisWord(a.axis)} = 輸入 × 步幅（轉置卷積，'same'）`,
  'explain.shape.transposeValid': (a: { axis: Axis }) =>
    `輸出${axisWord(a.axis)} = 輸入 × 步幅 + max(濾波器大小 − 步幅, 0)（轉置卷積，'valid'）`,
  'explain.shape.transposeOutputPadding': (a: { axis: Axis }) =>
    `輸出${axisWord(a.axis)} = (輸入 − 1) × 步幅 + 濾波器大小 − 2 × 填充 + 輸出填充（'same' 的填充為濾波器大小 ÷ 2，無條件捨去）`,
  'explain.shape.upsample': (a: { axis: Axis }) => `輸出${axisWord(a.axis)} = 輸入 × 放大倍數（每個像素重複）`,
  'explain.shape.reshape': () => '重塑形狀 (Reshape) 把同樣的值排成目標形狀；−1 的大小取其餘各軸剩下的部分',
  'explain.shape.augmentation': () => '這一層不改變形狀：訓練時隨機移動每張影像，預測時原樣通過',
  'explain.params.depthwise': () => '參數 = (濾波器高 × 濾波器寬 + 1 個偏差) × 輸入通道數 × 深度倍數',
  'explain.params.depthwiseNoBias': () => '參數 = 濾波器高 × 濾波器寬 × 輸入通道數 × 深度倍數（無偏差）',
  'explain.params.separable': () =>
    '參數 = 深度卷積 (濾波器高 × 濾波器寬 × 輸入通道數 × 深度倍數) + 逐點卷積 (深度卷積輸出數 + 1 個偏差) × 濾波器數量',
  'explain.params.separableNoBias': () =>
    '參數 = 深度卷積 (濾波器高 × 濾波器寬 × 輸入通道數 × 深度倍數) + 逐點卷積 深度卷積輸出數 × 濾波器數量（無偏差）',
  'explain.params.conv': () => '參數 = (濾波器高 × 濾波器寬 × 輸入通道數 + 1 個偏差) × 濾波器數量',
  'explain.params.convGroups': () => '參數 = (濾波器高 × 濾波器寬 × 輸入通道數 / 分組數 + 1 個偏差) × 濾波器數量',
  'explain.params.convNoBias': () => '參數 = 濾波器高 × 濾波器寬 × 輸入通道數 × 濾波器數量（無偏差）',
  'explain.params.dense': () => '參數 = (輸入數 + 1 個偏差) × 神經元數量',
  'explain.params.denseNoBias': () => '參數 = 輸入數 × 神經元數量（無偏差）',
  'explain.params.frozen': (a: { rule: S; total: N }) =>
    `${a.rule} 這一層已凍結，所以 ${formatInt(a.total)} 個參數都不可訓練：訓練時保持不變。`,
  'explain.params.batchNorm': () =>
    '參數 = 4 × 通道數：γ（縮放）與 β（平移）是可訓練參數；移動平均與移動變異數不參與訓練（Keras 把它們算作不可訓練參數）',
  'explain.params.none': () => '這一層沒有需要學習的權重',
  'explain.params.total': () => '總參數 = 每一層參數的總和（可訓練與不可訓練參數都算）',
  'explain.rf.input': () => '每個輸入像素只看到自己：感受野 1，跳距 1',
  'explain.rf.layer': () => '感受野 = 前一層感受野 + (濾波器大小 − 1) × 前一層跳距；跳距 j = 前一層跳距 × 步幅',
  'explain.rf.unchanged': () => '這一層一次只看一個位置：感受野不變',
  'explain.rf.global': () => '每個輸出都取決於整個輸入：沒有局部的感受野',
  'explain.macs.conv': () => '乘加運算量 = 輸出高 × 輸出寬 × (濾波器高 × 濾波器寬 × 輸入通道數 / 分組數) × 濾波器數量',
  'explain.macs.dense': () => '乘加運算量 = 位置數 × 輸入數 × 神經元數量',
  'explain.macs.conv1d': () => '乘加運算量 = 輸出時間步數 × (濾波器大小 × 輸入特徵數) × 濾波器數量',
  'explain.macs.recurrent': (a: { gates: N }) =>
    `乘加運算量 = 時間步數 × ${a.gates === 1 ? '' : `${a.gates} 個閘門 × `}(輸入數 + units) × units（每個時間步的權重乘法）`,
  'explain.macs.bidirectional': () => '乘加運算量 = 2 × 包裝的層（正向與反向）',
  'explain.rf.steps': () => '序列不計算：ConvStudio 的感受野是指輸出看到的影像區塊（高 × 寬）',
  'explain.rf.sequence': () => '循環層沒有定義感受野：每個輸出都可能取決於之前所有的時間步',
  'explain.macs.prelu': () => '乘加運算量 = 每個值一次（斜率乘上該值）',
  'explain.macs.depthwise': () => '乘加運算量 = 輸出高 × 輸出寬 × 濾波器高 × 濾波器寬 × 輸入通道數 × 深度倍數',
  'explain.macs.separable': () => '乘加運算量 = 輸出高 × 輸出寬 × (深度卷積權重數 + 深度卷積輸出數 × 濾波器數量)',
  'explain.macs.transpose': () =>
    '乘加運算量 = 輸入高 × 輸入寬 × (濾波器高 × 濾波器寬 × 輸入通道數) × 濾波器數量：每個輸入像素為每個濾波器散佈一個卷積核',
  'explain.rf.enlarged': () => '這裡沒有定義：這一層會放大特徵圖，而感受野的算法只適用於保持或縮小特徵圖的層',
  'explain.macs.none': () => '沒有與權重相乘的運算',
  'explain.paramsBreakdown': (a: { trainable: S; nonTrainable: S }) =>
    `可訓練 ${a.trainable}，不可訓練 ${a.nonTrainable}`,

  'json.unexpectedEnd': () => 'JSON 還沒結束，文字就結束了',
  'json.unexpectedCharacter': () => '這裡出現了 JSON 不允許的字元',
  'json.punctuation': () => '缺少逗號或冒號',
  'cli.badLang': (a: { value: S }) => `--lang 必須是 en 或 zh-TW，而不是 '${a.value}'。`,
  'cli.oneFile': (a: { command: S }) => `${a.command} 需要剛好一個檔案 (FILE)。請執行 convstudio --help。`,
  'cli.atMostOneFile': (a: { command: S }) => `${a.command} 最多只接受一個檔案 (FILE)。`,
  'cli.badSize': (a: { option: S; value: S; max: S }) =>
    `${a.option} 需要 1 MB 到 ${a.max} 之間的大小，例如 2GB 或 1500MB，而不是 '${a.value}'。`,
  'cli.moreLikeThis': (a: { count: N }) => `…還有 ${formatInt(a.count)} 則與上面類似的訊息。`,
  'cli.badNumber': (a: { option: S; min: N; max: N; value: S }) =>
    `${a.option} 必須是 ${a.min} 到 ${a.max} 的整數，而不是 '${a.value}'。`,
  'cli.badBackend': (a: { value: S }) =>
    `--backend 必須是 auto、pytorch、cuda、webgpu、tfjs-node、wasm、cpu 之一，而不是 '${a.value}'。`,
  'cli.unknownCommand': (a: { command: S }) => `沒有 '${a.command}' 這個指令。請執行 convstudio --help。`,
  'cli.unknownOption': (a: { option: S }) => `這裡沒有 ${a.option} 選項，或它需要一個值。請執行 convstudio --help。`,
  'cli.badArguments': () => '無法讀取命令列。請執行 convstudio --help。',
  'cli.serving': (a: { url: S }) => `ConvStudio 正在 ${a.url} 執行\n（按 Ctrl+C 停止）`,
  'cli.noBrowser': () => '無法開啟瀏覽器；請自行開啟上面的網址。',
  'cli.notBuilt': () => '應用程式尚未建置：請在 ConvStudio 的資料夾執行 `npm run build` 後再試一次。',
  'cli.backendLine': (a: { backend: S }) => `後端：${a.backend}`,
  'cli.backendDeviceLine': (a: { backend: S; device: S }) => `後端：${a.backend}，在 ${a.device} 上`,
  'cli.backendThreadsLine': (a: { backend: S; threads: N }) => `後端：${a.backend}，${a.threads} 個執行緒`,
  'cli.measuringLine': (a: { backends: S }) => `正在選擇訓練的地方：在 ${a.backends} 上量測這個網路（幾秒鐘）…`,
  'cli.measuredLine': (a: { figures: S }) => `  訓練前在這個網路上量測：${a.figures}`,
  'cli.measuredFigure': (a: { backend: S; speed: N }) => `${a.backend} 每秒 ${formatInt(a.speed)} 張`,
  'cli.dataLine': (a: { name: S; train: N; validation: N; test: N }) =>
    `資料：${a.name}，訓練集 ${formatInt(a.train)}、驗證集 ${formatInt(a.validation)}、測試集 ${formatInt(a.test)} 個樣本`,
  'cli.epochLine': (a: { epoch: N; loss: S; accuracy: S; validation: S; speed: N; seconds: S }) =>
    `訓練週期 ${a.epoch}：損失 ${a.loss}  準確率 ${a.accuracy}${a.validation}（每秒 ${formatInt(a.speed)} 個樣本，${a.seconds} 秒）`,
  'cli.validationPart': (a: { loss: S; accuracy: S }) => `  驗證損失 ${a.loss}  驗證準確率 ${a.accuracy}`,
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
    `訓練週期 ${a.epoch}/${a.epochs} [${a.bar}] ${a.batch}/${a.batches}  損失 ${a.loss}  準確率 ${a.accuracy}  每秒 ${formatInt(a.speed)} 個樣本  剩餘 ${a.eta} 秒`,
  'cli.testLine': (a: { loss: S; accuracy: S }) => `測試集：損失 ${a.loss}  準確率 ${a.accuracy}`,
  'cli.savedLine': (a: { path: S }) => `已儲存：${a.path}`,
  'cli.portInUse': (a: { port: N }) => `連接埠 ${a.port} 已被使用。請用 --port 指定其他連接埠，或不指定以自動選擇。`,
  'file.notOurs': (a: { path: S }) => `${a.path} 已經存在，而且不是 ConvStudio 的檔案：儲存會取代它。`,
  'file.cannotSave': (a: { path: S; reason: S }) =>
    `無法儲存 ${a.path}（${a.reason}）。您的作品仍然開著；請換一個資料夾或檔名再試。`,
  'data.idxMagic': (a: { file: S; magic: S }) =>
    `${a.file} 不是 IDX 檔：開頭是 ${a.magic}，而不是 00 00 08（MNIST 影像與標籤的格式）。`,
  'data.idxType': (a: { file: S; type: S }) =>
    `${a.file} 的 IDX 數值型別是 ${a.type}；影像與標籤必須是無號位元組 (0x08)。`,
  'data.truncated': (a: { file: S; expected: N; actual: N }) =>
    `${a.file} 不完整：至少應有 ${formatInt(a.expected)} 位元組，卻只有 ${formatInt(a.actual)}。請重新下載。`,
  'data.idxImageRank': (a: { file: S; rank: N }) =>
    `${a.file} 有 ${a.rank} 個維度；IDX 影像檔應有 3 個（數量、列、行）。`,
  'data.idxLabelRank': (a: { file: S; rank: N }) => `${a.file} 有 ${a.rank} 個維度；IDX 標籤檔應只有 1 個。`,
  'data.countMismatch': (a: { images: S; labels: S; imageCount: N; labelCount: N }) =>
    `${a.images} 有 ${formatInt(a.imageCount)} 張影像，但 ${a.labels} 有 ${formatInt(a.labelCount)} 個標籤；兩者必須相同。`,
  'data.unreadable': (a: { file: S; reason: S }) => `無法讀取 ${a.file}（${a.reason}）。`,
  'data.shapeMismatch': (a: { dataset: S; data: S; input: S }) =>
    `${a.dataset} 的影像是 ${a.data}，但網路的輸入層 (Input) 是 ${a.input}。請把輸入設為 ${a.data}。`,
  'data.classMismatch': (a: { dataset: S; classes: N; units: N }) =>
    `${a.dataset} 有 ${a.classes} 個類別，但最後一層有 ${a.units} 個輸出。請讓最後的全連接層 (Dense) 有 ${a.classes} 個神經元。`,
  'data.idxMissing': (a: { folder: S; file: S }) =>
    `${a.folder} 裡沒有 ${a.file} 檔。IDX 資料集資料夾需要 train-images、train-labels、t10k-images 與 t10k-labels。`,
  'data.unsupportedKind': (a: { kind: S }) => `目前還不能用 ${a.kind} 資料集訓練。`,
  'backend.notInstalled': (a: { pkg: S }) =>
    `${a.pkg} 沒有安裝 TensorFlow 程式庫（它要從 npm 套件庫以外下載，\`npm install\` 不會下載；在能連上網路的地方執行 \`npm rebuild ${a.pkg} --ignore-scripts=false\` 即可取得）`,
  'backend.webgpuNotInstalled': () => '未安裝 WebGPU 套件（webgpu、@tensorflow/tfjs-backend-webgpu）',
  'backend.failedToStart': (a: { backend: S }) => `${a.backend} 後端無法啟動`,
  'backend.webgpuInElectron': () => 'Node 版的 WebGPU 無法在 Electron 中使用（“External buffers are not allowed”）',
  'backend.noGpu': () => '找不到 WebGPU 介面卡（顯示卡）',
  'backend.noVulkan': () => '沒有安裝 Vulkan 驅動程式，而 Linux 上的 WebGPU 需要它（套件 libvulkan1）',
  'backend.softwareGpu': () => '唯一的 WebGPU 介面卡是軟體模擬的，比 WebAssembly 還慢',
  'backend.webgpuPage': (a: { adapter: S }) => `顯示卡（${a.adapter}），透過 ConvStudio 視窗裡的 WebGPU`,
  'backend.webgpuSoftwareAdapter': (a: { adapter: S }) =>
    `軟體轉接器（${a.adapter}）：由處理器代替顯示卡運算，比 WebAssembly 慢得多；只因為選了 WebGPU 才使用`,
  'backend.webglOnlyInWindow': () => 'WebGL 只能在 ConvStudio 的視窗裡（訓練面板）訓練，這裡不行',
  'backend.webglPage': (a: { adapter: S }) => `顯示卡（${a.adapter}），透過 ConvStudio 視窗裡的 WebGL`,
  'backend.webglSoftware': (a: { adapter: S }) =>
    `軟體繪圖器（${a.adapter}）：由處理器代替顯示卡運算；只因為選了 WebGL 才使用`,
  'backend.softwareWebGl': (a: { adapter: S }) =>
    `唯一的 WebGL 繪圖器是軟體模擬的（${a.adapter}），比 WebAssembly 還慢`,
  'backend.pageNoWebGl': () => '這個視窗沒有 WebGL：顯示卡或它的驅動程式不支援',
  'backend.pageNoWebGpu': () => '這個視窗沒有 WebGPU：顯示卡或它的驅動程式不支援',
  'backend.cpuSlow': () => '最慢的後端：在這裡訓練卷積網路要好幾個小時；安裝 @tensorflow/tfjs-node 可以快很多',
  'backend.unavailable': (a: { backend: S; reason: S }) => `無法使用 ${a.backend} 後端：${a.reason}。`,
  'backend.wasmFast': () => 'WebAssembly（SIMD）：隨 ConvStudio 提供，到處都能執行',
  'backend.noPython': () =>
    '這台電腦上找不到裝有 PyTorch 的 Python（python3、python、conda 環境或 CONVSTUDIO_PYTHON）；安裝 PyTorch（pytorch.org）後，ConvStudio 就能用 NVIDIA 或 Apple 的顯示卡訓練',
  'backend.noTorch': (a: { python: S }) =>
    `${a.python} 沒有 PyTorch（或沒有 numpy）；執行 \`${a.python} -m pip install torch numpy\` 即可安裝`,
  'backend.pythonNotFound': (a: { python: S }) => `無法啟動指定給 PyTorch 的 Python：${a.python}`,
  'backend.pytorchFailedMidRun': (a: { detail: S }) =>
    `PyTorch 在訓練途中停止了（${a.detail}）；這次訓練改用 WebAssembly 從頭開始`,
  'backend.pytorchDidNotStart': (a: { detail: S }) => `找到了 PyTorch，但它沒有啟動（${a.detail}）`,
  'backend.measuredSlower': (a: { speed: N; faster: S; fasterSpeed: N }) =>
    `可以使用，但在這個網路上較慢：每秒訓練 ${formatInt(a.speed)} 張，${a.faster} 則是每秒 ${formatInt(a.fasterSpeed)} 張（訓練前量測）`,
  'backend.pytorchNoGpu': () =>
    '這裡沒有 NVIDIA 或 Apple 的顯示卡：在處理器上 PyTorch 並不比 WebAssembly 快，所以自動選擇不會啟動它（`convstudio train --backend pytorch` 仍可使用它）',
  'backend.pytorchCpuOnly': () =>
    '這個 PyTorch 沒有可用的顯示卡（CUDA 或 Apple 的 MPS）：在處理器上它並不比 WebAssembly 快，所以自動選擇略過它（`convstudio train --backend pytorch` 仍可使用它）',
  'train.nan': (a: { epoch: N; batch: N; learningRate: N }) =>
    `訓練在第 ${a.epoch} 個訓練週期、第 ${a.batch} 個批次停止：損失變成 NaN 或無限大。學習率 (${a.learningRate}) 可能太高；請試試小十倍的值。`,
  'train.missingKernel': (a: { kernel: S; backend: S }) =>
    `無法在 ${a.backend} 後端訓練這個網路：它沒有某一層需要的 ${a.kernel} 運算。請選擇自動選擇後端（會改用 CPU）或其他後端。`,
  'train.dilatedGradient': (a: { layers: S }) =>
    `無法在這裡訓練這個網路：TensorFlow.js 無法訓練擴張卷積（${a.layers} 的擴張率大於 1）。請把擴張率設為 1，或匯出到 Keras 或 PyTorch 再訓練。`,
  'train.cannotTrainHere': (a: { detail: S }) =>
    `無法用 TensorFlow.js 訓練這個網路，它回報：${a.detail}。請匯出到 Keras 或 PyTorch 再訓練。`,
  'backend.missingKernel': (a: { kernel: S; backend: S }) =>
    `它沒有這個網路訓練時需要的 ${a.kernel} 運算：改用 CPU 後端`,
  'train.cannotBuild': (a: { layer: S; reason: S }) =>
    `無法訓練這個網路：${a.layer} 層使用了 ${a.reason}，TensorFlow.js 無法訓練。`,
  'train.crashed': (a: { reason: S }) =>
    `訓練程序意外結束（${a.reason}）。您的網路與先前的訓練紀錄都還在；可以重新開始訓練。`,
  'train.pageWorkerFailed': (a: { detail: S }) =>
    `在顯示卡上的訓練意外停止（${a.detail}）。您的網路與先前的訓練紀錄都還在；請在「訓練用」選 WebAssembly 後重新開始。`,
  'train.pageRunUnknown': () => '這次訓練的圖片已經不在了（之後又開始了另一次訓練）。您的網路還在；請重新開始訓練。',
  'train.pageModelMismatch': () => '視窗送來的訓練後網路與它自己的描述不符，所以沒有儲存。請重新開始訓練。',
  'train.outOfMemory': () =>
    '訓練程序記憶體不足而結束。您的網路與先前的訓練紀錄都還在。請試試較小的批次大小、較少的濾波器或較小的圖片。',
  'train.killed': (a: { signal: S }) =>
    `訓練程序被 ConvStudio 以外的程式結束了（系統或其他程式；訊號 ${a.signal}）。您的網路與先前的訓練紀錄都還在；可以重新開始訓練。`,
  'export.hasErrors': () => '網路還有錯誤，暫時無法匯出程式碼。請先修正：',
  'export.oneInputOneOutput': (a: { inputs: N; outputs: N }) =>
    `匯出程式碼需要剛好一個輸入層與一個輸出層；這個網路有 ${a.inputs} 個輸入層、${a.outputs} 個輸出層。`,
  'train.internal': (a: { detail: S }) => `ConvStudio 內部訓練失敗：${a.detail}。您的網路沒有受到影響。`,
  'train.pytorchFailed': (a: { detail: S }) =>
    `用 PyTorch 訓練失敗（${a.detail}）。您的網路沒有受到影響；\`convstudio train --backend wasm\` 會用 ConvStudio 自己的後端訓練它。`,
  'train.pytorchOutOfMemory': () =>
    '顯示卡的記憶體不夠訓練這個網路。請在「訓練」面板把批次大小調小（或改用處理器訓練：`convstudio train --backend wasm`）。',
  'train.startFromMissing': () =>
    '這次訓練要接續的權重已經不在這台電腦上（那次訓練的資料夾被刪除了）。請選擇其他權重，或從隨機權重開始。',
  'train.startFromNothing': () =>
    '網路沒有任何一層符合要接續的權重（名稱或形狀不同）：從那些權重開始等於訓練一個新網路。請改成從隨機權重開始。',
  'train.testNeedsWeights': () => '沒有訓練好的權重可以檢驗：請開啟訓練好的模型，或先訓練網路。',
  'train.testFreshLayers': (a: { layers: S }) =>
    `要檢驗的權重裡沒有 ${a.layers} 的權重：這些權重訓練之後，網路已經改變（層或形狀不同）。請在原本的網路上檢驗，或用微調來訓練新的層。`,
  'train.alreadyRunning': () => '已有網路正在訓練。請先停止該次訓練，再開始新的訓練。',
  'train.noDataset': () => '訓練前，請先在「資料」面板選擇資料集。',
  'data.cifarSize': (a: { file: S; size: N; record: N }) =>
    `${a.file} 有 ${formatInt(a.size)} 位元組，不是完整的 CIFAR-10 紀錄數（每筆 ${formatInt(a.record)} 位元組）。檔案可能不完整。`,
  'data.badLabel': (a: { file: S; index: N; label: N; classes: N }) =>
    `${a.file}：第 ${formatInt(a.index)} 張影像的標籤是 ${a.label}，但只有 ${a.classes} 個類別（0 到 ${a.classes - 1}）。`,
  'data.cifarMissing': (a: { folder: S }) =>
    `${a.folder} 裡沒有 CIFAR-10 批次檔：需要 data_batch_1.bin … data_batch_5.bin 與 test_batch.bin。`,
  'data.notImage': (a: { file: S }) => `${a.file} 不是 PNG 或 JPEG 影像。請把它移出資料集資料夾。`,
  'data.badImage': (a: { file: S; reason: S }) => `${a.file} 是損壞的影像（${a.reason}）。請把它移出資料集資料夾。`,
  'data.folderClasses': (a: { folder: S; count: N }) =>
    `${a.folder} 有 ${a.count} 個類別資料夾；影像資料集需要每個類別一個子資料夾，至少兩個。`,
  'data.emptyClass': (a: { folder: S }) => `類別資料夾 ${a.folder} 裡沒有影像。`,
  'data.labelOutOfRange': (a: { file: S; image: N; label: N; classes: N }) =>
    `${a.file}：第 ${formatInt(a.image)} 張影像的標籤是 ${formatInt(a.label)}，但資料集只有 ${a.classes} 個類別（標籤 0 到 ${a.classes - 1}）。請修正標籤，或在 classes.txt 列出每個類別。`,
  'data.tooManyClasses': (a: { folder: S; count: N; max: N }) =>
    `${a.folder} 有 ${formatInt(a.count)} 個類別資料夾；ConvStudio 最多只能訓練 ${formatInt(a.max)} 個類別。`,
  'data.noTrainImages': (a: { name: S }) => `${a.name} 沒有訓練影像，沒有東西可以訓練。`,
  'data.noTestImages': (a: { name: S }) =>
    `${a.name} 沒有測試影像，訓練好的網路無法測試。請加入一些（t10k- 檔、test_batch.bin，或在每個類別資料夾放更多影像）。`,
  'data.brokenLink': (a: { path: S }) =>
    `${a.path} 是一個連結，但它指向的東西已經不在了。請刪除它，或讓它指向一個影像資料夾。`,
  'data.linkLoop': (a: { path: S }) => `${a.path} 是一個繞回自己的連結。請刪除它，或讓它指向一個影像資料夾。`,
  'data.imageTooLarge': (a: { file: S; width: N; height: N; max: N }) =>
    `${a.file} 有 ${formatInt(a.width)} × ${formatInt(a.height)} 像素；ConvStudio 只讀取最多 ${formatInt(a.max)} 百萬像素的影像。請先把它縮小，或在命令列允許更大的影像：convstudio train … --max-megapixels ${formatInt(Math.ceil((a.width * a.height) / 1e6))}。`,
  'data.gzipTooLarge': (a: { file: S; max: S }) =>
    `${a.file} 解壓縮後超過 ${a.max}；ConvStudio 一個資料集檔案最多讀取 ${a.max}。要讀取更大的檔案，請在命令列用 convstudio train … --max-file-size 2GB（或你需要的大小）訓練。`,
  'data.fileTooLarge': (a: { file: S; size: S; max: S }) =>
    `${a.file} 含有 ${a.size} 的資料；ConvStudio 一個資料集檔案最多讀取 ${a.max}。要讀取更大的檔案，請在命令列用 convstudio train … --max-file-size 2GB（或你需要的大小）訓練。`,
  'data.tooManyImages': (a: { folder: S; count: N; max: N }) =>
    `${a.folder} 有 ${formatInt(a.count)} 張影像；ConvStudio 一個資料夾最多讀取 ${formatInt(a.max)} 張。`,
  'data.folderChannels': (a: { channels: N }) =>
    `影像只能填入 1 個通道（灰階）或 3 個通道（彩色）的輸入層，不能是 ${a.channels} 個。`,
  'file.notFound': (a: { path: S }) => `${a.path}：找不到這個檔案。`,
  'file.unreadable': (a: { path: S; reason: S }) => `${a.path}：無法讀取檔案（${a.reason}）。`,
  'file.noModelAmong': (a: { names: S }) =>
    `選取的檔案（${a.names}）中沒有可以開啟的模型：請選取 model.json 和它的權重檔，或單一個 .keras 或 .h5 檔。`,
  'file.isFolder': (a: { path: S }) => `${a.path} 是資料夾，不是檔案。`,
  'file.empty': (a: { path: S }) => `${a.path} 是空的。`,
  'file.tooLarge': (a: { path: S; size: S; max: S }) =>
    `${a.path} 有 ${a.size}；模型檔最多 ${a.max}。這是權重檔嗎？請改開模型的 .json 檔。`,
  'file.notJson': (a: { path: S; line: N; column: N; detail: S }) =>
    `${a.path} 不是有效的 JSON（第 ${a.line} 行第 ${a.column} 欄：${a.detail}）。檔案可能不完整，或不是模型檔。`,
  'file.tooDeep': (a: { path: S; max: N }) =>
    `${a.path} 的巢狀層數超過 ${a.max} 層；模型檔不會這樣。這不是 ConvStudio 能讀取的模型檔。`,
  'file.unknownFormat': (a: { path: S }) =>
    `${a.path} 既不是 ConvStudio 專案，也不是 Keras 或 TensorFlow.js 模型（最上層沒有 "format"、"class_name" 或 "modelTopology"）。`,
  'file.invalidProject': (a: { path: S; where: S; problem: S }) =>
    `${a.path}：專案檔在 ${a.where} 處損壞：${a.problem}。`,
  'file.invalidExercise': (a: { path: S; where: S; problem: S }) =>
    `${a.path}：練習檔在 ${a.where} 處損壞：${a.problem}。`,
  'file.newerVersion': (a: { path: S; version: N; supported: N }) =>
    `${a.path} 是由較新版的 ConvStudio 儲存的（檔案版本 ${a.version}；此版本最多可讀取 ${a.supported}）。請更新 ConvStudio 後再開啟。`,
  'schema.invalidType': (a: { expected: S; received: S }) =>
    `應為${ZH_VALUE_KINDS[a.expected] ?? ` ${a.expected} `}，實際為 ${a.received}`,
  'schema.invalidValue': (a: { options: S }) => `必須是 ${a.options} 之一`,
  'schema.missing': () => '缺少必要的值',
  'schema.tooSmall': (a: { min: S }) => `值至少要是 ${a.min}`,
  'schema.tooBig': (a: { max: S }) => `值最多只能是 ${a.max}`,
  'schema.duplicateId': (a: { id: S }) => `識別碼 '${a.id}' 被使用了兩次`,
  'schema.unknownGroup': (a: { id: S }) => `某一層或巢狀模型指向巢狀模型 '${a.id}'，但檔案中沒有它`,
  'schema.unknownNode': (a: { id: S }) => `有一條連線指向 '${a.id}'，但沒有這一層`,
  'schema.questionNoLayer': (a: { id: S }) => `有一道題目問的是 '${a.id}'，但網路中沒有這一層`,
  'schema.questionTwice': (a: { question: S }) => `題目 '${a.question}' 出現了兩次`,
  'schema.noForm': () => '這個值不符合任何可接受的格式',
  'import.unsupportedClass': (a: { className: S; count: N; names: S }) =>
    `檔案用到 ${a.className}，ConvStudio 目前還不支援（共 ${formatInt(a.count)} 層：${a.names}）。`,
  'import.notAModel': (a: { className: S }) =>
    `檔案裡的模型是 '${a.className}'；ConvStudio 能開啟 Sequential 與 Functional 模型。`,
  'import.unsupportedLayer': (a: { className: S; name: S }) =>
    `層 '${a.name}' 是 ${a.className}，ConvStudio 目前還不支援。`,
  'import.sharedLayer': (a: { name: S; calls: N }) =>
    `層 '${a.name}' 被使用了 ${a.calls} 次（共用權重）；ConvStudio 每一層只能使用一次。`,
  'import.badSetting': (a: { name: S; className: S; setting: S; value: S }) =>
    `層 '${a.name}'（${a.className}）：無法讀取設定 ${a.setting} = ${a.value}。`,
  'import.missingSetting': (a: { name: S; className: S; setting: S }) =>
    `層 '${a.name}'（${a.className}）缺少必要的設定 ${a.setting}。`,
  'import.channelsFirst': (a: { name: S }) =>
    `層 '${a.name}' 使用 data_format 'channels_first'；ConvStudio 與 Keras 預設相同，使用 'channels_last'（高度、寬度、通道）。`,
  'import.unknownInbound': (a: { name: S; source: S }) =>
    `層 '${a.name}' 的輸入來自 '${a.source}'，但模型中沒有這一層。`,
  'import.nestedNoLayers': (a: { name: S }) => `巢狀模型 '${a.name}' 沒有任何層。`,
  'import.noLayers': () => '這個模型沒有任何層。',
  'import.noInputShape': (a: { name: S }) =>
    `模型沒有說明輸入形狀：第一層 '${a.name}' 沒有 batch_input_shape、batch_shape 或 input_shape。`,
  'import.badStructure': (a: { where: S; problem: S }) =>
    `模型檔的結構與 Keras 寫出的不同：在 ${a.where}，${a.problem}。`,
  'import.duplicateName': (a: { name: S }) => `有兩層都叫 '${a.name}'；層的名稱必須是唯一的。`,
  'weights.badManifest': (a: { file: S; where: S }) =>
    `${a.file}：權重清單（manifest）的格式不是 TensorFlow.js 寫出的樣子，問題在 ${a.where}。`,
  'weights.shardOutside': (a: { file: S; shard: S }) =>
    `${a.file} 指向的權重檔 '${a.shard}' 不在模型的資料夾裡；ConvStudio 只讀取模型旁邊的權重檔。`,
  'weights.shardMissing': (a: { file: S; shards: S }) =>
    `${a.file} 訓練好的權重不在它旁邊（找不到 ${a.shards}）。網路會在沒有權重的情況下開啟：把權重檔放在 ${a.file} 的同一個資料夾（或和它一起選取），就能帶入權重。`,
  'weights.shardSize': (a: { file: S; expected: N; found: N }) =>
    `${a.file} 的權重檔共有 ${formatInt(a.found)} 位元組，但權重清單需要 ${formatInt(a.expected)} 位元組：有檔案不完整，或屬於另一個模型。`,
  'weights.badValues': (a: { file: S; weight: S }) =>
    `${a.file}：權重 '${a.weight}' 的儲存方式不是 ConvStudio 能讀的數字。`,
  'weights.cannotRead': (a: { file: S; reason: S }) => `無法把 ${a.file} 當作訓練好的模型讀取（${a.reason}）。`,
  'weights.nestedVariables': (a: { file: S; layer: S }) =>
    `${a.file}：層 '${a.layer}' 的權重分成好幾部分儲存，ConvStudio 目前還無法排出正確順序；網路會在沒有訓練權重的情況下開啟。`,
  'weights.notKeras': (a: { file: S }) =>
    `${a.file} 不是 Keras 模型檔：Keras 存放模型設定和權重的位置沒有東西（.keras 檔裡的 config.json 和 model.weights.h5，.h5 檔裡的 model_weights）。`,
  'weights.noModelConfig': (a: { file: S }) =>
    `${a.file} 只有權重（Keras 的 save_weights），裡面沒有可以開啟的網路。請用 model.save('model.keras') 儲存整個模型，再開啟那個檔案。`,
  'weights.missingGroup': (a: { file: S; layer: S }) => `${a.file}：清單列出了 '${a.layer}' 的權重，但檔案裡沒有。`,
  'weights.missing': (a: { layer: S; weight: S }) => `層 '${a.layer}'：檔案裡沒有它訓練好的 '${a.weight}'。`,
  'weights.ambiguous': (a: { layer: S; weight: S; keys: S }) =>
    `層 '${a.layer}'：檔案裡有不只一個 '${a.weight}' 可能屬於它（${a.keys}）。`,
  'weights.shapeMismatch': (a: { layer: S; weight: S; expected: S; found: S }) =>
    `層 '${a.layer}'：它的 '${a.weight}' 形狀必須是 ${a.expected}，但檔案裡的是 ${a.found}。`,
  'weights.unused': (a: { count: N; names: S }) =>
    `檔案裡有 ${formatInt(a.count)} 個權重不屬於網路的任何一層（${a.names}）：檔案的結構和權重對不上。`,
  'weights.moreProblems': (a: { count: N }) => `……還有 ${formatInt(a.count)} 個問題。`,
  'weights.imported': (a: { file: S; params: N }) =>
    `已從 ${a.file} 帶入訓練好的權重：全部 ${formatInt(a.params)} 個參數。可以在「訓練」畫面試用網路、查看網路內部或進行微調。`,
  'script.exportedFrom': (a: { version: S }) => `{name} — 由 ConvStudio${a.version} 匯出。`,
  'script.asDrawn': (a: { total: N; trainable: N; nonTrainable: N }) =>
    `畫出來的網路：共 ${formatInt(a.total)} 個參數（${formatInt(a.trainable)} 個可訓練，${formatInt(a.nonTrainable)} 個不可訓練）。`,
  'script.kerasRuns': () => '下面的 model.summary() 會印出相同的數字。需要 Keras 3（TensorFlow 2.16 以上）：',
  'script.asDrawnTorch': (a: { total: N }) => `畫出來的網路：依 Keras 的算法共 ${formatInt(a.total)} 個參數`,
  'script.countsTorch': (a: { trainable: N; nonTrainable: N; note: S }) =>
    `（${formatInt(a.trainable)} 個可訓練，${formatInt(a.nonTrainable)} 個不可訓練${a.note ? `：${a.note}` : ''}）。`,
  'script.noteBatchNorm': () => 'BatchNormalization 的移動統計量，PyTorch 把它們存成 buffer',
  'script.noteFrozen': () => '凍結層的權重',
  'script.noteJoin': (a: { first: S; second: S }) => `${a.first}；${a.second}`,
  'script.torchNeeds': () => '需要 PyTorch（MNIST 另需 torchvision）：  pip install torch torchvision',
  'script.train': (a: { file: S }) => `訓練：  python ${a.file}`,
  'script.useElsewhere': (a: { module: S; className: S }) =>
    `在別的程式使用這個網路：  from ${a.module} import ${a.className}`,
  'script.lightningAbout': () => 'Lightning 不必修改，就能用一個 CPU、一台機器的所有 GPU 或多台機器訓練同一個模組。',
  'script.lightningNeeds': () => '需要：  pip install torch torchvision lightning',
  'script.trainedWeights': () => '在 ConvStudio 訓練好的權重（「訓練」畫面 → 匯出）：放在這個程式旁邊就會載入。',
  'script.epochsZero': () => '把 EPOCHS 設成 0，就能直接測試這些權重。',
  'script.network': () => '---- 網路 ----',
  'script.kerasData': () => '---- 資料：影像縮放到 [0, 1]，標籤轉成 one-hot ----',
  'script.training': () => '---- 訓練 ----',
  'script.testing': () => '---- 測試 ----',
  'script.weights': () => '---- 在 ConvStudio 訓練好的權重（放在這個程式旁邊時才載入）----',
  'script.nestedModel': () => '巢狀模型：載入它自己的各層',
  'script.augmentation': () => '每個訓練週期對每張訓練影像做新的隨機變化；驗證和測試時不作用。',
  'script.lrDecay': (a: { factor: S; every: N }) => `每 ${a.every} 個訓練週期，學習率乘以 ${a.factor}。`,
  'script.testResult': () => '測試損失 {test_loss:.4f}，測試準確率 {test_accuracy:.2%}',
  'script.epochLine': () => '訓練週期 {epoch}/{EPOCHS} ',
  'script.earlyStop': (a: { monitor: S; epochs: N }) => `提前停止：${a.monitor} 已經 ${a.epochs} 個訓練週期沒有進步`,
  'script.logitsLoss': () =>
    '模組輸出 logits：CrossEntropyLoss 自己會做 softmax 和取 log。Keras 會先把機率限制在\n[1e-7, 1 - 1e-7]；除非某個機率低於 1e-7（損失大於 16），兩者的結果相同。',
  'script.kerasLoss': () => 'Keras 的算法：輸出先縮放成總和為 1，限制在 [1e-7, 1 - 1e-7]，再取正確類別的 -log。',
  'script.gridSpan': () => '座標網格的範圍是 [-1, 1]',
  'script.moduleDoc': (a: { shape: S; layout: S }) =>
    `{name}：在 ConvStudio 畫出來的網路。輸入：(N, ${a.shape})${a.layout ? `，${a.layout}` : ''}。`,
  'script.imagesFirst': () => '影像的通道在前',
  'script.sequences': () => '序列照 Keras 的排法（時間步, 特徵）',
  'script.logitsDoc': () =>
    'forward 輸出 logits，這是 PyTorch 的損失函數要的；probabilities(x) 輸出 softmax 之後的機率，\n和 Keras 的模型一樣。',
  'script.nestedDoc': () => '{name}：當成一層使用的模型（{className}），和 Keras 模型裡一樣。',
  'script.penaltyDoc': () => 'Keras 的 kernel 正則化：加到損失上。',
  'script.frozenDoc': () =>
    '凍結的 BatchNormalization 層保持在 eval 模式，和 Keras 在 trainable = False 時的做法一樣。',
  'script.probabilitiesDoc': () => '各類別的機率：forward 輸出的 logits 經過 softmax。',
  'script.loadDoc': () => '從 ConvStudio 匯出的權重（.npz 檔，以「層/權重」命名的陣列，通道在後，和 Keras 一樣）。',
  'script.assignDoc': () => '把以「層/權重」命名的 Keras 陣列（打開的 .npz 或 dict）依 PyTorch 的排法放進模組。',
  'script.loadDataDoc': () => '訓練、驗證和測試用的張量：訓練資料最後 VALIDATION_SPLIT 的比例用來驗證，和 Keras 一樣。',
  'script.channelsFirst': () => '通道在前',
  'script.lightningDoc': (a: { className: S }) =>
    `用 Lightning 訓練 ${a.className}：相同的設定，在 Trainer 給的任何裝置上執行。`,
  'script.lightningDevices': () =>
    'accelerator/devices/num_nodes 設成 "auto"：使用這台機器的所有 GPU；要用多台機器，請設定 num_nodes，\n並依 Lightning 文件在每台機器上執行這個程式（torchrun、SLURM）。',
  'script.idxDoc': () => 'IDX 檔（MNIST、Fashion-MNIST、KMNIST、EMNIST），有沒有 gzip 壓縮都可以，讀成 numpy 陣列。',
  'script.cifarDoc': () => 'CIFAR-10 二進位批次檔：每筆是 1 個標籤位元組和 3 × 32 × 32 個像素位元組（通道在前）。',
  'script.kerasOrder': () => '照 Keras 的順序',
  'script.maskZero': () => 'Keras 的 mask_zero：之後的循環層會跳過編號 0 的時間步；PyTorch 沒有遮罩。',
  'script.pipTorchvision': () => '需要先執行 pip install torchvision',
  'key.stride': (a: { value: S }) => `步幅 ${a.value}`,
  'key.dilation': (a: { value: S }) => `擴張 ${a.value}`,
  'key.padding': (a: { value: S }) => `補零 ${a.value}`,
  'key.sequences': () => '每步輸出',
  'key.maskZero': () => '0 為填充',
  'key.slope': (a: { value: S }) => `斜率 ${a.value}`,
  'key.sharedAxes': (a: { value: S }) => `共用軸 ${a.value}`,
  'key.axis': (a: { value: S }) => `軸 ${a.value}`,
  'key.turn': (a: { value: S }) => `${a.value} 圈`,
  'key.join': (a: { head: S; tail: S }) => `${a.head} · ${a.tail}`,
  'tour.input': (a: { settings: S }) =>
    `第 1 步：每個網路都從輸入層 (Input) 開始。在右邊的檢視器把它設成一張 MNIST 數字的形狀：${a.settings}（高 × 寬 × 通道）。`,
  'tour.add': (a: { n: N; total: N; layer: S; settings: S }) =>
    `第 ${a.n} 步（共 ${a.total} 步）：在最後一層後面加上 ${a.layer}（先選取最後一層，再在左邊的層清單雙擊 ${a.layer}，或把它拖到畫布上再連起來），並在檢視器把它設成 ${a.settings}。`,
  'tour.fix': (a: { n: N; total: N; layer: S; settings: S; found: S; foundSettings: S }) =>
    `第 ${a.n} 步（共 ${a.total} 步）：第 ${a.n} 層應該是設成 ${a.settings} 的 ${a.layer}，但現在是 ${a.found}（${a.foundSettings}）。請在檢視器修改它的設定，或刪除它再加上 ${a.layer}。`,
  'tour.extra': () => '課程的每一層都有了；把最後一個全連接層 (Dense) 之後（或旁邊）多出來的層刪掉就完成了。',
  'tour.done': (a: { params: N }) =>
    `完成！這就是課程的 4 層卷積神經網路：${formatInt(a.params)} 個參數，和 Keras 的 model.summary() 算的一模一樣。點任何一層可以看它參數怎麼算，也可以到「訓練」分頁訓練這個網路。`,
  'fix.flatten': (a: { layer: S }) => `在 ${a.layer} 前插入平坦化層 (Flatten)，讓它把所有的值當成一串收到。`,
  'fix.globalPooling': (a: { layer: S }) =>
    `在 ${a.layer} 前插入全域平均池化 (GlobalAveragePooling2D)：每個通道取一個平均值，權重比平坦化層少得多。`,
  'fix.windowSize': (a: { layer: S; setting: S; from: S; to: S }) =>
    `把 ${a.layer} 的 ${a.setting} 設為 ${a.to}（目前 ${a.from}），這是放得進輸入的最大值。`,
  'fix.samePadding': (a: { layers: S }) => `把 ${a.layers} 的填充 (padding) 設為 'same'，讓影像經過後保持原來的大小。`,
  'fix.pooling': (a: { branch: S; size: S }) =>
    `在 ${a.branch} 後插入 ${a.size} 的最大池化 (MaxPooling2D)，讓它的輸出和另一個輸入一樣大。`,
  'fix.projection': (a: { branch: S; filters: N; strides: S }) =>
    `在 ${a.branch} 後插入 1×1 卷積層 (Conv2D)，${formatInt(a.filters)} 個濾波器、步幅 ${a.strides}（投影，ResNet 的做法），讓它的輸出和另一個輸入相符。`,
  'fix.dense': (a: { branch: S; units: N }) =>
    `在 ${a.branch} 後插入有 ${formatInt(a.units)} 個神經元的全連接層 (Dense)，讓它的輸出和另一個輸入相符。`,
  'fix.units': (a: { layer: S; units: N }) => `把 ${a.layer} 設為 ${formatInt(a.units)} 個神經元，每個類別一個。`,
  'weights.pixelsTeachable': () =>
    '這是 Teachable Machine 的影像模型：像素以 −1 到 1（÷ 127.5 − 1）輸入，與 Teachable Machine 的做法相同。「資料」面板的「像素值」已如此設定，試用與微調都會照這個範圍。',
  'weights.pixelsRescaled': (a: { layer: S }) =>
    `它的第一層 '${a.layer}'（Rescaling）會自己縮放像素：像素以原本的 0 到 255 輸入。「資料」面板的「像素值」已如此設定。`,
  'weights.notImported': (a: { file: S }) => `${a.file} 的網路已開啟，但無法帶入訓練好的權重：`,

  'api.unknownMethod': (a: { method: S }) => `應用程式要求了 '${a.method}'，但此主機不提供。`,
  'api.badRequest': (a: { method: S; where: S; problem: S }) =>
    `應用程式送給 ${a.method} 的請求格式錯誤（${a.where}：${a.problem}）。`,
  'api.forbidden': () => '這個請求不是來自 ConvStudio 自己的視窗，已被拒絕。',
  'api.internal': () => 'ConvStudio 內部發生問題。您的作品沒有改變；請再試一次。',
  'api.disconnected': () => '與 ConvStudio 的連線中斷了。請用 npm start 重新啟動，再重新整理此頁面。',
  'summary.model': () => '模型',
  'summary.layer': () => '層 (類型)',
  'summary.outputShape': () => '輸出形狀',
  'summary.params': () => '參數數量',
  'summary.macs': () => '乘加運算量',
  'summary.receptiveField': () => '感受野',
  'summary.connectedTo': () => '連接自',
  'summary.totalParams': () => '總參數',
  'summary.trainableParams': () => '可訓練參數',
  'summary.nonTrainableParams': () => '不可訓練參數',
  'summary.totalMacs': () => '每個樣本的乘加運算量 (MACs)',
  'summary.incomplete': () => '總計只算參數已知的層：顯示 ? 的層不算在內。',
  'summary.warning': () => '警告',
  'summary.error': () => '錯誤',
  // — 練習：無法判讀的答案，以及錯誤答案顯示的常見錯誤 —
  'exercise.notACount': (a: { answer: S }) => `「${a.answer}」不是整數。請用數字寫出個數，例如 18,496。`,
  'exercise.notAShape': (a: { answer: S }) =>
    `「${a.answer}」不是形狀。請寫出不含批次維度的大小，例如 26 × 26 × 32 或 (None, 26, 26, 32)。`,
  'exercise.notAField': (a: { answer: S }) => `「${a.answer}」不是感受野。請寫成 高 × 寬，例如 5 × 5。`,
  'mistake.forgotBias': () => '少算了偏差：每個濾波器（或神經元）都還有一個要學習的偏差，所以每個輸出通道要再加 1。',
  'mistake.addedBias': () => '這一層沒有偏差（use_bias 已關閉），所以不用加上偏差。',
  'mistake.inputChannelsIgnored': (a: { channels: S }) =>
    `每個濾波器都涵蓋全部 ${a.channels} 個輸入通道，而不只一個：濾波器高 × 寬要再乘以 ${a.channels}。`,
  'mistake.outputsAsInputs': (a: { inputs: S; outputs: S }) =>
    `你把這一層自己的 ${a.outputs} 個輸出當成了輸入：權重連接的是 ${a.inputs} 個輸入值與 ${a.outputs} 個輸出中的每一個。`,
  'mistake.oneBias': (a: { count: S }) => `每個輸出都有一個偏差（共 ${a.count} 個），而不是整層只有一個。`,
  'mistake.oneOutput': (a: { count: S }) =>
    `這是一個濾波器（或神經元）的參數；這一層有 ${a.count} 個，所以要再乘以 ${a.count}。`,
  'mistake.denseOnlyChannels': (a: { features: S; channels: S }) =>
    `全連接層連到平坦化後的每一個值——共 ${a.features} 個（高 × 寬 × 通道），而不只是 ${a.channels} 個通道。`,
  'mistake.embeddingBias': () => 'Embedding 沒有偏差：只有 input_dim × output_dim 個權重。',
  'mistake.oneGate': (a: { gates: N }) =>
    `這一層有 ${a.gates} 個閘門，各有自己的權重、循環權重與偏差：要把一個閘門的數量乘以 ${a.gates}。`,
  'mistake.forgotRecurrent': () => '少了循環權重（每個閘門 units × units）：前一個時間步的狀態也要乘上權重。',
  'mistake.gruSecondBias': () => '開啟 reset_after（Keras 的預設）時，GRU 每個閘門有兩組偏差：輸入一組、循環部分一組。',
  'mistake.bidirectionalOnce': () => 'Bidirectional 含有兩份這一層（正向與反向）：要算兩次。',
  'mistake.preluWeightless': () => 'PReLU 會學習 0 以下的斜率：輸入的每個值一個權重（高度與寬度共用時每個通道一個）。',
  'mistake.layerNormTwo': () => 'LayerNormalization 每個特徵學 2 個數：γ（縮放）與 β（平移）。',
  'mistake.depthwiseAsConv': (a: { channels: S }) =>
    `深度卷積 (depthwise) 的濾波器只看一個通道：不像 Conv2D 那樣乘上全部 ${a.channels} 個輸入通道。`,
  'mistake.separableForgotDepthwise': () => '深度卷積部分也有權重：每個輸入通道 濾波器高 × 濾波器寬 個（× 深度倍數）。',
  'mistake.separableForgotPointwise': () => '1×1 逐點卷積部分也有權重：每個濾波器對每個深度卷積輸出各一個。',
  'mistake.separableAsConv': () => '這是可分離卷積：先深度卷積、再 1×1 逐點卷積，權重比一個 Conv2D 少得多。',
  'mistake.batchNormMovingStats': () =>
    'Keras 也會把批次正規化的移動平均與移動變異數算進參數：每個通道再多 2 個，屬於不可訓練參數，但仍計入總數。',
  'mistake.batchNormPerPosition': () => '批次正規化的參數是每個通道一組，不是每個位置一組：高和寬不用乘進去。',
  'mistake.noWeights': () => '這一層沒有權重：它只重新排列、池化或丟棄數值，所以參數數量是 0。',
  'mistake.usedSamePadding': () =>
    '這一層使用 ‘valid’ 填充（不補零）：視窗必須完全落在輸入內，所以輸出會比 ‘same’ 小。',
  'mistake.usedValidPadding': () =>
    '這一層使用 ‘same’ 填充：輸入周圍會補零，所以步幅為 1 時高和寬保持不變（步幅為 s 時：輸入 ÷ s，無條件進位）。',
  'mistake.forgotStride': (a: { stride: S }) =>
    `少算了步幅（${a.stride}）：視窗每次移動 ${a.stride} 個像素，輸出大小要除以步幅。`,
  'mistake.keptInputChannels': (a: { filters: S }) =>
    `卷積層每個濾波器輸出一個通道：共 ${a.filters} 個通道，與輸入的通道數無關。`,
  'mistake.channelsFirst': () => 'Keras 的形狀把通道放在最後：高 × 寬 × 通道。',
  'mistake.fieldOnlyThisLayer': () => '感受野要把這一層之前的每一層都算進去，而不只是這一層自己的視窗。',
  'mistake.fieldForgotJump': () =>
    '少算了前面各層的步幅：經過步幅為 s 的層之後，下一層視窗每移動一步，在輸入上就移動 s 個像素（跳距），所以感受野長得更快。',
  'mistake.totalLeftOutFrozen': (a: { count: S }) =>
    `這只是可訓練參數。總參數還要加上 ${a.count} 個不可訓練參數：已凍結各層的權重，以及批次正規化（若有）的移動平均與移動變異數。`,
  'mistake.totalLeftOutNonTrainable': (a: { count: S }) =>
    `這只是可訓練參數。總參數還要加上 ${a.count} 個不可訓練參數（批次正規化的移動平均與移動變異數）。`,
};
