/**
 * What every code export needs from a network: its layers in an order Python can run them, each with the
 * names of its inputs, its input and output shapes, and whether the whole is a plain chain (Keras's
 * Sequential) or branches (the functional API). Networks with errors are not exported.
 */
import { analyse } from '../analysis/analyse.ts';
import type { NodeAnalysis, Shape, Totals } from '../analysis/types.ts';
import type { LayerNode } from '../document/graph-schema.ts';
import type { Project } from '../document/project-schema.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { pyIdentifier } from './python-text.ts';

export interface PlannedLayer {
  node: LayerNode;
  /** A Python identifier for the layer, unique in the script. */
  id: string;
  /** The planned layers it reads, in edge order. */
  inputs: PlannedLayer[];
  inputShapes: Shape[];
  outputShape: Shape;
}

export interface ExportPlan {
  project: Project;
  input: PlannedLayer;
  /** Every layer after the Input, inputs before the layers that read them. */
  layers: PlannedLayer[];
  output: PlannedLayer;
  /** Each layer reads the one before it: Keras's Sequential fits. */
  chain: boolean;
  totals: Totals;
}

export type PlanResult = { ok: true; plan: ExportPlan } | { ok: false; errors: Msg[] };

export function exportPlan(project: Project): PlanResult {
  const analysis = analyse(project.graph);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  if (errors.length > 0) return { ok: false, errors: [msg('export.hasErrors'), ...errors] };
  const inputs = analysis.nodes.filter((n) => n.type === 'Input');
  if (inputs.length !== 1 || analysis.outputIds.length !== 1)
    return {
      ok: false,
      errors: [msg('export.oneInputOneOutput', { inputs: inputs.length, outputs: analysis.outputIds.length })],
    };

  const nodes = new Map(project.graph.nodes.map((n) => [n.id, n]));
  const taken = new Set(['x', 'inputs', 'outputs', 'model', 'self', 'nn', 'F', 'torch', 'np', 'keras', 'layers']);
  const planned = new Map<string, PlannedLayer>();
  for (const a of analysis.nodes as NodeAnalysis[]) {
    planned.set(a.id, {
      node: nodes.get(a.id)!,
      id: pyIdentifier(a.name, taken),
      inputs: (analysis.inputsOf.get(a.id) ?? []).map((id) => planned.get(id)!),
      inputShapes: a.inputShapes,
      outputShape: a.outputShape!,
    });
  }
  const ordered = analysis.nodes.map((a) => planned.get(a.id)!);
  const layers = ordered.filter((l) => l.node.type !== 'Input');
  const chain = layers.every((l, i) => l.inputs.length === 1 && l.inputs[0] === (ordered[i] ?? null));
  return {
    ok: true,
    plan: {
      project,
      input: planned.get(inputs[0]!.id)!,
      layers,
      output: planned.get(analysis.outputIds[0]!)!,
      chain: chain && ordered[0] === planned.get(inputs[0]!.id),
      totals: analysis.totals,
    },
  };
}

export { samePadding } from './torch-parts.ts';
