/**
 * A hand-drawn digit made to look like an MNIST image: MNIST's digits were scaled to fit a 20 × 20 box
 * (keeping their aspect ratio) and placed in the 28 × 28 image so that their centre of mass is in the middle.
 * A network trained on MNIST reads a drawing far better after the same treatment.
 */

/** Greyscale bytes (0 = background) and their size. */
export interface GreyImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** The smallest rectangle holding every pixel brighter than `threshold`, or null for an empty image. */
export function inkBounds(
  image: GreyImage,
  threshold = 0,
): { x: number; y: number; width: number; height: number } | null {
  let [minX, minY, maxX, maxY] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (image.pixels[y * image.width + x]! > threshold) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * Area-averaging resize of a greyscale image (each output pixel is the mean of the input area it covers,
 * partial pixels weighted by their overlap): no aliasing when shrinking a large drawing.
 */
export function resizeArea(image: GreyImage, toWidth: number, toHeight: number): GreyImage {
  const out = new Float64Array(toWidth * toHeight);
  const sx = image.width / toWidth;
  const sy = image.height / toHeight;
  for (let oy = 0; oy < toHeight; oy++) {
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < toWidth; ox++) {
      const x0 = ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      for (let y = Math.floor(y0); y < Math.min(Math.ceil(y1), image.height); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(Math.ceil(x1), image.width); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += wx * wy * image.pixels[y * image.width + x]!;
        }
      }
      out[oy * toWidth + ox] = sum / (sx * sy);
    }
  }
  return { pixels: Uint8Array.from(out, (v) => Math.min(255, Math.round(v))), width: toWidth, height: toHeight };
}

/** The intensity-weighted centre of an image, in pixel indices (as MNIST's centring measured it). */
export function centreOfMass(image: GreyImage): { x: number; y: number } {
  let [total, sx, sy] = [0, 0, 0];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const v = image.pixels[y * image.width + x]!;
      total += v;
      sx += v * x;
      sy += v * y;
    }
  return total === 0 ? { x: (image.width - 1) / 2, y: (image.height - 1) / 2 } : { x: sx / total, y: sy / total };
}

/** The drawing as MNIST would have it: `size` × `size`, the digit fit into `box` × `box` and centred by mass. */
export function mnistStyle(drawing: GreyImage, size = 28, box = 20): Uint8Array {
  const out = new Uint8Array(size * size);
  const bounds = inkBounds(drawing);
  if (!bounds) return out;
  const crop = new Uint8Array(bounds.width * bounds.height);
  for (let y = 0; y < bounds.height; y++) {
    const from = (bounds.y + y) * drawing.width + bounds.x;
    crop.set(drawing.pixels.subarray(from, from + bounds.width), y * bounds.width);
  }
  const scale = box / Math.max(bounds.width, bounds.height);
  const digit = resizeArea(
    { pixels: crop, width: bounds.width, height: bounds.height },
    Math.max(1, Math.round(bounds.width * scale)),
    Math.max(1, Math.round(bounds.height * scale)),
  );
  const mass = centreOfMass(digit);
  const left = Math.round(size / 2 - mass.x);
  const top = Math.round(size / 2 - mass.y);
  for (let y = 0; y < digit.height; y++)
    for (let x = 0; x < digit.width; x++) {
      const [tx, ty] = [left + x, top + y];
      if (tx >= 0 && ty >= 0 && tx < size && ty < size) out[ty * size + tx] = digit.pixels[y * digit.width + x]!;
    }
  return out;
}

/** Whether a greyscale image's border is mostly light: dark ink on paper, the reverse of MNIST's digits. */
export function lightBackground(image: GreyImage): boolean {
  let [sum, count] = [0, 0];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (y === 0 || x === 0 || y === image.height - 1 || x === image.width - 1) {
        sum += image.pixels[y * image.width + x]!;
        count += 1;
      }
  return count > 0 && sum / count > 127;
}
