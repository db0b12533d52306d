import { describe, expect, it } from 'vitest';
import { compositeOnBackground, decodeSize, transparentBackground } from './decode';
import { checkDimensions, displayedSize, readImageHeader } from './validate';

const u16be = (v: number) => [(v >> 8) & 255, v & 255];
const u16le = (v: number) => [v & 255, (v >> 8) & 255];
const u32be = (v: number) => [(v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255];
const u32le = (v: number) => [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255];
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function pngHeaderBytes(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...u32be(13),
    ...ascii('IHDR'),
    ...u32be(width),
    ...u32be(height),
    8,
    6,
    0,
    0,
    0,
    ...u32be(0), // CRC (not checked by the header reader)
  ]);
}

/** SOI, JFIF APP0, optional EXIF APP1 with an orientation, then a SOFn frame header. */
function jpegBytes(width: number, height: number, orientation?: number, sof = 0xc0): Uint8Array {
  const exif = orientation
    ? (() => {
        const tiff = [
          ...ascii('MM'),
          ...u16be(42),
          ...u32be(8),
          ...u16be(1),
          ...u16be(0x0112),
          ...u16be(3),
          ...u32be(1),
          ...u16be(orientation),
          0,
          0,
          ...u32be(0),
        ];
        const payload = [...ascii('Exif'), 0, 0, ...tiff];
        return [0xff, 0xe1, ...u16be(payload.length + 2), ...payload];
      })()
    : [];
  const jfif = [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...u16be(jfif.length + 2),
    ...jfif,
    ...exif,
    0xff,
    sof,
    ...u16be(17),
    8,
    ...u16be(height),
    ...u16be(width),
    3,
    ...new Array(9).fill(0),
  ]);
}

function riff(chunk: string, payload: number[]): Uint8Array {
  return Uint8Array.from([
    ...ascii('RIFF'),
    ...u32le(payload.length + 12),
    ...ascii('WEBP'),
    ...ascii(chunk),
    ...u32le(payload.length),
    ...payload,
    ...new Array(16).fill(0),
  ]);
}

describe('image headers: dimensions without decoding', () => {
  it('PNG IHDR', () => {
    expect(readImageHeader(pngHeaderBytes(20000, 20000))).toEqual({
      format: 'png',
      width: 20000,
      height: 20000,
      orientation: 1,
    });
    expect(readImageHeader(pngHeaderBytes(2, 50_000_000))).toMatchObject({
      width: 2,
      height: 50_000_000,
    });
    // cut inside IHDR: no header
    expect(readImageHeader(pngHeaderBytes(100, 100).subarray(0, 20))).toBeNull();
  });

  it('JPEG SOF0 and progressive SOF2, after APP segments; EXIF orientation', () => {
    expect(readImageHeader(jpegBytes(640, 480))).toEqual({
      format: 'jpeg',
      width: 640,
      height: 480,
      orientation: 1,
    });
    expect(readImageHeader(jpegBytes(300, 200, undefined, 0xc2))).toMatchObject({
      width: 300,
      height: 200,
    });
    const rotated = readImageHeader(jpegBytes(96, 48, 6))!;
    expect(rotated).toEqual({ format: 'jpeg', width: 96, height: 48, orientation: 6 });
    // Orientation 6 is displayed rotated: 48 wide, 96 high
    expect(displayedSize(rotated)).toEqual({ width: 48, height: 96 });
    expect(displayedSize(readImageHeader(jpegBytes(96, 48, 3))!)).toEqual({
      width: 96,
      height: 48,
    });
    // a DHT (0xc4) is not a frame header; no frame before the end: null
    expect(
      readImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xc4, 0, 4, 0, 0, 0xff, 0xd9])),
    ).toBeNull();
  });

  it('WebP VP8, VP8L and VP8X', () => {
    const vp8 = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(1920), ...u16le(1080)]);
    expect(readImageHeader(vp8)).toMatchObject({ format: 'webp', width: 1920, height: 1080 });
    const bits = (4000 - 1) | ((3000 - 1) << 14);
    const vp8l = riff('VP8L', [0x2f, ...u32le(bits)]);
    expect(readImageHeader(vp8l)).toMatchObject({ width: 4000, height: 3000 });
    const w = 30000 - 1;
    const h = 30000 - 1;
    const vp8x = riff('VP8X', [
      0x10,
      0,
      0,
      0,
      w & 255,
      (w >> 8) & 255,
      (w >> 16) & 255,
      h & 255,
      (h >> 8) & 255,
      (h >> 16) & 255,
    ]);
    expect(readImageHeader(vp8x)).toMatchObject({ width: 30000, height: 30000 });
  });

  it('GIF logical screen and BMP info headers', () => {
    const gif = Uint8Array.from([...ascii('GIF89a'), ...u16le(500), ...u16le(400), 0, 0, 0]);
    expect(readImageHeader(gif)).toMatchObject({ format: 'gif', width: 500, height: 400 });
    const bmp = (dib: number[]) =>
      Uint8Array.from([...ascii('BM'), ...u32le(0), 0, 0, 0, 0, ...u32le(54), ...dib]);
    // BITMAPINFOHEADER, top-down (negative height)
    expect(
      readImageHeader(
        bmp([...u32le(40), ...u32le(800), ...u32le(-600 >>> 0), ...u16le(1), ...u16le(24)]),
      ),
    ).toMatchObject({ format: 'bmp', width: 800, height: 600 });
    // BITMAPCOREHEADER: 16-bit sizes
    expect(
      readImageHeader(
        bmp([...u32le(12), ...u16le(64), ...u16le(32), ...u16le(1), ...u16le(24), 0, 0, 0, 0]),
      ),
    ).toMatchObject({
      width: 64,
      height: 32,
    });
  });

  it('huge but valid headers are refused for their real reason', () => {
    const huge = readImageHeader(pngHeaderBytes(30000, 30000))!;
    expect(checkDimensions(huge.width, huge.height)?.key).toBe('upload.error.tooManyPixels');
    const thin = readImageHeader(pngHeaderBytes(2, 50_000_000))!;
    expect(checkDimensions(thin.width, thin.height)?.key).toBe('upload.error.tooSmall');
  });
});

describe('decoding helpers', () => {
  it('transparent pixels are composited on mid grey, opaque ones kept', () => {
    const rgba = Uint8Array.from([
      255,
      0,
      0,
      255, // opaque red
      0,
      0,
      0,
      0, // fully transparent
      0,
      0,
      255,
      128, // half-transparent blue
    ]);
    const rgb = compositeOnBackground(rgba, 3);
    expect(Array.from(rgb.subarray(0, 3))).toEqual([1, 0, 0]);
    expect(Array.from(rgb.subarray(3, 6))).toEqual([0.5, 0.5, 0.5]);
    expect(transparentBackground).toBe(0.5);
    const a = 128 / 255;
    expect(rgb[6]).toBeCloseTo(0.5 * (1 - a), 6);
    expect(rgb[8]).toBeCloseTo(a + 0.5 * (1 - a), 6);
  });

  it('decodes with the short side at the target size, aspect kept', () => {
    expect(decodeSize(6000, 4000, 192)).toEqual({ width: 288, height: 192 });
    expect(decodeSize(48, 96, 192)).toEqual({ width: 192, height: 384 });
    expect(decodeSize(192, 192, 192)).toEqual({ width: 192, height: 192 });
  });
});
