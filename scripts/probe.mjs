import { chromium } from '@playwright/test';
const url = process.argv[2];
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
page.on('console', (m) => console.log('console', m.type(), m.text(), JSON.stringify(m.location())));
page.on('pageerror', (e) => console.log('pageerror', e.message, e.stack));
page.on('worker', (w) => {
  console.log('worker', w.url());
});
await page.goto(url);
await page.waitForTimeout(Number(process.argv[3] ?? 8000));
console.log(await page.getByTestId('backend').textContent());
await browser.close();
