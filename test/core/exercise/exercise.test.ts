/**
 * Exercises: the 4-layer MNIST CNN turned into an exercise, answered right and wrong; each wrong answer
 * named by the mistake it shows; answers typed the ways people type them; nothing asked leaking through
 * the masked analysis; exercise files read back and damaged ones named.
 */
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  TEMPLATES,
  analyse,
  askEveryLayer,
  checkExercise,
  formatFigure,
  loadModelText,
  makeExercise,
  maskAnalysis,
  parseAnswer,
  projectDraft,
  questionKey,
  sequential,
  translate,
  type Analysis,
  type Graph,
  type LayerFigure,
  type Question,
} from '../../../src/core/index.ts';
import { input } from '../../helpers/layers.ts';

function template(id: string): { graph: Graph; analysis: Analysis } {
  const graph = TEMPLATES.find((t) => t.id === id)!.build();
  return { graph, analysis: analyse(graph) };
}

const fourLayer = template('mnist-4-layer');
const idOf = (name: string, net = fourLayer) => net.graph.nodes.find((n) => n.name === name)!.id;
const ask = (name: string, figure: LayerFigure, net = fourLayer): Question => ({ figure, nodeId: idOf(name, net) });

/** Checks one answer and returns its verdict with the mistakes worded in English. */
function check(question: Question, answer: string, net = fourLayer) {
  const [verdict] = checkExercise(net.graph, net.analysis, [question], { [questionKey(question)]: answer }).verdicts;
  return { ...verdict!, worded: verdict!.mistakes.map((m) => translate(m, 'en')) };
}

describe('the 4-layer MNIST CNN as a parameter-count exercise', () => {
  const questions = [...askEveryLayer(fourLayer.analysis, 'params'), { figure: 'totalParams' as const }];
  const exercise = makeExercise(fourLayer.graph, fourLayer.analysis, {
    title: ' Counting ',
    instructions: '',
    questions,
  });

  it('asks every layer but the Input, in the network’s order, and the total last', () => {
    const names = exercise.questions.map((q) =>
      q.figure === 'totalParams' ? 'total' : fourLayer.graph.nodes.find((n) => n.id === q.nodeId)!.name,
    );
    expect(names).toEqual([
      'conv2d',
      'conv2d_1',
      'max_pooling2d',
      'dropout',
      'flatten',
      'dense',
      'dropout_1',
      'dense_1',
      'total',
    ]);
    expect(exercise.title).toBe('Counting');
  });

  it('marks Keras’s counts right, however they are typed', () => {
    const answers: Record<string, string> = {
      [questionKey(ask('conv2d', 'params'))]: '320',
      [questionKey(ask('conv2d_1', 'params'))]: '18,496',
      [questionKey(ask('max_pooling2d', 'params'))]: '0',
      [questionKey(ask('dropout', 'params'))]: ' 0 ',
      [questionKey(ask('flatten', 'params'))]: '０',
      [questionKey(ask('dense', 'params'))]: '1 179 776',
      [questionKey(ask('dropout_1', 'params'))]: '0',
      [questionKey(ask('dense_1', 'params'))]: '1290',
      totalParams: '１，１９９，８８２',
    };
    const result = checkExercise(exercise.graph, fourLayer.analysis, exercise.questions, answers);
    expect(result.verdicts.map((v) => v.status)).toEqual(Array(9).fill('right'));
    expect(result.right).toBe(9);
    expect(result.total).toBe(9);
  });

  it('says which counts are wrong, why, and shows the layer’s own arithmetic', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['conv2d', '288', /left out the biases/],
      ['conv2d_1', '18432', /left out the biases/],
      ['conv2d_1', '640', /all 32 input channels/],
      ['conv2d_1', '576', /all 32 input channels[\s\S]*left out the biases/],
      ['conv2d_1', '36928', /own 64 outputs where its 32 inputs belong/],
      ['conv2d_1', '18433', /one bias per output \(64 of them\)/],
      ['conv2d_1', '289', /the layer has 64, so multiply by 64/],
      ['dense', '1179648', /left out the biases/],
      ['dense', '8320', /9,216 of them .* not only the 64 channels/],
      ['max_pooling2d', '4', /no weights/],
      ['dense_1', '1280', /left out the biases/],
    ];
    for (const [name, answer, mistake] of cases) {
      const verdict = check(ask(name, 'params'), answer);
      expect(verdict.status, `${name} ${answer}`).toBe('wrong');
      expect(verdict.worded.join(' '), `${name} ${answer}`).toMatch(mistake);
    }
    const wrong = check(ask('conv2d_1', 'params'), '18432');
    expect(formatFigure(wrong.correct!)).toBe('18,496');
    expect(wrong.explanations.map((e) => e.formula)).toEqual(['((3×3×32)+1)×64 = 18,496']);
    expect(translate(wrong.explanations[0]!.rule, 'zh-TW')).toMatch(/輸入通道數/);
    expect(translate(wrong.mistakes[0]!, 'zh-TW')).toMatch(/偏差/);
  });

  it('names no mistake for a wrong count it cannot explain, and says what cannot be read', () => {
    const odd = check(ask('dense', 'params'), '12345');
    expect(odd.status).toBe('wrong');
    expect(odd.mistakes).toEqual([]);
    const unreadable = check(ask('dense', 'params'), '1.2 million');
    expect(unreadable.status).toBe('unreadable');
    expect(unreadable.worded[0]).toMatch(/“1.2 million” is not a whole number/);
    expect(translate(unreadable.mistakes[0]!, 'zh-TW')).toMatch(/不是整數/);
    expect(check(ask('dense', 'params'), '   ').status).toBe('blank');
  });

  it('explains the total as the sum of the layers', () => {
    const verdict = check({ figure: 'totalParams' }, '1199881');
    expect(verdict.status).toBe('wrong');
    expect(verdict.explanations[0]!.formula).toBe('320 + 18,496 + 1,179,776 + 1,290 = 1,199,882');
  });
});

describe('BatchNormalization’s moving statistics', () => {
  const graph = sequential([
    input([28, 28, 1]),
    { type: 'Conv2D', params: { filters: 32, kernel_size: [3, 3] } },
    { type: 'BatchNormalization' },
    { type: 'Flatten' },
    { type: 'Dense', params: { units: 10 } },
  ]);
  const net = { graph, analysis: analyse(graph) };

  it('names the moving mean and variance when only the trainable ones are counted', () => {
    const bn = ask('batch_normalization', 'params', net);
    expect(check(bn, '128', net).status).toBe('right');
    expect(check(bn, '64', net).worded.join(' ')).toMatch(/moving mean and moving variance/);
    expect(check(bn, String(128 * 26 * 26), net).worded.join(' ')).toMatch(/per channel, not per position/);
    const total = net.analysis.totals;
    const verdict = check({ figure: 'totalParams' }, String(total.trainable), net);
    expect(verdict.worded.join(' ')).toMatch(/the 64 non-trainable ones/);
  });

  it('with frozen layers: names their weights in the non-trainable count, and BN’s misreadings stay the same', () => {
    const frozenGraph = applyCommand(graph, {
      kind: 'setTrainable',
      nodeIds: graph.nodes.filter((n) => n.type !== 'Input').map((n) => n.id),
      trainable: false,
    });
    const frozen = { graph: frozenGraph, analysis: analyse(frozenGraph) };
    expect(frozen.analysis.totals.trainable).toBe(0);
    const verdict = check({ figure: 'totalParams' }, '0', frozen);
    expect(verdict.worded.join(' ')).toMatch(/the weights of the frozen layers/);
    const bn = ask('batch_normalization', 'params', frozen);
    expect(check(bn, '128', frozen).status).toBe('right');
    expect(check(bn, '64', frozen).worded.join(' ')).toMatch(/moving mean and moving variance/);
  });
});

describe('output shapes', () => {
  it('accepts the shape as Keras prints it or as people write it', () => {
    for (const answer of ['(None, 26, 26, 32)', '26x26x32', '26 × 26 × 32', '[26, 26, 32]', '２６×２６×３２']) {
      expect(check(ask('conv2d', 'outputShape'), answer).status, answer).toBe('right');
    }
    expect(check(ask('flatten', 'outputShape'), '(None, 9216)').status).toBe('right');
  });

  it('names the padding, the stride, the channels and the axis order', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['conv2d', '28x28x32', /uses ‘valid’ padding/],
      ['conv2d', '26x26x1', /one channel per filter: 32 channels/],
      ['conv2d_1', '64, 24, 24', /channels last/],
      ['max_pooling2d', '23x23x64', /left out the stride \(2\)/],
    ];
    for (const [name, answer, mistake] of cases) {
      const verdict = check(ask(name, 'outputShape'), answer);
      expect(verdict.status, `${name} ${answer}`).toBe('wrong');
      expect(verdict.worded.join(' '), `${name} ${answer}`).toMatch(mistake);
    }
    const textbook = template('textbook-mnist');
    const same = check(ask('conv2d', 'outputShape', textbook), '24x24x16', textbook);
    expect(same.worded.join(' ')).toMatch(/uses ‘same’ padding/);
    expect(same.explanations.map((e) => e.formula)).toHaveLength(3);
  });

  it('says what is not a shape', () => {
    const verdict = check(ask('conv2d', 'outputShape'), '26 by 26');
    expect(verdict.status).toBe('unreadable');
    expect(verdict.worded[0]).toMatch(/is not a shape/);
  });
});

describe('receptive fields', () => {
  const textbook = template('textbook-mnist');

  it('takes one number for a square field and names the forgotten jump', () => {
    const conv2 = ask('conv2d_1', 'receptiveField', textbook);
    expect(check(conv2, '14', textbook).status).toBe('right');
    expect(check(conv2, '14 x 14', textbook).status).toBe('right');
    expect(check(conv2, '10', textbook).worded.join(' ')).toMatch(/strides of earlier layers/);
    expect(check(conv2, '5x5', textbook).worded.join(' ')).toMatch(/not only this layer’s own window/);
    expect(check(conv2, '14', textbook).explanations[0]!.formula).toBe('6+(5−1)×2 = 14; j = 2×1 = 2');
  });
});

describe('parsing answers', () => {
  it.each([
    ['18,496', 'count', [18496]],
    ["18'496", 'count', [18496]],
    ['１８４９６', 'count', [18496]],
    ['(None, 12, 12, 64)', 'shape', [12, 12, 64]],
    ['None x 9216', 'shape', [9216]],
    ['12、12、64', 'shape', [12, 12, 64]],
    ['5×5', 'field', [5, 5]],
    ['7', 'field', [7]],
  ] as const)('%s as a %s', (text, kind, numbers) => {
    expect(parseAnswer(text, kind)).toEqual({ ok: true, numbers });
  });

  it.each([
    ['-3', 'count'],
    ['3.5', 'count'],
    ['1e6', 'count'],
    ['1, 2, 3, 4', 'shape'],
    ['5x5x5', 'field'],
    ['big', 'field'],
  ] as const)('refuses %s as a %s', (text, kind) => {
    expect(parseAnswer(text, kind).ok).toBe(false);
  });
});

describe('what a student sees', () => {
  it('hides every asked figure and whatever gives it away', () => {
    const questions = [
      ...askEveryLayer(fourLayer.analysis, 'params'),
      ...askEveryLayer(fourLayer.analysis, 'outputShape'),
      { figure: 'totalParams' as const },
    ];
    const masked = maskAnalysis(fourLayer.analysis, questions);
    expect(masked.totalsHidden).toBe(true);
    const shown = JSON.stringify(masked.nodes);
    for (const verdict of checkExercise(fourLayer.graph, fourLayer.analysis, questions, {}).verdicts) {
      if (verdict.question.figure === 'totalParams' || verdict.correct!.kind !== 'count') continue;
      if (verdict.correct!.value === 0) continue;
      expect(shown).not.toContain(formatFigure(verdict.correct!));
    }
    for (const node of masked.nodes.filter((n) => n.type !== 'Input')) {
      expect(node.outputShape).toBeNull();
      expect(node.params).toBeNull();
      expect(node.explanations).toBeNull();
    }
    // The Input's given shape stays, and so does everything not asked.
    expect(masked.nodes[0]!.outputShape).toEqual([28, 28, 1]);
    const onlyDense = maskAnalysis(fourLayer.analysis, [ask('dense', 'params')]);
    expect(onlyDense.byId.get(idOf('conv2d'))!.params!.total).toBe(320);
    expect(onlyDense.byId.get(idOf('dense'))!.outputShape).toEqual([128]);
  });
});

describe('the problems a student sees', () => {
  // Dense straight after a Conv2D: its warning quotes the shape it gets, the Conv2D's output (26 × 26 × 8).
  const graph = sequential([
    input([28, 28, 1]),
    { type: 'Conv2D', params: { filters: 8, kernel_size: [3, 3] } },
    { type: 'Dense', params: { units: 10 } },
  ]);
  const net = { graph, analysis: analyse(graph) };
  const words = (list: { message: Parameters<typeof translate>[0] }[]) =>
    list.flatMap((d) => [translate(d.message, 'en'), translate(d.message, 'zh-TW')]).join(' ');

  it('leave out what quotes an asked figure, and keep the rest', () => {
    expect(words(net.analysis.diagnostics)).toContain('26 × 26 × 8');
    const masked = maskAnalysis(net.analysis, [ask('conv2d', 'outputShape', net)]);
    expect(words(masked.diagnostics)).not.toContain('26 × 26 × 8');
    expect(words(masked.nodes.flatMap((n) => n.diagnostics))).not.toContain('26 × 26 × 8');
    // Asking only the Conv2D's parameter count leaves its output shape shown, and the warning with it.
    const dense = maskAnalysis(net.analysis, [ask('conv2d', 'params', net)]);
    expect(words(dense.diagnostics)).toContain('26 × 26 × 8');
  });
});

describe('the exercise a teacher is making', () => {
  it('is the one the project keeps, or a fresh one named after the project', () => {
    const kept = { title: 'Quiz 1', instructions: '', questions: [{ figure: 'totalParams' as const }], variants: null };
    expect(projectDraft({ exercise: kept, meta: { name: 'LeNet' } })).toBe(kept);
    expect(projectDraft({ exercise: null, meta: { name: 'LeNet' } })).toEqual({
      title: 'LeNet',
      instructions: '',
      questions: [],
      variants: null,
    });
    expect(projectDraft({ exercise: null, meta: { name: 'Untitled' } }).title).toBe('');
  });

  it('asks only what the network still has: questions about a removed layer are not asked', () => {
    const draft = {
      title: '',
      instructions: '',
      questions: [
        { figure: 'params' as const, nodeId: 'removed-layer' },
        ...askEveryLayer(fourLayer.analysis, 'params'),
      ],
    };
    const exercise = makeExercise(fourLayer.graph, fourLayer.analysis, draft);
    expect(exercise.questions).toEqual(askEveryLayer(fourLayer.analysis, 'params'));
  });
});

describe('exercise files', () => {
  const exercise = makeExercise(fourLayer.graph, fourLayer.analysis, {
    title: '4-layer CNN',
    instructions: 'Fill in every parameter count.',
    questions: askEveryLayer(fourLayer.analysis, 'params'),
  });

  it('read back as the same exercise, opening as a project of its network', () => {
    const saved = JSON.stringify({ ...exercise, answers: { [questionKey(exercise.questions[0]!)]: '320' } });
    const result = loadModelText(saved, 'counting.exercise.convstudio.json');
    expect(result.ok && result.kind).toBe('exercise');
    if (!result.ok || result.kind !== 'exercise') return;
    expect(result.exercise.questions).toEqual(exercise.questions);
    expect(result.exercise.answers).toEqual({ [questionKey(exercise.questions[0]!)]: '320' });
    expect(result.project.graph).toEqual(fourLayer.graph);
    expect(result.project.meta.name).toBe('4-layer CNN');
  });

  it('name where a damaged one is damaged, in both languages', () => {
    const broken = { ...exercise, questions: [{ figure: 'params', nodeId: 'gone' }] };
    const result = loadModelText(JSON.stringify(broken), 'x.exercise.convstudio.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(translate(result.errors[0]!, 'en')).toBe(
      "x.exercise.convstudio.json: the exercise file is damaged at questions[0].nodeId: a question asks about 'gone', which is not a layer of the network.",
    );
    expect(translate(result.errors[0]!, 'zh-TW')).toMatch(/練習檔在 questions\[0\]\.nodeId 處損壞/);
    const twice = loadModelText(
      JSON.stringify({ ...exercise, questions: [exercise.questions[0], exercise.questions[0]] }),
      'y.json',
    );
    expect(!twice.ok && translate(twice.errors[0]!, 'en')).toMatch(/is asked twice/);
    const newer = loadModelText(JSON.stringify({ ...exercise, version: 7 }), 'z.json');
    expect(!newer.ok && translate(newer.errors[0]!, 'en')).toMatch(/newer ConvStudio \(file version 7/);
    const figure = loadModelText(
      JSON.stringify({ ...exercise, questions: [{ figure: 'flops', nodeId: 'a' }] }),
      'w.json',
    );
    expect(!figure.ok && translate(figure.errors[0]!, 'en')).toMatch(/damaged at questions\[0\]/);
  });
});
