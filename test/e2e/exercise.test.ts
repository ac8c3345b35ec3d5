/**
 * Exercise mode in Debian's Chromium through the browser host: a teacher turns the 4-layer MNIST CNN into
 * a parameter-count exercise, prints its worksheet (Traditional Chinese) and answer key (English) to PDF
 * through the print stylesheet, and saves the exercise file; a student opens it, sees the asked figures
 * hidden, answers, and is told which are wrong and why; saves the answers and gets them back, and gets
 * unsaved answers back after the app is killed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, openApp, screenshot, serve, useServedApp } from '../helpers/browser-host.ts';
import { PROJECT_VERSION } from '../../src/core/index.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

/** The page printed as the browser prints it (print stylesheet, A4), and the PDF's text, spaces collapsed. */
async function printedText(name: string): Promise<string> {
  const path = join(app.served.projectsDir, `${name}.pdf`);
  await app.page.pdf({ path, format: 'A4', printBackground: true });
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  // The first page as an image, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(SCREENSHOTS, name)]);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function saveThroughPrompt(path: string): Promise<void> {
  await byId('save-as-path').fill(path);
  await byId('save-as-confirm').click();
}

const exercisePath = () => join(app.served.projectsDir, 'counting.exercise.convstudio.json');
const answersPath = () => join(app.served.projectsDir, 'counting-answers.exercise.convstudio.json');

describe('a teacher makes an exercise', () => {
  it('picks the figures students work out on the 4-layer MNIST CNN', async () => {
    await byId('template-select').selectOption('mnist-4-layer');
    await byId('view-exercise').click();
    await byId('teacher-sheet').waitFor();
    await byId('exercise-title').fill('Counting parameters');
    await byId('exercise-instructions').fill('Work out every count as model.summary() prints it.');
    await byId('ask-all-params').click();
    // "Ask all" parameters asks the total too: the course's key figure.
    expect(await byId('ask-totalParams').isChecked()).toBe(true);
    await byId('ask-conv2d-outputShape').check();
    expect(await byId('question-count').textContent()).toBe('10 figures to work out');
    // The Input's figures are given, never asked.
    expect(await byId('ask-input_layer-params').isDisabled()).toBe(true);
    await screenshot(app.page, 'exercise-teacher');
  });

  it('prints the worksheet in Traditional Chinese, with blanks where the answers go', async () => {
    // The browser's print dialog cannot be driven from a test: count that it was asked for. Written as page
    // source, as the tests are compiled without the DOM's types.
    await app.page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
    await byId('print-lang').selectOption('zh-TW');
    await byId('print-worksheet').click();
    await expect.poll(() => app.page.evaluate('window.printed')).toBe(1);
    expect(await byId('exercise-status').textContent()).toMatch(/Save as PDF/);
    expect(await byId('print-sheet').getAttribute('data-print-kind')).toBe('worksheet');
    const text = await printedText('exercise-worksheet-zh');
    expect(text).toContain('Counting parameters');
    expect(text).toMatch(/姓名/);
    expect(text).toMatch(/總參數/);
    expect(text).toMatch(/conv2d_1/);
    // Given: the Input's shape, and the shapes not asked; hidden: every asked count.
    expect(text).toContain('28 × 28 × 1');
    expect(text).toContain('24 × 24 × 64');
    for (const answer of ['320', '18,496', '1,179,776', '1,290', '1,199,882', '26 × 26 × 32']) {
      expect(text, answer).not.toContain(answer);
    }
    // The network has no BatchNormalization: the sheet does not speak of its statistics.
    expect(text).not.toMatch(/移動統計量|BatchNormalization/);
    // Settings in words, in the sheet's language — not the canvas's shorthand '32 × 3×3 · s1 · valid'.
    expect(text).toContain('濾波器數量 (filters)：32');
    expect(text).toContain('步幅 (strides)：1×1');
    expect(text).toContain('丟棄率 (rate)：0.25');
    expect(text).not.toMatch(/· s1|s1 ·/);
    // A picture of the network, one box per layer.
    expect(await byId('print-sheet').locator('[data-testid="network-picture"] rect').count()).toBe(9);
  });

  it('prints the answer key in English, with each answer’s arithmetic', async () => {
    await byId('print-lang').selectOption('en');
    await byId('print-answer-key').click();
    await expect.poll(() => byId('print-sheet').getAttribute('data-print-kind')).toBe('answerKey');
    const text = await printedText('exercise-answer-key-en');
    expect(text).toMatch(/Answer key/);
    expect(text).toContain('((3×3×32)+1)×64 = 18,496');
    expect(text).toContain('(9,216+1)×128 = 1,179,776');
    expect(text).toContain('320 + 18,496 + 1,179,776 + 1,290 = 1,199,882');
    expect(text).toContain('26 × 26 × 32');
    // Nothing of the app around it is printed.
    expect(text).not.toMatch(/Export…|Ask all/);
  });

  it('shows the worksheet and its key in the app before anything is printed', async () => {
    await byId('preview-sheets').click();
    const preview = byId('sheet-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-print-kind="worksheet"]').count()).toBe(1);
    const sheet = await preview.textContent();
    expect(sheet).toContain('Counting parameters');
    expect(sheet).toContain('28 × 28 × 1');
    expect(sheet).toContain('Filters: 32Kernel size: 3×3Stride: 1×1Padding: validActivation: ReLU'); // ' · ' between them is CSS
    expect(await preview.locator('[data-testid="network-picture"] path.network-picture__edge').count()).toBe(8);
    for (const answer of ['18,496', '1,199,882', '26 × 26 × 32']) expect(sheet, answer).not.toContain(answer);
    await screenshot(app.page, 'exercise-preview-worksheet');
    await byId('preview-answerKey').click();
    await expect.poll(() => preview.textContent()).toContain('((3×3×32)+1)×64 = 18,496');
    expect(await preview.textContent()).toContain('320 + 18,496 + 1,179,776 + 1,290 = 1,199,882');
    await screenshot(app.page, 'exercise-preview-key');
    await byId('preview-close').click();
    await expect.poll(() => byId('preview-dialog').count()).toBe(0);
  });

  it('saves the exercise file: the network and the questions, never the answers', async () => {
    await byId('save-exercise').click();
    await saveThroughPrompt(exercisePath());
    await expect
      .poll(() => byId('exercise-status').textContent())
      .toMatch(/Saved to .*counting\.exercise\.convstudio\.json/);
    const saved = JSON.parse(readFileSync(exercisePath(), 'utf8'));
    expect(saved.format).toBe('convstudio-exercise');
    expect(saved.title).toBe('Counting parameters');
    expect(saved.questions).toHaveLength(10);
    expect(saved.answers).toEqual({});
    expect(readFileSync(exercisePath(), 'utf8')).not.toMatch(/1199882|1,199,882|18496/);
  });

  it('keeps the exercise in the making with the project: unsaved until saved, back on reopening', async () => {
    const projectPath = join(app.served.projectsDir, 'counting.convstudio.json');
    expect(await byId('doc-title').textContent()).toMatch(/^• /);
    await app.page.keyboard.press('Control+s');
    await saveThroughPrompt(projectPath);
    await expect.poll(() => byId('doc-title').textContent()).toBe('counting.convstudio.json');
    const saved = JSON.parse(readFileSync(projectPath, 'utf8'));
    expect(saved.version).toBe(PROJECT_VERSION);
    expect(saved.exercise.title).toBe('Counting parameters');
    expect(saved.exercise.questions).toHaveLength(10);
    await byId('new-button').click();
    await expect.poll(() => byId('question-count').textContent()).toBe('0 figures to work out');
    expect(await byId('exercise-title').inputValue()).toBe('');
    await byId('open-input').setInputFiles(projectPath);
    await expect.poll(() => byId('question-count').textContent()).toBe('10 figures to work out');
    expect(await byId('exercise-title').inputValue()).toBe('Counting parameters');
    expect(await byId('ask-conv2d_1-params').isChecked()).toBe(true);
    expect(await byId('doc-title').textContent()).toBe('counting.convstudio.json');
  });
});

describe('a student does the exercise', () => {
  it('opens it: the asked figures are hidden on the canvas and in the summary', async () => {
    await byId('open-input').setInputFiles(exercisePath());
    await byId('student-sheet').waitFor();
    expect(await byId('exercise-heading').textContent()).toBe('Counting parameters');
    expect(await app.page.locator('[data-testid^="view-"]').allTextContents()).toEqual(['Design', 'Exercise']);
    await byId('view-design').click();
    await byId('student-note').waitFor();
    const card = byId('node-conv2d_1');
    expect(await card.getByTestId('node-params').textContent()).toBe('? params');
    expect(await card.getByTestId('node-shape').textContent()).toBe('24 × 24 × 64');
    expect(await byId('node-conv2d').getByTestId('node-shape').textContent()).toBe('?');
    expect(await byId('total-params').textContent()).toBe('?');
    expect(await app.page.locator('.palette').count()).toBe(0);
    await card.click();
    await byId('formulas-hidden').waitFor();
    expect(await byId('inspector').textContent()).not.toContain('18,496');
    // The network cannot be changed.
    expect(await byId('setting-filters-input').isDisabled()).toBe(true);
    await screenshot(app.page, 'exercise-student-canvas');
  });

  it('answers, checks, and is told exactly which figures are wrong and why', async () => {
    await byId('view-exercise').click();
    const answers: Record<string, string> = {
      'conv2d-outputShape': '28 x 28 x 32',
      'conv2d-params': '320',
      'conv2d_1-params': '18432',
      'max_pooling2d-params': '0',
      'dropout-params': '0',
      'flatten-params': '0',
      'dense-params': '8320',
      'dropout_1-params': '0',
      'dense_1-params': '1,290',
      totalParams: '1199882',
    };
    for (const [key, value] of Object.entries(answers)) await byId(`answer-${key}`).fill(value);
    await byId('check-answers').click();
    expect(await byId('exercise-score').textContent()).toBe('7 of 10 right');
    expect(await byId('answer-conv2d_1-params').getAttribute('data-verdict')).toBe('wrong');
    expect(await byId('answer-dense_1-params').getAttribute('data-verdict')).toBe('right');
    const conv = await byId('feedback-conv2d_1-params').textContent();
    expect(conv).toMatch(/Your answer 18432 is not right: it is 18,496/);
    expect(conv).toMatch(/left out the biases/);
    expect(conv).toContain('((3×3×32)+1)×64 = 18,496');
    expect(await byId('feedback-dense-params').textContent()).toMatch(/9,216 of them .*not only the 64 channels/);
    expect(await byId('feedback-conv2d-outputShape').textContent()).toMatch(/uses ‘valid’ padding/);
    expect(await app.page.locator('[data-testid^="feedback-"]').count()).toBe(3);
    await screenshot(app.page, 'exercise-student-checked');
  });

  it('reads the feedback in Traditional Chinese', async () => {
    await byId('lang-select').selectOption('zh-TW');
    expect(await byId('exercise-score').textContent()).toBe('10 題中答對 7 題');
    expect(await byId('feedback-conv2d_1-params').textContent()).toMatch(/少算了偏差/);
    await screenshot(app.page, 'exercise-student-checked-zh');
    await byId('lang-select').selectOption('en');
  });

  it('fixes an answer: the mark follows', async () => {
    await byId('answer-conv2d_1-params').fill('18,496');
    await expect.poll(() => byId('answer-conv2d_1-params').getAttribute('data-verdict')).toBe('right');
    expect(await byId('exercise-score').textContent()).toBe('8 of 10 right');
  });

  it('is asked before unsaved answers are replaced, saves them, and gets them back', async () => {
    await byId('new-button').click();
    await byId('unsaved-dialog').waitFor();
    await byId('unsaved-save').click();
    await saveThroughPrompt(answersPath());
    // Saved, then the new document: the exercise is closed and the app is the editor again.
    await expect.poll(() => byId('doc-title').textContent()).toBe('Untitled');
    expect(await app.page.locator('[data-testid^="view-"]').allTextContents()).toEqual(['Design', 'Train', 'Exercise']);
    expect(await app.page.locator('.palette').count()).toBe(1);
    const saved = JSON.parse(readFileSync(answersPath(), 'utf8'));
    expect(Object.values(saved.answers)).toContain('18,496');
    await byId('open-input').setInputFiles(answersPath());
    await byId('student-sheet').waitFor();
    expect(await byId('doc-title').textContent()).toBe('counting-answers.exercise.convstudio.json');
    expect(await byId('answer-conv2d_1-params').inputValue()).toBe('18,496');
    expect(await byId('answer-dense-params').inputValue()).toBe('8320');
  });

  it('a damaged exercise file is named, and the open one stays', async () => {
    const broken = JSON.parse(readFileSync(exercisePath(), 'utf8'));
    broken.questions[0].nodeId = 'no-such-layer';
    const path = join(app.served.projectsDir, 'broken.exercise.convstudio.json');
    writeFileSync(path, JSON.stringify(broken));
    await byId('open-input').setInputFiles(path);
    const banner = byId('open-error');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /broken\.exercise\.convstudio\.json: the exercise file is damaged at questions\[0\]\.nodeId: a question asks about 'no-such-layer'/,
    );
    expect(await byId('answer-conv2d_1-params').inputValue()).toBe('18,496');
    expect((app.page as { problems?: string[] }).problems).toEqual([]);
  });

  it('marks unsaved answers in the title and offers them back after the app is killed', async () => {
    // Opened from the browser's file picker, so the page knows the file's name but not its path.
    await byId('answer-dense_1-params').fill('1290');
    await expect.poll(() => byId('doc-title').textContent()).toBe('• counting-answers.exercise.convstudio.json');
    await app.page.waitForTimeout(2_600); // one autosave interval and a little more
    app.served.process.kill('SIGKILL');
    await new Promise((resolve) => app.served.process.once('exit', resolve));
    app.served = await serve(null, { dataDir: app.served.dataDir, projectsDir: app.served.projectsDir });
    await app.page.close();
    app.page = await openApp(app.browser, app.served.url);
    await byId('restore-banner').waitFor();
    expect(await byId('restore-banner').textContent()).toMatch(
      /^Unsaved answers to an exercise were found from an earlier session \(Counting parameters,/,
    );
    await screenshot(app.page, 'exercise-restore-offer');
    await byId('restore-button').click();
    // The student is back at the sheet, answers as they left them, still unsaved; the network still locked.
    await byId('student-sheet').waitFor();
    expect(await byId('answer-dense_1-params').inputValue()).toBe('1290');
    expect(await byId('answer-conv2d_1-params').inputValue()).toBe('18,496');
    expect(await byId('doc-title').textContent()).toBe('• Counting parameters');
    expect(await app.page.locator('.palette').count()).toBe(0);
    await screenshot(app.page, 'exercise-restored');
    // Saving asks where (the path was never known), writes the answers there, and the marker goes.
    await app.page.keyboard.press('Control+s');
    await saveThroughPrompt(answersPath());
    await expect.poll(() => byId('doc-title').textContent()).toBe('counting-answers.exercise.convstudio.json');
    expect(Object.values(JSON.parse(readFileSync(answersPath(), 'utf8')).answers)).toContain('1290');
  });
});
