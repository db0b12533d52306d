import { describe, expect, it } from 'vitest';
import { checkDimensions, checkFile, sniffFormat, uploadLimits } from './validate';

const bytes = (...values: number[]) => Uint8Array.from([...values, ...new Array(16).fill(0)]);

describe('upload validation', () => {
  it('sniffs formats from magic bytes, not names', () => {
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFormat(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe(
      'webp',
    );
    expect(sniffFormat(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBe('gif');
    expect(sniffFormat(bytes(0x42, 0x4d))).toBe('bmp');
    expect(
      sniffFormat(new TextEncoder().encode('  <svg xmlns="http://www.w3.org/2000/svg">')),
    ).toBe('svg');
    expect(
      sniffFormat(new TextEncoder().encode('hello, I am a text file renamed to .png')),
    ).toBeNull();
  });

  it('names each problem', () => {
    expect(checkFile(0, bytes())).toEqual({ key: 'upload.error.empty' });
    expect(checkFile(uploadLimits.maxBytes + 1, bytes(0xff, 0xd8, 0xff))?.key).toBe(
      'upload.error.tooLarge',
    );
    expect(checkFile(10, new TextEncoder().encode('<svg></svg>'))).toEqual({
      key: 'upload.error.svg',
    });
    expect(checkFile(10, new TextEncoder().encode('plain text'))).toEqual({
      key: 'upload.error.notImage',
    });
    expect(checkFile(10, bytes(0xff, 0xd8, 0xff))).toBeNull();
  });

  it('checks dimensions', () => {
    expect(checkDimensions(4, 4)).toEqual({
      key: 'upload.error.tooSmall',
      width: 4,
      height: 4,
      min: 32,
    });
    expect(checkDimensions(6000, 6000)).toBeNull();
    expect(checkDimensions(20000, 20000)?.key).toBe('upload.error.tooManyPixels');
    expect(checkDimensions(32, 500)).toBeNull();
  });
});
