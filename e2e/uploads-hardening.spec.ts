import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test, waitForReady } from './fixtures';

type Hooks = {
  __playground: {
    uploadCounters: { decoded: number };
    uploads: { getState(): { uploads: { name: string; rgb: Uint8Array }[] } };
  };
};

/** A small PNG drawn in the page (no fixture files). */
async function smallPng(page: Page, side = 40, transparent = false): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ side, transparent }) => {
      const canvas = new OffscreenCanvas(side, side);
      const context = canvas.getContext('2d')!;
      if (!transparent) {
        context.fillStyle = '#0072b2';
        context.fillRect(0, 0, side, side);
      }
      context.fillStyle = '#e69f00';
      context.fillRect(side / 4, side / 4, side / 2, side / 2);
      return Array.from(new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer()));
    },
    { side, transparent },
  );
  return Buffer.from(bytes);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG whose IHDR says width × height, with a valid zlib IDAT of only a few rows: a
 * well-formed header on a file of a few kB — what a decompression bomb looks like.
 */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc(4 * (width + 1)); // filter byte + pixels, 4 rows of zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inserts an EXIF APP1 segment (big-endian TIFF, IFD0 with Orientation) after SOI. */
function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

test('two overlapping picks never exceed 64, and both picks keep their messages', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  const png = await smallPng(page);
  const pick = (prefix: string) => [
    { name: `${prefix}-notes.png`, mimeType: 'image/png', buffer: Buffer.from('plain text') },
    ...Array.from({ length: 40 }, (_, i) => ({
      name: `${prefix}-${i}.png`,
      mimeType: 'image/png',
      buffer: png,
    })),
  ];
  const input = page.getByTestId('upload-input');
  // the second pick lands while the first is still being read
  await input.setInputFiles(pick('first'));
  await input.setInputFiles(pick('second'));
  await expect(page.getByTestId('upload-busy')).toBeVisible();
  await expect(page.getByTestId('upload-busy')).toBeHidden({ timeout: 120_000 });
  const list = page.getByTestId('upload-list');
  await expect(list).toHaveAttribute('data-count', '64');
  const errors = page.getByTestId('upload-error');
  await expect(errors.locator('[data-file="first-notes.png"]')).toContainText('not an image');
  await expect(errors.locator('[data-file="second-notes.png"]')).toContainText('not an image');
  await expect(errors.locator('[data-file="second-39.png"]')).toContainText('at most 64');
  await expect(errors.locator('li')).toHaveCount(2 + 16);
  // still 64 after a reload
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '64');
  // a pick over the limit now: refused, and dismissing clears the messages
  await input.setInputFiles([{ name: 'extra.png', mimeType: 'image/png', buffer: png }]);
  await expect(errors.locator('[data-file="extra.png"]')).toContainText('at most 64');
  await page.getByTestId('upload-dismiss').click();
  await expect(errors).toHaveCount(0);
});

test('huge images are refused from their header, before any decoding', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  const decoded = () =>
    page.evaluate(() => (window as unknown as Hooks).__playground.uploadCounters.decoded);
  const before = await page.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory?.usedJSHeapSize ?? 0;
  });
  await page.getByTestId('upload-input').setInputFiles([
    { name: 'bomb.png', mimeType: 'image/png', buffer: bombPng(20000, 20000) },
    { name: 'wide.png', mimeType: 'image/png', buffer: bombPng(30000, 30000) },
    { name: 'thin.png', mimeType: 'image/png', buffer: bombPng(2, 50_000_000) },
  ]);
  const errors = page.getByTestId('upload-error');
  await expect(errors.locator('[data-file="bomb.png"]')).toContainText(
    '20000×20000 is too many pixels',
  );
  await expect(errors.locator('[data-file="wide.png"]')).toContainText('too many pixels');
  await expect(errors.locator('[data-file="thin.png"]')).toContainText('2×50000000 is smaller');
  await expect(errors).not.toContainText('truncated or corrupt');
  expect(await decoded()).toBe(0);
  const after = await page.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory?.usedJSHeapSize ?? 0;
  });
  expect(after - before).toBeLessThan(100e6);
  // a normal image still goes through the decoder
  await page
    .getByTestId('upload-input')
    .setInputFiles([{ name: 'ok.png', mimeType: 'image/png', buffer: await smallPng(page) }]);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '1');
  expect(await decoded()).toBe(1);
});

test('transparent pixels become mid grey; an EXIF-rotated JPEG trains as displayed', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  // stored 96 × 48: top half red, bottom half blue; Orientation 6 shows it turned 90° clockwise:
  // 48 wide, 96 high, red on the right, blue on the left
  const stored = Buffer.from(
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(96, 48);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ff0000';
      context.fillRect(0, 0, 96, 24);
      context.fillStyle = '#0000ff';
      context.fillRect(0, 24, 96, 24);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    }),
  );
  await page.getByTestId('upload-input').setInputFiles([
    { name: 'rotated.jpg', mimeType: 'image/jpeg', buffer: withOrientation(stored, 6) },
    { name: 'clear.png', mimeType: 'image/png', buffer: await smallPng(page, 64, true) },
  ]);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '2');
  const pixels = await page.evaluate(() => {
    const { uploads } = (window as unknown as Hooks).__playground.uploads.getState();
    const at = (name: string, x: number, y: number) => {
      const rgb = uploads.find((u) => u.name === name)!.rgb;
      const i = (y * 192 + x) * 3;
      return [rgb[i], rgb[i + 1], rgb[i + 2]];
    };
    return {
      left: at('rotated.jpg', 20, 96),
      right: at('rotated.jpg', 172, 96),
      corner: at('clear.png', 4, 4),
      centre: at('clear.png', 96, 96),
    };
  });
  expect(pixels.left[2]).toBeGreaterThan(200); // blue
  expect(pixels.left[0]).toBeLessThan(60);
  expect(pixels.right[0]).toBeGreaterThan(200); // red
  expect(pixels.right[2]).toBeLessThan(60);
  for (const c of pixels.corner) expect(Math.abs(c - 128)).toBeLessThanOrEqual(2);
  expect(pixels.centre).toEqual([230, 159, 0]);
});

test('IndexedDB refused: the image is listed, trains, and a notice says it will not persist', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // what a private window or a blocked storage policy looks like to the page
    Object.defineProperty(IDBFactory.prototype, 'open', {
      value() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    });
  });
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page
    .getByTestId('upload-input')
    .setInputFiles([{ name: 'kept.png', mimeType: 'image/png', buffer: await smallPng(page) }]);
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('upload-list').locator('[data-name="kept.png"]')).toBeVisible();
  await expect(page.getByTestId('upload-memory')).toContainText('only until this page is closed');
  await expect(page.getByTestId('upload-memory')).toHaveCount(1);
  await page.getByTestId('dataset').selectOption('uploads');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.getByRole('button', { name: 'Remove kept.png' }).click();
  await expect(page.getByTestId('upload-list')).toHaveAttribute('data-count', '0');
});
