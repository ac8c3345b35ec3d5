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
    /** false: its weights are frozen (Keras's `layer.trainable = False`); absent: trainable (version 4). */
    trainable: z.literal(false).optional(),
    /** The nested model it belongs to (a group's id); absent: the outer model (version 4). */
    group: z.string().min(1).optional(),
  });
}

type Modules = (typeof LAYER_MODULES)[number];
type NodeOfModule<M> = M extends Modules
  ? {
      id: string;
      type: M['type'];
      name: string;
      params: z.infer<M['schema']>;
      position: z.infer<typeof positionSchema>;
      trainable?: false;
      group?: string;
    }
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

/**
 * A nested model: a Sequential or Functional model used as a layer of another (Teachable Machine's
 * `Sequential[Sequential[MobileNet], Sequential[head]]`, `Sequential([base, head])` in transfer learning).
 * Its layers are nodes of the one graph that name it as their `group`; groups nest through `parent`.
 */
export const groupSchema = z.object({
  id: z.string().min(1),
  /** The nested model's Keras name ('mobilenetv2_1.00_224', 'sequential_1' …). */
  name: z.string().min(1),
  className: z.enum(['Sequential', 'Functional']),
  /** The group it lies in; absent: the outer model. */
  parent: z.string().min(1).optional(),
  /** Drawn as one node on the canvas (its layers hidden inside it); absent: drawn open. */
  collapsed: z.literal(true).optional(),
});
export type Group = z.infer<typeof groupSchema>;

export const graphSchema = z
  .object({
    nodes: z.array(layerNodeSchema),
    edges: z.array(edgeSchema),
    /** Nested models (version 4); most networks have none. */
    groups: z.array(groupSchema).optional(),
  })
  .superRefine((graph, ctx) => {
    const groupIds = new Set((graph.groups ?? []).map((g) => g.id));
    const badGroup = (path: Array<string | number>, id: string) =>
      ctx.addIssue({
        code: 'custom',
        path,
        message: `unknown group ${id}`,
        params: { message: msg('schema.unknownGroup', { id }) },
      });
    (graph.groups ?? []).forEach((g, i) => {
      if (g.parent !== undefined && (!groupIds.has(g.parent) || g.parent === g.id))
        badGroup(['groups', i, 'parent'], g.parent);
    });
    if (groupsCycle(graph.groups ?? [])) badGroup(['groups'], 'cycle');
    graph.nodes.forEach((node, i) => {
      if (node.group !== undefined && !groupIds.has(node.group)) badGroup(['nodes', i, 'group'], node.group);
    });
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

/** Whether some group is its own ancestor. */
function groupsCycle(groups: readonly Group[]): boolean {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  for (const g of groups) {
    let at = g.parent;
    for (let steps = 0; at !== undefined; steps++) {
      if (at === g.id || steps > groups.length) return true;
      at = parent.get(at);
    }
  }
  return false;
}
