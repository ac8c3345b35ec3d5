/**
 * model.json of TensorFlow.js's layers format as ConvStudio saves trained models (see trainer/train/
 * save-model.ts): the Keras topology and one manifest entry naming weights.bin and its weights in order.
 */
import { z } from 'zod';

export const weightSpecSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.enum(['float32', 'int32', 'bool']),
});

export const layersModelJsonSchema = z
  .object({
    format: z.literal('layers-model'),
    modelTopology: z.record(z.string(), z.unknown()),
    weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(weightSpecSchema) })).length(1),
  })
  .loose();
export type LayersModelJson = z.infer<typeof layersModelJsonSchema>;

/** Values in one weight. */
export function weightSize(spec: z.infer<typeof weightSpecSchema>): number {
  return spec.shape.reduce((a, b) => a * b, 1);
}

/** Bytes the weights of a manifest take (4 per value: float32 and int32 alike). */
export function weightBytes(json: LayersModelJson): number {
  return json.weightsManifest[0]!.weights.reduce((sum, w) => sum + 4 * weightSize(w), 0);
}
