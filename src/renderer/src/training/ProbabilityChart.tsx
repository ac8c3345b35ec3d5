/** The network's answer for one image: a bar per class with its probability, the most likely class stressed. */
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

export function ProbabilityChart({ probabilities, classes }: { probabilities: number[]; classes: string[] }) {
  const { tf } = useLang();
  const best = probabilities.indexOf(Math.max(...probabilities));
  const data = probabilities.map((p, i) => ({ name: classes[i] ?? String(i), p }));
  return (
    <figure className="probabilities" data-testid="probabilities" data-probabilities={JSON.stringify(probabilities)}>
      <figcaption data-testid="prediction">
        {tf('try.says', { label: data[best]!.name, p: formatPercent(probabilities[best]!) })}
      </figcaption>
      <ResponsiveContainer width="100%" height={Math.max(160, 24 * data.length)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 48, top: 4, bottom: 4 }}>
          <XAxis type="number" domain={[0, 1]} hide />
          <YAxis type="category" dataKey="name" width={90} interval={0} tick={{ fontSize: 12 }} />
          <Bar dataKey="p" isAnimationActive={false} radius={[0, 3, 3, 0]}>
            {data.map((d, i) => (
              <Cell key={d.name} fill={i === best ? 'var(--accent)' : 'var(--chart-muted)'} />
            ))}
            <LabelList dataKey="p" position="right" formatter={(v) => formatPercent(Number(v))} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
