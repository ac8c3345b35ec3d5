/**
 * Fine-tuning through the real trainer process on MNIST: a run that starts from saved weights (the fixture
 * test/fixtures/trained/tiny-cnn-tfjs, a ConvStudio run's model folder) with its first Conv2D frozen keeps
 * that kernel to the bit and reports its test accuracy; a replaced head starts afresh and the event names
 * it; weights that are gone refuse the run before it starts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelText, translate, type Project, type TrainerEvent } from '../../src/core/index.ts';
import { startTrainer } from '../../src/services/trainer-client.ts';
import { loadSavedModel } from '../helpers/saved-model.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/trained');
const SAVED = join(FIXTURES, 'tiny-cnn-tfjs');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function tinyCnn(change: (project: Project) => void = () => {}): Project {
  const loaded = loadModelText(readFileSync(join(FIXTURES, 'tiny-cnn.keras-config.json'), 'utf8'), 'tiny.json');
  if (!loaded.ok) throw new Error(loaded.errors.map((m) => translate(m, 'en')).join('\n'));
  const project = structuredClone(loaded.project);
  project.training.epochs = 1;
  change(project);
  return project;
}

async function train(project: Project, startFrom: { runId: string; dir: string } | null) {
  const saveDir = mkdtempSync(join(tmpdir(), 'convstudio-fine-tune-'));
  const events: TrainerEvent[] = [];
  const run = startTrainer(
    {
      type: 'start',
      project,
      dataset: { kind: 'builtin', name: 'mnist' },
      backend: 'wasm',
      threads: 1,
      limitSamples: 2048,
      saveDir,
      startFrom,
    },
    (e) => events.push(e),
  );
  await run.finished;
  return { events, saveDir };
}

const kernel = async (dir: string, layer: string) =>
  Array.from((await loadSavedModel(dir)).getLayer(layer).getWeights()[0]!.dataSync());

describe('a run that starts from trained weights', () => {
  it('keeps a frozen Conv2D’s kernel to the bit, trains the rest, and reports its test accuracy', async () => {
    const project = tinyCnn((p) => {
      p.graph.nodes.find((n) => n.name === 'conv2d')!.trainable = false;
    });
    const { events, saveDir } = await train(project, { runId: 'run-saved', dir: SAVED });
    expect(events.find((e) => e.type === 'error')).toBeUndefined();
    expect(events.find((e) => e.type === 'startedFrom')).toEqual({
      type: 'startedFrom',
      runId: 'run-saved',
      weights: 4,
      fresh: [],
    });
    expect(await kernel(saveDir, 'conv2d')).toEqual(await kernel(SAVED, 'conv2d'));
    expect(await kernel(saveDir, 'dense')).not.toEqual(await kernel(SAVED, 'dense'));
    // The saved network had 92% on MNIST's test set; the same epoch from random weights ends lower.
    const accuracy = (list: TrainerEvent[]) => {
      const evaluation = list.find((e) => e.type === 'evaluation');
      return evaluation?.type === 'evaluation' ? evaluation.testAccuracy : 0;
    };
    const fromScratch = await train(tinyCnn(), null);
    expect(fromScratch.events.find((e) => e.type === 'startedFrom')).toBeUndefined();
    expect(accuracy(events)).toBeGreaterThan(0.9);
    expect(accuracy(events)).toBeGreaterThan(accuracy(fromScratch.events) + 0.02);
  }, 120_000);

  it('starts a replaced head afresh and says so', async () => {
    const project = tinyCnn((p) => {
      p.graph.nodes.find((n) => n.name === 'dense')!.name = 'new_head';
    });
    const { events } = await train(project, { runId: 'run-saved', dir: SAVED });
    expect(events.find((e) => e.type === 'startedFrom')).toMatchObject({ weights: 2, fresh: ['new_head'] });
    expect(events.at(-1)?.type).toBe('done');
  }, 120_000);

  it('is refused before it starts when the weights are gone', async () => {
    const { events } = await train(tinyCnn(), { runId: 'run-gone', dir: join(tmpdir(), 'convstudio-no-such-run') });
    expect(events.at(-1)).toMatchObject({ type: 'error', message: { key: 'train.startFromMissing' }, training: false });
  }, 120_000);
});
