import { canvasSignature, expect, screenshot, stepCount, test, waitForReady } from './fixtures';

for (const backend of ['wasm', 'webgl'] as const) {
  test(`trains on ${backend}: steps, loss, heatmap, step / pause / reset`, async ({ page }) => {
    // WebGL here is SwiftShader: software GL in the GPU process, which on a slow or busy
    // CI machine takes tens of seconds per step and starves the page's frames too
    if (backend === 'webgl') test.slow();
    const started = Date.now();
    const wanted = backend === 'webgl' ? 3 : 6;
    await page.goto(`/?backend=${backend}&n=8`);
    await waitForReady(page);
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend);
    await expect(page.getByTestId('backend')).toContainText('chosen by the link');

    const heatmap = await canvasSignature(page, 'similarity-matrix');
    expect(heatmap.inked).toBeGreaterThan(0.9);
    await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '16');

    // single step: exactly one
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    const firstLoss = await page.getByTestId('loss-value').textContent();
    expect(Number(firstLoss)).toBeGreaterThan(0);

    await page.getByTestId('play').click();
    await expect.poll(() => stepCount(page), { timeout: 200_000 }).toBeGreaterThanOrEqual(wanted);
    console.log(`${backend}: ${await stepCount(page)} steps after ${Date.now() - started} ms`);
    // the page's Space shortcut rather than a click: a click waits for the button to be
    // stable across animation frames, which a saturated software GPU process can delay
    await expect(page.getByTestId('pause')).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await expect(page.getByTestId('play')).toBeVisible();
    const stopped = await stepCount(page);
    await page.waitForTimeout(1500);
    expect(await stepCount(page)).toBe(stopped);
    expect(await page.getByTestId('loss-value').textContent()).not.toBe(firstLoss);
    await expect(
      page.getByTestId('loss-chart').locator('path[data-series="loss"]'),
    ).toHaveAttribute('d', /L/);
    await screenshot(page, `skeleton-${backend}`);

    await page.getByTestId('reset').click();
    await expect(page.getByTestId('step-count')).toHaveText('0');
    await expect(page.getByTestId('play')).toBeEnabled();
  });
}

test('without ?backend=, a software WebGPU adapter counts as no GPU: wasm, and the page says why', async ({
  page,
}) => {
  await page.goto('/?n=8');
  await waitForReady(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('backend')).toContainText('software fallback');
});
