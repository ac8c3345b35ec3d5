/** The `convstudio summary --json` document: exactly these keys, in this order. */
import type { Analysis } from '../analysis/types.ts';
import { nestedModels } from './nested-models.ts';
import { summarise } from './summary-rows.ts';

export interface SummaryJson {
  input_shape: number[] | null;
  total_params: number;
  trainable_params: number;
  non_trainable_params: number;
  macs: number;
  layers: Array<{
    name: string;
    type: string;
    output_shape: number[] | null;
    params: number | null;
    trainable_params: number | null;
    macs: number | null;
    receptive_field: [number, number] | null;
    /** The nested model it is a layer of (its innermost), or null. */
    nested_model: string | null;
  }>;
  /** Models used as layers, as Keras's summary shows them: one row each, with every layer inside counted. */
  nested_models: Array<{
    name: string;
    class_name: string;
    /** The nested model it lies in, or null. */
    parent: string | null;
    params: number | null;
    trainable_params: number | null;
  }>;
}

export function summaryJson(analysis: Analysis): SummaryJson {
  const summary = summarise(analysis);
  const nested = nestedModels(analysis);
  const groupName = new Map(nested.map((g) => [g.id, g.name]));
  return {
    input_shape: summary.inputShape,
    total_params: analysis.totals.total,
    trainable_params: analysis.totals.trainable,
    non_trainable_params: analysis.totals.nonTrainable,
    macs: analysis.totals.macs,
    layers: summary.rows.map((r) => ({
      name: r.name,
      type: r.type,
      output_shape: r.outputShape,
      params: r.params,
      trainable_params: r.trainableParams,
      macs: r.macs,
      receptive_field: r.receptiveField,
      nested_model: r.group === null ? null : (groupName.get(r.group) ?? null),
    })),
    nested_models: nested.map((g) => ({
      name: g.name,
      class_name: g.className,
      parent: g.parent === undefined ? null : (groupName.get(g.parent) ?? null),
      params: g.params?.total ?? null,
      trainable_params: g.params?.trainable ?? null,
    })),
  };
}
