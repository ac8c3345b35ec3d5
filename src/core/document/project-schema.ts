/**
 * The project file (`.convstudio.json`): format version, metadata, the layer graph, the dataset it trains on
 * and its training settings, its training runs, and the exercise a teacher is making of it. Plain
 * serialisable data, validated by this one schema.
 */
import { z } from 'zod';
import { exerciseDraftSchema } from '../exercise/exercise-schema.ts';
import { graphSchema } from './graph-schema.ts';
import { MAX_RUNS, runRecordSchema } from './run-schema.ts';
import { datasetBindingSchema, trainingSettingsSchema } from './training-schema.ts';

export const PROJECT_FORMAT = 'convstudio';
export const PROJECT_VERSION = 4;

export const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  meta: z
    .object({
      name: z.string().default('Untitled'),
      description: z.string().default(''),
    })
    .prefault({}),
  graph: graphSchema,
  dataset: datasetBindingSchema.nullable().default({ kind: 'builtin', name: 'mnist' }),
  training: trainingSettingsSchema.prefault({}),
  /** Training runs, oldest first (version 2). */
  runs: z.array(runRecordSchema).max(MAX_RUNS).default([]),
  /** The exercise a teacher is making of this network, if any (version 3). */
  exercise: exerciseDraftSchema.nullable().default(null),
});
export type Project = z.infer<typeof projectSchema>;
