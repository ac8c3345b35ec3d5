/**
 * The exported PyTorch code, run with PyTorch: for every template, every Keras fixture and a network of the
 * awkward cases, the module has exactly the parameters ConvStudio counts (BatchNormalization's moving
 * statistics as buffers), gives the output shape ConvStudio shows, and, with the weights of a TensorFlow.js
 * model of the same network loaded from the exported .npz, computes the same outputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEMPLATES,
  analyse,
  bytesToBase64,
  layersModelJsonSchema,
  loadModelText,
  makeProject,
  npyBytes,
  npzBytes,
  pytorchScripts,
  trainedWeights,
  type Graph,
  type TrainedModel,
} from '../../src/core/index.ts';
import { buildTfModel } from '../../src/trainer/model/build-tf-model.ts';
import { TORCH_REQUIRED, torchPython } from '../helpers/torch-python.ts';
import { awkwardGraph } from './awkward-graph.ts';
import {
  gruResetAfterGraph,
  imageCatalogueGraph,
  mergeCatalogueGraph,
  sequenceCatalogueGraph,
} from './catalogue-graphs.ts';
import { teachableMachineModel, transferModel } from '../helpers/nested-models.ts';

const python = torchPython();
const FIXTURES = join(import.meta.dirname, '../fixtures/keras');
const dir = mkdtempSync(join(tmpdir(), 'convstudio-torch-export-'));

interface Case {
  name: string;
  graph: Graph;
  /** Load random weights from a TF.js model and compare outputs (too slow for VGG16's 138 million). */
  compare: boolean;
  /** The input values, where they are not pixels from 0 to 1 (word indices). */
  input?: (shape: number[]) => tf.Tensor;
}

const cases: Case[] = [
  ...TEMPLATES.map((t) => ({ name: t.id, graph: t.build(), compare: t.id !== 'vgg16' })),
  ...readdirSync(FIXTURES).map((file) => {
    const loaded = loadModelText(readFileSync(join(FIXTURES, file), 'utf8'), file);
    if (!loaded.ok) throw new Error(file);
    return { name: file, graph: loaded.project.graph, compare: true };
  }),
  { name: 'awkward', graph: awkwardGraph(), compare: true },
  // Nested models and frozen layers (a frozen BatchNormalization among them).
  // The layer catalogue beyond the first 15 types.
  { name: 'image layers of the catalogue', graph: imageCatalogueGraph(), compare: true },
  {
    name: 'sequence layers of the catalogue',
    graph: sequenceCatalogueGraph(),
    compare: true,
    input: (shape) => tf.floor(tf.randomUniform(shape, 0, 50)),
  },
  { name: 'merge layers of the catalogue', graph: mergeCatalogueGraph(), compare: true },
  // TF.js's GRUCell refuses reset_after, so nothing to compare with: counts, shapes and a training step.
  { name: 'GRU with reset_after', graph: gruResetAfterGraph(), compare: false },
  ...[
    ['teachable machine (nested, frozen base)', teachableMachineModel()],
    ['transfer learning (frozen Functional base)', transferModel()],
  ].map(([name, model]) => {
    const loaded = loadModelText(JSON.stringify(model), 'model.json');
    if (!loaded.ok) throw new Error(String(name));
    return { name: String(name), graph: loaded.project.graph, compare: true };
  }),
];

/** A TF.js model of the graph with random weights (variances positive), saved as the app saves models. */
async function randomTrainedModel(graph: Graph): Promise<{ model: tf.LayersModel; trained: TrainedModel }> {
  const model = buildTfModel(graph);
  model.setWeights(
    model.weights.map((w) =>
      w.name.includes('moving_variance')
        ? tf.randomUniform(w.shape as number[], 0.5, 1.5)
        : tf.randomUniform(w.shape as number[], -0.3, 0.3),
    ),
  );
  let trained: TrainedModel | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(tf.io.concatenateArrayBuffers([artifacts.weightData!].flat() as ArrayBuffer[]));
      trained = {
        modelJson: layersModelJsonSchema.parse({
          format: 'layers-model',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs }],
        }),
        weights: bytesToBase64(weights),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { model, trained: trained! };
}

describe.skipIf(!python && !TORCH_REQUIRED)('exported PyTorch modules, run with PyTorch', () => {
  const results = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    if (!python) throw new Error('PyTorch is required here (CONVSTUDIO_REQUIRE_TORCH=1) but no python3 has it');
    await tf.setBackend('cpu');
    const manifest = [];
    for (const [i, c] of cases.entries()) {
      const project = makeProject(c.graph, `case ${i}`);
      const scripts = pytorchScripts(project);
      if (!scripts.ok) throw new Error(`${c.name}: ${JSON.stringify(scripts.errors)}`);
      const script = join(dir, scripts.files[0]!.fileName);
      writeFileSync(script, scripts.files[0]!.text);
      const shape = analyse(c.graph).nodes.find((n) => n.type === 'Input')!.outputShape!;
      const x = c.input ? c.input([2, ...shape]) : tf.randomUniform([2, ...shape], 0, 1);
      const entry: Record<string, unknown> = {
        name: c.name,
        module: `case_${i}`,
        script,
        className: `Case${i}`,
        input: join(dir, `case_${i}_input.npy`),
      };
      writeFileSync(
        entry.input as string,
        npyBytes({ name: 'x', shape: [2, ...shape], values: x.dataSync() as Float32Array }),
      );
      if (c.compare) {
        const { model, trained } = await randomTrainedModel(c.graph);
        const expected = model.predict(x) as tf.Tensor;
        entry.weights = join(dir, `case_${i}_weights.npz`);
        entry.expected = join(dir, `case_${i}_expected.npy`);
        writeFileSync(entry.weights as string, npzBytes(trainedWeights(trained)));
        writeFileSync(
          entry.expected as string,
          npyBytes({ name: 'y', shape: expected.shape, values: expected.dataSync() as Float32Array }),
        );
        model.dispose();
      }
      manifest.push(entry);
    }
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(manifest));
    const output = execFileSync(
      python,
      [join(import.meta.dirname, 'check_pytorch_export.py'), join(dir, 'cases.json')],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    for (const line of output.trim().split('\n')) {
      const result = JSON.parse(line) as Record<string, unknown>;
      results.set(result.name as string, result);
    }
  }, 300_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const analysis = analyse(c.graph);
    const result = results.get(name)!;
    expect(result).toBeDefined();
    // PyTorch's parameters are Keras's trainable ones; BatchNormalization's moving statistics are buffers.
    expect(result.trainable).toBe(analysis.totals.trainable);
    expect((result.params as number) + (result.buffers as number)).toBe(analysis.totals.total);
    // One training step in PyTorch leaves every frozen weight and frozen BatchNormalization statistic as it was.
    expect(result.frozenChanged).toEqual([]);
    const output = analysis.nodes.find((n) => n.id === analysis.outputIds[0])!.outputShape;
    expect(result.outputShape).toEqual(output);
    if (c.compare) expect(result.maxRelativeError).toBeLessThan(1e-4);
  });
});
