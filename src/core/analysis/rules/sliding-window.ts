/**
 * A window sliding over an image (Conv2D, DepthwiseConv2D, SeparableConv2D): the output's height and width
 * with their explanations, and the receptive field it reaches. Checks shared by those layers' settings too.
 */
import type { Padding, Pair } from '../../layers/params.ts';
import type { Explanation, ReceptiveField } from '../types.ts';
import { checkPadding } from './image-input.ts';
import { LIMITS, checkPair } from './ranges.ts';
import { slideField } from './receptive-field.ts';
import type { Report } from './rule.ts';
import { paddingBefore, spatialOutputs } from './spatial.ts';

export interface Window {
  kernel_size: Pair;
  strides: Pair;
  dilation_rate: Pair;
  padding: Padding;
}

export interface WindowOutput {
  /** Output height and width; null where the window does not fit (reported). */
  size: [number, number] | null;
  axes: [Explanation, Explanation];
  field: ReceptiveField | null;
  fieldExplanation: Explanation | null;
}

export function checkWindow(report: Report, label: string, w: Window): void {
  checkPair(report, label, 'kernel_size', w.kernel_size, LIMITS.kernel);
  checkPair(report, label, 'strides', w.strides, LIMITS.stride);
  checkPair(report, label, 'dilation_rate', w.dilation_rate, LIMITS.dilation);
  checkPadding(report, label, w.padding);
}

export function slideWindow(
  image: readonly [number, number, number],
  w: Window,
  inputField: ReceptiveField | null,
  label: string,
  report: Report,
): WindowOutput {
  const axis = (i: 0 | 1) => ({
    size: image[i],
    kernel: w.kernel_size[i],
    stride: w.strides[i],
    dilation: w.dilation_rate[i],
    padding: w.padding,
    pool: false,
  });
  const [height, width] = spatialOutputs(axis(0), axis(1), label, report);
  const effective = [0, 1].map((i) => w.dilation_rate[i]! * (w.kernel_size[i]! - 1) + 1) as [number, number];
  const before = [0, 1].map((i) => paddingBefore(image[i]!, effective[i]!, w.strides[i]!, w.padding)) as [
    number,
    number,
  ];
  const rf = inputField ? slideField(inputField, effective, w.strides, before) : null;
  return {
    size: height.size !== null && width.size !== null ? [height.size, width.size] : null,
    axes: [height.explanation, width.explanation],
    field: rf?.field ?? null,
    fieldExplanation: rf?.explanation ?? null,
  };
}
