/**
 * Whether a dataset can train a network: its images must have the shape of the network's one Input, and
 * its classes must be as many as the one output's values. Named problems, in the reader's language, for
 * the trainer (which refuses to start), the Data panel and the Export dialog (which say so beforehand).
 */
import type { Analysis } from '../analysis/types.ts';
import { formatShape } from '../format/number.ts';
import { msg, type Msg } from '../i18n/messages.ts';

export interface DatasetShape {
  name: string;
  /** One image: height, width, channels. */
  shape: readonly number[];
  classes: number;
}

export function datasetFitProblems(analysis: Analysis, dataset: DatasetShape): Msg[] {
  const problems: Msg[] = [];
  const inputs = analysis.nodes.filter((n) => n.type === 'Input');
  const input = inputs[0]?.outputShape;
  if (inputs.length !== 1 || !input || formatShape(input) !== formatShape(dataset.shape)) {
    problems.push(
      msg('data.shapeMismatch', {
        dataset: dataset.name,
        data: formatShape(dataset.shape),
        input: input ? formatShape(input) : '—',
      }),
    );
  }
  const outputs = analysis.outputIds.map((id) => analysis.byId.get(id)!);
  const output = outputs[0]?.outputShape;
  if (outputs.length !== 1 || !output || output.length !== 1 || output[0] !== dataset.classes) {
    problems.push(
      msg('data.classMismatch', {
        dataset: dataset.name,
        classes: dataset.classes,
        units: output?.[output.length - 1] ?? 0,
      }),
    );
  }
  return problems;
}
