// Dev probe: plays for a while on one backend and prints the worker's step timings.
import { chromium } from '@playwright/test';
const [url, seconds = '8'] = process.argv.slice(2);
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
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForFunction(() => !document.querySelector('[data-testid=play]')?.disabled, null, {
  timeout: 120000,
});
await page.getByTestId('play').click();
const samples = [];
for (let i = 0; i < Number(seconds) * 2; i++) {
  await page.waitForTimeout(500);
  samples.push(
    await page.evaluate(() => ({
      ...window.__playground.store.getState().run.lastStep,
      step: window.__playground.store.getState().run.step,
    })),
  );
}
console.log(JSON.stringify(samples.slice(-6)));
await browser.close();
