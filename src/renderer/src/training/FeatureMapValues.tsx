/**
 * One channel of a feature map, enlarged, with its numbers: each cell shaded as in the small image and
 * labelled with the value the layer computed there (exactly, on hover); a ReLU's silent cells say just 0. A click on a cell picks it, as a
 * click on the small image does (its receptive field and its convolution step follow).
 */
import { useMemo, type CSSProperties } from 'react';
import { channel, formatOnScale, toBytes } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { StepButtons, usePlaying } from '../components/StepButtons.tsx';
import type { LayerOutput } from '../inference/trained-network.ts';

/** Maps wider than this show shades only (the values stay on hover): 32 numbers fit a panel's width. */
const MAX_LABELLED_WIDTH = 32;
/** The grid's width to aim at, in CSS pixels (the Train view's middle column at 1440 × 900). */
const GRID_WIDTH = 720;

/** A cell's side: as large as lets the row fit, between what a number needs and what looks like a cell. */
const cellSize = (w: number, labelled: boolean) =>
  labelled ? Math.max(26, Math.min(40, Math.floor(GRID_WIDTH / w) - 1)) : 12;

export function FeatureMapValues({
  layer,
  index,
  picked,
  onCell,
  onClose,
  steppable,
}: {
  layer: LayerOutput;
  /** The channel shown. */
  index: number;
  /** The cell picked in it, if any. */
  picked: [number, number] | null;
  onCell: (cell: [number, number]) => void;
  onClose: () => void;
  /** Whether a picked cell gets its receptive field and step (not in a student's exercise): then a player. */
  steppable: boolean;
}) {
  const { t, tf } = useLang();
  const [h, w, c] = layer.shape as [number, number, number];
  const { values, shades, span, min, max } = useMemo(() => {
    const values = channel(layer.values, h, w, c, index);
    let [min, max] = [Infinity, -Infinity];
    for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
    return { values, shades: toBytes(values), span: max - min, min, max };
  }, [layer, h, w, c, index]);
  const labelled = w <= MAX_LABELLED_WIDTH;
  // Stepping through the cells in reading order: the window slides and each cell's step follows.
  const at = picked ? picked[0] * w + picked[1] : -1;
  const go = (i: number) => onCell([Math.floor(i / w), i % w]);
  const [playing, setPlaying] = usePlaying(at, h * w, go);
  return (
    <figure className="map-values" data-testid="feature-map-values" data-layer={layer.name} data-channel={index}>
      <figcaption>
        <strong>{tf('inside.mapTitle', { layer: layer.name, n: index + 1 })}</strong>{' '}
        <span className="muted small">
          {tf('inside.mapRange', { h, w, min: formatOnScale(min, span), max: formatOnScale(max, span) })}
        </span>
        <button type="button" className="link" onClick={onClose} data-testid="feature-map-close">
          {t('inside.mapClose')}
        </button>
      </figcaption>
      {!labelled && <p className="muted small">{t('inside.mapTooWide')}</p>}
      {steppable && (
        <div className="map-values__player">
          <StepButtons at={at} count={h * w} go={go} playing={playing} setPlaying={setPlaying} testPrefix="map" />
          <span className="muted small">{t('inside.mapPlayHint')}</span>
        </div>
      )}
      <div className="map-values__scroll">
        <div
          className="map-values__grid"
          style={
            {
              '--map-cell': `${cellSize(w, labelled)}px`,
              gridTemplateColumns: `repeat(${w}, var(--map-cell))`,
            } as CSSProperties
          }
          role="grid"
          aria-label={tf('inside.mapTitle', { layer: layer.name, n: index + 1 })}
        >
          {Array.from(values, (value, i) => {
            const [row, column] = [Math.floor(i / w), i % w];
            const shade = shades[i]!;
            const isPicked = picked !== null && picked[0] === row && picked[1] === column;
            return (
              <button
                type="button"
                key={i}
                role="gridcell"
                className={`map-values__cell${isPicked ? ' map-values__cell--picked' : ''}`}
                style={{ background: `rgb(${shade},${shade},${shade})`, color: shade > 140 ? '#000' : '#fff' }}
                title={tf('inside.mapCell', { row: row + 1, column: column + 1, value: String(value) })}
                onClick={() => onCell([row, column])}
                data-testid={`map-cell-${row}-${column}`}
              >
                {labelled ? (value === 0 ? '0' : formatOnScale(value, span)) : ''}
              </button>
            );
          })}
        </div>
      </div>
    </figure>
  );
}
