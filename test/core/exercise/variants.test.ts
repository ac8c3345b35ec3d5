/**
 * Exercise variants: the course's 4-layer CNN drawn again within a teacher's ranges gives valid networks
 * with different answers, each under its own code; the same exercise always gives the same variants; a
 * code typed in any case finds its variant and a wrong one none; answers are checked against the variant's
 * own network. Over random networks and ranges (fast-check), no variant is ever invalid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TEMPLATES,
  analyse,
  checkExercise,
  correctAnswer,
  exerciseVariants,
  formatFigure,
  makeExercise,
  readExercise,
  variantsOf,
  sequential,
  variantByCode,
  variantSettingsSchema,
  type Graph,
  type LayerSpec,
  type Question,
} from '../../../src/core/index.ts';

const fourLayer = TEMPLATES.find((t) => t.id === 'mnist-4-layer')!.build();
const settings = variantSettingsSchema.parse({ count: 3, filters: [8, 64], kernel: [3, 5], inputSize: [24, 32] });
const exercise = { title: 'Quiz 2', graph: fourLayer };
const total = (graph: Graph) => analyse(graph).totals.total;
const errors = (graph: Graph) => analyse(graph).diagnostics.filter((d) => d.severity === 'error');

describe('exercise variants', () => {
  const variants = exerciseVariants(exercise, settings);

  it('are valid networks with different answers, each with its own four-letter code', () => {
    expect(variants.map((v) => v.number)).toEqual([1, 2, 3]);
    for (const v of variants) expect(errors(v.graph)).toEqual([]);
    expect(new Set(variants.map((v) => total(v.graph))).size).toBe(3);
    expect(variants.map((v) => total(v.graph))).not.toContain(1_199_882);
    expect(new Set(variants.map((v) => v.code)).size).toBe(3);
    for (const v of variants) expect(v.code).toMatch(/^[A-HJ-NP-Z2-9]{4}$/);
    // Within the ranges: powers of two filters, odd kernels, square inputs of 24 to 32.
    for (const v of variants) {
      for (const node of v.graph.nodes) {
        if (node.type === 'Conv2D') {
          expect([8, 16, 32, 64]).toContain(node.params.filters);
          expect([3, 5]).toContain(node.params.kernel_size[0]);
        }
        if (node.type === 'Input') expect(node.params.shape[0]).toBeGreaterThanOrEqual(24);
      }
    }
  });

  it('follow from the exercise alone: the same every time, others for another title', () => {
    expect(exerciseVariants(exercise, settings)).toEqual(variants);
    expect(exerciseVariants({ ...exercise, title: 'Quiz 3' }, settings).map((v) => v.code)).not.toEqual(
      variants.map((v) => v.code),
    );
  });

  it('are the same in the file a student opens as on the teacher’s screen', () => {
    const draft = {
      title: ' Quiz 2 ',
      instructions: '',
      questions: [{ figure: 'totalParams' as const }],
      variants: settings,
    };
    const made = makeExercise(fourLayer, analyse(fourLayer), draft);
    const read = readExercise(JSON.parse(JSON.stringify(made)), 'quiz.exercise.convstudio.json');
    expect(read.ok && variantsOf(read.exercise)).toEqual(variants);
  });

  it('are found by their code as a student types it, and a wrong code finds none', () => {
    const second = variants[1]!;
    expect(variantByCode(variants, ` ${second.code.toLowerCase().slice(0, 2)} ${second.code.slice(2)} `)).toBe(second);
    expect(variantByCode(variants, 'OOOO')).toBeNull();
  });

  it('check a student’s answers against their own variant', () => {
    const question: Question = { figure: 'totalParams' };
    const [a, b] = variants as [(typeof variants)[0], (typeof variants)[0]];
    const answerFor = (graph: Graph) => formatFigure(correctAnswer(analyse(graph), question)!);
    const check = (graph: Graph, answer: string) =>
      checkExercise(graph, analyse(graph), [question], { totalParams: answer }).right;
    expect(check(a.graph, answerFor(a.graph))).toBe(1);
    expect(check(b.graph, answerFor(a.graph))).toBe(0);
  });

  it('are never invalid, for random valid networks and ranges', () => {
    const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
    const conv = fc
      .integer({ min: 1, max: 3 })
      .map((k) => s('Conv2D', { filters: 4, kernel_size: [2 * k - 1, 2 * k - 1], activation: 'relu' }));
    const pool = fc.constant(s('MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }));
    const pair = (lo: number, hi: number) =>
      fc
        .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }))
        .map(([x, y]) => [Math.min(x, y), Math.max(x, y)]);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(conv, pool), { minLength: 1, maxLength: 6 }),
        pair(1, 128),
        pair(1, 9),
        pair(1, 3),
        pair(4, 64),
        (layers, filters, kernel, strides, inputSize) => {
          const graph = sequential([
            s('Input', { shape: [28, 28, 1] }),
            ...layers,
            s('Flatten'),
            s('Dense', { units: 10 }),
          ]);
          // Exercises are made of valid networks; a variant falls back to the teacher's own.
          fc.pre(errors(graph).length === 0);
          const ranges = variantSettingsSchema.parse({ count: 4, filters, kernel, strides, inputSize });
          for (const v of exerciseVariants({ title: 'random', graph }, ranges)) expect(errors(v.graph)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
