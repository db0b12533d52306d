import { readFileSync } from 'node:fs';
import { canvasSignature, expect, screenshot, stepCount, test, waitForReady } from './fixtures';

test('a lesson walks end to end in English: text, formulas, presets, focused panel', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-select').selectOption('temperature');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('Temperature');
  await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
  await expect(panel.locator('.katex').first()).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('data-focus', 'similarity');
  await page.getByTestId('lesson-next').click();
  await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  // step 2 asks about τ 1.5 (step 1 compares 0.05 and 0.2 on the same matrix)
  await expect(page).toHaveURL(/tau=1\.5/);
  await expect(page).toHaveURL(/lesson=temperature&lstep=2/);
  await expect(page.getByTestId('batch-loss')).toContainText('τ = 1.5');
  await page.getByTestId('lesson-next').click();
  await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 3 of 3');
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await screenshot(page, 'lesson-en');
  // a Blind-SR lesson switches the lab
  await page.getByTestId('lesson-select').selectOption('weights');
  await expect(page.getByTestId('lab-blindsr')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('main')).toHaveAttribute('data-focus', 'queue');
});

test('the same lesson in 简体中文, and the language is remembered', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8&lang=en');
  await waitForReady(page);
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('对比学习游乐场');
  await expect(page).toHaveURL(/lang=zh/);
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-select').selectOption('ntxent');
  await expect(page.getByTestId('lesson-title')).toHaveText('NT-Xent（InfoNCE）损失');
  await expect(page.getByTestId('lesson-text')).toContainText('softmax 分类');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('第 2 步，共 2 步');
  await screenshot(page, 'lesson-zh');
  await page.goto('/?backend=wasm&n=8');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('对比学习游乐场');
});

test('step by stage advances the highlighted stage in order and trains at "update"', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('stage-mode').click();
  const bar = page.getByTestId('stage-bar');
  const order = ['augment', 'encode', 'project', 'similarity', 'loss', 'update'];
  const panels = ['views', 'stages', 'stages', 'similarity', 'similarity', 'stages'];
  await expect(bar).toHaveAttribute('data-stage', 'augment');
  await expect(page.locator('main')).toHaveAttribute('data-focus', 'views');
  // the views shown at "augment" are the ones the update trains on
  const shownViews = await page
    .locator('[data-view="0"]')
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  for (let i = 1; i < order.length; i++) {
    await page.getByTestId('stage-next').click();
    await expect(bar).toHaveAttribute('data-stage', order[i]);
    await expect(page.locator('main')).toHaveAttribute('data-focus', panels[i]);
  }
  await expect(page.getByTestId('step-count')).toHaveText('1');
  expect(
    await page.locator('[data-view="0"]').evaluate((c) => (c as HTMLCanvasElement).toDataURL()),
  ).toBe(shownViews);
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-stage', 'augment');
  await screenshot(page, 'stage-mode');
});

test('a shared link opens the same configuration and visible controls in a fresh page', async ({
  browser,
}) => {
  const link = '/?backend=wasm&n=16&tau=0.2&jitter=0&mode=softmax&hide=learningRate,seed,labs';
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await waitForReady(page);
  await expect(page.getByTestId('temperature')).toHaveAttribute('aria-valuetext', '0.20');
  await expect(page.getByTestId('batch-size')).toHaveValue('16');
  await expect(page.getByTestId('similarity-mode')).toHaveValue('softmax');
  await expect(page.getByTestId('aug-jitter')).not.toBeChecked();
  await expect(page.getByTestId('learning-rate')).toHaveCount(0);
  await expect(page.getByTestId('seed')).toHaveCount(0);
  await expect(page.getByTestId('lab-blindsr')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // the instructor panel edits what the link hides
  await page.getByTestId('instructor').click();
  await page.getByTestId('show-seed').check();
  await expect(page).toHaveURL(/hide=learningRate%2Clabs|hide=learningRate,labs/);
  await expect(page.getByTestId('seed')).toBeVisible();
  await context.close();
});

test('a mangled link opens with a notice and no console error', async ({ page }) => {
  await page.goto(
    '/?tau=-5&n=99999999&lr=abc&lab=%3Cscript%3E&size=7&noneg=2&bq=13&backend=quantum&lesson=nope&hide=everything&lang=xx&seed=-1',
  );
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('tau');
  await waitForReady(page);
  await expect(page.getByTestId('temperature')).toHaveAttribute('aria-valuetext', '0.010');
  await expect(page.getByTestId('lab-simclr')).toHaveAttribute('aria-selected', 'true');
});

test('keyboard: space plays and pauses, → steps, r resets, ? lists the shortcuts', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause')).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(2);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await expect(page.getByTestId('shortcuts')).toContainText('play / pause');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toBeHidden();
});

test('exports download non-empty files of the right type, and weights load back', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  const save = async (testId: string) => {
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    const path = await download.path();
    await page.getByTestId('export-menu').click();
    return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
  };
  const png = await save('export-png-similarity');
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const chart = await save('export-png-loss');
  expect([...chart.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const csv = await save('export-csv');
  expect(csv.bytes.toString()).toMatch(/^series,step,value\nloss,1,/);
  const config = await save('export-config');
  expect(JSON.parse(config.bytes.toString()).simclr.batchSize).toBe(8);
  const weights = await save('export-weights');
  const file = JSON.parse(weights.bytes.toString());
  expect(file.format).toBe('contrastive-playground-weights');
  expect(file.tensors.length).toBeGreaterThan(10);
  await page.getByTestId('export-menu').click();
  await page
    .getByTestId('load-weights')
    .setInputFiles({ name: 'weights.json', mimeType: 'application/json', buffer: weights.bytes });
  await expect(page.getByTestId('toast')).toHaveText('Weights loaded');
  await page.getByTestId('load-weights').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"x"}'),
  });
  await expect(page.getByTestId('toast')).toContainText('do not fit');
});

test('loading weights repaints the matrix and the embedding at once, without a step', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText(String(i));
  }
  await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-weights').click(),
  ]);
  const weights = readFileSync((await download.path())!);
  await page.getByTestId('export-menu').click();
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('embedding-plot')).toHaveAttribute('data-step', '0');
  const fresh = await canvasSignature(page, 'similarity-matrix');
  const freshEmbedding = await canvasSignature(page, 'embedding-plot');
  await page.getByTestId('export-menu').click();
  await page
    .getByTestId('load-weights')
    .setInputFiles({ name: 'weights.json', mimeType: 'application/json', buffer: weights });
  await expect(page.getByTestId('toast')).toHaveText('Weights loaded');
  await expect
    .poll(async () => (await canvasSignature(page, 'similarity-matrix')).hash)
    .not.toBe(fresh.hash);
  await expect
    .poll(async () => (await canvasSignature(page, 'embedding-plot')).hash)
    .not.toBe(freshEmbedding.hash);
  await expect(page.getByTestId('step-count')).toHaveText('0');
});
