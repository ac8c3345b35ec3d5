/**
 * How one value of a MaxPooling2D's or AveragePooling2D's output is computed from the trained network's own
 * numbers (core's poolingAt): the window of the previous layer's channel, its values (the one kept marked,
 * for max), and the largest or the mean, next to the value the network gave.
 */
import { formatNumber, poolingAt, type PoolStepInput } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

const n = (x: number) => formatNumber(Math.round(x * 10_000) / 10_000);

export function PoolingStep({ layer, step, value }: { layer: string; step: PoolStepInput; value: number }) {
  const { tf } = useLang();
  const { terms, value: computed } = poolingAt(step);
  const kept = terms.filter((t) => !t.padding);
  const [, kw] = step.pool;
  const max = step.operation === 'max';
  return (
    <section
      className="conv-step"
      data-testid="pool-step"
      data-computed={computed}
      data-value={value}
      data-terms={kept.length}
    >
      <h4>
        {tf(max ? 'step.maxTitle' : 'step.averageTitle', {
          layer,
          row: step.cell[0] + 1,
          column: step.cell[1] + 1,
          channel: step.channel + 1,
        })}
      </h4>
      <table className="conv-step__grid" style={{ ['--columns' as string]: kw }}>
        <tbody>
          {Array.from({ length: step.pool[0] }, (_, i) => (
            <tr key={i}>
              {terms.slice(i * kw, (i + 1) * kw).map((t, j) => (
                <td
                  key={j}
                  title={`(${t.row + 1}, ${t.column + 1})`}
                  className={max && !t.padding && t.x === computed ? 'conv-step__kept' : undefined}
                  data-testid="pool-term"
                >
                  {t.padding ? '—' : n(t.x)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="pool-result">
        {max
          ? tf('step.max', { values: kept.map((t) => n(t.x)).join(', '), value: n(computed) })
          : tf('step.average', { values: kept.map((t) => n(t.x)).join(' + '), count: kept.length, value: n(computed) })}
      </p>
      <p className="muted small">{tf('step.network', { value: n(value) })}</p>
    </section>
  );
}
