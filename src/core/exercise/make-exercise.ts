/** A teacher's choices turned into an exercise, and the presets that ask one kind of figure of every layer. */
import type { Analysis } from '../analysis/types.ts';
import type { Graph } from '../document/graph-schema.ts';
import {
  EXERCISE_FORMAT,
  EXERCISE_VERSION,
  questionKey,
  type Exercise,
  type ExerciseDraft,
  type LayerFigure,
  type Question,
} from './exercise-schema.ts';
import { canAsk } from './figures.ts';

/** Every layer of which this figure can be asked, in the network's order. */
export function askEveryLayer(analysis: Analysis, figure: LayerFigure): Question[] {
  return analysis.nodes.filter((n) => canAsk(n, figure)).map((n) => ({ figure, nodeId: n.id }));
}

/** Adds or removes one question, keeping the others. */
export function toggleQuestion(questions: readonly Question[], question: Question): Question[] {
  const key = questionKey(question);
  return questions.some((q) => questionKey(q) === key)
    ? questions.filter((q) => questionKey(q) !== key)
    : [...questions, question];
}

/**
 * The questions still askable of this network, in the order a worksheet lists them: layer by layer in the
 * network's order (shape, parameters, receptive field), the total last. Questions about removed layers or
 * figures the network no longer determines are dropped.
 */
export function orderedQuestions(analysis: Analysis, questions: readonly Question[]): Question[] {
  const keys = new Set(questions.map(questionKey));
  const ordered: Question[] = [];
  for (const node of analysis.nodes) {
    for (const figure of ['outputShape', 'params', 'receptiveField'] as const) {
      if (keys.has(`${node.id}/${figure}`) && canAsk(node, figure)) ordered.push({ figure, nodeId: node.id });
    }
  }
  if (keys.has('totalParams')) ordered.push({ figure: 'totalParams' });
  return ordered;
}

/**
 * The exercise being made of a project: the one kept in it, or a fresh one titled after the project
 * (an untitled project gives an untitled exercise).
 */
export function projectDraft(project: { exercise: ExerciseDraft | null; meta: { name: string } }): ExerciseDraft {
  if (project.exercise) return project.exercise;
  const title = project.meta.name === 'Untitled' ? '' : project.meta.name;
  return { title, instructions: '', questions: [], variants: null };
}

/** `draft.variants` may be left out: one network for every student. */
export function makeExercise(
  graph: Graph,
  analysis: Analysis,
  draft: Omit<ExerciseDraft, 'variants'> & Partial<Pick<ExerciseDraft, 'variants'>>,
): Exercise {
  return {
    format: EXERCISE_FORMAT,
    version: EXERCISE_VERSION,
    title: draft.title.trim(),
    instructions: draft.instructions.trim(),
    graph,
    questions: orderedQuestions(analysis, draft.questions),
    variants: draft.variants ?? null,
    variantCode: null,
    answers: {},
  };
}
