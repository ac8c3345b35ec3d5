/**
 * How a layer's receptive field grew, layer by layer from the Input (through each layer's first input):
 * the size and jump after each layer and the arithmetic of each step. It shows why three blocks of
 * Conv2D 3×3 + MaxPooling2D 2×2 see 22×22 pixels, not 3 × (3 + 2) × 2 − 2 = 24 or any guess.
 */
import type { Analysis, ReceptiveField } from '../analysis/types.ts';

export interface FieldStep {
  id: string;
  name: string;
  type: string;
  field: ReceptiveField;
  /** The step's arithmetic ('3+(2−1)×1 = 4; j = 1×2 = 2'); null for the Input. */
  formula: string | null;
}

export function fieldGrowth(analysis: Analysis, nodeId: string): FieldStep[] {
  const steps: FieldStep[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = nodeId; at && !seen.has(at); at = analysis.inputsOf.get(at)?.[0]) {
    seen.add(at);
    const node = analysis.byId.get(at);
    if (!node?.receptiveField) return [];
    const formula = node.type === 'Input' ? null : (node.explanations?.receptiveField?.formula ?? null);
    steps.push({ id: node.id, name: node.name, type: node.type, field: node.receptiveField, formula });
  }
  return steps.reverse();
}
