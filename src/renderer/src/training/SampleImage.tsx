/** Images drawn pixel for pixel on a canvas and scaled up without smoothing: dataset samples, feature maps, filters. */
import { useEffect, useMemo, useRef } from 'react';
import { base64ToBytes } from '@core/index.ts';

/** Bytes, height × width × channels (1: grey, 3: RGB). */
export function PixelImage({
  bytes,
  shape,
  size = 56,
  title,
  className = 'sample-image',
  onCell,
}: {
  bytes: Uint8Array;
  shape: readonly [number, number, number];
  size?: number;
  title?: string;
  className?: string;
  /** Called with the pixel clicked: [row, column]. */
  onCell?: (cell: [number, number]) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = shape;
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(w, h);
    const grey = c === 1;
    for (let i = 0; i < h * w; i++) {
      image.data[i * 4] = bytes[i * c]!;
      image.data[i * 4 + 1] = bytes[i * c + (grey ? 0 : 1)]!;
      image.data[i * 4 + 2] = bytes[i * c + (grey ? 0 : 2)]!;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [bytes, h, w, c]);
  const scale = size / Math.max(h, w);
  return (
    <canvas
      ref={ref}
      width={w}
      height={h}
      className={className}
      style={{ width: Math.round(w * scale), height: Math.round(h * scale) }}
      title={title}
      role="img"
      aria-label={title}
      onClick={
        onCell &&
        ((e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const row = Math.floor(((e.clientY - box.top) / box.height) * h);
          const column = Math.floor(((e.clientX - box.left) / box.width) * w);
          onCell([Math.min(h - 1, Math.max(0, row)), Math.min(w - 1, Math.max(0, column))]);
        })
      }
    />
  );
}

/** A dataset image as it travels in messages (bytes, base64). */
export function SampleImage({
  pixels,
  ...rest
}: {
  pixels: string;
  shape: readonly [number, number, number];
  size?: number;
  title?: string;
}) {
  const bytes = useMemo(() => base64ToBytes(pixels), [pixels]);
  return <PixelImage bytes={bytes} {...rest} />;
}
