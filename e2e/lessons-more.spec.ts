import { expect, test, waitForReady } from './fixtures';

/**
 * The readouts the lessons of lessons-more.ts add to the page (their steps are walked with
 * every other lesson's in lessons.spec.ts).
 */
test('the embedding panel reads kNN of z beside kNN of h, both from the worker', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/?backend=wasm');
  await waitForReady(page);
  const h = page.getByTestId('knn-accuracy');
  const z = page.getByTestId('knn-accuracy-z');
  await expect(z).toBeVisible();
  await page.getByTestId('play').click();
  await expect(h).toHaveText(/\d+\.\d %/, { timeout: 90_000 });
  await expect(z).toHaveText(/\d+\.\d %/);
  await page.getByTestId('pause').click();
  const history = await page.evaluate(() => {
    const state = (
      window as unknown as {
        __playground: {
          store: {
            getState: () => {
              history: { knn: { value: number }[]; knnProjection: { value: number }[] };
            };
          };
        };
      }
    ).__playground.store.getState();
    return { h: state.history.knn.length, z: state.history.knnProjection.length };
  });
  expect(history.z).toBeGreaterThan(0);
  expect(history.z).toBe(history.h);
});
