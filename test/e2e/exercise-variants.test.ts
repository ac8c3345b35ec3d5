/**
 * Exercise variants in Debian's Chromium through the browser host: a teacher turns on three variants of the
 * 4-layer MNIST CNN, sees each one's code and parameter count, prints the answer keys (one per variant,
 * each with its code) and saves the exercise; a student opening it is asked for their code, a wrong one is
 * refused, and each variant's code opens that variant, whose own answers are marked right.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, formatInt, readExercise, variantsOf, type Variant } from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);
const exercisePath = () => join(app.served.projectsDir, 'variants.exercise.convstudio.json');

let variants: Variant[];

describe('exercise variants', () => {
  it('a teacher turns on three variants: each with its code and its own parameter count', async () => {
    await byId('template-select').selectOption('mnist-4-layer');
    await byId('view-exercise').click();
    await byId('exercise-title').fill('Counting, your own network');
    await byId('ask-conv2d_1-params').check();
    await byId('ask-totalParams').check();
    await byId('variants-on').check();
    const rows = await byId('variants-list').locator('li').allTextContents();
    expect(rows).toHaveLength(3);
    const totals = rows.map((row) => /· ([\d,]+) parameters$/.exec(row)![1]);
    expect(new Set(totals).size).toBe(3);
    expect(totals).not.toContain('1,199,882');
    await screenshot(app.page, 'exercise-variants-teacher');
  });

  it('prints one answer key per variant, each with its code', async () => {
    await app.page.evaluate('window.print = () => {}');
    await byId('print-lang').selectOption('en');
    await byId('print-answer-key').click();
    await expect.poll(() => byId('print-variant').count()).toBe(3);
    const path = join(app.served.projectsDir, 'variants-keys.pdf');
    await app.page.pdf({ path, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const rows = await byId('variants-list').locator('li').allTextContents();
    for (const row of rows) {
      const [, n, code, total] = /^Variant (\d+) · code (\w{4}) · .* · ([\d,]+) parameters$/.exec(row)!;
      expect(text).toContain(`Variant ${n} · code ${code}`);
      expect(text).toContain(`= ${total}`);
    }
  });

  it('saves the exercise with its ranges, and no answer of any variant', async () => {
    await byId('save-exercise').click();
    await byId('save-as-path').fill(exercisePath());
    await byId('save-as-confirm').click();
    await expect.poll(() => byId('exercise-status').textContent()).toMatch(/Saved to/);
    const saved = JSON.parse(readFileSync(exercisePath(), 'utf8'));
    expect(saved.variants).toMatchObject({ count: 3 });
    const read = readExercise(saved, 'variants.exercise.convstudio.json');
    if (!read.ok) throw new Error('the saved exercise does not read back');
    variants = variantsOf(read.exercise);
    for (const v of variants)
      expect(readFileSync(exercisePath(), 'utf8')).not.toContain(String(analyse(v.graph).totals.total));
  });

  it('a student types their code: a wrong one is refused, each right one opens its variant, checked as its own', async () => {
    await byId('open-input').setInputFiles(exercisePath());
    await byId('student-sheet').waitFor();
    expect(await byId('student-table').count()).toBe(0);
    await byId('variant-code-input').fill('OOOO');
    await byId('variant-code-open').click();
    expect(await byId('variant-code-wrong').textContent()).toContain('No variant of this exercise has that code');
    await screenshot(app.page, 'exercise-variants-code');
    for (const v of variants) {
      await byId('variant-code-input').fill(v.code.toLowerCase());
      await byId('variant-code-open').click();
      await byId('student-table').waitFor();
      const analysis = analyse(v.graph);
      const conv = analysis.nodes.find((n) => n.name === 'conv2d_1')!;
      await byId('answer-conv2d_1-params').fill(formatInt(conv.params!.total));
      await byId('answer-totalParams').fill(formatInt(analysis.totals.total));
      await byId('check-answers').click();
      await expect.poll(() => byId('exercise-score').textContent()).toMatch(/2 of 2|2 \/ 2/);
      expect(await byId('variant-code').textContent()).toContain(`Variant ${v.code}`);
    }
    // The last variant's answers, given to the first: wrong there.
    await byId('variant-code-input').fill(variants[0]!.code);
    await byId('variant-code-open').click();
    await byId('check-answers').click();
    await expect.poll(() => byId('exercise-score').textContent()).not.toMatch(/2 of 2|2 \/ 2/);
    await screenshot(app.page, 'exercise-variants-student');
  });
});
