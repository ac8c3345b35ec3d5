/**
 * The project file (`.convstudio.json`): format version, metadata, the layer graph, the dataset it trains on
 * and its training settings, and its training runs. Plain serialisable data, validated by this one schema.
 */
import { z } from 'zod';
import { graphSchema } from './graph-schema.ts';
import { MAX_RUNS, runRecordSchema } from './run-schema.ts';
import { datasetBindingSchema, trainingSettingsSchema } from './training-schema.ts';

export const PROJECT_FORMAT = 'convstudio';
export const PROJECT_VERSION = 2;

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
});
export type Project = z.infer<typeof projectSchema>;
