import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * The production build exposes its test hooks (`window.__playground`, the worker's debug
 * messages) only when this flag is set before the page loads (src/state/test-hooks.ts).
 * A context made with `browser.newContext()` needs it too: `withTestHooks(context)`.
 */
export function enableTestHooks(): void {
  (window as unknown as { __PLAYGROUND_TEST_HOOKS__: boolean }).__PLAYGROUND_TEST_HOOKS__ = true;
}

export async function withTestHooks(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(enableTestHooks);
  return context;
}

/**
 * Every test page has the test hooks. Every spec fails on a console error or an uncaught
 * page error: "no console errors" is part of what a user needs.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  // `provide`, not `use`: the react-hooks lint rule would take it for React's `use`
  context: async ({ context }, provide) => {
    await provide(await withTestHooks(context));
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * A test that provokes a failure on purpose takes out exactly the console errors that
 * failure explains, each matched by a pattern; every other error stays for the fixture to
 * fail on.
 */
export function dropExpectedErrors(errors: string[], expected: RegExp[]): void {
  const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
  errors.splice(0, errors.length, ...unexpected);
}

export async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-count').textContent());
}

/** The store's loss history through the test hooks: each step and its loss, in order. */
export async function lossHistory(page: Page): Promise<{ step: number; value: number }[]> {
  return page.evaluate(() =>
    (
      window as unknown as {
        __playground: {
          store: { getState(): { history: { loss: { step: number; value: number }[] } } };
        };
      }
    ).__playground.store
      .getState()
      .history.loss.map(({ step, value }) => ({ step, value })),
  );
}

/** Waits until the worker is up, the data is in and the first matrix is drawn. */
export async function waitForReady(page: Page): Promise<void> {
  await expect(page.getByTestId('backend')).not.toHaveAttribute('data-backend', '', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
}

/** Fraction of non-transparent, non-white pixels of a canvas, and a hash of its pixels. */
export async function canvasSignature(
  page: Page,
  testId: string,
): Promise<{ inked: number; hash: number }> {
  return page.getByTestId(testId).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && !(data[i] > 250 && data[i + 1] > 250 && data[i + 2] > 250)) inked++;
      hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
    }
    return { inked: inked / (data.length / 4), hash };
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** A small PNG drawn in the page (a dark square on transparent): a valid upload. */
export async function squarePng(page: Page): Promise<Buffer> {
  return Buffer.from(
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(64, 64);
      canvas.getContext('2d')!.fillRect(8, 8, 40, 40);
      return Array.from(new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer()));
    }),
  );
}
