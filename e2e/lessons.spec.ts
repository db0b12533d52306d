import type { Page } from '@playwright/test';
import { expect, test, waitForReady } from './fixtures';

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
  // each step opened fresh from its link, in reverse order (nothing carried over)
  for (const key of [...walked.keys()].reverse()) {
    const [id, step] = key.split('/');
    await page.goto(`/?lesson=${id}&lstep=${step}`);
    await expect(page.getByTestId('lesson-progress')).toContainText(`Step ${step} of`);
    expect(await appliedSettings(page), key).toEqual(walked.get(key));
  }
});
