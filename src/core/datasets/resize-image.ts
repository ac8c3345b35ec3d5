/** Bilinear resizing and colour-to-grey conversion of 8-bit images, channels last. */

/** RGBA bytes to `channels` (1: luminance, ITU-R BT.601 weights; 3: RGB), dropping alpha. */
export function fromRgba(rgba: Uint8Array, width: number, height: number, channels: 1 | 3): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  for (let p = 0; p < width * height; p++) {
    const [r, g, b] = [rgba[4 * p]!, rgba[4 * p + 1]!, rgba[4 * p + 2]!];
    if (channels === 1) out[p] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    else out.set([r, g, b], 3 * p);
  }
  return out;
}

/** Resizes with bilinear interpolation (half-pixel centres, as TensorFlow's resize_images). */
export function resizeBilinear(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  toWidth: number,
  toHeight: number,
): Uint8Array {
  if (width === toWidth && height === toHeight) return pixels;
  const out = new Uint8Array(toWidth * toHeight * channels);
  const sx = width / toWidth;
  const sy = height / toHeight;
  for (let y = 0; y < toHeight; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, height - 1);
    const wy = fy - y0;
    for (let x = 0; x < toWidth; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, width - 1);
      const wx = fx - x0;
      for (let c = 0; c < channels; c++) {
        const at = (xx: number, yy: number) => pixels[(yy * width + xx) * channels + c]!;
        const top = at(x0, y0) * (1 - wx) + at(x1, y0) * wx;
        const bottom = at(x0, y1) * (1 - wx) + at(x1, y1) * wx;
        out[(y * toWidth + x) * channels + c] = Math.round(top * (1 - wy) + bottom * wy);
      }
    }
  }
  return out;
}
