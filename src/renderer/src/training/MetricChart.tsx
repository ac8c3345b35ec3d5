/**
 * One metric (loss or accuracy) of a run over epochs: training and validation per epoch, the per-batch
 * curve smoothed and faint behind them, a compared run dashed, and where overfitting began marked.
 * Per-batch points are already thinned by the run record (at most MAX_BATCH_POINTS), so long runs stay smooth.
 */
import { useMemo, useRef } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPercent, smoothed, type RunRecord } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { downloadSvgAsPng } from './export-file.ts';

export type Metric = 'loss' | 'accuracy';

const COLORS = { train: '#2f6fdf', validation: '#e8860c', batches: '#9db8ea', compare: '#8a8f98' };

interface Point {
  x: number;
  y: number | null;
}

function series(record: RunRecord, metric: Metric) {
  const column = metric === 'loss' ? 1 : 2;
  const batchValues = smoothed(record.batches.map((b) => b[column]));
  return {
    batches: record.batches.map((b, i): Point => ({ x: b[0], y: batchValues[i]! })),
    train: record.epochs.map((e): Point => ({ x: e.epoch, y: metric === 'loss' ? e.loss : e.accuracy })),
    validation: record.epochs
      .filter((e) => e.valLoss !== null)
      .map((e): Point => ({ x: e.epoch, y: metric === 'loss' ? e.valLoss : e.valAccuracy })),
  };
}

export function MetricChart({
  record,
  compare,
  metric,
  overfittingFrom,
}: {
  record: RunRecord;
  compare: RunRecord | null;
  metric: Metric;
  overfittingFrom: number | null;
}) {
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => series(record, metric), [record, metric]);
  const other = useMemo(() => (compare ? series(compare, metric) : null), [compare, metric]);
  const epochs = Math.max(record.settings.epochs, compare?.settings.epochs ?? 0, 1);
  const title = t(metric === 'loss' ? 'chart.loss' : 'chart.accuracy');
  const exportPng = () => {
    const svg = box.current?.querySelector('svg.recharts-surface');
    if (svg) void downloadSvgAsPng(svg as SVGSVGElement, `${record.id}-${metric}.png`);
  };
  return (
    <figure className="chart" data-testid={`chart-${metric}`}>
      <figcaption>
        <span>{title}</span>
        <button type="button" className="link" onClick={exportPng} data-testid={`chart-${metric}-png`}>
          {t('chart.exportPng')}
        </button>
      </figcaption>
      <div ref={box} className="chart__plot">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.35} />
            <XAxis
              dataKey="x"
              type="number"
              domain={[0, epochs]}
              allowDecimals={false}
              tickCount={Math.min(epochs, 10) + 1}
              label={{ value: t('chart.epoch'), position: 'insideBottomRight', offset: -2, fontSize: 11 }}
              fontSize={11}
            />
            <YAxis
              type="number"
              domain={metric === 'accuracy' ? [0, 1] : [0, 'auto']}
              width={44}
              fontSize={11}
              tickFormatter={(v: number) => (metric === 'accuracy' ? `${Math.round(v * 100)}%` : v.toFixed(2))}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? (metric === 'accuracy' ? formatPercent(v) : v.toFixed(4)) : v)}
              labelFormatter={(x) => `${t('chart.epoch')} ${typeof x === 'number' ? x.toFixed(2) : x}`}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {(
              [
                [lines.batches, 'chart.batches', COLORS.batches, 1],
                [lines.train, 'chart.train', COLORS.train, 2],
                [lines.validation, 'chart.validation', COLORS.validation, 2],
              ] as const
            ).map(([data, name, color, width]) => (
              <Line
                key={name}
                data={data}
                dataKey="y"
                name={t(name)}
                stroke={color}
                strokeWidth={width}
                dot={data === lines.batches ? false : undefined}
                isAnimationActive={false}
              />
            ))}
            {other && (
              <Line
                data={other.validation.length > 0 ? other.validation : other.train}
                dataKey="y"
                name={t('chart.compare')}
                stroke={COLORS.compare}
                strokeDasharray="5 4"
                strokeWidth={1.5}
                isAnimationActive={false}
              />
            )}
            {overfittingFrom !== null && (
              <ReferenceLine
                x={overfittingFrom}
                stroke="#d33"
                strokeDasharray="4 3"
                label={{ value: '!', fill: '#d33' }}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
