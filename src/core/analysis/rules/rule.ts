/** The contract every layer's shape rule fulfils. */
import type { Msg } from '../../i18n/messages.ts';
import type { LayerExplanations, ParamCount, ReceptiveField, Severity, Shape } from '../types.ts';

/** The layer a rule works on: its name and settings. */
export interface RuleNode<P> {
  id: string;
  name: string;
  params: P;
}

export interface RuleContext<P> {
  node: RuleNode<P>;
  /** How messages name the layer: "'conv2d' (Conv2D)". */
  label: string;
  /** The shapes of the incoming tensors, in edge order; all known. */
  inputs: Shape[];
  /** How messages name the layers they come from, in the same order. */
  inputLabels: string[];
  /** Their receptive fields (null where none). */
  inputFields: Array<ReceptiveField | null>;
  report(severity: Severity, message: Msg): void;
}

export interface RuleResult {
  outputShape: Shape | null;
  params: ParamCount | null;
  macs: number | null;
  receptiveField: ReceptiveField | null;
  explanations: LayerExplanations | null;
}

export type Report = (severity: Severity, message: Msg) => void;

export interface LayerRule<P> {
  /** Checks the layer's own settings, whatever its input. */
  checkSettings(node: RuleNode<P>, label: string, report: Report): void;
  /** Works out the output from known inputs. Called only when every input shape is known. */
  infer(ctx: RuleContext<P>): RuleResult;
}

export const NO_PARAMS: ParamCount = {
  total: 0,
  trainable: 0,
  nonTrainable: 0,
};

/** A layer of known cost whose output cannot be worked out (a bad input for it): no weights, shape unknown. */
export const NO_OUTPUT: RuleResult = {
  outputShape: null,
  params: NO_PARAMS,
  macs: 0,
  receptiveField: null,
  explanations: null,
};

/** Nothing about the layer can be worked out. */
export const UNKNOWN_RESULT: RuleResult = {
  outputShape: null,
  params: null,
  macs: null,
  receptiveField: null,
  explanations: null,
};
