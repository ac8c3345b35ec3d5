/**
 * The exercise file (`.exercise.convstudio.json`): a network, the figures a teacher asks students to work
 * out, and — once a student has worked on it — their answers. The answers to the questions are never stored:
 * they are worked out from the network by the same analysis the app shows.
 */
import { z } from 'zod';
import { graphSchema } from '../document/graph-schema.ts';
import { msg } from '../i18n/messages.ts';
import { variantSettingsSchema } from './variants.ts';

export const EXERCISE_FORMAT = 'convstudio-exercise';
export const EXERCISE_VERSION = 1;
export const EXERCISE_EXTENSION = '.exercise.convstudio.json';

/** The figures of a layer that can be asked. */
export const LAYER_FIGURES = ['outputShape', 'params', 'receptiveField'] as const;
export type LayerFigure = (typeof LAYER_FIGURES)[number];

/** A figure of one layer, or the network's total parameter count (as Keras's summary prints it). */
export const questionSchema = z.discriminatedUnion('figure', [
  z.object({ figure: z.enum(LAYER_FIGURES), nodeId: z.string().min(1).max(200) }).strict(),
  z.object({ figure: z.literal('totalParams') }).strict(),
]);
export type Question = z.infer<typeof questionSchema>;
export type Figure = Question['figure'];

/** 'conv-1/params'; 'totalParams' for the network's total. */
export function questionKey(question: Question): string {
  return question.figure === 'totalParams' ? 'totalParams' : `${question.nodeId}/${question.figure}`;
}

export const MAX_ANSWER_CHARS = 200;
const MAX_TITLE_CHARS = 200;
const MAX_INSTRUCTIONS_CHARS = 5000;
const MAX_QUESTIONS = 2000;

/**
 * The exercise a teacher is making of a project's network (the Exercise tab), kept in the project file:
 * questions about layers that have since been removed are kept and simply not asked.
 */
export const exerciseDraftSchema = z
  .object({
    title: z.string().max(MAX_TITLE_CHARS).default(''),
    instructions: z.string().max(MAX_INSTRUCTIONS_CHARS).default(''),
    questions: z.array(questionSchema).max(MAX_QUESTIONS).default([]),
    /** Variants to print and check, each with its code (exercise/variants.ts); null: one network for all. */
    variants: variantSettingsSchema.nullable().default(null),
  })
  .strict();
export type ExerciseDraft = z.infer<typeof exerciseDraftSchema>;

export const exerciseSchema = z
  .object({
    format: z.literal(EXERCISE_FORMAT),
    version: z.literal(EXERCISE_VERSION),
    title: z.string().max(MAX_TITLE_CHARS).default(''),
    instructions: z.string().max(MAX_INSTRUCTIONS_CHARS).default(''),
    graph: graphSchema,
    questions: z.array(questionSchema).min(1).max(MAX_QUESTIONS),
    /** The ranges its variants are drawn in; null: every student gets `graph`. */
    variants: variantSettingsSchema.nullable().default(null),
    /** The variant code the student typed in, saved with their answers. */
    variantCode: z.string().max(16).nullable().default(null),
    /** A student's answers so far, by question key. */
    answers: z.record(z.string().max(420), z.string().max(MAX_ANSWER_CHARS)).default({}),
  })
  .superRefine((exercise, ctx) => {
    const ids = new Set(exercise.graph.nodes.map((n) => n.id));
    const seen = new Set<string>();
    exercise.questions.forEach((q, i) => {
      const key = questionKey(q);
      if (q.figure !== 'totalParams' && !ids.has(q.nodeId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'nodeId'],
          message: `no layer has the id ${q.nodeId}`,
          params: { message: msg('schema.questionNoLayer', { id: q.nodeId }) },
        });
      }
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i],
          message: `${key} is asked twice`,
          params: { message: msg('schema.questionTwice', { question: key }) },
        });
      }
      seen.add(key);
    });
  });
export type Exercise = z.infer<typeof exerciseSchema>;
