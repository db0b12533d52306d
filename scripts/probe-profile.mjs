// Dev probe: kernel-time profile of one training step on a backend.
import { chromium } from '@playwright/test';
const [url] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--enable-unsafe-webgpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();
await page.goto(url);
await page.waitForFunction(() => !document.querySelector('[data-testid=play]')?.disabled, null, {
  timeout: 120000,
});
for (let i = 0; i < 3; i++) {
  await page.getByTestId('step').click();
  await page.waitForTimeout(800);
}
await page.evaluate(() => window.__playground.debug.profile());
await page.waitForFunction(() => window.__playground.store.getState().profile, null, {
  timeout: 60000,
});
const kernels = await page.evaluate(() => window.__playground.store.getState().profile);
let total = 0;
for (const k of kernels) total += k.ms;
console.log('total kernel ms', total.toFixed(1));
for (const k of kernels.slice(0, 18))
  console.log(k.name.padEnd(28), k.ms.toFixed(2).padStart(8), String(k.count).padStart(5));
await browser.close();
