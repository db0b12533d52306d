import { expect, test } from './fixtures';

/**
 * The page load's critical path (src/worker/startup-marks.ts): every point of it is marked
 * in page and worker, the worker's marks reach the page's timeline on its clock, and a Play
 * pressed in the frame it is enabled is the worker's next job — the step-0 evaluation and
 * the warm-up never hold it back. Order and steps only: wall time is the bench's.
 */
test('Play pressed the frame it is enabled trains step 1 first; the start-up marks are in order', async ({
  page,
}) => {
  await page.goto('./?backend=wasm');
  await page.waitForFunction(
    () => {
      const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
      if (play?.disabled !== false) return false;
      play.click();
      return true;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  await expect(page.getByTestId('step-count')).not.toHaveText('0');
  await page.getByTestId('pause').click();
  await page.waitForFunction(
    () => performance.getEntriesByName('startup:page:got-startupMarks').length > 0,
  );
  const at = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('startup:'))
        .map((mark) => [mark.name.slice('startup:'.length), mark.startTime]),
    ),
  );
  const path = [
    'page:worker-created',
    'worker:entry',
    'worker:tfjs-imported',
    'worker:data-received',
    'worker:first-batch-drawn',
    'worker:model-built',
    'worker:first-snapshot-sent',
    'page:got-snapshot',
    'page:play-enabled',
    'page:play-clicked',
    'worker:play-received',
    'worker:first-step-done',
    'page:first-step-received',
  ];
  for (const point of path) expect(at[point], point).toBeGreaterThan(0);
  // each point after the one before; the worker's are moved onto the page's clock, which
  // leaves about a millisecond of error between the threads' timeOrigins
  for (let i = 1; i < path.length; i++) {
    const crossThread = path[i].split(':')[0] !== path[i - 1].split(':')[0];
    expect(at[path[i]], `${path[i]} after ${path[i - 1]}`).toBeGreaterThanOrEqual(
      at[path[i - 1]] - (crossThread ? 5 : 0),
    );
  }
  // the worker was created as the HTML was parsed (index.html's inline script), before the
  // page's script ran
  expect(at['page:worker-created']).toBeLessThan(at['page:script-start']);
  expect(at['worker:backend-ready']).toBeLessThan(at['worker:model-built']);
  // the step-0 evaluation (its embedding) came after the first step, if at all
  if (at['page:got-embedding'])
    expect(at['page:got-embedding']).toBeGreaterThan(at['page:got-loss']);
});

/**
 * A first visit to a page its server isolates (the preview project's headers) registers the
 * service worker only after the first step (app/start.ts): its install fetches and caches the
 * whole build, and beside the page load it cost the first step ~200 ms. The offline copy is
 * still made.
 */
test('a first isolated visit installs the service worker after the first step, not during the load', async ({
  page,
}) => {
  await page.goto('./?backend=wasm');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  const state = () =>
    page.evaluate(async () => ({
      isolated: window.crossOriginIsolated,
      registered: Boolean(await navigator.serviceWorker.getRegistration()),
      registering: performance.getEntriesByName('startup:page:service-worker-registering').length,
    }));
  // ready to train, not yet trained: nothing registered (the fallback is 10 s away)
  expect(await state()).toEqual({ isolated: true, registered: false, registering: 0 });
  await page.getByTestId('play').click();
  await expect(page.getByTestId('step-count')).not.toHaveText('0');
  await page.getByTestId('pause').click();
  await expect.poll(async () => (await state()).registered, { timeout: 30_000 }).toBe(true);
  const at = await page.evaluate(() => ({
    step: performance.getEntriesByName('startup:page:first-step-received')[0]?.startTime,
    registering: performance.getEntriesByName('startup:page:service-worker-registering')[0]
      ?.startTime,
  }));
  expect(at.registering).toBeGreaterThan(at.step ?? Infinity);
  // and it caches the build as before: the page is served from it on the next visit
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith('contrastive-playground:'));
    return name ? (await (await caches.open(name)).keys()).length : 0;
  });
  expect(cached).toBeGreaterThan(20);
});
