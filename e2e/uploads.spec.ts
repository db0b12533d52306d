import type { Page } from '@playwright/test';
import { expect, screenshot, stepCount, test, waitForReady } from './fixtures';

/** Encodes a test image in the page (no fixtures on disk): a gradient with a disc. */
async function encodeImage(
  page: Page,
  width: number,
  height: number,
  type: 'image/png' | 'image/jpeg',
): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ width, height, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#0072b2');
      gradient.addColorStop(1, '#e69f00');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#fff';
      context.beginPath();
      context.arc(width / 2, height / 2, Math.min(width, height) / 4, 0, 2 * Math.PI);
      context.fill();
      const blob = await canvas.convertToBlob({ type, quality: 0.9 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    { width, height, type },
  );
  return Buffer.from(bytes);
}

test('uploads: good files are kept and train, bad ones are named and explained, all survive a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);

  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  const png = await encodeImage(page, 120, 90, 'image/png');
  const jpeg = await encodeImage(page, 200, 160, 'image/jpeg');
  const huge = await encodeImage(page, 6000, 6000, 'image/jpeg');
  const tiny = await encodeImage(page, 4, 4, 'image/png');
  await page.getByTestId('upload-input').setInputFiles([
    { name: 'good.png', mimeType: 'image/png', buffer: png },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: huge },
    {
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('this is a text file, renamed'),
    },
    {
      name: 'truncated.png',
      mimeType: 'image/png',
      buffer: png.subarray(0, Math.floor(png.length / 2)),
    },
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    { name: 'tiny.png', mimeType: 'image/png', buffer: tiny },
  ]);
  const list = page.getByTestId('upload-list');
  await expect(list).toHaveAttribute('data-count', '3', { timeout: 60_000 });
  const errors = page.getByTestId('upload-error');
  await expect(errors.locator('[data-file="notes.png"]')).toContainText('not an image');
  await expect(errors.locator('[data-file="truncated.png"]')).toContainText('truncated or corrupt');
  await expect(errors.locator('[data-file="empty.png"]')).toContainText('empty');
  await expect(errors.locator('[data-file="tiny.png"]')).toContainText('4×4');
  await screenshot(page, 'uploads');

  // train on them
  await page.getByTestId('dataset').selectOption('uploads');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect.poll(() => stepCount(page)).toBe(2);

  // reload: still there, and the link keeps the data set
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('dataset')).toHaveValue('uploads');

  // remove one: gone after reload too
  await page.getByRole('button', { name: 'Remove photo.jpg' }).click();
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '2');
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('upload-list').locator('[data-name="photo.jpg"]')).toHaveCount(0);
});
