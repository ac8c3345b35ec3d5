/** What the analysis finds out about each layer and about the whole network. */
import type { Msg } from '../i18n/messages.ts';
import type { Group } from '../document/graph-schema.ts';
import type { LayerType } from '../layers/catalogue.ts';

/** A tensor shape without the batch axis: [height, width, channels] or [features]. */
export type Shape = number[];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** The layer it is about; null for the network as a whole. */
  nodeId: string | null;
  message: Msg;
}

/** One figure and the arithmetic behind it: `rule` in words, `formula` with the layer's own numbers. */
export interface Explanation {
  rule: Msg;
  /** e.g. '((3×3×1)+1)×32 = 320'; language-neutral. */
  formula: string;
}

export interface ParamCount {
  total: number;
  trainable: number;
  nonTrainable: number;
}

export interface ReceptiveField {
  /** Pixels of the input one output value depends on, per axis [height, width]. */
  size: [number, number];
  /** Cumulative stride: input pixels between neighbouring outputs, per axis. */
  jump: [number, number];
  /**
   * Where the field of output cell (0, 0) starts on the input, per axis [row, column]; negative where it
   * reaches into padding. Cell (r, c) sees rows start[0] + r × jump[0] onwards (receptiveWindow).
   */
  start: [number, number];
}

export interface LayerExplanations {
  /** One per output axis (height, width, channels; or features). */
  outputShape: Explanation[];
  /** null only where an exercise hides it. */
  params: Explanation | null;
  receptiveField: Explanation | null;
  macs: Explanation | null;
}

export interface NodeAnalysis {
  id: string;
  name: string;
  type: LayerType;
  inputShapes: Shape[];
  /** null when it cannot be worked out (this layer or one before it has an error). */
  outputShape: Shape | null;
  params: ParamCount | null;
  /** Multiply-adds with weights for one sample. */
  macs: number | null;
  /** Bytes of this layer's float32 output for one sample. */
  activationBytes: number | null;
  /** null where there is no local receptive field (after Flatten, global pooling, on vectors). */
  receptiveField: ReceptiveField | null;
  explanations: LayerExplanations | null;
  diagnostics: Diagnostic[];
  /** False where its weights are frozen (all of them non-trainable). */
  trainable: boolean;
  /** The id of the nested model it belongs to; null: the outer model. */
  group: string | null;
}

export interface Totals extends ParamCount {
  macs: number;
  /** Bytes of every layer's float32 output for one sample. */
  activationBytes: number;
  /** False when some layer's count is unknown because of an error: the totals leave it out. */
  complete: boolean;
}

export interface Analysis {
  /** Every node, in topological order (inputs first); nodes in a cycle come last. */
  nodes: NodeAnalysis[];
  byId: ReadonlyMap<string, NodeAnalysis>;
  totals: Totals;
  /** Every diagnostic, network-wide ones included. */
  diagnostics: Diagnostic[];
  /** Node ids of the layers with no outgoing connection. */
  outputIds: string[];
  /** Incoming node ids per node, in edge order. */
  inputsOf: ReadonlyMap<string, string[]>;
  /** The nested models, as the graph has them. */
  groups: readonly Group[];
}
