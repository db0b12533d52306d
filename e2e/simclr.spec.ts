import {
  canvasSignature,
  expect,
  lossHistory,
  screenshot,
  stepCount,
  test,
  waitForReady,
} from './fixtures';

test.describe('SimCLR lab', () => {
  test('τ recomputes the matrix and loss at once, without a step', async ({ page }) => {
    await page.goto('/?backend=wasm&n=8');
    await waitForReady(page);
    await screenshot(page, 'simclr-at-rest');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await page.getByTestId('similarity-mode').selectOption('softmax');
    const before = await canvasSignature(page, 'similarity-matrix');
    const lossBefore = await page.getByTestId('batch-loss').textContent();
    await page.getByTestId('temperature').fill(String(Math.log(0.05)));
    await expect(page.getByTestId('batch-loss')).not.toHaveText(lossBefore ?? '');
    await expect(page.getByTestId('batch-loss')).toContainText('τ = 0.05');
    const after = await canvasSignature(page, 'similarity-matrix');
    expect(after.hash).not.toBe(before.hash);
    expect(await stepCount(page)).toBe(1);
    // the link carries the new τ
    await expect(page).toHaveURL(/tau=0\.05/);
  });

  test('hovering a cell highlights both views; clicking a row shows its softmax', async ({
    page,
  }) => {
    await page.goto('/?backend=wasm&n=8');
    await waitForReady(page);
    const heatmap = page.getByTestId('similarity-matrix');
    const box = (await heatmap.boundingBox())!;
    const cell = box.width / 16;
    // row 2 (view 3a), column 13 (view 6b)
    await page.mouse.move(box.x + cell * 13.5, box.y + cell * 2.5);
    await expect(page.getByTestId('similarity-hover')).toContainText('3a');
    await expect(page.locator('[data-view="2"]')).toHaveAttribute('data-highlighted', 'true');
    await expect(page.locator('[data-view="13"]')).toHaveAttribute('data-highlighted', 'true');
    await expect(page.locator('[data-view="5"]')).toHaveAttribute('data-highlighted', 'false');
    await expect(page.getByTestId('crop-box')).toHaveCount(1);
    // every image of the batch is drawn beside its views (a render of their own, after Play)
    await expect(page.locator('.view-original canvas')).toHaveCount(8);
    await expect(page.getByTestId('view-params')).toContainText('crop');
    await page.mouse.click(box.x + cell * 13.5, box.y + cell * 2.5);
    await expect(page.getByTestId('softmax-bars')).toBeVisible();
    await expect(page.getByTestId('softmax-bars').locator('rect')).toHaveCount(15);
    await expect(page.getByTestId('row-loss')).toContainText('ℓ');
    await screenshot(page, 'simclr-row-softmax');
  });

  test('changing the batch size rebuilds the matrix and training continues', async ({ page }) => {
    await page.goto('/?backend=wasm&n=8');
    await waitForReady(page);
    await page.getByTestId('play').click();
    await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(3);
    await page.getByTestId('batch-size').selectOption('24');
    await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '48');
    await expect(page.getByTestId('pause')).toBeVisible();
    const restarted = await stepCount(page);
    await expect.poll(() => stepCount(page)).toBeGreaterThan(restarted + 2);
    await expect(page).toHaveURL(/n=24/);
    // the new run's curve starts at its own step 1: the old model's last steps, still in
    // flight when the batch size changed, are not drawn into it
    const lossSteps = (await lossHistory(page)).map((p) => p.step);
    expect(lossSteps.slice(0, 3)).toEqual([1, 2, 3]);
    expect(lossSteps.every((step, i) => i === 0 || step > lossSteps[i - 1])).toBe(true);
    await screenshot(page, 'simclr-mid-training');
    await page.getByTestId('pause').click();
  });

  test('with no negatives the embedding collapses: uniformity rises toward 0', async ({ page }) => {
    await page.goto('/?backend=wasm&n=16&lr=0.01');
    await waitForReady(page);
    await page.getByTestId('no-negatives').check();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    const start = Number(await page.getByTestId('uniformity-value').textContent());
    await page.getByTestId('play').click();
    await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(40);
    await page.getByTestId('pause').click();
    await expect(page.getByTestId('play')).toBeVisible();
    const end = Number(await page.getByTestId('uniformity-value').textContent());
    expect(end).toBeGreaterThan(start + 0.5);
    expect(end).toBeGreaterThan(-0.6);
    await expect(page.getByTestId('embedding-plot')).not.toHaveAttribute('data-points', '0');
    await screenshot(page, 'simclr-collapse');
  });

  test('kNN accuracy and the embedding plot appear', async ({ page }) => {
    await page.goto('/?backend=wasm&n=8');
    await waitForReady(page);
    await expect(page.getByTestId('knn-accuracy')).toHaveText(/%/);
    await expect(page.getByTestId('embedding-plot')).toHaveAttribute('data-points', '384');
    const plot = await canvasSignature(page, 'embedding-plot');
    expect(plot.inked).toBeGreaterThan(0.01);
  });
});
