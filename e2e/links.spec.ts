import { expect, test, waitForReady, squarePng } from './fixtures';

test('a batch size the usual list lacks is shown as it trains; a fractional one is rounded with a notice', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=3');
  await waitForReady(page);
  await expect(page.getByTestId('batch-size')).toHaveValue('3');
  await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '6');
  await expect(page.getByTestId('notice')).toHaveCount(0);

  await page.goto('/?backend=wasm&n=32.5');
  await waitForReady(page);
  await expect(page.getByTestId('batch-size')).toHaveValue('33');
  await expect(page.getByTestId('notice-clamped')).toContainText('n 32.5 → 33');
  await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '66');
});

test('a batch larger than the data set says what really trains', async ({ page }) => {
  await page.goto('/?backend=wasm&n=128&data=uploads');
  await waitForReady(page);
  // two uploads: 2 × 24 crops, fewer than 128
  const png = await squarePng(page);
  await page.getByTestId('upload-input').setInputFiles([
    { name: 'a.png', mimeType: 'image/png', buffer: png },
    { name: 'b.png', mimeType: 'image/png', buffer: png },
  ]);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '2');
  await waitForReady(page);
  await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '96');
  const capped = page.getByTestId('batch-capped');
  await expect(capped).toBeVisible();
  const views = await page.getByTestId('similarity-matrix').getAttribute('data-views');
  await expect(capped).toContainText(`${views} views`);
  await expect(page.getByTestId('batch-size')).toHaveValue('128');
});

test('clamped values are reported as clamped, unusable ones as replaced', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8&tau=0&lr=10&mode=bogus');
  await waitForReady(page);
  await expect(page.getByTestId('notice-clamped')).toContainText('tau 0 → 0.01');
  await expect(page.getByTestId('notice-clamped')).toContainText('lr 10 → 0.1');
  await expect(page.getByTestId('notice-clamped')).toContainText('nearest allowed value');
  await expect(page.getByTestId('notice-invalid')).toContainText('replaced by defaults: mode');
  await expect(page.getByTestId('notice-invalid')).not.toContainText('tau');
});

test('duplicate hide flags collapse, and the fragment survives', async ({ page }) => {
  const hide = Array.from({ length: 300 }, () => 'seed,labs').join(',');
  await page.goto(`/?backend=wasm&n=8&tau=0.2&hide=${hide}#panel-loss`);
  await waitForReady(page);
  const url = new URL(page.url());
  expect(url.searchParams.get('hide')).toBe('seed,labs');
  expect(url.search.length).toBeLessThan(200);
  expect(url.hash).toBe('#panel-loss');
  await expect(page.getByTestId('seed')).toHaveCount(0);
  await expect(page.getByTestId('lab-blindsr')).toHaveCount(0);
  // a change rewrites the query, not the fragment
  await page.getByTestId('batch-size').selectOption('4');
  await expect(page).toHaveURL(/n=4.*#panel-loss$/);
});

test('a lesson link opens its own lab and its step preset', async ({ page }) => {
  await page.goto('/?backend=wasm&lesson=degradation&lab=simclr');
  await expect(page.getByTestId('lab-blindsr')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('notice-lesson-lab')).toContainText('lab=simclr');
  await waitForReady(page);

  await page.goto('/?backend=wasm&n=8&lesson=temperature&lstep=3');
  await expect(page.getByTestId('temperature')).toHaveAttribute('aria-valuetext', '1.5');
  // step 3 is on the loss chart: its complete preset keeps the matrix in cosine mode
  await expect(page.getByTestId('similarity-mode')).toHaveValue('cosine');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await waitForReady(page);

  await page.goto('/?backend=wasm&n=8&lesson=temperature&lstep=99');
  await expect(page.getByTestId('notice-clamped')).toContainText('lstep 99 → 3');
  await expect(page.getByTestId('temperature')).toHaveAttribute('aria-valuetext', '1.5');
  await waitForReady(page);
});
