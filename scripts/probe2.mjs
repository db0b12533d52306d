import { chromium } from '@playwright/test';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu'],
});
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('worker', (w) => {
  console.log('worker', w.url());
  w.evaluate(
    () =>
      self.crossOriginIsolated +
      ' ' +
      typeof SharedArrayBuffer +
      ' ' +
      navigator.hardwareConcurrency,
  )
    .then((v) => console.log('worker isolated', v))
    .catch((e) => console.log('eval fail', e.message));
});
await page.goto('http://127.0.0.1:4173/?backend=wasm');
console.log('page isolated', await page.evaluate(() => crossOriginIsolated));
await page.waitForTimeout(8000);
await browser.close();
