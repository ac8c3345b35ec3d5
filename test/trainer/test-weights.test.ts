/**
 * Testing trained weights without training them, through the real trainer process on MNIST's 10,000 test
 * images, and the pixel range they go in with. The fixtures (test/fixtures/trained, make-fixtures.py) hold
 * one network ConvStudio trained to 92.09% on MNIST's test set: as its own run (pixels 0–1), as a Teachable
 * Machine export whose first layer was rewritten to take −1…1, and with Rescaling(1/255) first (0–255).
 * Each scores 92.09% in its own range, and less in another: the range reaches the network as set.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelText, translate, type PixelRange, type TrainerEvent } from '../../src/core/index.ts';
import { startTrainer } from '../../src/services/trainer-client.ts';
import { loadSavedModel } from '../helpers/saved-model.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/trained');
/** The test accuracy the fixtures' network reached when ConvStudio trained it (make-fixtures.py). */
const TRAINED_ACCURACY = 0.9209;

function networkOf(folder: string, pixelRange: PixelRange, rename?: [string, string]) {
  const loaded = loadModelText(readFileSync(join(FIXTURES, folder, 'model.json'), 'utf8'), 'model.json');
  if (!loaded.ok) throw new Error(loaded.errors.map((m) => translate(m, 'en')).join('\n'));
  const project = structuredClone(loaded.project);
  project.training.pixelRange = pixelRange;
  if (rename) project.graph.nodes.find((n) => n.name === rename[0])!.name = rename[1];
  return project;
}

async function test(folder: string, pixelRange: PixelRange, rename?: [string, string]) {
  const saveDir = mkdtempSync(join(tmpdir(), 'convstudio-test-weights-'));
  const events: TrainerEvent[] = [];
  const run = startTrainer(
    {
      type: 'start',
      project: networkOf(folder, pixelRange, rename),
      dataset: { kind: 'builtin', name: 'mnist' },
      backend: 'wasm',
      threads: 1,
      saveDir,
      startFrom: { runId: 'run-imported', dir: join(FIXTURES, folder) },
      testOnly: true,
    },
    (e) => events.push(e),
  );
  await run.finished;
  const evaluation = events.find((e) => e.type === 'evaluation');
  const error = events.find((e) => e.type === 'error');
  return {
    events,
    saveDir,
    accuracy: evaluation?.type === 'evaluation' ? evaluation.testAccuracy : null,
    error: error?.type === 'error' ? error.message : null,
  };
}

describe('testing trained weights without training', () => {
  it('scores the weights on the test images, trains nothing, and keeps them as they were', async () => {
    const { events, saveDir, accuracy, error } = await test('tiny-cnn-tfjs', '0..1');
    expect(error).toBeNull();
    expect(events.filter((e) => e.type === 'progress' || e.type === 'epoch')).toEqual([]);
    expect(events.find((e) => e.type === 'startedFrom')).toMatchObject({ weights: 4, fresh: [] });
    expect(accuracy).toBeCloseTo(TRAINED_ACCURACY, 4);
    const evaluation = events.find((e) => e.type === 'evaluation');
    expect(evaluation?.type === 'evaluation' && evaluation.confusion.flat().reduce((a, b) => a + b)).toBe(10_000);
    const weights = async (dir: string) => (await loadSavedModel(dir)).getWeights().map((w) => [...w.dataSync()]);
    expect(await weights(saveDir)).toEqual(await weights(join(FIXTURES, 'tiny-cnn-tfjs')));
    expect(events.at(-1)).toEqual({ type: 'done', stopped: false, savedTo: saveDir });
  }, 120_000);

  it.each([
    ['teachable', '-1..1', '0..1'],
    ['tiny-cnn-rescaling', '0..255', '0..1'],
  ] as const)(
    '%s scores as trained with pixels %s, and not with %s',
    async (folder, right, wrong) => {
      expect((await test(folder, right)).accuracy).toBeCloseTo(TRAINED_ACCURACY, 3);
      expect((await test(folder, wrong)).accuracy).toBeLessThan(TRAINED_ACCURACY - 0.1);
    },
    120_000,
  );

  it('stops during the test pass when asked, and then evaluates and saves nothing', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'convstudio-test-stop-'));
    const events: TrainerEvent[] = [];
    const run = startTrainer(
      {
        type: 'start',
        project: networkOf('tiny-cnn-tfjs', '0..1'),
        dataset: { kind: 'builtin', name: 'mnist' },
        backend: 'wasm',
        threads: 1,
        saveDir,
        startFrom: { runId: 'run-imported', dir: join(FIXTURES, 'tiny-cnn-tfjs') },
        testOnly: true,
      },
      (e) => {
        events.push(e);
        if (e.type === 'testing' && e.done > 0) run.stop();
      },
    );
    await run.finished;
    const testing = events.filter((e) => e.type === 'testing');
    expect(testing.at(-1)!.type === 'testing' && testing.at(-1)!.done).toBeLessThan(10_000);
    expect(events.find((e) => e.type === 'evaluation')).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'done', stopped: true, savedTo: null });
    expect(readdirSync(saveDir)).toEqual([]);
  }, 120_000);

  it('refuses weights some layers lack, naming them, instead of testing a network no one trained', async () => {
    const { error, events } = await test('tiny-cnn-tfjs', '0..1', ['dense', 'new_head']);
    expect(error).toEqual({ key: 'train.testFreshLayers', args: { layers: "'new_head'" } });
    expect(events.find((e) => e.type === 'evaluation')).toBeUndefined();
  }, 120_000);
});
