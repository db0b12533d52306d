import { expect, test, waitForReady } from './fixtures';

/**
 * Three lesson steps as a student sees them — a question waiting for a prediction, and two
 * steps answered with this run's numbers — at a laptop size and on a phone (3×), into
 * test-results/lesson-screens/ to look at. Budgets are capped so the run is short.
 */
const sizes = [
  { name: 'laptop', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
] as const;

for (const size of sizes)
  test(`lesson steps on a ${size.name}`, async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({
      viewport: size.viewport,
      deviceScaleFactor: size.deviceScaleFactor,
    });
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__PLAYGROUND_TEST_HOOKS__ = true;
      w.__PLAYGROUND_LESSON_BUDGET__ = 60;
    });
    const page = await context.newPage();
    const panel = page.getByTestId('lesson-panel');
    const shot = (name: string) =>
      panel.screenshot({ path: `test-results/lesson-screens/${size.name}-${name}.png` });

    await page.goto('/?backend=wasm&lesson=pairs&lstep=1');
    await waitForReady(page);
    await expect(page.getByTestId('lesson-prediction').first()).toBeVisible();
    await shot('1-question');

    await page.goto('/?backend=wasm&lesson=temperature&lstep=1');
    await waitForReady(page);
    await page.getByTestId('lesson-prediction').first().click();
    await expect(page.getByTestId('lesson-observed')).toBeVisible({ timeout: 120_000 });
    await shot('2-temperature-answered');
    // the panel the step explains comes into view below whatever stays pinned at the top
    await page.getByTestId('lesson-next').click();
    const focused = page.locator('[data-focused="true"]');
    await expect(async () => {
      const top = (await focused.boundingBox())!.y;
      const pinned = await page.evaluate(() => {
        const row = document.querySelector('[data-testid="transport-row"]')!;
        const lesson = document.querySelector('[data-testid="lesson-panel"]')!;
        const bottom = (e: Element) =>
          getComputedStyle(e).position === 'sticky' ? e.getBoundingClientRect().bottom : 0;
        return Math.max(bottom(row), bottom(lesson));
      });
      expect(top).toBeGreaterThanOrEqual(pinned);
    }).toPass({ timeout: 10_000 });
    await page.screenshot({ path: `test-results/lesson-screens/${size.name}-2-page.png` });

    await page.goto('/?backend=wasm&lesson=negatives&lstep=2');
    await waitForReady(page);
    await page.getByTestId('lesson-prediction').nth(1).click();
    await expect(page.getByTestId('lesson-observed')).toBeVisible({ timeout: 120_000 });
    await shot('3-collapse-missed');
    await context.close();
  });
