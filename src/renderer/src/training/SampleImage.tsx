/** A dataset image (bytes, base64) drawn pixel for pixel on a canvas, scaled up without smoothing. */
import { useEffect, useRef } from 'react';
import { base64ToBytes } from '@core/index.ts';

export function SampleImage({
  pixels,
  shape,
  size = 56,
  title,
}: {
  pixels: string;
  shape: readonly [number, number, number];
  size?: number;
  title?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const [h, w, c] = shape;
    const bytes = base64ToBytes(pixels);
    const image = context.createImageData(w, h);
    for (let i = 0; i < h * w; i++) {
      const grey = c === 1;
      image.data[i * 4] = bytes[i * c]!;
      image.data[i * 4 + 1] = bytes[i * c + (grey ? 0 : 1)]!;
      image.data[i * 4 + 2] = bytes[i * c + (grey ? 0 : 2)]!;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, shape]);
  return (
    <canvas
      ref={ref}
      width={shape[1]}
      height={shape[0]}
      className="sample-image"
      style={{ width: size, height: size }}
      title={title}
      role="img"
      aria-label={title}
    />
  );
}
