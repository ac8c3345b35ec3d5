/**
 * Nested models as Keras's model.summary() shows them: one row per model used as a layer, with the sum of
 * every layer inside it at any depth.
 */
import type { Analysis, ParamCount, Shape } from '../analysis/types.ts';
import type { Group } from '../document/graph-schema.ts';
import { groupChain } from '../document/groups.ts';
import type { Summary, SummaryRow } from './summary-rows.ts';

export interface NestedModel extends Group {
  /** Every layer inside it, nested ones included; null where some count is unknown. */
  params: ParamCount | null;
  /** Ids of its layers (directly in it, not in models inside it). */
  layerIds: string[];
}

/** The outermost nested model a group lies in (itself when it lies in the outer model). */
export function outermostGroup(groups: readonly Group[], id: string): string {
  return groupChain(groups, id).at(-1)!;
}

/**
 * Every nested model with its counts. Where an exercise hides the totals (a masked analysis), a nested
 * model's count is a total too, and is hidden with them: Sequential([base]) alone would show the answer.
 */
export function nestedModels(analysis: Analysis): NestedModel[] {
  if ('totalsHidden' in analysis && analysis.totalsHidden) {
    return analysis.groups.map((g) => ({
      ...g,
      params: null,
      layerIds: analysis.nodes.filter((n) => n.group === g.id).map((n) => n.id),
    }));
  }
  const models = new Map<string, NestedModel>(
    analysis.groups.map((g) => [g.id, { ...g, params: { total: 0, trainable: 0, nonTrainable: 0 }, layerIds: [] }]),
  );
  for (const node of analysis.nodes) {
    if (node.group === null) continue;
    models.get(node.group)?.layerIds.push(node.id);
    // Count the layer in its model and in every model around it.
    for (const id of groupChain(analysis.groups, node.group)) {
      const model = models.get(id);
      if (!model) break;
      if (!node.params) model.params = null;
      else if (model.params) {
        model.params.total += node.params.total;
        model.params.trainable += node.params.trainable;
        model.params.nonTrainable += node.params.nonTrainable;
      }
    }
  }
  return [...models.values()];
}

/** One line of a summary with nested models: a layer, or a nested model's own row before its layers. */
export type SummaryLine =
  | { kind: 'layer'; row: SummaryRow; depth: number; groups: string[] }
  | {
      kind: 'model';
      model: NestedModel;
      depth: number;
      /** The groups it lies in, outermost first, itself last. */
      groups: string[];
      outputShape: Shape | null;
      macs: number | null;
      connectedTo: string[];
    };

/**
 * The summary's rows with each nested model's row before its layers, as Keras nests them (depth 0: the
 * outer model). Keras's own summary shows the depth-0 lines; the app can open a model to show its layers.
 */
export function summaryLines(analysis: Analysis, summary: Summary): SummaryLine[] {
  const groups = analysis.groups;
  if (groups.length === 0) return summary.rows.map((row) => ({ kind: 'layer', row, depth: 0, groups: [] }));
  const models = new Map(nestedModels(analysis).map((m) => [m.id, m]));
  const chains = new Map(groups.map((g) => [g.id, groupChain(groups, g.id).reverse()]));
  const inside = (row: SummaryRow, id: string) => row.group !== null && chains.get(row.group)!.includes(id);
  const lines: SummaryLine[] = [];
  const opened = new Set<string>();
  for (const row of summary.rows) {
    const chain = row.group === null ? [] : chains.get(row.group)!;
    chain.forEach((id, depth) => {
      if (opened.has(id)) return;
      opened.add(id);
      const rows = summary.rows.filter((r) => inside(r, id));
      const names = new Set(rows.map((r) => r.name));
      const model = models.get(id)!;
      const macs =
        model.params !== null && rows.every((r) => r.macs !== null) ? rows.reduce((n, r) => n + r.macs!, 0) : null;
      lines.push({
        kind: 'model',
        model,
        depth,
        groups: chain.slice(0, depth + 1),
        outputShape: rows.at(-1)?.outputShape ?? null,
        macs,
        connectedTo: rows.flatMap((r) => r.connectedTo.filter((c) => !names.has(c))),
      });
    });
    lines.push({ kind: 'layer', row, depth: chain.length, groups: chain });
  }
  return lines;
}
