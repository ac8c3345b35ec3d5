/**
 * A pad to draw a digit on with the mouse, a pen or a finger: white ink on black, as MNIST's digits are.
 * Each change hands on the drawing as a 28 × 28 MNIST-style image (fitted to 20 × 20, centred by mass),
 * while drawing a few times a second and once more when the stroke ends.
 */
import { useCallback, useEffect, useRef } from 'react';
import { mnistStyle } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

const PAD = 280;
const INK = 22;
const LIVE_EVERY_MS = 120;

export function DrawingPad({ onChange }: { onChange(pixels: Uint8Array | null): void }) {
  const { t } = useLang();
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const sent = useRef(0);

  const context = () => ref.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const clear = useCallback(() => {
    const c = context();
    if (!c) return;
    c.fillStyle = '#000';
    c.fillRect(0, 0, PAD, PAD);
    onChange(null);
  }, [onChange]);

  useEffect(() => clear(), [clear]);

  const send = () => {
    const c = context();
    if (!c) return;
    const rgba = c.getImageData(0, 0, PAD, PAD).data;
    const grey = new Uint8Array(PAD * PAD);
    for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!;
    const digit = mnistStyle({ pixels: grey, width: PAD, height: PAD });
    onChange(digit.some((v) => v > 0) ? digit : null);
    sent.current = performance.now();
  };

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * PAD, y: ((event.clientY - box.top) / box.height) * PAD };
  };

  const stroke = (to: { x: number; y: number }) => {
    const c = context();
    if (!c) return;
    const from = last.current ?? to;
    c.strokeStyle = '#fff';
    c.lineWidth = INK;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    last.current = to;
  };

  return (
    <div className="drawing-pad">
      <canvas
        ref={ref}
        width={PAD}
        height={PAD}
        className="drawing-pad__canvas"
        data-testid="drawing-pad"
        aria-label={t('try.padLabel')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = null;
          stroke(point(e));
        }}
        onPointerMove={(e) => {
          if (!last.current) return;
          stroke(point(e));
          if (performance.now() - sent.current > LIVE_EVERY_MS) send();
        }}
        onPointerUp={() => {
          if (!last.current) return;
          last.current = null;
          send();
        }}
      />
      <button type="button" onClick={clear} data-testid="pad-clear">
        {t('try.clear')}
      </button>
    </div>
  );
}
