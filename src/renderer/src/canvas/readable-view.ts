/**
 * Where the canvas looks when a network is opened: all of it, as large as fits (at most life size) — but
 * never so small that its cards cannot be read. A network too tall for that (MobileNet's 87 layers, VGG16)
 * is shown from its Input down at the smallest readable zoom, centred across; the minimap shows the rest.
 */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Below this, a card's shape and count (12 px) are too small to read: 0.8 keeps them at about 10 px. */
export const READABLE_ZOOM = 0.8;

export function readableViewport(
  bounds: Bounds,
  screen: { width: number; height: number },
  padding = 0.1,
): { x: number; y: number; zoom: number } {
  const room = 1 - 2 * padding;
  const fit = Math.min((screen.width * room) / bounds.width, (screen.height * room) / bounds.height, 1);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const x = screen.width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const y =
    zoom === fit
      ? screen.height / 2 - (bounds.y + bounds.height / 2) * zoom
      : screen.height * padding - bounds.y * zoom;
  return { x, y, zoom };
}
