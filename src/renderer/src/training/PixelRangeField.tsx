/**
 * "Pixel values": the range the images' pixels go into the network in (core's pixel-range.ts), with a
 * warning when the network's first layer and the range do not agree (scaled twice, or not at all).
 */
import { PIXEL_RANGES, pixelRangeMismatch, type PixelRange } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { useEditor } from '../state/editor-store.ts';

const NAMES: Record<PixelRange, UiKey> = {
  '0..1': 'pixels.unit',
  '-1..1': 'pixels.signed',
  '0..255': 'pixels.bytes',
};

const MISMATCH: Record<NonNullable<ReturnType<typeof pixelRangeMismatch>>, UiKey> = {
  scaledTwice: 'pixels.scaledTwice',
  unscaled: 'pixels.unscaled',
};

export function PixelRangeField() {
  const { t } = useLang();
  const range = useEditor((s) => s.settings.training.pixelRange);
  const graph = useEditor((s) => s.history.present.graph);
  const mismatch = pixelRangeMismatch(graph, range);
  const set = (pixelRange: PixelRange) =>
    useEditor.getState().updateSettings((s) => ({ ...s, training: { ...s.training, pixelRange } }));
  return (
    <div className="pixel-range">
      <label className="field">
        <span>{t('pixels.label')}</span>
        <select value={range} onChange={(e) => set(e.target.value as PixelRange)} data-testid="pixel-range">
          {PIXEL_RANGES.map((r) => (
            <option key={r} value={r}>
              {t(NAMES[r])}
            </option>
          ))}
        </select>
        <small className="muted">{t('pixels.help')}</small>
      </label>
      {mismatch && (
        <p className="notice notice--warn small" data-testid="pixel-range-mismatch">
          {t(MISMATCH[mismatch])}
        </p>
      )}
    </div>
  );
}
