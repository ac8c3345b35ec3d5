/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * A student who opens an exercise that asks every figure of the 4-layer MNIST CNN and goes looking for the
 * answers everywhere a student can reach — every screen's text, every layer's inspector, placeholders,
 * tooltips, labels, the tab's title, the print layout, the toolbar's Export — finds none of them (issue 15:
 * Export's script header said "1,199,882 parameters", and a shape box's placeholder was conv2d's shape).
 * Both languages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  LAYER_FIGURES,
  analyse,
  askEveryLayer,
  findTemplate,
  formatInt,
  makeExercise,
  summaryText,
} from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const graph = findTemplate('mnist-4-layer')!.build();
const analysis = analyse(graph);
const exercise = makeExercise(graph, analysis, {
  title: 'Everything',
  instructions: 'Work out every figure.',
  questions: [...LAYER_FIGURES.flatMap((figure) => askEveryLayer(analysis, figure)), { figure: 'totalParams' }],
});
const file = join(mkdtempSync(join(tmpdir(), 'convstudio-leak-')), 'everything.exercise.convstudio.json');
writeFileSync(file, JSON.stringify(exercise));

/**
 * The answers as a page could spell them. Left out: answers that equal what the sheet gives (the layers'
 * settings: a first layer's receptive field is its kernel, Dense(128)'s output is its 128 units), and zero.
 */
const given = new Set(['0', '10', '32', '64', '128']);
const secrets = [
  ...analysis.nodes.flatMap((n) => {
    if (n.type === 'Input') return [];
    const counts = [n.params?.total]
      .filter((c): c is number => c !== undefined && c > 0)
      .map((c) => [formatInt(c), String(c)]);
    const shape = n.outputShape!;
    const shapes =
      shape.length === 1
        ? [`(None, ${shape[0]})`]
        : [shape.join(' × '), shape.join('×'), `(None, ${shape.join(', ')})`];
    return [...counts.flat(), ...shapes];
  }),
  formatInt(analysis.totals.total),
  String(analysis.totals.total),
].filter((s) => !given.has(s));

/** Every text a student can read or hover on the page as it is now. */
async function everythingReadable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of ['title', 'placeholder', 'aria-label', 'aria-description', 'alt', 'value']) {
        const v = el.getAttribute(attr);
        if (v) parts.push(v);
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
    }
    return parts.join('\n');
  });
}

function leaks(text: string): string[] {
  // A secret counts where it stands alone, not inside a longer number ("320" inside "1,320").
  return secrets.filter((s) => new RegExp(`(^|[^\\d,.])${s.replace(/[()×]/g, '\\$&')}($|[^\\d,])`).test(text));
}

const app = useServedApp(file);
const byId = (id: string) => app.page.getByTestId(id);

describe('a student looking for the answers', () => {
  it('the exercise asks every figure, and the answers are what is looked for', () => {
    // 8 layers' shapes and counts, the receptive fields of the 4 before Flatten, and the total.
    expect(exercise.questions.length).toBe(8 + 8 + 4 + 1);
    expect(secrets).toEqual(expect.arrayContaining(['18,496', '1,199,882', '24 × 24 × 64', '(None, 9216)']));
    // The search finds the answers where they are: in the summary a teacher sees.
    const found = leaks(summaryText(analysis, 'x', 'en'));
    expect(found).toEqual(expect.arrayContaining(['320', '18,496', '1,179,776', '1,290', '1,199,882', '(None, 9216)']));
  });

  it.each(['en', 'zh-TW'] as const)('finds none anywhere in the app (%s)', async (lang) => {
    const page = app.page;
    await byId('lang-select').selectOption(lang);
    await byId('student-sheet').waitFor();
    let seen = await everythingReadable(page);
    expect(leaks(seen)).toEqual([]);
    // No Export for a student: its code states the counts.
    expect(await byId('export-button').count()).toBe(0);

    await byId('view-design').click();
    await byId('student-note').waitFor();
    for (const node of analysis.nodes) {
      await byId(`node-${node.name}`).click();
      await byId('inspector').waitFor();
      seen += await everythingReadable(page);
    }
    expect(leaks(seen)).toEqual([]);
    await screenshot(page, `exercise-leaks-design-${lang}`);

    // Ctrl+P: the print layout of each view.
    for (const view of ['view-design', 'view-exercise']) {
      await byId(view).click();
      const pdf = join(app.served.projectsDir, `leak-${lang}-${view}.pdf`);
      await page.pdf({ path: pdf, format: 'A4' });
      const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(leaks(printed)).toEqual([]);
    }
  });
});
