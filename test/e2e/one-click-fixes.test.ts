/**
 * One-click fixes in Debian's Chromium through the browser host: a red network's problem offers fixes that
 * say what they change; one click makes it valid, Undo brings the problem back. A kernel too large for its
 * input, Dense straight after a convolution, a residual Add whose branch is wider and strided, and a last
 * Dense with other outputs than MNIST has classes (offered in the Data panel). Screenshots at 1440×900 (en)
 * and 1024×768 (zh-TW).
 */
import { describe, expect, it } from 'vitest';
import { makeProject, sequential, type Graph, type LayerSpec } from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const projectFile = (name: string, graph: Graph) => tempFile(name, JSON.stringify(makeProject(graph, name)));

/** Input → Conv2D (16 filters, stride 2) → Add, with the Input's own connection into the Add. */
function residual(): Graph {
  const graph = sequential([
    s('Input', { shape: [28, 28, 1] }),
    s('Conv2D', { filters: 16, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' }),
    s('Add'),
    s('Flatten'),
    s('Dense', { units: 10, activation: 'softmax' }),
  ]);
  return { ...graph, edges: [...graph.edges, { id: 'skip', source: 'n1', target: 'n3' }] };
}

const app = useServedApp(
  projectFile(
    'too-large.json',
    sequential([
      s('Input', { shape: [5, 5, 1] }),
      s('Conv2D', { filters: 4, kernel_size: [7, 7], activation: 'relu' }),
      s('Dense', { units: 10, activation: 'softmax' }),
    ]),
  ),
);
const byId = (id: string) => app.page.getByTestId(id);
const problems = () => byId('diagnostics').locator('li');
const errors = () => byId('diagnostics').locator('li.diagnostic--error');

describe('one-click fixes', () => {
  it('a kernel larger than its input: one click makes it fit, then Flatten goes before Dense; Undo undoes each', async () => {
    await expect.poll(() => errors().count()).toBe(1);
    const fixes = errors().first().getByTestId('diagnostic-fix');
    expect(await fixes.allTextContents()).toEqual([
      "Fix: Set kernel_size of 'conv2d' to 5×5 (now 7×7), the largest that fits its input.",
      "Fix: Set padding to 'same' on 'conv2d', so that the image keeps its size through it.",
    ]);
    await screenshot(app.page, 'fixes-kernel-1440-en');
    await fixes.first().click();
    await expect.poll(() => errors().count()).toBe(0);
    // Dense now sees the 1×1×4 output and warns that it is not flat: its fix inserts a Flatten.
    await byId('diagnostics').getByText('Fix: Insert a Flatten layer before').click();
    await expect.poll(() => problems().count()).toBe(0);
    expect(await byId('node-flatten').count()).toBe(1);
    expect(await byId('total-params').textContent()).toBe(String(5 * 5 * 4 + 4 + 4 * 10 + 10));
    await byId('undo-button').click();
    expect(await byId('node-flatten').count()).toBe(0);
    await byId('undo-button').click();
    await expect.poll(() => errors().count()).toBe(1);
  });

  it('a residual Add whose branch is strided and wider: a 1×1 projection on the skip, in zh-TW at 1024×768', async () => {
    await byId('open-input').setInputFiles(projectFile('residual.json', residual()));
    // The one error must be the new network's (the last test left one of its own until the file is open).
    await expect.poll(() => errors().first().textContent(), { timeout: 15_000 }).toMatch(/\(Add\)/);
    await expect.poll(() => errors().count()).toBe(1);
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    const fix = errors().first().getByTestId('diagnostic-fix');
    expect(await fix.allTextContents()).toEqual([
      "修正：在 'input_layer' 後插入 1×1 卷積層 (Conv2D)，16 個濾波器、步幅 2×2（投影，ResNet 的做法），讓它的輸出和另一個輸入相符。",
    ]);
    // The shortcut is drawn beside the layers it skips, with its shape, not hidden behind them.
    expect(await byId('skip-edge-label').textContent()).toBe('28 × 28 × 1');
    await byId('diagnostics').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'fixes-residual-1024-zh-TW');
    await fix.click();
    await expect.poll(() => errors().count()).toBe(0);
    expect(await byId('total-params').textContent()).toBe('31,562'); // 160 + 32 + 14×14×16×10 + 10
    await byId('undo-button').click();
    await expect.poll(() => errors().count()).toBe(1);
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the last Dense has 5 outputs and MNIST 10 classes: the Data panel sets its units', async () => {
    const graph = sequential([
      s('Input', { shape: [28, 28, 1] }),
      s('Flatten'),
      s('Dense', { units: 5, activation: 'softmax' }),
    ]);
    await byId('open-input').setInputFiles(projectFile('five.json', graph));
    await byId('view-train').click();
    await expect.poll(() => byId('data-class-misfit').count(), { timeout: 60_000 }).toBe(1);
    expect(await byId('data-class-fix').textContent()).toBe("Give 'dense' 10 units, one per class.");
    await byId('data-class-fix').click();
    await expect.poll(() => byId('data-class-misfit').count()).toBe(0);
    await byId('view-design').click();
    expect(await byId('total-params').textContent()).toBe('7,850');
  }, 90_000);
});
