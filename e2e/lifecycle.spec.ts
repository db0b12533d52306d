import { expect, stepCount, test, waitForReady, squarePng } from './fixtures';

type Hooks = {
  __playground: {
    debug: { loseDevice(): void };
    store: {
      getState(): { run: { step: number }; snapshot: { step: number } | null };
    };
  };
};

test('a lost WebGPU device: its own message, restart on wasm keeps settings and images', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  // SwiftShader's WebGPU adapter (see CONVENTIONS): slow to train, quick to start and destroy
  await page.goto('/?backend=webgpu&n=4&tau=0.2');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu', {
    timeout: 90_000,
  });
  await page.getByTestId('upload-input').setInputFiles([
    {
      name: 'kept.png',
      mimeType: 'image/png',
      buffer: await squarePng(page),
    },
  ]);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '1');
  // destroys the worker's real GPUDevice: device.lost resolves inside the worker
  await page.evaluate(() => (window as unknown as Hooks).__playground.debug.loseDevice());
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-code', 'deviceLost');
  await expect(banner).toContainText('GPU device was lost');
  // the real device went: not the simulated path other backends take
  await expect(banner).not.toContainText('simulated');
  await expect(banner).toContainText('settings and images are kept');
  await expect(banner.getByRole('button', { name: 'Restart training' })).toBeVisible();
  await banner.getByRole('button', { name: 'Restart on wasm' }).click();
  await expect(banner).toBeHidden();
  await waitForReady(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('temperature')).toHaveAttribute('aria-valuetext', '0.20');
  await expect(page.getByTestId('batch-size')).toHaveValue('4');
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '1');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  // WebGPU logs the destroyed device's failed submissions to the console
  consoleErrors.length = 0;
});

test('a hidden tab keeps training; snapshots pause and resume at once when shown', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(3);
  const state = () =>
    page.evaluate(() => {
      const s = (window as unknown as Hooks).__playground.store.getState();
      return { step: s.run.step, snapshot: s.snapshot?.step ?? -1 };
    });
  // what a browser does to a background tab: document.hidden, visibilitychange, and no
  // animation frames until it is shown again (the page acknowledges snapshots in a frame)
  await page.evaluate(() => {
    const held: FrameRequestCallback[] = [];
    const original = window.requestAnimationFrame.bind(window);
    const w = window as unknown as { __show(): void };
    let hidden = true;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    window.requestAnimationFrame = (callback) => {
      if (!hidden) return original(callback);
      held.push(callback);
      return 0;
    };
    document.dispatchEvent(new Event('visibilitychange'));
    w.__show = () => {
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      for (const callback of held.splice(0)) original(callback);
    };
  });
  await page.waitForTimeout(500);
  const hiddenAt = await state();
  await page.waitForTimeout(2500);
  const later = await state();
  // training went on in the worker …
  expect(later.step).toBeGreaterThan(hiddenAt.step + 3);
  // … while the snapshot shown stayed where it was
  expect(later.snapshot).toBe(hiddenAt.snapshot);
  await page.evaluate(() => (window as unknown as { __show(): void }).__show());
  await expect
    .poll(async () => (await state()).snapshot, { timeout: 2000 })
    .toBeGreaterThan(later.snapshot);
  await page.getByTestId('pause').click();
});
