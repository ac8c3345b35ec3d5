/** Small builders for table-driven analysis tests. */
import { analyse, sequential, type Analysis, type LayerSpec, type NodeAnalysis } from '../../src/core/index.ts';

export function analyseChain(layers: LayerSpec[]): Analysis {
  return analyse(sequential(layers));
}

/** The analysis of the last layer of a chain. */
export function last(analysis: Analysis): NodeAnalysis {
  return analysis.nodes[analysis.nodes.length - 1]!;
}

export const input = (shape: number[]): LayerSpec => ({ type: 'Input', params: { shape } });
