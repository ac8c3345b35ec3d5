/**
 * The layer graph as it is stored: nodes (layers) and edges. A DAG, not a list: Add and Concatenate take
 * several inputs, in the order their edges appear in `edges`.
 */
import { z } from 'zod';
import { msg } from '../i18n/messages.ts';
import type { LayerType } from '../layers/catalogue.ts';
import { LAYER_MODULES } from '../layers/registry.ts';

export const positionSchema = z.object({ x: z.number(), y: z.number() });

function nodeSchema<T extends LayerType, P extends z.ZodType>(type: T, params: P) {
  return z.object({
    id: z.string().min(1),
    type: z.literal(type),
    /** The Keras layer name ('conv2d', 'conv2d_1' …). */
    name: z.string().min(1),
    /** Missing settings take Keras's defaults. */
    params: z.preprocess((value) => value ?? {}, params),
    position: positionSchema.prefault({ x: 0, y: 0 }),
  });
}

type Modules = (typeof LAYER_MODULES)[number];
type NodeOfModule<M> = M extends Modules
  ? { id: string; type: M['type']; name: string; params: z.infer<M['schema']>; position: z.infer<typeof positionSchema> }
  : never;
/** A layer: one of the registry's types, with that type's settings. */
export type LayerNode = NodeOfModule<Modules>;

export const layerNodeSchema = z.discriminatedUnion(
  'type',
  LAYER_MODULES.map((m) => nodeSchema(m.type, m.schema)) as unknown as [ReturnType<typeof nodeSchema>],
) as unknown as z.ZodType<LayerNode, unknown>;
/** A node of one given type, its params narrowed. */
type NodesByType = { [K in LayerType]: Extract<LayerNode, { type: K }> };
export type NodeOf<T extends LayerType> = NodesByType[T];

export const edgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
});
export type Edge = z.infer<typeof edgeSchema>;

export const graphSchema = z
  .object({
    nodes: z.array(layerNodeSchema),
    edges: z.array(edgeSchema),
  })
  .superRefine((graph, ctx) => {
    const ids = new Set<string>();
    graph.nodes.forEach((node, i) => {
      if (ids.has(node.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'id'],
          message: `duplicate id ${node.id}`,
          params: { message: msg('schema.duplicateId', { id: node.id }) },
        });
      }
      ids.add(node.id);
    });
    graph.edges.forEach((edge, i) => {
      for (const end of ['source', 'target'] as const) {
        if (!ids.has(edge[end])) {
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `unknown node ${edge[end]}`,
            params: { message: msg('schema.unknownNode', { id: edge[end] }) },
          });
        }
      }
    });
  });
export type Graph = z.infer<typeof graphSchema>;
