import { chromium } from 'playwright-core';
const [url, out, action] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector('.app[data-ready=true]', { timeout: 15000 });
if (action === 'template') {
  await page.selectOption('[data-testid=template-select]', 'mnist-4-layer');
  await page.click('[data-testid=node-conv2d_1]');
}
if (action === 'build') {
  for (const t of ['Conv2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dense']) await page.dblclick(`[data-testid=palette-${t}]`);
}
await page.waitForTimeout(600);
await page.screenshot({ path: out });
await browser.close();
