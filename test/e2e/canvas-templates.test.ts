/**
 * Every template as a newcomer opens it on a 1024×768 laptop in Traditional Chinese, and at 1440×900 in
 * English, in Debian's Chromium through the browser host: opened at a zoom whose cards can be read, no two
 * connection labels on top of each other, no connection drawn behind a layer it does not join (the residual
 * block's shortcut goes beside the convolutions it skips), no card's type or name cut short. Each opening is
 * a screenshot to look at.
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/core/index.ts';
import { READABLE_ZOOM } from '../../src/renderer/src/canvas/readable-view.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

interface Layout {
  zoom: number;
  /** How many labels and connections were measured: a measurement of nothing finds nothing wrong. */
  labels: number;
  connections: number;
  overlappingLabels: string[];
  hiddenConnections: string[];
  cutCards: string[];
}

/** What the canvas shows, measured in the page: the zoom, labels that overlap, connections under cards. */
function measure(): Promise<Layout> {
  return app.page.evaluate(() => {
    const transform = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
    const zoom = new DOMMatrix(transform).a;
    const labels = [...document.querySelectorAll<Element>('.react-flow__edge-textbg, .skip-edge__label')].map((el) => ({
      text: (el.parentElement?.textContent ?? el.textContent ?? '').trim(),
      box: el.getBoundingClientRect(),
    }));
    const overlappingLabels: string[] = [];
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => {
        const apart =
          a.box.right <= b.box.left ||
          b.box.right <= a.box.left ||
          a.box.bottom <= b.box.top ||
          b.box.bottom <= a.box.top;
        if (!apart) overlappingLabels.push(`${a.text} / ${b.text}`);
      }),
    );
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({
      name: el.querySelector('.layer-node__name')?.textContent ?? el.dataset.id ?? '',
      box: el.getBoundingClientRect(),
    }));
    const inside = (p: DOMPoint, box: DOMRect) =>
      p.x > box.left + 2 && p.x < box.right - 2 && p.y > box.top + 2 && p.y < box.bottom - 2;
    const hiddenConnections: string[] = [];
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')) {
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const at = (l: number) => path.getPointAtLength(l).matrixTransform(matrix);
      // Its own two cards are those its ends touch.
      const ends = cards.filter((c) => {
        const grown = new DOMRect(c.box.x - 12, c.box.y - 12, c.box.width + 24, c.box.height + 24);
        return inside(at(0), grown) || inside(at(length), grown);
      });
      const behind = new Set<string>();
      for (let l = 0; l <= length; l += 3) {
        for (const card of cards) if (!ends.includes(card) && inside(at(l), card.box)) behind.add(card.name);
      }
      if (behind.size > 0)
        hiddenConnections.push(`${path.closest('[data-id]')?.getAttribute('data-id')}: ${[...behind].join(', ')}`);
    }
    // A card's type and name are whole (not "最大池化 MaxP…"), and its figures inside the card.
    const cutCards: string[] = [];
    for (const card of document.querySelectorAll<HTMLElement>('.layer-node')) {
      const box = card.getBoundingClientRect();
      const parts = card.querySelectorAll<HTMLElement>('.layer-node__type, .layer-node__name');
      const cut = [...parts].some((p) => p.scrollWidth > p.clientWidth + 1);
      const figures = card.querySelector('.layer-node__figures')!.getBoundingClientRect();
      if (cut || figures.bottom > box.bottom + 1) cutCards.push(card.dataset.testid ?? '');
    }
    const connections = document.querySelectorAll('.react-flow__edge-path').length;
    return { zoom, labels: labels.length, connections, overlappingLabels, hiddenConnections, cutCards };
  });
}

describe('every template opens readable and untangled', () => {
  for (const [width, height, lang] of [
    [1024, 768, 'zh-TW'],
    [1440, 900, 'en'],
  ] as const) {
    it(`at ${width}×${height} in ${lang}`, async () => {
      await app.page.setViewportSize({ width, height });
      await byId('lang-select').selectOption(lang);
      const problems: Record<string, Partial<Layout>> = {};
      for (const template of TEMPLATES) {
        await byId('template-select').selectOption(template.id);
        await byId('node-input_layer').first().waitFor();
        await app.page.waitForTimeout(400); // the view settles on the new network
        await screenshot(app.page, `template-${template.id}-${width}-${lang}`);
        const { zoom, labels, connections, overlappingLabels, hiddenConnections, cutCards } = await measure();
        const edges = template.build().edges.length;
        const found: Partial<Layout> = {};
        if (labels !== edges || connections !== edges) Object.assign(found, { labels, connections });
        if (zoom < READABLE_ZOOM - 1e-6) found.zoom = zoom;
        if (overlappingLabels.length > 0) found.overlappingLabels = overlappingLabels;
        if (hiddenConnections.length > 0) found.hiddenConnections = hiddenConnections;
        if (cutCards.length > 0) found.cutCards = cutCards;
        if (Object.keys(found).length > 0) problems[template.id] = found;
      }
      expect(problems).toEqual({});
    });
  }
});
