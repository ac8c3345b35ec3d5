/**
 * The worksheet's picture of the network, in Debian's Chromium through the browser host: the residual
 * template's skip connection is drawn beside the convolutions it skips, never through a box, and the picture
 * has one box per layer; at 1024×768 in Traditional Chinese the sheet's settings are worded in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

/** Points along every connection that fall inside a box other than the two it joins. */
async function crossings(): Promise<string[]> {
  return app.page.evaluate(() => {
    const svg = document.querySelector('[data-testid="sheet-preview"] [data-testid="network-picture"]')!;
    const boxes = [...svg.querySelectorAll('g')].map((g) => {
      const rect = g.querySelector('rect')!.getBoundingClientRect();
      return { name: g.querySelector('text')!.textContent!, rect };
    });
    const found: string[] = [];
    for (const path of svg.querySelectorAll<SVGPathElement>('path.network-picture__edge')) {
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM()!;
      const touched = new Set<string>();
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at).matrixTransform(matrix);
        for (const { name, rect } of boxes) {
          const inside = p.x > rect.left + 1 && p.x < rect.right - 1 && p.y > rect.top + 1 && p.y < rect.bottom - 1;
          if (inside) touched.add(name);
        }
      }
      // A connection starts at its source's edge and ends at its target's: inside no box at all.
      if (touched.size > 0) found.push(`${path.dataset.edge}: ${[...touched].join(', ')}`);
    }
    return found;
  });
}

describe('the worksheet shows a picture of the network', () => {
  it('routes the residual block’s skip connection beside the convolutions, in English at 1440×900', async () => {
    await byId('template-select').selectOption('residual-block');
    await byId('view-exercise').click();
    await byId('teacher-sheet').waitFor();
    await byId('ask-all-params').click();
    await byId('preview-sheets').click();
    const picture = byId('sheet-preview').getByTestId('network-picture');
    await picture.waitFor();
    const layers = await byId('sheet-preview').locator('tbody tr[data-testid^="sheet-row-"]').count();
    expect(await picture.locator('rect').count()).toBe(layers);
    expect(await picture.locator('path.network-picture__edge').count()).toBeGreaterThan(layers - 1);
    expect(await crossings()).toEqual([]);
    await picture.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'worksheet-picture-residual-1440-en');
    await byId('preview-close').click();
  });

  it('words the settings in Chinese at 1024×768', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('print-lang').selectOption('zh-TW');
    await byId('preview-sheets').click();
    const preview = byId('sheet-preview');
    await preview.getByTestId('network-picture').waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('濾波器數量 (filters)：16');
    expect(text).toContain('網路圖');
    expect(await crossings()).toEqual([]);
    await screenshot(app.page, 'worksheet-picture-residual-1024-zh-TW');
    await preview.getByTestId('network-picture').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'worksheet-picture-residual-picture-1024-zh-TW');
  });
});
