/**
 * Trained networks that ship with ConvStudio (resources/pretrained/), for the course's "pre-train &
 * fine-tune" lesson without a download: each opens as a trained model file does, its weights a run.
 */
import type { Lang } from '../i18n/messages.ts';

export interface Pretrained {
  id: string;
  /** Its model.json, below resources/pretrained/. */
  file: string;
  name: Record<Lang, string>;
  description: Record<Lang, string>;
}

export const PRETRAINED: readonly Pretrained[] = [
  {
    id: 'mnist-backbone',
    file: 'mnist-backbone/model.json',
    name: { en: 'Trained on MNIST: a base to fine-tune', 'zh-TW': '已用 MNIST 訓練好：拿來微調的基礎網路' },
    description: {
      en: 'A small CNN ConvStudio trained on MNIST (two Conv2D and pooling layers, then Dense 64 and Dense 10), with its weights. Freeze its convolutions, give it a new last Dense for your classes and fine-tune it on your images.',
      'zh-TW':
        '一個由 ConvStudio 用 MNIST 訓練好的小型 CNN（兩層 Conv2D 與池化，接著 Dense 64 和 Dense 10），附有權重。凍結它的卷積層，為你的類別換上新的最後一層 Dense，再用你的圖片微調。',
    },
  },
];

export const PRETRAINED_IDS = PRETRAINED.map((p) => p.id) as [string, ...string[]];
