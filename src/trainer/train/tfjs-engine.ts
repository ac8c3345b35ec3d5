/**
 * The TensorFlow.js engine: batches made from the bytes in memory, augmented and scaled as the project says,
 * trained with `trainOnBatch` on the backend selected (WebAssembly, WebGPU, TensorFlow's library, CPU).
 * Between batches it yields to the event loop so that pause and stop messages are heard.
 */
import * as tf from '@tensorflow/tfjs';
import { msg, type ImageSet, type TrainingSettings } from '../../core/index.ts';
import { augmentBatch } from './augment.ts';
import { inPixelRange, makeBatch, range } from './batches.ts';
import {
  PROGRESS_INTERVAL_MS,
  type EpochSums,
  type ImageSetName,
  type Measured,
  type TrainingEngine,
} from './engine.ts';
import { nextTurn } from './next-turn.ts';
import type { RunControl } from './run-control.ts';
import { TrainingProblem } from './training-problem.ts';
import { FusedAdam } from '../backends/wasm-adam.ts';

export function optimizerFor(settings: TrainingSettings): tf.Optimizer {
  switch (settings.optimizer) {
    case 'sgd':
      return tf.train.sgd(settings.learningRate);
    case 'sgd_momentum':
      return tf.train.momentum(settings.learningRate, settings.momentum);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
    case 'adam':
      // TensorFlow.js's Adam, each weight's update one pass on the wasm backend (wasm-adam.ts).
      return new FusedAdam(settings.learningRate);
  }
}

export const LOSSES: Record<TrainingSettings['loss'], string> = {
  categorical_crossentropy: 'categoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  mse: 'meanSquaredError',
  mae: 'meanAbsoluteError',
};

/** Lets pause and stop messages in and waits while paused: the milliseconds paused, or null once stopped. */
async function goOn(control: RunControl): Promise<number | null> {
  // wasm resolves its promises at once: without this the loop would starve pause and stop messages.
  await nextTurn();
  const pausedAt = performance.now();
  if (control.paused) await control.waitWhilePaused();
  return control.stopped ? null : performance.now() - pausedAt;
}

export class TfjsEngine implements TrainingEngine {
  private readonly optimizer: tf.Optimizer;
  private best: tf.Tensor[] | null = null;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly settings: TrainingSettings,
    private readonly sets: Record<ImageSetName, ImageSet>,
    private readonly classes: number,
    /** The run's seeded generator: augmentation draws from it, as the shuffle does. */
    private readonly random: () => number,
    private readonly control: RunControl,
    /** Writes the network where `save` is asked to: files in the trainer process, the host for the page's trainer. */
    private readonly saveModel: (model: tf.LayersModel, dir: string) => Promise<void>,
  ) {
    this.optimizer = optimizerFor(settings);
    model.compile({ optimizer: this.optimizer, loss: LOSSES[settings.loss], metrics: ['accuracy'] });
  }

  async trainEpoch(
    epoch: number,
    order: Int32Array,
    batchSize: number,
    learningRate: number,
    onProgress: (sums: EpochSums) => void,
  ): Promise<EpochSums | null> {
    (this.optimizer as unknown as { learningRate: number }).learningRate = learningRate;
    const { settings, model } = this;
    const batches = Math.ceil(order.length / batchSize);
    const sums: EpochSums = { batches: 0, seen: 0, lossSum: 0, accuracySum: 0, seconds: 0 };
    const started = performance.now();
    let pausedFor = 0;
    let lastProgress = 0;
    for (let b = 0; b < batches; b++) {
      const paused = await goOn(this.control);
      if (paused === null) return null;
      pausedFor += paused;
      const size = Math.min(batchSize, order.length - b * batchSize);
      const batch = makeBatch(this.sets.train, order, b * batchSize, size, this.classes);
      const changed = settings.augmentation ? augmentBatch(batch.x, settings.augmentation, this.random) : batch.x;
      const inputs = inPixelRange(changed, settings.pixelRange);
      const [loss, accuracy] = (await model.trainOnBatch(inputs, batch.y)) as number[];
      tf.dispose([batch.x, batch.y, changed, inputs]);
      if (!Number.isFinite(loss!)) {
        throw new TrainingProblem(msg('train.nan', { epoch, batch: b + 1, learningRate }), true);
      }
      sums.batches = b + 1;
      sums.lossSum += loss! * size;
      sums.accuracySum += accuracy! * size;
      sums.seen += size;
      const now = performance.now();
      sums.seconds = (now - started - pausedFor) / 1000;
      if (now - lastProgress >= PROGRESS_INTERVAL_MS || b === batches - 1) {
        lastProgress = now;
        onProgress({ ...sums });
      }
    }
    return sums;
  }

  async measure(
    setName: ImageSetName,
    start: number,
    end: number,
    batchSize: number,
    onDone: (done: number) => void = () => {},
  ): Promise<Measured | null> {
    const set = this.sets[setName];
    const indices = range(start, end);
    let loss = 0;
    let correct = 0;
    const predictions = new Int32Array(indices.length);
    for (let from = 0; from < indices.length; from += batchSize) {
      if ((await goOn(this.control)) === null) return null;
      const size = Math.min(batchSize, indices.length - from);
      const batch = makeBatch(set, indices, from, size, this.classes);
      const [batchLoss, guesses] = tf.tidy(() => {
        const probabilities = this.model.predict(inPixelRange(batch.x, this.settings.pixelRange)) as tf.Tensor2D;
        const l = tf.mean(tf.metrics.categoricalCrossentropy(batch.y, probabilities));
        return [l, tf.argMax(probabilities, 1)] as const;
      });
      loss += (await batchLoss.data())[0]! * size;
      const guessed = await guesses.data();
      for (let i = 0; i < size; i++) {
        predictions[from + i] = guessed[i]!;
        if (guessed[i] === set.labels[indices[from + i]!]) correct += 1;
      }
      tf.dispose([batchLoss, guesses, batch.x, batch.y]);
      onDone(from + size);
    }
    const n = Math.max(indices.length, 1);
    return { loss: loss / n, accuracy: correct / n, predictions };
  }

  async keepBest(): Promise<void> {
    tf.dispose(this.best ?? []);
    this.best = this.model.getWeights().map((w) => w.clone());
  }

  async restoreBest(): Promise<void> {
    if (this.best) this.model.setWeights(this.best);
  }

  save(dir: string): Promise<void> {
    return this.saveModel(this.model, dir);
  }

  dispose(): void {
    tf.dispose(this.best ?? []);
    this.model.dispose();
    this.optimizer.dispose();
  }
}
