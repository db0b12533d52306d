// Developer probe against a served build (`npm run build && npm run preview`):
//   node scripts/probe.mjs steps   URL [count]   single steps, ms each
//   node scripts/probe.mjs play    URL [seconds] worker step times while playing
//   node scripts/probe.mjs profile URL           tf.profile kernel times of one step
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser.mjs';

const [mode, url, amount] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const page = await browser.newPage();
// the production build exposes window.__playground only with this flag (src/state/test-hooks.ts)
await page.addInitScript(() => {
  window.__PLAYGROUND_TEST_HOOKS__ = true;
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
const started = Date.now();
await page.goto(url);
await page.waitForFunction(
  () => document.querySelector('[data-testid=play]')?.disabled === false,
  null,
  {
    timeout: 120_000,
  },
);
console.log(
  'ready after',
  Date.now() - started,
  'ms;',
  await page.getByTestId('backend').textContent(),
);
const state = () => page.evaluate(() => window.__playground.store.getState());

if (mode === 'steps') {
  for (let i = 1; i <= Number(amount ?? 3); i++) {
    const t = Date.now();
    await page.getByTestId('step').click();
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=step-count]').textContent === String(n),
      i,
      { timeout: 300_000 },
    );
    console.log('step', i, Date.now() - t, 'ms');
  }
} else if (mode === 'play') {
  await page.getByTestId('play').click();
  await page.waitForTimeout(Number(amount ?? 8) * 1000);
  const { run } = await state();
  console.log(JSON.stringify({ step: run.step, lastStep: run.lastStep, msPerStep: run.msPerStep }));
} else if (mode === 'profile') {
  // resolves with the worker's reply to this request (its id), or rejects
  const profile = await page.evaluate(() => window.__playground.debug.profile());
  for (const k of profile.slice(0, 20))
    console.log(k.name.padEnd(28), k.ms.toFixed(2).padStart(8), String(k.count).padStart(5));
}
await browser.close();
