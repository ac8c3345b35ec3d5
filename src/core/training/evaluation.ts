/** What a trained network gets right and wrong on the test set: confusion matrix, per-class accuracy, mistakes. */
export interface Evaluation {
  /** confusion[true][predicted] = count */
  confusion: number[][];
  perClassAccuracy: number[];
  accuracy: number;
  /** Indices of the test samples predicted wrongly, at most `limit` of them. */
  misclassified: number[];
}

export function evaluatePredictions(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classes: number,
  limit = 1000,
): Evaluation {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const misclassified: number[] = [];
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const truth = labels[i]!;
    const guess = predictions[i]!;
    confusion[truth]![guess]! += 1;
    if (truth === guess) correct += 1;
    else if (misclassified.length < limit) misclassified.push(i);
  }
  const perClassAccuracy = confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? 0 : row[c]! / total;
  });
  return { confusion, perClassAccuracy, accuracy: labels.length === 0 ? 0 : correct / labels.length, misclassified };
}
