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

/**
 * Share of the pixels of the augmented views on screen that the uploaded pictures can
 * explain. With colour jitter and grayscale off, a view is a crop, flip and resampling of
 * an upload, so each of its pixels is a mix of the gradient's two colours and the disc's
 * white: a point of the triangle (#0072b2, #e69f00, white) in RGB. Shapes and the built-in
 * photos are mostly far from it (dark backgrounds, every hue).
 */
async function shareExplainedByUploads(page: Page): Promise<{ share: number; views: number }> {
  return page.getByTestId('augmented-views').evaluate((panel) => {
    const blue = [0x00, 0x72, 0xb2];
    const orange = [0xe6, 0x9f, 0x00];
    // the triangle sampled finely: (1 − w)·((1 − t)·blue + t·orange) + w·white
    const triangle: number[][] = [];
    for (let t = 0; t <= 1.0001; t += 0.02)
      for (let w = 0; w <= 1.0001; w += 0.02)
        triangle.push(
          [0, 1, 2].map((c) => (1 - w) * ((1 - t) * blue[c] + t * orange[c]) + w * 255),
        );
    const tolerance = 0.08 * 255;
    let near = 0;
    let total = 0;
    const canvases = [...panel.querySelectorAll<HTMLCanvasElement>('canvas[data-view]')];
    for (const canvas of canvases) {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        total++;
        if (
          triangle.some(
            (p) => Math.hypot(data[i] - p[0], data[i + 1] - p[1], data[i + 2] - p[2]) < tolerance,
          )
        )
          near++;
      }
    }
    return { share: total ? near / total : 0, views: canvases.length };
  });
}

test('uploads: good files are kept and train, bad ones are named and explained, all survive a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // colour jitter and grayscale off: a view keeps the colours of the image it came from
  await page.goto('/?backend=wasm&n=8&jitter=0&gray=0');
  await waitForReady(page);
  // the check below tells data sets apart: the built-in shapes are not taken for uploads
  const shapes = await shareExplainedByUploads(page);
  expect(shapes.views).toBe(16);
  expect(shapes.share).toBeLessThan(0.5);
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
  // the views of the trained batch (not a preview) are cut from the uploaded pictures
  await expect(page.getByTestId('augmented-views')).not.toContainText('not trained on yet');
  await expect.poll(async () => (await shareExplainedByUploads(page)).share).toBeGreaterThan(0.97);

  // reload: still there, and the link keeps the data set
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('dataset')).toHaveValue('uploads');
  await expect.poll(async () => (await shareExplainedByUploads(page)).share).toBeGreaterThan(0.97);

  // remove one: gone after reload too
  await page.getByRole('button', { name: 'Remove photo.jpg' }).click();
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '2');
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('upload-list').locator('[data-name="photo.jpg"]')).toHaveCount(0);
});
