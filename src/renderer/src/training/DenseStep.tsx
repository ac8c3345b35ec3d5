/**
 * A Dense layer inside the trained network: its units' values for the image as a strip of cells, and for a
 * clicked unit how its value comes about (core's denseAt) — the products that weigh most written out, what the
 * rest add up to, the bias and the activation, next to the value the network gave.
 */
import { useState } from 'react';
import { denseAt, formatInt, formatNumber, largestProducts, toBytes, type ActivationName } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { LayerOutput } from '../inference/trained-network.ts';

/** Products written out one by one; the rest are summed. */
const PRODUCTS_SHOWN = 8;
const n = (x: number) => formatNumber(Math.round(x * 10_000) / 10_000);

export interface DenseInputs {
  input: ArrayLike<number>;
  weights: { kernel: Float32Array; shape: [number, number]; bias: Float32Array | null };
  activation: ActivationName;
}

export function DenseUnits({ layer, inputs }: { layer: LayerOutput; inputs: DenseInputs | null }) {
  const { tf } = useLang();
  const [unit, setUnit] = useState<number | null>(null);
  const shades = toBytes(layer.values);
  return (
    <figure className="dense-units" data-testid="dense-units" data-layer={layer.name}>
      <figcaption>
        <strong>{layer.name}</strong> <span className="muted">{layer.kind}</span>{' '}
        <span className="muted small">{tf('inside.units', { n: formatInt(layer.values.length) })}</span>
      </figcaption>
      <div className="dense-units__strip">
        {Array.from(layer.values, (v, i) => (
          <button
            type="button"
            key={i}
            className={`dense-units__unit${unit === i ? ' dense-units__unit--picked' : ''}`}
            style={{ background: `rgb(${shades[i]},${shades[i]},${shades[i]})` }}
            title={tf('inside.unit', { n: i + 1, value: String(v) })}
            onClick={() => setUnit(i)}
            disabled={!inputs}
            data-testid={`dense-unit-${i}`}
          />
        ))}
      </div>
      {unit !== null && inputs && <UnitStep layer={layer} inputs={inputs} unit={unit} />}
    </figure>
  );
}

function UnitStep({ layer, inputs, unit }: { layer: LayerOutput; inputs: DenseInputs; unit: number }) {
  const { tf } = useLang();
  const step = denseAt({
    input: inputs.input,
    kernel: { values: inputs.weights.kernel, shape: inputs.weights.shape },
    bias: inputs.weights.bias,
    activation: inputs.activation,
    unit,
  });
  const { shown, rest, restSum } = largestProducts(step.products, PRODUCTS_SHOWN);
  const value = layer.values[unit]!;
  return (
    <section className="conv-step" data-testid="dense-step" data-computed={step.value} data-value={value}>
      <h4>{tf('step.denseTitle', { layer: layer.name, unit: unit + 1, inputs: formatInt(step.products.length) })}</h4>
      <table className="dense-step__products">
        <tbody>
          {shown.map((p) => (
            <tr key={p.index} data-testid="dense-product">
              <td className="muted">{tf('step.input', { n: formatInt(p.index + 1) })}</td>
              <td>
                {n(p.x)} × {n(p.w)} = <strong>{n(p.product)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 && <p className="muted small">{tf('step.denseRest', { count: formatInt(rest), sum: n(restSum) })}</p>}
      <p data-testid="dense-sum">
        {tf('step.sum', {
          count: formatInt(step.products.length),
          sum: n(step.sum),
          bias: n(step.bias),
          total: n(step.preActivation),
        })}{' '}
        {inputs.activation === 'softmax'
          ? tf('step.softmax', { value: n(step.value) })
          : inputs.activation !== 'linear' &&
            tf('step.activation', { activation: inputs.activation, value: n(step.value) })}
      </p>
      <p className="muted small">{tf('step.denseNetwork', { value: n(value) })}</p>
    </section>
  );
}
