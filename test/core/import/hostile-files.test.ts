/**
 * Model, project and exercise files made bad on purpose — by hand for the cases issue 14 found, and by
 * fast-check from the real fixtures: whatever the file holds, opening it ends in a network or in problems
 * worded for people (one line each, at most 300 characters, both languages), never an exception, a hang, a
 * schema's raw report or a count that is not an exact whole number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  findTemplate,
  loadModelText,
  makeExercise,
  makeProject,
  translate,
  type LoadResult,
} from '../../../src/core/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/keras');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
const MAX_MESSAGE = 300;

/** Opens the text, and checks what any file must give, whatever it holds. Returns the result. */
function openChecked(text: string): LoadResult {
  const start = performance.now();
  const result = loadModelText(text, 'model.json');
  if (result.ok) {
    const analysis = analyse(result.project.graph);
    for (const node of analysis.nodes) {
      for (const count of [node.params?.total, node.params?.trainable, node.params?.nonTrainable, node.macs]) {
        if (count !== undefined && count !== null) expect(Number.isSafeInteger(count)).toBe(true);
      }
    }
    for (const d of analysis.diagnostics) checkWording(d.message);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) checkWording(error);
  }
  expect(performance.now() - start).toBeLessThan(2_000);
  return result;
}

function checkWording(message: Parameters<typeof translate>[0]): void {
  for (const lang of ['en', 'zh-TW'] as const) {
    const text = translate(message, lang);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(text).not.toMatch(/\n|"code":|invalid_type|invalid_value|\[object Object\]|undefined/);
  }
}

const errorsOf = (result: LoadResult) => (result.ok ? [] : result.errors.map((e) => translate(e, 'en')));

describe('model files found bad by hand (issue 14)', () => {
  const sequential = () => fixture('tf-keras-2-sequential.json');
  const layers = (model: Record<string, unknown>) =>
    (model.config as { layers: { class_name: string; config: Record<string, unknown> }[] }).layers;

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    "a layer whose class_name is '%s' is one unsupported layer, not Object's member",
    (className) => {
      const model = sequential();
      layers(model)[1]!.class_name = className;
      expect(errorsOf(openChecked(JSON.stringify(model)))).toEqual([
        `The file uses ${className}, which ConvStudio does not support yet (1 layer: 'conv2d').`,
      ]);
    },
  );

  it('an infinite kernel size names the layer, the setting and the value', () => {
    const model = sequential();
    const text = JSON.stringify(model).replace('"kernel_size":[3,3]', '"kernel_size":[3,1e309]');
    expect(text).toContain('1e309');
    expect(errorsOf(openChecked(text))).toEqual([
      "Layer 'conv2d' (Conv2D): the setting kernel_size = [3,Infinity] cannot be read.",
    ]);
  });

  it('a ten-million-character layer name is quoted as a line', () => {
    const model = sequential();
    layers(model)[1]!.class_name = 'NoSuchLayer';
    layers(model)[1]!.config.name = 'x'.repeat(10 * 1024 * 1024);
    const [error] = errorsOf(openChecked(JSON.stringify(model)));
    expect(error).toMatch(
      /^The file uses NoSuchLayer, which ConvStudio does not support yet \(1 layer: 'x{80,}…x{29}'\)\.$/,
    );
  });
});

describe('project files fast-check found bad (kept as regression cases)', () => {
  const project = () => JSON.parse(JSON.stringify(makeProject(findTemplate('residual-block')!.build(), 'r')));
  it.each<[string, (p: Record<string, unknown>) => void, string, string]>([
    [
      'a version that is an object',
      (p) => (p.version = {}),
      'model.json: the project file is damaged at version: expected a version number (1, 2, 3…), found {}.',
      '應為版本號碼（1、2、3…），實際為 {}',
    ],
    [
      'no version',
      (p) => delete p.version,
      'model.json: the project file is damaged at version: a required value is missing.',
      '缺少必要的值',
    ],
  ])('%s', (_, damage, en, zh) => {
    const damaged = project();
    damage(damaged);
    const result = openChecked(JSON.stringify(damaged));
    expect(errorsOf(result)).toEqual([en]);
    expect(result.ok ? '' : translate(result.errors[0]!, 'zh-TW')).toContain(zh);
  });
});

/** JSON values of every kind, with the numbers files really hold and the ones that break code. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -1,
    0,
    Infinity,
    -Infinity,
    2 ** 53 + 2,
    1e-320,
    3.5,
    65_537,
    '',
    'constructor',
    '__proto__',
    null,
    [],
  ),
);

/** A copy of `value` with one value somewhere inside it replaced (or a key removed). */
function mutate(value: unknown, path: number[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const at = path[0]! % entries.length;
  const copy: unknown[] | Record<string, unknown> = Array.isArray(value) ? [...value] : { ...value };
  const [key, inner] = entries[at]!;
  if (remove && path.length === 1) {
    if (Array.isArray(copy)) copy.splice(at, 1);
    else delete copy[key as string];
    return copy;
  }
  (copy as Record<string | number, unknown>)[key] = mutate(inner, path.slice(1), replacement, remove);
  return copy;
}

const mutation = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
  replacement: hostileValue,
  remove: fc.boolean(),
});

describe('model files mutated by fast-check', () => {
  const sources = {
    keras: fixture('tf-keras-2-functional.json'),
    kerasSequential: fixture('tf-keras-2-sequential.json'),
    keras3: fixture('keras-3-functional.json'),
    tfjs: fixture('tfjs-layers-model.json'),
    project: JSON.parse(JSON.stringify(makeProject(findTemplate('residual-block')!.build(), 'r'))),
  };
  const fourLayer = findTemplate('mnist-4-layer')!.build();
  const exercise = JSON.parse(
    JSON.stringify(makeExercise(fourLayer, analyse(fourLayer), { title: 't', instructions: '', questions: [] })),
  );

  it.each(Object.entries({ ...sources, exercise }))(
    '%s: any one change ends in a network or clear problems',
    (_, source) => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => {
          let value: unknown = source;
          for (const c of changes) value = mutate(value, c.path, c.replacement, c.remove);
          openChecked(JSON.stringify(value));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('any text at all, JSON or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        openChecked(text);
      }),
      { numRuns: 300 },
    );
  });
});
