/**
 * The exported scripts of every template, held against golden files (update them with `vitest -u` and read
 * the diff), and compiled by Python. The Keras script's model part is also read back: each layer call names
 * the layer and its settings as ConvStudio shows them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, kerasScript, makeProject, pytorchScripts, type Lang, type Project } from '../../src/core/index.ts';
import { imageCatalogueGraph, mergeCatalogueGraph, sequenceCatalogueGraph } from './catalogue-graphs.ts';

const GOLDEN = join(import.meta.dirname, '../fixtures/export');
const dir = mkdtempSync(join(tmpdir(), 'convstudio-golden-'));

function scripts(project: Project, lang: Lang = 'en'): { fileName: string; text: string }[] {
  const keras = kerasScript(project, '', lang);
  const torch = pytorchScripts(project, lang);
  if (!keras.ok || !torch.ok) throw new Error('export refused');
  return [{ fileName: keras.fileName, text: keras.text }, ...torch.files];
}

describe('exported scripts of the templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', async (id, template) => {
    const files = scripts(makeProject(template.build(), id));
    expect(files.map((f) => f.fileName)).toEqual([
      `${id.replaceAll('-', '_')}_keras.py`,
      `${id.replaceAll('-', '_')}_pytorch.py`,
      `${id.replaceAll('-', '_')}_lightning.py`,
    ]);
    for (const file of files) {
      await expect(file.text).toMatchFileSnapshot(join(GOLDEN, file.fileName));
      writeFileSync(join(dir, file.fileName), file.text);
    }
    // Valid Python: compiled, not run (Keras and Lightning are not installed here).
    execFileSync('python3', ['-m', 'py_compile', ...files.map((f) => join(dir, f.fileName))]);
  });

  it.each([
    ['image layers', imageCatalogueGraph()],
    ['sequence layers', sequenceCatalogueGraph()],
    ['merge layers', mergeCatalogueGraph()],
  ])('writes the %s of the catalogue as Keras calls Python compiles, each class imported', (name, graph) => {
    const files = scripts(makeProject(graph, name));
    for (const file of files) writeFileSync(join(dir, `catalogue_${file.fileName}`), file.text);
    execFileSync('python3', ['-m', 'py_compile', ...files.map((f) => join(dir, `catalogue_${f.fileName}`))]);
    const keras = files[0]!.text;
    const imported = new Set(/^from keras\.layers import (.*)$/m.exec(keras)![1]!.split(', '));
    const used = [...keras.matchAll(/(?<![.\w])([A-Z]\w*)\(/g)]
      .map((m) => m[1]!)
      .filter((c) => !['Sequential', 'Model', 'Adam', 'EarlyStopping', 'LearningRateScheduler', 'L1L2'].includes(c));
    for (const className of used) expect(imported, className).toContain(className);
  });

  it('writes the settings a project trains with into both scripts', () => {
    const project = makeProject(TEMPLATES[0]!.build(), 'settings');
    project.training = {
      ...project.training,
      optimizer: 'sgd_momentum',
      learningRate: 0.01,
      momentum: 0.8,
      batchSize: 64,
      epochs: 3,
      validationSplit: 0.2,
      lrDecay: { everyEpochs: 2, factor: 0.5 },
      earlyStopping: { monitor: 'val_accuracy', patience: 2, restoreBestWeights: true },
      augmentation: { rotation: 15, shift: 0.1, zoom: 0.2, flip: true, noise: 0.05 },
      seed: 7,
    };
    project.dataset = { kind: 'folder', path: '/data/notMNIST_small', testSplit: 0.25 };
    const [keras, torch, lightning] = scripts(project).map((f) => f.text);
    expect(keras).toContain('SGD(learning_rate=0.01, momentum=0.8)');
    expect(keras).toContain('batch_size=64');
    expect(keras).toContain('validation_split=0.2');
    expect(keras).toContain('EarlyStopping(monitor="val_accuracy", patience=2, restore_best_weights=True)');
    expect(keras).toContain('LearningRateScheduler(lambda epoch: 0.01 * 0.5 ** (epoch // 2))');
    expect(keras).toContain('RandomRotation(0.041666666666666664');
    expect(keras).toContain('RandomFlip("horizontal", seed=SEED)');
    expect(keras).toContain('load_folder("/data/notMNIST_small", (28, 28), 1, 0.25, 7)');
    expect(keras).toContain('trainer.fit(');
    expect(torch).toContain('torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.8)');
    expect(torch).toContain('StepLR(optimizer, step_size=2, gamma=0.5)');
    expect(torch).toContain('x, y = augment(x_train[batch]), y_train[batch]');
    expect(torch).toContain('if value is not None and (best is None or value > best):');
    expect(lightning).toContain('EarlyStopping(monitor="val_accuracy", patience=2, mode="max")');
    expect(lightning).toContain('trainer.test(task, test, ckpt_path="best")');
    for (const [i, text] of [keras, torch, lightning].entries()) writeFileSync(join(dir, `settings_${i}.py`), text!);
    execFileSync('python3', ['-m', 'py_compile', ...[0, 1, 2].map((i) => join(dir, `settings_${i}.py`))]);
  });

  it('speaks the exporter’s language: every comment, docstring and message of the scripts in Chinese for zh-TW', async () => {
    const project = makeProject(TEMPLATES[0]!.build(), 'mnist-4-layer');
    project.training = {
      ...project.training,
      lrDecay: { everyEpochs: 2, factor: 0.5 },
      earlyStopping: { monitor: 'val_loss', patience: 2, restoreBestWeights: true },
      augmentation: { rotation: 15, shift: 0.1, zoom: 0.2, flip: false, noise: 0 },
    };
    const files = scripts(project, 'zh-TW');
    const english = scripts(project, 'en');
    for (const [i, file] of files.entries()) {
      // The same program: only comments, docstrings and printed words differ.
      expect(file.fileName).toBe(english[i]!.fileName);
      expect(file.text.split('\n').length).toBe(english[i]!.text.split('\n').length);
      await expect(file.text).toMatchFileSnapshot(join(GOLDEN, `zh-TW_${file.fileName}`));
      writeFileSync(join(dir, `zh_${file.fileName}`), file.text);
      const comments = [...file.text.matchAll(/^[^"\n]*?#\s(.+)$/gm)].map((m) => m[1]!);
      const docstrings = [...file.text.matchAll(/"""([^\n]+)/g)].map((m) => m[1]!);
      const printed = [...file.text.matchAll(/print\((f?"[^"]*")/g)].map((m) => m[1]!);
      expect(comments.length + docstrings.length + printed.length).toBeGreaterThan(5);
      for (const text of [...comments, ...docstrings, ...printed]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    execFileSync('python3', ['-m', 'py_compile', ...files.map((f) => join(dir, `zh_${f.fileName}`))]);
  });

  it('refuses a network with errors, naming them', () => {
    const project = makeProject(TEMPLATES[0]!.build(), 'broken');
    project.graph.edges = [];
    const result = kerasScript(project);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.key).toBe('export.hasErrors');
  });
});
