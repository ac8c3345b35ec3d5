/**
 * A run's epochs on an engine, the same wherever the trainer runs (its own process, a worker of the page):
 * the order of the images, the learning-rate schedule, validation and early stopping, progress (at most 10
 * times a second) and each epoch, then the test and its evaluation, and the model saved. Pause and stop take
 * effect between batches; stop means now: nothing tested, nothing saved.
 */
import {
  evaluatePredictions,
  previewImages,
  sampleImage,
  shuffledIndices,
  type ImageDataset,
  type ImageSet,
  type TrainerEvent,
  type TrainingSettings,
} from '../../core/index.ts';
import { PROGRESS_INTERVAL_MS, type TrainingEngine } from './engine.ts';
import type { RunControl } from './run-control.ts';

/**
 * How much faster a network predicts than it trains, for the time left: the validation and test images
 * after training (a forward pass against forward, backward and update; measured about 2× on the textbook
 * net: 10,000 test images in 9–10 s at 500 training images/s).
 */
const PREDICTION_SPEEDUP = 2;
/** How many misclassified test images the evaluation carries. */
export const GALLERY_SIZE = 40;
/** Test images of each class sent with the results, to try the trained network on. */
export const EXAMPLES_PER_CLASS = 2;

/** The learning rate of an epoch: the step decay's factor once every so many epochs. */
function learningRateOf(settings: TrainingSettings, epoch: number): number {
  const decay = settings.lrDecay;
  return decay
    ? settings.learningRate * decay.factor ** Math.floor((epoch - 1) / decay.everyEpochs)
    : settings.learningRate;
}

/** What a run trains on: the training images (validation is their last `all.count − trainCount`) and the test. */
export interface LoopData {
  dataset: ImageDataset;
  all: ImageSet;
  trainCount: number;
}

export interface LoopRun {
  settings: TrainingSettings;
  /** Only test the starting weights: no epoch. */
  testOnly: boolean;
  /** Where the engine saves the trained network; null: nowhere. */
  saveDir: string | null;
  random: () => number;
}

export async function trainAndTest(
  engine: TrainingEngine,
  run: LoopRun,
  { dataset, all, trainCount }: LoopData,
  emit: (event: TrainerEvent) => void,
  control: RunControl,
): Promise<void> {
  const { settings, random } = run;
  const classes = dataset.classes.length;
  const batchSize = Math.min(settings.batchSize, trainCount);
  const batches = Math.ceil(trainCount / batchSize);
  const validationCount = all.count - trainCount;
  const early = settings.earlyStopping;
  let best = { value: Infinity, epoch: 0, kept: false };

  const epochs = run.testOnly ? 0 : settings.epochs;
  for (let epoch = 1; epoch <= epochs && !control.stopped; epoch++) {
    const order = shuffledIndices(trainCount, random);
    const sums = await engine.trainEpoch(epoch, order, batchSize, learningRateOf(settings, epoch), (so) => {
      const speed = so.seen / Math.max(so.seconds, 1e-6);
      const remaining = (settings.epochs - epoch) * trainCount + (trainCount - so.seen);
      // Then each epoch's validation and the test: predictions only, about twice training's speed.
      const checks = (settings.epochs - epoch + 1) * validationCount + dataset.test.count;
      emit({
        type: 'progress',
        epoch,
        epochs: settings.epochs,
        batch: so.batches,
        batches,
        loss: so.lossSum / so.seen,
        accuracy: so.accuracySum / so.seen,
        samplesPerSecond: speed,
        etaSeconds: (remaining + checks / PREDICTION_SPEEDUP) / speed,
      });
    });
    if (!sums || sums.seen === 0) break;
    const { seen, lossSum, accuracySum, seconds } = sums;
    const validation = validationCount > 0 ? await engine.measure('train', trainCount, all.count, batchSize) : null;
    if (control.stopped) break;
    emit({
      type: 'epoch',
      epoch,
      loss: lossSum / seen,
      accuracy: accuracySum / seen,
      valLoss: validation?.loss ?? null,
      valAccuracy: validation?.accuracy ?? null,
      samplesPerSecond: seen / seconds,
      seconds,
    });
    if (early) {
      const value =
        {
          val_loss: validation?.loss,
          val_accuracy: validation ? -validation.accuracy : undefined,
          loss: lossSum / seen,
          accuracy: -accuracySum / seen,
        }[early.monitor] ?? lossSum / seen;
      if (value < best.value) {
        best = { value, epoch, kept: early.restoreBestWeights };
        if (early.restoreBestWeights) await engine.keepBest();
      } else if (epoch - best.epoch >= early.patience) {
        break;
      }
    }
  }
  if (control.stopped) {
    // Stop means now: no test evaluation, nothing saved.
    emit({ type: 'done', stopped: true, savedTo: null });
    return;
  }
  if (best.kept) await engine.restoreBest();

  const total = dataset.test.count;
  emit({ type: 'testing', done: 0, total });
  let lastTesting = performance.now();
  const test = await engine.measure('test', 0, total, Math.max(batchSize, 256), (done) => {
    const now = performance.now();
    if (now - lastTesting < PROGRESS_INTERVAL_MS && done < total) return;
    lastTesting = now;
    emit({ type: 'testing', done, total });
  });
  // Stopped during the test: as during training, nothing is evaluated or saved.
  if (!test) {
    emit({ type: 'done', stopped: true, savedTo: null });
    return;
  }
  const evaluation = evaluatePredictions(dataset.test.labels, test.predictions, classes);
  emit({
    type: 'evaluation',
    testLoss: test.loss,
    testAccuracy: test.accuracy,
    confusion: evaluation.confusion,
    perClassAccuracy: evaluation.perClassAccuracy,
    misclassified: evaluation.misclassified,
    gallery: evaluation.misclassified
      .slice(0, GALLERY_SIZE)
      .map((i) => sampleImage(dataset.test, i, test.predictions[i]!)),
    examples: previewImages(dataset.test, classes, EXAMPLES_PER_CLASS).map((s) => ({
      ...s,
      predicted: test.predictions[s.index]!,
    })),
  });
  if (run.saveDir) await engine.save(run.saveDir);
  emit({ type: 'done', stopped: false, savedTo: run.saveDir });
}
