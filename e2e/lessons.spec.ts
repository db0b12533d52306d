import type { Page } from '@playwright/test';
import { expect, test, waitForReady } from './fixtures';

/** e2e budgets: a lesson action trains at most this many steps (the wasm claim tests run the real ones) */
function capLessonBudgets(budget: number): void {
  (window as unknown as { __PLAYGROUND_LESSON_BUDGET__: number }).__PLAYGROUND_LESSON_BUDGET__ =
    budget;
}

async function trainedSteps(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __playground: { store: { getState: () => { run: { step: number } } } };
        }
      ).__playground.store.getState().run.step,
  );
}

/**
 * Walks every step of every lesson: the question and its predictions show, nothing trains
 * until a prediction (or skip) is chosen, then the observation fills with numbers of this
 * run and the explanation follows. `choose`: the expected answer's button, or skip.
 */
async function walkEveryLesson(
  page: Page,
  choose: 'predict' | 'skip',
  progressText: (step: number) => string,
): Promise<{ steps: number; observed: string[] }> {
  const ids = await page
    .getByTestId('lesson-select')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  let steps = 0;
  const observed: string[] = [];
  for (const id of ids) {
    await page.getByTestId('lesson-select').selectOption(id);
    for (let step = 1; ; step++) {
      const progress = page.getByTestId('lesson-progress');
      await expect(progress).toContainText(progressText(step));
      await expect(page.getByTestId('lesson-question')).toBeVisible();
      const predictions = page.getByTestId('lesson-prediction');
      const count = await predictions.count();
      expect(count, `${id}.${step} predictions`).toBeGreaterThanOrEqual(2);
      expect(count, `${id}.${step} predictions`).toBeLessThanOrEqual(4);
      // the action waits for the student
      await expect(page.getByTestId('lesson-observed')).toHaveCount(0);
      const before = await trainedSteps(page);
      await page.waitForTimeout(150);
      expect(await trainedSteps(page), `${id}.${step} waits`).toBe(before);
      if (choose === 'skip') await page.getByTestId('lesson-skip').click();
      else await predictions.first().click();
      const observation = page.getByTestId('lesson-observed');
      await expect(observation, `${id}.${step} observed`).toBeVisible({ timeout: 90_000 });
      // every metric of the step ends in a number of this run, never the '—' of a missing one
      for (const item of await observation.locator('li').all())
        await expect(item, `${id}.${step}`).toHaveText(/-?\d+(\.\d+)?$/);
      observed.push(...(await observation.locator('li').allTextContents()));
      await expect(page.getByTestId('lesson-explain')).not.toBeEmpty();
      steps++;
      const next = page.getByTestId('lesson-next');
      if (await next.isDisabled()) break;
      await next.click();
    }
  }
  return { steps, observed };
}

for (const [language, choose] of [
  ['en', 'predict'],
  ['zh', 'skip'],
] as const)
  test(`${language}: every lesson step asks, waits for a prediction, observes this run and explains`, async ({
    page,
  }) => {
    test.setTimeout(900_000);
    await page.addInitScript(capLessonBudgets, 4);
    await page.goto(`/?backend=wasm&lang=${language}`);
    await waitForReady(page);
    await page.getByTestId('lessons').click();
    await expect(page.getByTestId('lesson-title')).toBeVisible();
    const { steps, observed } = await walkEveryLesson(page, choose, (step) =>
      language === 'en' ? `Step ${step} of` : `第 ${step} 步`,
    );
    expect(steps).toBeGreaterThanOrEqual(27);
    const text = observed.join('\n');
    // the batch lesson's example from the seed: N 100 → 200 views → 198 negatives
    expect(text).toMatch(/: 200\b/);
    expect(text).toMatch(/: 198\b/);
    // the readouts of z and of the raw pixels, in this language
    for (const readout of language === 'en'
      ? ['kNN accuracy of z', 'kNN accuracy of the raw pixels']
      : ['z 的 kNN 准确率', '原始像素的 kNN 准确率'])
      expect(text).toContain(readout);
  });

test('?predict=0 hides the predictions: one button runs the step (a lecture)', async ({ page }) => {
  await page.addInitScript(capLessonBudgets, 4);
  await page.goto('/?backend=wasm&lesson=head&lstep=1&predict=0');
  await waitForReady(page);
  await expect(page.getByTestId('lesson-question')).toBeVisible();
  await expect(page.getByTestId('lesson-prediction')).toHaveCount(0);
  await expect(page.getByTestId('lesson-skip')).toHaveCount(0);
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-observed')).toContainText('→', { timeout: 60_000 });
  await expect(page.getByTestId('lesson-explain')).toContainText('The run says');
});

test('a prediction is judged against this run, and the step trains its own budget', async ({
  page,
}) => {
  await page.addInitScript(capLessonBudgets, 12);
  await page.goto('/?backend=wasm&lesson=pairs&lstep=1');
  await waitForReady(page);
  await page.getByRole('radio', { name: /^15/ }).click();
  await expect(page.getByTestId('lesson-observed')).toContainText('30');
  await expect(page.getByTestId('lesson-explain')).toContainText('Not this time');
  await page.getByRole('radio', { name: /^30/ }).click();
  await expect(page.getByTestId('lesson-explain')).toContainText('Your prediction held');
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-skip').click();
  await expect(page.getByTestId('lesson-observed')).toContainText('in 12 steps', {
    timeout: 60_000,
  });
  expect(await trainedSteps(page)).toBe(12);
});

test('stage 2 on an untrained encoder says so; "Train stage 1 first" ends in stage 2 with |ρ| ≥ 0.8', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto('/?backend=wasm&lab=blindsr&bstage=2');
  await waitForReady(page);
  const notice = page.getByTestId('encoder-untrained');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Train stage 1 first' }).click();
  await expect(page.getByTestId('encoder-training')).toBeVisible();
  await expect(page.getByTestId('encoder-training')).toHaveCount(0, { timeout: 540_000 });
  await expect(notice).toHaveCount(0);
  const state = await page.evaluate(() => {
    const s = (
      window as unknown as {
        __playground: {
          store: {
            getState: () => {
              config: { blindsr: { stage: number } };
              blindsrEvaluation: { spearmanSigma: number } | null;
              run: { step: number };
            };
          };
        };
      }
    ).__playground.store.getState();
    return {
      stage: s.config.blindsr.stage,
      rho: Math.abs(s.blindsrEvaluation?.spearmanSigma ?? 0),
      step: s.run.step,
    };
  });
  expect(state.stage).toBe(2);
  expect(state.step).toBe(300);
  expect(state.rho).toBeGreaterThanOrEqual(0.8);
});

/** What a lesson step applies, as the store holds it. */
async function appliedSettings(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const { config } = (
      window as unknown as {
        __playground: { store: { getState: () => { config: Record<string, unknown> } } };
      }
    ).__playground.store.getState();
    const { lab, dataset, hrSource, simclr, blindsr, similarityMode, lesson, lessonStep } = config;
    return { lab, dataset, hrSource, simclr, blindsr, similarityMode, lesson, lessonStep };
  });
}

test('every lesson step applies the same complete preset walked in order or opened fresh', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/?backend=wasm');
  await waitForReady(page);
  await page.getByTestId('lessons').click();
  // the lesson panel is a lazily loaded chunk: its options are read once it is there
  await expect(page.getByTestId('lesson-title')).toBeVisible();
  const ids = await page
    .getByTestId('lesson-select')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(ids.length).toBeGreaterThanOrEqual(10);
  const walked = new Map<string, unknown>();
  for (const id of ids) {
    await page.getByTestId('lesson-select').selectOption(id);
    for (let step = 1; ; step++) {
      await expect(page.getByTestId('lesson-progress')).toContainText(`Step ${step} of`);
      await expect(page).toHaveURL(new RegExp(`lesson=${id}&lstep=${step}`));
      walked.set(`${id}/${step}`, await appliedSettings(page));
      const next = page.getByTestId('lesson-next');
      if (await next.isDisabled()) break;
      await next.click();
    }
  }
  // each lesson's last step, where a setting carried over from the steps before would show,
  // opened fresh from its link in reverse order
  const last = new Map([...walked.keys()].map((key) => [key.split('/')[0], key]));
  for (const key of [...last.values()].reverse()) {
    const [id, step] = key.split('/');
    await page.goto(`/?lesson=${id}&lstep=${step}`);
    await expect(page.getByTestId('lesson-progress')).toContainText(`Step ${step} of`);
    expect(await appliedSettings(page), key).toEqual(walked.get(key));
  }
});
