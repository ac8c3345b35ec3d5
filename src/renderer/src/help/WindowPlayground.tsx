/**
 * Convolution and pooling step by step, as the course draws them: the slides' 6×6 image (click a pixel to
 * change it), a filter to edit (the course's ±1 filters to start from), the window sliding with its stride
 * and padding, each output cell worked out with the numbers ("對應位置相乘相加") and filled in. Play, pause,
 * step and scrub; hover an output cell to see its window. Changing the window, stride or padding changes the
 * output size at once, with the formula the canvas uses and the rows and columns a stride leaves out.
 */
import { useMemo, useState } from 'react';
import {
  COURSE_FILTERS,
  COURSE_IMAGE,
  formatNumber,
  slideWindow,
  type Padding,
  type SlideCell,
  type SlideOperation,
  type SlideSettings,
} from '@core/index.ts';
import { Modal } from '../components/Modal.tsx';
import { StepButtons, usePlaying } from '../components/StepButtons.tsx';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { useUi } from '../state/ui-store.ts';

const OPERATIONS: Record<SlideOperation, UiKey> = {
  conv: 'playground.conv',
  max: 'playground.max',
  average: 'playground.average',
};
const PRESETS: Record<keyof typeof COURSE_FILTERS, UiKey> = {
  course: 'playground.filterCourse',
  diagonal: 'playground.filterDiagonal',
  vertical: 'playground.filterVertical',
};
const PADDINGS: Padding[] = ['valid', 'same', 1];

/** What the playground opens with: the course's example, or a layer's own window, stride and padding. */
export interface PlaygroundStart {
  operation: SlideOperation;
  window: number;
  stride: number;
  padding: Padding;
}

const resized = (filter: number[][], k: number) =>
  Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => filter[i]?.[j] ?? 0));

function startSettings(start: PlaygroundStart): SlideSettings {
  const k = Math.min(5, Math.max(1, start.window));
  return {
    operation: start.operation,
    image: COURSE_IMAGE.map((row) => [...row]),
    filter: resized(COURSE_FILTERS.course, k),
    pool: k,
    stride: Math.min(3, Math.max(1, start.stride)),
    padding: typeof start.padding === 'number' ? Math.min(2, start.padding) : start.padding,
  };
}

export function WindowPlayground() {
  const start = useUi((s) => s.playground);
  if (!start) return null;
  return <Playground start={start} onClose={() => useUi.getState().set({ playground: null })} />;
}

function Playground({ start, onClose }: { start: PlaygroundStart; onClose: () => void }) {
  const { t, tf, tm } = useLang();
  const [settings, setSettings] = useState(() => startSettings(start));
  const [at, setAt] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  const result = useMemo(() => slideWindow(settings), [settings]);
  const count = result.cells.length;
  const current = Math.min(at, Math.max(0, count - 1));
  const shown = hovered ?? current;
  const cell = result.cells[shown];
  const k = settings.operation === 'conv' ? settings.filter.length : settings.pool;

  const [playing, setPlaying] = usePlaying(current, count, setAt);

  const change = (next: Partial<SlideSettings>) => {
    setSettings((s) => ({ ...s, ...next }));
    setAt(0);
  };
  const windowCells = new Set(cell?.terms.map((term) => `${term.row},${term.column}`) ?? []);
  const rows = span(result, settings.image.length, 0);
  const columns = span(result, settings.image[0]!.length, 1);

  return (
    <Modal title={t('playground.title')} onCancel={onClose} testId="playground" wide>
      <p className="muted">{t(settings.operation === 'conv' ? 'playground.intro' : 'playground.introPool')}</p>
      <div className="playground__controls">
        <label>
          {t('playground.operation')}
          <select
            value={settings.operation}
            onChange={(e) => change({ operation: e.target.value as SlideOperation })}
            data-testid="playground-operation"
          >
            {(Object.keys(OPERATIONS) as SlideOperation[]).map((op) => (
              <option key={op} value={op}>
                {t(OPERATIONS[op])}
              </option>
            ))}
          </select>
        </label>
        {settings.operation === 'conv' && (
          <label>
            {t('playground.filter')}
            <select
              value=""
              onChange={(e) => {
                const preset = COURSE_FILTERS[e.target.value as keyof typeof COURSE_FILTERS];
                if (preset) change({ filter: preset.map((row) => [...row]) });
              }}
              data-testid="playground-preset"
            >
              <option value="">{t('playground.filterPick')}</option>
              {(Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map((name) => (
                <option key={name} value={name}>
                  {t(PRESETS[name])}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('playground.window')}
          <select
            value={k}
            onChange={(e) => {
              const size = Number(e.target.value);
              change(settings.operation === 'conv' ? { filter: resized(settings.filter, size) } : { pool: size });
            }}
            data-testid="playground-window"
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n} × {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('playground.stride')}
          <select
            value={settings.stride}
            onChange={(e) => change({ stride: Number(e.target.value) })}
            data-testid="playground-stride"
          >
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('playground.padding')}
          <select
            value={String(settings.padding)}
            onChange={(e) => change({ padding: e.target.value === '1' ? 1 : (e.target.value as Padding) })}
            data-testid="playground-padding"
          >
            {PADDINGS.map((p) => (
              <option key={String(p)} value={String(p)}>
                {p === 1 ? t('playground.paddingOne') : p}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="playground__stage">
        <figure>
          <figcaption>{tf('playground.image', { h: settings.image.length, w: settings.image[0]!.length })}</figcaption>
          <div
            className="playground__grid"
            style={{ gridTemplateColumns: `repeat(${columns.length}, 30px)` }}
            data-testid="playground-image"
          >
            {rows.flatMap((r) =>
              columns.map((c) => {
                const inside = r >= 0 && r < settings.image.length && c >= 0 && c < settings.image[0]!.length;
                const key = `${r},${c}`;
                const classes = [
                  'playground__cell',
                  inside ? '' : 'playground__cell--pad',
                  windowCells.has(key) ? 'playground__cell--window' : '',
                  result.dropped.has(key) ? 'playground__cell--dropped' : '',
                ].join(' ');
                if (!inside) {
                  return (
                    <span key={key} className={classes}>
                      0
                    </span>
                  );
                }
                const value = settings.image[r]![c]!;
                return (
                  <button
                    type="button"
                    key={key}
                    className={classes}
                    title={result.dropped.has(key) ? t('playground.droppedCell') : t('playground.flip')}
                    onClick={() =>
                      change({
                        image: settings.image.map((row, i) =>
                          i === r ? row.map((v, j) => (j === c ? (v === 0 ? 1 : 0) : v)) : row,
                        ),
                      })
                    }
                    data-testid={`playground-pixel-${r}-${c}`}
                  >
                    {value}
                  </button>
                );
              }),
            )}
          </div>
        </figure>

        {settings.operation === 'conv' && (
          <figure>
            <figcaption>{tf('playground.filterSize', { k })}</figcaption>
            <div
              className="playground__grid"
              style={{ gridTemplateColumns: `repeat(${k}, 44px)` }}
              data-testid="playground-filter"
            >
              {settings.filter.flatMap((row, i) =>
                row.map((w, j) => (
                  <input
                    key={`${i},${j}`}
                    className="playground__weight"
                    type="number"
                    step={1}
                    value={w}
                    aria-label={tf('playground.weight', { row: i + 1, column: j + 1 })}
                    onChange={(e) => {
                      const v = Number(e.target.value);
                      if (!Number.isFinite(v)) return;
                      change({
                        filter: settings.filter.map((fr, a) => (a === i ? fr.map((x, b) => (b === j ? v : x)) : fr)),
                      });
                    }}
                    data-testid={`playground-weight-${i}-${j}`}
                  />
                )),
              )}
            </div>
          </figure>
        )}

        <figure>
          <figcaption>
            {result.size ? tf('playground.output', { h: result.size[0], w: result.size[1] }) : t('playground.noOutput')}
          </figcaption>
          {result.size && (
            <div
              className="playground__grid"
              style={{ gridTemplateColumns: `repeat(${result.size[1]}, 38px)` }}
              data-testid="playground-output"
              onMouseLeave={() => setHovered(null)}
            >
              {result.cells.map((c, i) => (
                <button
                  type="button"
                  key={i}
                  className={`playground__cell playground__cell--out${i === shown ? ' playground__cell--current' : ''}`}
                  onMouseEnter={() => setHovered(i)}
                  onFocus={() => setHovered(i)}
                  onClick={() => {
                    setPlaying(false);
                    setAt(i);
                  }}
                  data-testid={`playground-out-${c.row}-${c.column}`}
                >
                  {i <= current ? formatNumber(c.value) : ''}
                </button>
              ))}
            </div>
          )}
        </figure>
      </div>

      {cell && (
        <p className="playground__sum" data-testid="playground-sum">
          {tf('playground.cell', { row: cell.row + 1, column: cell.column + 1 })} {arithmetic(settings.operation, cell)}
        </p>
      )}
      <ul className="playground__formula" data-testid="playground-formula">
        {result.explanations.map((e, i) => (
          <li key={i}>
            {tm(e.rule)} <code>{e.formula}</code>
          </li>
        ))}
        {result.diagnostics.map((d, i) => (
          <li key={`d${i}`} className={`diagnostic diagnostic--${d.severity}`}>
            {tm(d.message)}
          </li>
        ))}
      </ul>

      {count > 0 && (
        <div className="playground__player">
          <StepButtons
            at={current}
            count={count}
            go={setAt}
            playing={playing}
            setPlaying={setPlaying}
            testPrefix="playground"
          />
          <input
            type="range"
            min={0}
            max={count - 1}
            value={current}
            onChange={(e) => {
              setPlaying(false);
              setAt(Number(e.target.value));
            }}
            aria-label={t('playground.scrub')}
            data-testid="playground-scrub"
          />
          <span className="muted">{tf('playground.step', { n: current + 1, total: count })}</span>
        </div>
      )}
      <div className="modal__actions">
        <button type="button" onClick={onClose} data-testid="playground-close">
          {t('help.close')}
        </button>
      </div>
    </Modal>
  );
}

/** The rows (axis 0) or columns (axis 1) drawn: the image's and the padding any window reaches. */
function span(result: ReturnType<typeof slideWindow>, size: number, axis: 0 | 1): number[] {
  const reached = result.cells.flatMap((c) => c.terms.map((term) => (axis === 0 ? term.row : term.column)));
  const first = Math.min(0, -result.before[axis], ...reached);
  const last = Math.max(size - 1, ...reached);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const signed = (n: number) => (n < 0 ? `(${formatNumber(n)})` : formatNumber(n));

/** The cell's arithmetic with its numbers: the products and their sum, or the window's max or mean. */
function arithmetic(operation: SlideOperation, cell: SlideCell): string {
  if (operation === 'conv') {
    return `${cell.terms.map((term) => `${formatNumber(term.x)}×${signed(term.w!)}`).join(' + ')} = ${formatNumber(cell.value)}`;
  }
  const values = cell.terms.filter((term) => !term.padding).map((term) => formatNumber(term.x));
  return operation === 'max'
    ? `max(${values.join(', ')}) = ${formatNumber(cell.value)}`
    : `(${values.join(' + ')}) / ${values.length} = ${formatNumber(cell.value)}`;
}
