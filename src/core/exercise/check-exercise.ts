/**
 * Checking a student's answers: each right or wrong; a wrong one with the right figure, the step-by-step
 * arithmetic behind it (the inspector's explanations) and the common mistake it shows, where one does.
 */
import type { Analysis, Explanation } from '../analysis/types.ts';
import type { Graph } from '../document/graph-schema.ts';
import type { Msg } from '../i18n/messages.ts';
import { namedMistakes, sameNumbers } from './common-mistakes.ts';
import { questionKey, type Question } from './exercise-schema.ts';
import { FIGURE_KIND, answerExplanations, correctAnswer, figureNumbers, type FigureValue } from './figures.ts';
import { parseAnswer } from './parse-answer.ts';

export type VerdictStatus = 'right' | 'wrong' | 'blank' | 'unreadable' | 'undetermined';

export interface Verdict {
  question: Question;
  key: string;
  status: VerdictStatus;
  /** The right figure; null where the network has an error that leaves it undetermined. */
  correct: FigureValue | null;
  explanations: Explanation[];
  /** Why the answer is wrong: the common mistakes it matches, or what cannot be read in it. */
  mistakes: Msg[];
}

export interface CheckResult {
  verdicts: Verdict[];
  right: number;
  total: number;
}

export function checkAnswer(graph: Graph, analysis: Analysis, question: Question, text: string): Verdict {
  const key = questionKey(question);
  const correct = correctAnswer(analysis, question);
  const explanations = answerExplanations(analysis, question);
  const base = { question, key, correct, explanations };
  if (!correct) return { ...base, status: 'undetermined', mistakes: [] };
  const parsed = parseAnswer(text, FIGURE_KIND[question.figure]);
  if (parsed.ok === 'blank') return { ...base, status: 'blank', mistakes: [] };
  if (!parsed.ok) return { ...base, status: 'unreadable', mistakes: [parsed.problem] };
  const truth = figureNumbers(correct);
  // A single number for a receptive field means a square one.
  const answer =
    correct.kind === 'field' && parsed.numbers.length === 1 ? [parsed.numbers[0]!, parsed.numbers[0]!] : parsed.numbers;
  if (sameNumbers(answer, truth)) return { ...base, status: 'right', mistakes: [] };
  return { ...base, status: 'wrong', mistakes: namedMistakes(graph, analysis, question, answer) };
}

export function checkExercise(
  graph: Graph,
  analysis: Analysis,
  questions: readonly Question[],
  answers: Readonly<Record<string, string>>,
): CheckResult {
  const verdicts = questions.map((q) => checkAnswer(graph, analysis, q, answers[questionKey(q)] ?? ''));
  return { verdicts, right: verdicts.filter((v) => v.status === 'right').length, total: verdicts.length };
}
