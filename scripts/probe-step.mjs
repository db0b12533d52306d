// Dev probe: opens the built app on one backend, takes single steps and reports timings.
import { chromium } from '@playwright/test';
const [url, steps = '3'] = process.argv.slice(2);
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
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const t0 = Date.now();
await page.goto(url);
await page.getByTestId('play').waitFor({ state: 'visible' });
await page.waitForFunction(() => !document.querySelector('[data-testid=play]').disabled, null, {
  timeout: 120000,
});
console.log('ready after', Date.now() - t0, 'ms;', await page.getByTestId('backend').textContent());
for (let i = 1; i <= Number(steps); i++) {
  const s = Date.now();
  await page.getByTestId('step').click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=step-count]').textContent === String(n),
    i,
    { timeout: 300000 },
  );
  console.log('step', i, Date.now() - s, 'ms');
}
await browser.close();
