/**
 * The receptive field of a feature-map cell the person clicked, drawn on the image being tried: which input
 * pixels that one value depends on, with the size and jump per axis, and how the field grew layer by layer
 * (core's fieldGrowth), each step's arithmetic written out.
 */
import { fieldGrowth, formatInt, receptiveWindow, type Analysis } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { PixelImage } from './SampleImage.tsx';

export interface PickedCell {
  layer: string;
  cell: [number, number];
  /** The channel (a Conv2D's filter) whose map was clicked. */
  channel: number;
}

/** How big the image is drawn, in CSS pixels along its longer side. */
const IMAGE_SIZE = 196;

export function ReceptiveField({
  picked,
  analysis,
  image,
}: {
  picked: PickedCell;
  analysis: Analysis;
  image: { bytes: Uint8Array; shape: [number, number, number] };
}) {
  const { t, tf } = useLang();
  const node = analysis.nodes.find((n) => n.name === picked.layer);
  const field = node?.receptiveField;
  if (!node || !field) return null;
  const [h, w] = image.shape;
  const window = receptiveWindow(field, picked.cell);
  const scale = IMAGE_SIZE / Math.max(h, w);
  // The part of the field on the image; the rest lies in the padding.
  const top = Math.max(0, window.start[0]);
  const left = Math.max(0, window.start[1]);
  const bottom = Math.min(h, window.start[0] + window.size[0]);
  const right = Math.min(w, window.start[1] + window.size[1]);
  const growth = fieldGrowth(analysis, node.id);
  return (
    <figure className="receptive-field" data-testid="receptive-field">
      <div className="receptive-field__image" style={{ width: w * scale, height: h * scale }}>
        <PixelImage bytes={image.bytes} shape={image.shape} size={IMAGE_SIZE} />
        <div
          className="receptive-field__box"
          data-testid="receptive-field-box"
          data-rows={`${top}-${bottom}`}
          data-columns={`${left}-${right}`}
          style={{
            top: top * scale,
            left: left * scale,
            height: Math.max(0, bottom - top) * scale,
            width: Math.max(0, right - left) * scale,
          }}
        />
      </div>
      <figcaption>
        <p data-testid="receptive-field-text">
          {tf('field.cell', {
            layer: node.name,
            row: picked.cell[0] + 1,
            column: picked.cell[1] + 1,
            size: `${formatInt(field.size[0])} × ${formatInt(field.size[1])}`,
            jump: `${formatInt(field.jump[0])} × ${formatInt(field.jump[1])}`,
          })}
        </p>
        {(window.start[0] < 0 ||
          window.start[1] < 0 ||
          bottom - top < window.size[0] ||
          right - left < window.size[1]) && <p className="muted small">{t('field.padding')}</p>}
        <ol className="field-growth" data-testid="field-growth">
          {growth.map((step) => (
            <li key={step.id}>
              <strong>{step.name}</strong>{' '}
              <span>
                {formatInt(step.field.size[0])}×{formatInt(step.field.size[1])}
              </span>
              {step.formula && <span className="muted small"> · {step.formula}</span>}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
