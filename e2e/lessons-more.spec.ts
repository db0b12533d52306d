import type { Page } from '@playwright/test';
import { expect, test, waitForReady } from './fixtures';

/**
 * The six lessons of lessons-more.ts (batch, projection, augment, falseneg, momentum, metrics) walked
 * on the page: each step asks, waits for a prediction (or skip), fills its observation
 * with numbers of this run — the new readouts included — and explains. Budgets are capped
 * here; the wasm claim tests run the real ones.
 */
const lessonSteps: Record<string, number> = {
  batch: 3,
  projection: 2,
  augment: 2,
  falseneg: 3,
  momentum: 2,
  metrics: 3,
};

function capLessonBudgets(budget: number): void {
  (window as unknown as { __PLAYGROUND_LESSON_BUDGET__: number }).__PLAYGROUND_LESSON_BUDGET__ =
    budget;
}

async function walk(page: Page, id: string, choose: 'predict' | 'skip'): Promise<string[]> {
  const observed: string[] = [];
  for (let step = 1; step <= lessonSteps[id]; step++) {
    await expect(page).toHaveURL(new RegExp(`lesson=${id}&lstep=${step}`));
    await expect(page.getByTestId('lesson-question')).toBeVisible();
    const predictions = page.getByTestId('lesson-prediction');
    const count = await predictions.count();
    expect(count, `${id}.${step}`).toBeGreaterThanOrEqual(2);
    expect(count, `${id}.${step}`).toBeLessThanOrEqual(4);
    await expect(page.getByTestId('lesson-observed')).toHaveCount(0);
    if (choose === 'skip') await page.getByTestId('lesson-skip').click();
    else await predictions.last().click();
    const observation = page.getByTestId('lesson-observed');
    await expect(observation, `${id}.${step}`).toBeVisible({ timeout: 90_000 });
    // every metric of the step ends in a number of this run, never the '—' of a missing one
    for (const item of await observation.locator('li').all())
      await expect(item, `${id}.${step}`).toHaveText(/-?\d+(\.\d+)?$/);
    observed.push(...(await observation.locator('li').allTextContents()));
    await expect(page.getByTestId('lesson-explain')).not.toBeEmpty();
    if (step < lessonSteps[id]) await page.getByTestId('lesson-next').click();
  }
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  return observed;
}

for (const [language, choose] of [
  ['en', 'predict'],
  ['zh', 'skip'],
] as const)
  test(`${language}: the lessons of batch size, h vs z, augmentation, false negatives, momentum and metrics`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await page.addInitScript(capLessonBudgets, 4);
    await page.goto(`/?backend=wasm&lang=${language}&lesson=batch&lstep=1`);
    await waitForReady(page);
    const observed: string[] = [];
    for (const id of Object.keys(lessonSteps)) {
      await page.getByTestId('lesson-select').selectOption(id);
      observed.push(...(await walk(page, id, choose)));
    }
    const text = observed.join('\n');
    // the seed's example: N 100 → 200 views → 198 negatives
    expect(text).toMatch(/: 200\b/);
    expect(text).toMatch(/: 198\b/);
    if (language === 'en') {
      expect(text).toContain('kNN accuracy of z');
      expect(text).toContain('kNN accuracy of the raw pixels');
    } else {
      expect(text).toContain('z 的 kNN 准确率');
      expect(text).toContain('原始像素的 kNN 准确率');
    }
  });

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
