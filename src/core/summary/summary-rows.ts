/**
 * The rows of a Keras-style model summary, shared by the CLI's text and JSON output and the app's summary
 * panel. Like Keras's model.summary() for Sequential models, Input layers are not rows: their shape is the
 * summary's input shape.
 */
import type { Analysis, NodeAnalysis, Shape } from '../analysis/types.ts';
import type { LayerType } from '../layers/catalogue.ts';

export interface SummaryRow {
  id: string;
  name: string;
  type: LayerType;
  outputShape: Shape | null;
  params: number | null;
  trainableParams: number | null;
  macs: number | null;
  receptiveField: [number, number] | null;
  /** Names of the layers it takes its inputs from. */
  connectedTo: string[];
  /** The id of the nested model it belongs to; null: the outer model. */
  group: string | null;
}

export interface Summary {
  inputShape: Shape | null;
  rows: SummaryRow[];
  /** True when some layer takes more than one input or feeds more than one: Keras shows 'Connected to'. */
  branched: boolean;
}

export function summarise(analysis: Analysis): Summary {
  const firstInput = analysis.nodes.find((n) => n.type === 'Input');
  const nameOf = (id: string): string => analysis.byId.get(id)?.name ?? id;
  const rows = analysis.nodes
    .filter((n) => n.type !== 'Input')
    .map((n) => row(n, analysis.inputsOf.get(n.id) ?? [], nameOf));
  const feeds = new Map<string, number>();
  for (const sources of analysis.inputsOf.values()) for (const s of sources) feeds.set(s, (feeds.get(s) ?? 0) + 1);
  const branched =
    [...analysis.inputsOf.values()].some((s) => s.length > 1) || [...feeds.values()].some((count) => count > 1);
  return { inputShape: firstInput?.outputShape ?? null, rows, branched };
}

function row(n: NodeAnalysis, sources: string[], nameOf: (id: string) => string): SummaryRow {
  return {
    id: n.id,
    name: n.name,
    type: n.type,
    outputShape: n.outputShape,
    params: n.params?.total ?? null,
    trainableParams: n.params?.trainable ?? null,
    macs: n.macs,
    receptiveField: n.receptiveField ? [...n.receptiveField.size] : null,
    connectedTo: sources.map(nameOf),
    group: n.group,
  };
}
