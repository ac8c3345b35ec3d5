/** Opening a network shows all of it when that is readable, else its top at the smallest readable zoom. */
import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableViewport } from '../../../src/renderer/src/canvas/readable-view.ts';

const screen = { width: 1000, height: 800 };

describe('readableViewport', () => {
  it('centres a small network at life size at most', () => {
    const view = readableViewport({ x: 0, y: 0, width: 200, height: 300 }, screen);
    expect(view).toEqual({ x: 400, y: 250, zoom: 1 });
  });

  it('fits a middling network whole', () => {
    const view = readableViewport({ x: 0, y: 0, width: 200, height: 700 }, screen);
    expect(view.zoom).toBeCloseTo(640 / 700);
    expect(view.y + 350 * view.zoom).toBeCloseTo(400);
  });

  it('shows a tall network from its Input down, readable, rather than all of it as a line of specks', () => {
    const view = readableViewport({ x: 0, y: 0, width: 200, height: 10_000 }, screen);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.y).toBe(80);
    expect(view.x + 100 * view.zoom).toBe(500);
  });
});
