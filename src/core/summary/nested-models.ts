/**
 * Nested models as Keras's model.summary() shows them: one row per model used as a layer, with the sum of
 * every layer inside it at any depth.
 */
import type { Analysis, ParamCount } from '../analysis/types.ts';
import type { Group } from '../document/graph-schema.ts';

export interface NestedModel extends Group {
  /** Every layer inside it, nested ones included; null where some count is unknown. */
  params: ParamCount | null;
  /** Ids of its layers (directly in it, not in models inside it). */
  layerIds: string[];
}

/** The outermost nested model a group lies in (itself when it lies in the outer model). */
export function outermostGroup(groups: readonly Group[], id: string): string {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  let at = id;
  for (let steps = 0; parent.get(at) !== undefined && steps <= groups.length; steps++) at = parent.get(at)!;
  return at;
}

export function nestedModels(analysis: Analysis): NestedModel[] {
  const models = new Map<string, NestedModel>(
    analysis.groups.map((g) => [g.id, { ...g, params: { total: 0, trainable: 0, nonTrainable: 0 }, layerIds: [] }]),
  );
  for (const node of analysis.nodes) {
    if (node.group === null) continue;
    models.get(node.group)?.layerIds.push(node.id);
    // Count the layer in its model and in every model around it.
    for (let at: string | undefined = node.group, steps = 0; at !== undefined && steps <= models.size; steps++) {
      const model = models.get(at);
      if (!model) break;
      if (!node.params) model.params = null;
      else if (model.params) {
        model.params.total += node.params.total;
        model.params.trainable += node.params.trainable;
        model.params.nonTrainable += node.params.nonTrainable;
      }
      at = model.parent;
    }
  }
  return [...models.values()];
}
