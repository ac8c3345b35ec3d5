/**
 * How one value of a Conv2D's feature map is computed, with the trained numbers (core's convolutionAt): the
 * input window under the kernel, each value times its weight, their sum, the bias and the activation, next
 * to the value the network gave. Up to three input channels are written out product by product; beyond
 * that, each channel's sum.
 */
import { convolutionAt, formatNumber, type ActivationName, type NodeAnalysis, type Padding } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { Kernel } from '../inference/trained-network.ts';

/** Input channels written out product by product. */
const CHANNELS_WRITTEN = 3;

export interface ConvolutionInputs {
  node: NodeAnalysis;
  params: { strides: [number, number]; dilation_rate: [number, number]; padding: Padding; activation: ActivationName };
  input: { values: ArrayLike<number>; shape: [number, number, number] };
  weights: { kernel: Kernel; bias: Float32Array | null };
  /** The feature map's value at the cell, as the network computed it. */
  value: number;
}

const n = (x: number) => formatNumber(Math.round(x * 10_000) / 10_000);

export function ConvolutionStep({
  inputs,
  cell,
  filter,
  shownFilter = filter,
}: {
  inputs: ConvolutionInputs;
  cell: [number, number];
  filter: number;
  /** The filter (output channel) the title names, where the kernel given is a slice (a depthwise filter). */
  shownFilter?: number;
}) {
  const { tf } = useLang();
  const { params, input, weights, value, node } = inputs;
  const step = convolutionAt({
    input,
    kernel: weights.kernel,
    bias: weights.bias,
    strides: params.strides,
    dilation: params.dilation_rate,
    padding: params.padding,
    activation: params.activation,
    cell,
    filter,
  });
  const [kh, kw, channels] = weights.kernel.shape;
  const byChannel = Array.from({ length: channels }, (_, c) => step.products.filter((p) => p.channel === c));
  return (
    <section
      className="conv-step"
      data-testid="conv-step"
      data-computed={step.value ?? step.preActivation}
      data-value={value}
      data-products={step.products.length}
      data-sum={step.sum}
    >
      <h4>{tf('step.title', { layer: node.name, row: cell[0] + 1, column: cell[1] + 1, filter: shownFilter + 1 })}</h4>
      {byChannel.slice(0, CHANNELS_WRITTEN).map((products, c) => (
        <div key={c} className="conv-step__channel">
          {channels > 1 && <p className="muted small">{tf('step.channel', { n: c + 1 })}</p>}
          <table className="conv-step__grid" style={{ ['--columns' as string]: kw }}>
            <tbody>
              {Array.from({ length: kh }, (_, i) => (
                <tr key={i}>
                  {products.slice(i * kw, (i + 1) * kw).map((p, j) => (
                    <td key={j} title={`(${p.row + 1}, ${p.column + 1})`} data-testid="conv-product">
                      {n(p.x)} × {n(p.w)}
                      <br />
                      <strong>= {n(p.product)}</strong>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {channels > CHANNELS_WRITTEN && (
        <p className="muted small">
          {tf('step.moreChannels', {
            sums: byChannel
              .slice(CHANNELS_WRITTEN)
              .map((products) => n(products.reduce((a, p) => a + p.product, 0)))
              .join(' + '),
          })}
        </p>
      )}
      <p data-testid="conv-sum">
        {tf('step.sum', {
          count: step.products.length,
          sum: n(step.sum),
          bias: n(step.bias),
          total: n(step.preActivation),
        })}{' '}
        {step.value !== null &&
          params.activation !== 'linear' &&
          tf('step.activation', { activation: params.activation, value: n(step.value) })}
      </p>
      <p className="muted small">{tf('step.network', { value: n(value) })}</p>
    </section>
  );
}
