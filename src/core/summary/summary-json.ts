/** The `convstudio summary --json` document: exactly these keys, in this order. */
import type { Analysis } from '../analysis/types.ts';
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
  }>;
}

export function summaryJson(analysis: Analysis): SummaryJson {
  const summary = summarise(analysis);
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
    })),
  };
}
