/**
 * The 40 real TensorFlow.js model files in ../shared/real-models (made by other people, taken unchanged from
 * public repositories; ground truth from each file's own weight manifest). Every file whose layer classes
 * ConvStudio supports opens with exact counts — total, non-trainable, every top-level layer, every nested
 * model and every layer inside one; every other file is refused with one message per unsupported class and
 * nothing else. Which classes are supported is asked of the layer registry, not written here.
 * Where ../shared is absent this says so and skips; under CI (CONVSTUDIO_REQUIRE_REAL_MODELS=1) it fails.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  loadModelText,
  moduleForKerasClass,
  nestedModels,
  outermostGroup,
  translate,
} from '../../../src/core/index.ts';
import { isObject } from '../../../src/core/layers/keras-config.ts';

const DIR = join(import.meta.dirname, '../../../../shared/real-models');
const REQUIRED = process.env.CONVSTUDIO_REQUIRE_REAL_MODELS === '1';
const present = existsSync(DIR);
const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

interface Expected {
  total_params: number;
  non_trainable_params: number;
  layers: Record<string, number>;
  nested?: Record<string, Record<string, number>>;
}

/** Every layer class a model config uses, at any depth, and whether any layer is channels_first. */
function classesIn(model: unknown): { classes: Set<string>; channelsFirst: boolean } {
  const classes = new Set<string>();
  let channelsFirst = false;
  const stack = [model];
  while (stack.length > 0) {
    const at = stack.pop();
    if (!isObject(at) || typeof at.class_name !== 'string') continue;
    const config = at.config;
    if (MODEL_CLASSES.has(at.class_name)) {
      const layers = Array.isArray(config) ? config : isObject(config) ? config.layers : [];
      if (Array.isArray(layers)) stack.push(...layers);
      continue;
    }
    classes.add(at.class_name);
    if (isObject(config) && config.data_format === 'channels_first') channelsFirst = true;
  }
  return { classes, channelsFirst };
}

function topology(json: Record<string, unknown>): unknown {
  const topo = isObject(json.modelTopology) ? json.modelTopology : json;
  return isObject(topo.model_config) ? topo.model_config : topo;
}

const files = present ? readdirSync(DIR).filter((f) => /^\d+\.json$/.test(f)) : [];

describe('real TensorFlow.js model files (../shared/real-models)', () => {
  it('are there', () => {
    if (!present) {
      if (REQUIRED) throw new Error(`${DIR} is missing, and CONVSTUDIO_REQUIRE_REAL_MODELS=1 says it must be there`);
      console.warn(`${DIR} is absent: the real-model checks are skipped`);
      return;
    }
    expect(files.length).toBe(40);
  });

  it('are 38 or more of 40 supported (each of them checked exact below)', () => {
    if (!present) return;
    const supported = files.filter((file) => {
      const json = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
      const { classes, channelsFirst } = classesIn(topology(json));
      return !channelsFirst && [...classes].every((c) => moduleForKerasClass(c));
    });
    expect(supported.length).toBeGreaterThanOrEqual(38);
  });

  it.each(files.map((f) => [f]))('%s: exact where supported, one message per unsupported class otherwise', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace('.json', '.expected.json')), 'utf8')) as Expected;
    const { classes, channelsFirst } = classesIn(topology(JSON.parse(text) as Record<string, unknown>));
    const unsupported = [...classes].filter((c) => !moduleForKerasClass(c)).sort();
    const result = loadModelText(text, file);

    if (unsupported.length > 0 || channelsFirst) {
      expect(result.ok, `${file} opened although it uses ${unsupported.join(', ')}`).toBe(false);
      if (result.ok) return;
      const named = result.errors
        .filter((e) => e.key === 'import.unsupportedClass')
        .map((e) => String(e.args.className));
      expect(named.sort()).toEqual(unsupported);
      const others = result.errors.filter(
        (e) => e.key !== 'import.unsupportedClass' && e.key !== 'import.channelsFirst',
      );
      expect(others.map((e) => translate(e, 'en'))).toEqual([]);
      return;
    }

    if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => translate(e, 'en')).join(' | ')}`);
    const graph = result.project.graph;
    // A fully convolutional model may leave its input's height and width open (None): it opens, the Input
    // says so, and once given a size every count is Keras's (they do not depend on it).
    const input = graph.nodes.find((n) => n.type === 'Input')!;
    const shape = input.params.shape as Array<number | null>;
    if (shape.includes(null)) {
      const open = analyse(graph).diagnostics.filter((d) => d.severity === 'error');
      expect(open.map((d) => [d.nodeId, d.message.key])).toEqual([[input.id, 'diag.openInputSize']]);
      input.params = { shape: shape.map((d) => d ?? 64) };
    }
    const analysis = analyse(graph);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => translate(d.message, 'en'))).toEqual(
      [],
    );
    expect([analysis.totals.total, analysis.totals.nonTrainable]).toEqual([
      expected.total_params,
      expected.non_trainable_params,
    ]);

    // Top-level rows as Keras prints them: layers of the outer model, and each outermost nested model.
    const groups = analysis.groups;
    const nested = nestedModels(analysis);
    const rows: Record<string, number> = {};
    for (const node of analysis.nodes)
      if (node.group === null && node.params!.total > 0) rows[node.name] = node.params!.total;
    for (const model of nested) if (model.parent === undefined) rows[model.name] = model.params!.total;
    expect(rows).toEqual(expected.layers);

    // Inside each outermost nested model: every layer with weights, at any depth.
    const inside: Record<string, Record<string, number>> = {};
    const nameOf = new Map(groups.map((g) => [g.id, g.name]));
    for (const node of analysis.nodes) {
      if (node.group === null || node.params!.total === 0) continue;
      const top = nameOf.get(outermostGroup(groups, node.group))!;
      (inside[top] ??= {})[node.name] = node.params!.total;
    }
    const expectedInside = Object.fromEntries(
      Object.entries(expected.nested ?? {}).map(([k, v]) => [
        k,
        Object.fromEntries(Object.entries(v).filter(([, n]) => n > 0)),
      ]),
    );
    expect(inside).toEqual(expectedInside);
  });
});
