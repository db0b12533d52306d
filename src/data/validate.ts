/**
 * Upload checks that need no browser: the format from the file's first bytes (a renamed
 * text file is not a PNG), sizes and counts. The messages are i18n keys + values.
 */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

export const uploadLimits = {
  maxFiles: 64,
  maxBytes: 25 * 1024 * 1024,
  /** the SimCLR crop is 32², Blind-SR needs 96² HR crops at ×2 */
  minSide: 32,
  /** decoded pixels above this are refused before decoding (a decompression bomb) */
  maxPixels: 100_000_000,
} as const;

export type UploadProblem =
  | { key: 'upload.error.empty' }
  | { key: 'upload.error.tooLarge'; megabytes: number }
  | { key: 'upload.error.svg' }
  | { key: 'upload.error.notImage' }
  | { key: 'upload.error.corrupt' }
  | { key: 'upload.error.tooSmall'; width: number; height: number; min: number }
  | { key: 'upload.error.tooManyPixels'; width: number; height: number }
  | { key: 'upload.error.tooMany'; max: number };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

/** Sniffs the container format from the first 16 bytes. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | 'svg' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp';
  const text = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'svg';
  return null;
}

/** Checks that need only the size and the first bytes. */
export function checkFile(size: number, head: Uint8Array): UploadProblem | null {
  if (size === 0) return { key: 'upload.error.empty' };
  if (size > uploadLimits.maxBytes)
    return {
      key: 'upload.error.tooLarge',
      megabytes: Math.round(uploadLimits.maxBytes / 1024 / 1024),
    };
  const format = sniffFormat(head);
  if (format === 'svg') return { key: 'upload.error.svg' };
  if (format === null) return { key: 'upload.error.notImage' };
  return null;
}

export function checkDimensions(width: number, height: number): UploadProblem | null {
  if (width * height > uploadLimits.maxPixels)
    return { key: 'upload.error.tooManyPixels', width, height };
  if (Math.min(width, height) < uploadLimits.minSide)
    return { key: 'upload.error.tooSmall', width, height, min: uploadLimits.minSide };
  return null;
}
