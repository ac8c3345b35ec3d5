/**
 * The exported scripts feed pixels in the project's range, run as an attendee runs them: the PyTorch script
 * of a trained network that takes −1…1 (the Teachable Machine fixture) or 0–255 (the one that starts with
 * Rescaling), its own load_data() on MNIST's IDX files and the weights as the Export dialog writes them,
 * through Debian's PyTorch. Each scores the 92.09% ConvStudio trained the network to (make-fixtures.py
 * in test/fixtures/trained); the Keras script loads its data with the same lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  kerasScript,
  layersModelJsonSchema,
  loadModelText,
  npzBytes,
  pytorchScripts,
  trainedWeights,
  translate,
  type PixelRange,
} from '../../src/core/index.ts';
import { builtinMnistFolder } from '../../src/trainer/data/load-dataset.ts';
import { pythonForCheck, TORCH_REQUIRED } from '../helpers/torch-python.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/trained');
const python = pythonForCheck();

function exported(folder: string, pixelRange: PixelRange) {
  const text = readFileSync(join(FIXTURES, folder, 'model.json'), 'utf8');
  const loaded = loadModelText(text, 'model.json');
  if (!loaded.ok) throw new Error(loaded.errors.map((m) => translate(m, 'en')).join('\n'));
  const project = {
    ...loaded.project,
    meta: { ...loaded.project.meta, name: 'Pixels check' },
    training: { ...loaded.project.training, pixelRange },
    dataset: { kind: 'idx' as const, path: builtinMnistFolder() },
  };
  const scripts = pytorchScripts(project);
  const keras = kerasScript(project);
  if (!scripts.ok || !keras.ok) throw new Error('the network does not export');
  const out = mkdtempSync(join(tmpdir(), 'convstudio-pixels-export-'));
  const script = scripts.files[0]!;
  writeFileSync(join(out, script.fileName), script.text);
  const modelJson = layersModelJsonSchema.parse(JSON.parse(text));
  const weights = readFileSync(join(FIXTURES, folder, 'weights.bin')).toString('base64');
  writeFileSync(join(out, 'weights.npz'), npzBytes(trainedWeights({ modelJson, weights })));
  return { out, script, keras: keras.text };
}

/** Test accuracy of the exported module (class PixelsCheck, from the project's name) with its own load_data(). */
function accuracyInPyTorch(out: string, fileName: string): number {
  const check = [
    'import sys',
    'sys.path.insert(0, sys.argv[1])',
    `import ${fileName.replace(/\.py$/, '')} as m`,
    '(_, _), (_, _), (x_test, y_test) = m.load_data()',
    'model = m.PixelsCheck(); m.load_keras_weights(model, sys.argv[2]); model.eval()',
    'print(m.evaluate(model, x_test, y_test)[1])',
  ].join('\n');
  return Number(execFileSync(python!, ['-c', check, out, join(out, 'weights.npz')], { encoding: 'utf8' }).trim());
}

describe.skipIf(!python && !TORCH_REQUIRED)('exported scripts scale pixels as the project says', () => {
  it.each([
    { folder: 'teachable', range: '-1..1', scaling: ' / 127.5 - 1' },
    { folder: 'tiny-cnn-rescaling', range: '0..255', scaling: '' },
  ] as const)(
    '$folder (pixels $range) scores as trained through its PyTorch script',
    ({ folder, range, scaling }) => {
      const { out, script, keras } = exported(folder, range);
      for (const text of [script.text, keras]) expect(text).toContain(`x_test = x_test.astype("float32")${scaling}\n`);
      expect(accuracyInPyTorch(out, script.fileName)).toBeCloseTo(0.9209, 3);
    },
    120_000,
  );

  it('the same weights scaled the course’s way (÷ 255) score far less: the scaling is what matters', () => {
    const { out, script } = exported('teachable', '0..1');
    expect(accuracyInPyTorch(out, script.fileName)).toBeLessThan(0.8);
  }, 120_000);
});
