/**
 * Five short lessons that follow the course: each a network to start from and tasks checked on the person's
 * own canvas as they edit it (and, for the last, on the training settings and the runs) — convolution and
 * feature maps; stride and padding; pooling and flatten; counting parameters; overfitting and its remedies.
 * A task says what to reach ("make the output 13×13×32"), never which buttons to press; its check reads the
 * analysis the canvas shows, so a network that gets there another way counts too.
 */
import { analyse } from '../analysis/analyse.ts';
import type { Analysis, NodeAnalysis } from '../analysis/types.ts';
import { sequential } from '../document/build.ts';
import type { Graph } from '../document/graph-schema.ts';
import type { RunRecord } from '../document/run-schema.ts';
import type { TrainingSettings } from '../document/training-schema.ts';
import type { Lang } from '../i18n/messages.ts';
import { conv, dense, flatten, input, maxPool } from '../templates/layer-specs.ts';
import { findTemplate } from '../templates/templates.ts';

type Words = Record<Lang, string>;

/** What a task is checked on: the drawn network, its analysis, the training settings and the runs. */
export interface LessonState {
  graph: Graph;
  analysis: Analysis;
  training: TrainingSettings;
  runs: readonly RunRecord[];
}

export interface LessonTask {
  id: string;
  say: Words;
  done(state: LessonState): boolean;
}

export interface Lesson {
  id: string;
  title: Words;
  /** What the lesson is about, in two or three sentences. */
  intro: Words;
  build(): Graph;
  tasks: LessonTask[];
}

const of = (a: Analysis, type: string): NodeAnalysis[] => a.nodes.filter((n) => n.type === type);
const shaped = (n: NodeAnalysis, shape: number[]) =>
  n.outputShape !== null && n.outputShape.length === shape.length && n.outputShape.every((d, i) => d === shape[i]);
const someOutput = (a: Analysis, type: string, shape: number[]) => of(a, type).some((n) => shaped(n, shape));
const valid = (a: Analysis) => a.diagnostics.every((d) => d.severity !== 'error') && a.nodes.length > 1;
const paramsOf = (n: NodeAnalysis) => n.params?.total ?? -1;

/** A finished run whose best validation accuracy is above `share`, and whose last epoch did not fall back. */
export function trainedWithoutOverfitting(runs: readonly RunRecord[], share: number): boolean {
  return runs.some((run) => {
    if (run.status !== 'done') return false;
    const accuracies = run.epochs.map((e) => e.valAccuracy ?? 0);
    const losses = run.epochs.flatMap((e) => (e.valLoss === null ? [] : [e.valLoss]));
    const last = losses.at(-1);
    if (accuracies.length === 0 || last === undefined) return false;
    // Overfitting shows as validation loss climbing from its best while training goes on.
    return Math.max(...accuracies) > share && last <= Math.min(...losses) * 1.1;
  });
}

export const LESSONS: Lesson[] = [
  {
    id: 'convolution',
    title: { en: '1 · Convolution and feature maps', 'zh-TW': '1 · 卷積與特徵圖' },
    intro: {
      en: 'A Conv2D slides each of its filters over the image and writes one feature map per filter: the number of filters is the number of output channels. Open Help → Convolution step by step to watch one filter at work on the course’s 6×6 image.',
      'zh-TW':
        '卷積層 (Conv2D) 讓每個濾波器在圖片上滑動，每個濾波器產生一張特徵圖：濾波器的數量就是輸出的通道數。打開「說明 → 卷積一步一步來」，可以在課程的 6×6 圖片上看一個濾波器怎麼運算。',
    },
    build: () => sequential([input([28, 28, 1]), conv(8, 3)]),
    tasks: [
      {
        id: 'filters',
        say: {
          en: 'Give the Conv2D 32 filters: its output becomes 26 × 26 × 32, one feature map per filter.',
          'zh-TW': '把卷積層改成 32 個濾波器：輸出變成 26 × 26 × 32，每個濾波器一張特徵圖。',
        },
        done: ({ analysis }) => someOutput(analysis, 'Conv2D', [26, 26, 32]),
      },
      {
        id: 'second',
        say: {
          en: 'Add a second Conv2D with 64 filters of 3 × 3 after it: its output is 24 × 24 × 64.',
          'zh-TW': '在後面加上第二個卷積層，64 個 3 × 3 濾波器：輸出是 24 × 24 × 64。',
        },
        done: ({ analysis }) => someOutput(analysis, 'Conv2D', [24, 24, 64]),
      },
      {
        id: 'count',
        say: {
          en: 'Select the second Conv2D and read its count in the inspector: each of its 64 filters has 3 × 3 × 32 weights and a bias, (3×3×32+1)×64 = 18,496.',
          'zh-TW':
            '選取第二個卷積層，在檢視器讀它的參數數量：64 個濾波器各有 3 × 3 × 32 個權重和 1 個偏差，(3×3×32+1)×64 = 18,496。',
        },
        done: ({ analysis }) => of(analysis, 'Conv2D').some((n) => paramsOf(n) === 18_496 && shaped(n, [24, 24, 64])),
      },
    ],
  },
  {
    id: 'stride-padding',
    title: { en: '2 · Stride and padding', 'zh-TW': '2 · 步幅與填充' },
    intro: {
      en: 'The output’s side is (n + 2p − f) / s + 1, rounded down: n the input’s, f the filter’s, p the padding, s the stride. Padding keeps the size; a stride of 2 halves it.',
      'zh-TW':
        '輸出的邊長是 (n + 2p − f) / s + 1，無條件捨去：n 是輸入、f 是濾波器、p 是填充、s 是步幅。填充可以保持大小；步幅 2 會讓它減半。',
    },
    build: () => sequential([input([28, 28, 1]), conv(32, 3)]),
    tasks: [
      {
        id: 'same',
        say: {
          en: 'Keep the 3 × 3 filters but make the output 28 × 28 × 32: pad the image.',
          'zh-TW': '濾波器維持 3 × 3，但讓輸出變成 28 × 28 × 32：在圖片周圍填充。',
        },
        done: ({ analysis }) => someOutput(analysis, 'Conv2D', [28, 28, 32]),
      },
      {
        id: 'half',
        say: {
          en: 'Now make the output 14 × 14 × 32 with a stride.',
          'zh-TW': '接著用步幅讓輸出變成 14 × 14 × 32。',
        },
        done: ({ analysis }) => someOutput(analysis, 'Conv2D', [14, 14, 32]),
      },
      {
        id: 'thirteen',
        say: {
          en: 'Make the output 13 × 13 × 32: (28 − 3) / 2 + 1 = 13.5, rounded down; the Conv2D warns that a row and a column are left out.',
          'zh-TW': '讓輸出變成 13 × 13 × 32：(28 − 3) / 2 + 1 = 13.5，無條件捨去；卷積層會提醒有一列和一行被略過。',
        },
        done: ({ analysis }) => someOutput(analysis, 'Conv2D', [13, 13, 32]),
      },
    ],
  },
  {
    id: 'pooling-flatten',
    title: { en: '3 · Pooling and flatten', 'zh-TW': '3 · 池化與平坦化' },
    intro: {
      en: 'Max pooling keeps the largest value of each window: a 2 × 2 pool halves the height and width and has no parameters. Flatten lays every value out in one line, so that Dense layers can classify.',
      'zh-TW':
        '最大池化在每個視窗只留下最大的值：2 × 2 的池化讓高和寬減半，而且沒有參數。平坦化把所有的值排成一列，讓全連接層可以做分類。',
    },
    build: () => sequential([input([28, 28, 1]), conv(32, 3)]),
    tasks: [
      {
        id: 'pool',
        say: {
          en: 'Add a MaxPooling2D of 2 × 2 after the Conv2D: 26 × 26 × 32 becomes 13 × 13 × 32.',
          'zh-TW': '在卷積層後面加上 2 × 2 的最大池化 (MaxPooling2D)：26 × 26 × 32 變成 13 × 13 × 32。',
        },
        done: ({ analysis }) => someOutput(analysis, 'MaxPooling2D', [13, 13, 32]),
      },
      {
        id: 'flatten',
        say: {
          en: 'Add a Flatten: 13 × 13 × 32 = 5,408 values in one line.',
          'zh-TW': '加上平坦化 (Flatten)：13 × 13 × 32 = 5,408 個值排成一列。',
        },
        done: ({ analysis }) => someOutput(analysis, 'Flatten', [5408]),
      },
      {
        id: 'classify',
        say: {
          en: 'End with a Dense of 10 units and softmax, one per digit, so that the network has no errors.',
          'zh-TW': '最後加上 10 個神經元、softmax 的全連接層 (Dense)，每個數字一個，讓網路沒有錯誤。',
        },
        done: ({ analysis }) =>
          valid(analysis) &&
          of(analysis, 'Dense').some((n) => shaped(n, [10])) &&
          someOutput(analysis, 'Flatten', [5408]),
      },
    ],
  },
  {
    id: 'counting',
    title: { en: '4 · Counting parameters', 'zh-TW': '4 · 計算參數' },
    intro: {
      en: 'The course’s 4-layer CNN has 1,199,882 parameters, and 1,179,776 of them sit in one place: the Dense after Flatten, (9,216 + 1) × 128. Shrink what reaches it, and the count falls.',
      'zh-TW':
        '課程的 4 層卷積神經網路有 1,199,882 個參數，其中 1,179,776 個都在同一層：平坦化之後的全連接層，(9,216 + 1) × 128。讓傳到它的值變少，參數就會變少。',
    },
    // The course's network, as the templates hold it (one place for it).
    build: () => findTemplate('mnist-4-layer')!.build(),
    tasks: [
      {
        id: 'bias',
        say: {
          en: 'Turn off the first Conv2D’s bias (Use bias): its 320 parameters become 3 × 3 × 1 × 32 = 288.',
          'zh-TW': '關掉第一個卷積層的偏差（使用偏差）：它的 320 個參數變成 3 × 3 × 1 × 32 = 288。',
        },
        done: ({ analysis }) => of(analysis, 'Conv2D').some((n) => paramsOf(n) === 288),
      },
      {
        id: 'pool-more',
        say: {
          en: 'Get the whole network under 400,000 parameters, without removing a layer: another MaxPooling2D before Flatten leaves the Dense 2,304 inputs.',
          'zh-TW':
            '不刪掉任何一層，讓整個網路少於 400,000 個參數：在平坦化前再加一個最大池化，全連接層就只剩 2,304 個輸入。',
        },
        done: ({ analysis }) => valid(analysis) && analysis.totals.total < 400_000 && of(analysis, 'Dense').length >= 2,
      },
      {
        id: 'global',
        say: {
          en: 'Replace Flatten by GlobalAveragePooling2D (one value per channel): under 30,000 parameters, from 1,199,882.',
          'zh-TW':
            '用全域平均池化 (GlobalAveragePooling2D) 取代平坦化（每個通道一個值）：少於 30,000 個參數，原本是 1,199,882 個。',
        },
        done: ({ analysis }) =>
          valid(analysis) && of(analysis, 'GlobalAveragePooling2D').length > 0 && analysis.totals.total < 30_000,
      },
    ],
  },
  {
    id: 'overfitting',
    title: { en: '5 · Overfitting and its remedies', 'zh-TW': '5 · 過擬合與對策' },
    intro: {
      en: 'A network that learns its training images by heart does worse on new ones: validation loss climbs while training loss falls. Dropout, batch normalisation, augmentation and early stopping each push back.',
      'zh-TW':
        '把訓練圖片背起來的網路，遇到新圖片反而表現較差：訓練損失下降，驗證損失卻上升。丟棄法、批次正規化、資料擴增和提前停止都能對抗它。',
    },
    build: () => sequential([input([28, 28, 1]), conv(32, 3), maxPool(2), flatten, dense(128), dense(10, 'softmax')]),
    tasks: [
      {
        id: 'dropout',
        say: {
          en: 'Add a Dropout of 0.5 before the last Dense: in training, half the values are set to 0 at random.',
          'zh-TW': '在最後一個全連接層之前加上 0.5 的丟棄法 (Dropout)：訓練時隨機把一半的值設為 0。',
        },
        done: ({ graph, analysis }) =>
          valid(analysis) &&
          graph.nodes.some(
            (n) =>
              n.type === 'Dropout' &&
              n.params.rate === 0.5 &&
              graph.edges.some(
                (e) => e.source === n.id && graph.nodes.find((m) => m.id === e.target)?.type === 'Dense',
              ),
          ),
      },
      {
        id: 'batchnorm',
        say: {
          en: 'Add a BatchNormalization after the Conv2D: 4 × 32 = 128 parameters, 64 of them not trainable (the moving mean and variance).',
          'zh-TW':
            '在卷積層後面加上批次正規化 (BatchNormalization)：4 × 32 = 128 個參數，其中 64 個不可訓練（移動平均與變異數）。',
        },
        done: ({ analysis }) =>
          of(analysis, 'BatchNormalization').some((n) => paramsOf(n) === 128 && n.params!.nonTrainable === 64),
      },
      {
        id: 'remedies',
        say: {
          en: 'In the Train view, turn on early stopping and augmentation.',
          'zh-TW': '在「訓練」畫面打開提前停止和資料擴增。',
        },
        done: ({ training }) => training.earlyStopping !== null && training.augmentation !== null,
      },
      {
        id: 'train',
        say: {
          en: 'Train until validation accuracy is above 98% with the last epoch’s validation loss within 10% of its best.',
          'zh-TW': '訓練到驗證準確率超過 98%，而且最後一個訓練週期的驗證損失不超過最佳值的 110%。',
        },
        done: ({ runs }) => trainedWithoutOverfitting(runs, 0.98),
      },
    ],
  },
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** Which of a lesson's tasks the state meets, in order. */
export function lessonProgress(
  lesson: Lesson,
  state: Omit<LessonState, 'analysis'> & { analysis?: Analysis },
): boolean[] {
  const full = { ...state, analysis: state.analysis ?? analyse(state.graph) };
  return lesson.tasks.map((task) => task.done(full));
}
