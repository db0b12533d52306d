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
  /**
   * pixels above this are refused from the file header, before anything is decoded
   * (a decompression bomb: 20000² is 1.6 GB of RGBA)
   */
  maxPixels: 100_000_000,
  /** bytes read for the header: PNG, GIF, BMP and WebP need < 64; JPEG's SOF follows EXIF */
  headerBytes: 256 * 1024,
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

/** What the header says, before any decoding. */
export interface ImageHeader {
  format: ImageFormat;
  /** as stored */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (JPEG); 5–8 swap width and height on display */
  orientation: number;
}

/** Width × height as the image is displayed (after its EXIF orientation). */
export function displayedSize(header: ImageHeader): { width: number; height: number } {
  return header.orientation >= 5 && header.orientation <= 8
    ? { width: header.height, height: header.width }
    : { width: header.width, height: header.height };
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i] << 24) | (b[i + 1] << 16) | u16be(b, i + 2)) >>> 0;
const i32le = (b: Uint8Array, i: number) =>
  b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** PNG: the IHDR chunk must come first (PNG spec §5.6). */
function pngHeader(b: Uint8Array): [number, number] | null {
  if (b.length < 24 || !startsWith(b, [0x49, 0x48, 0x44, 0x52], 12)) return null;
  return [u32be(b, 16), u32be(b, 20)];
}

/** GIF: the logical screen descriptor right after the 6-byte signature. */
function gifHeader(b: Uint8Array): [number, number] | null {
  return b.length < 10 ? null : [u16le(b, 6), u16le(b, 8)];
}

/** BMP: BITMAPCOREHEADER (16-bit sizes) or BITMAPINFOHEADER and later (signed 32-bit). */
function bmpHeader(b: Uint8Array): [number, number] | null {
  if (b.length < 26) return null;
  const dibSize = b[14] | (b[15] << 8) | (b[16] << 16) | (b[17] << 24);
  if (dibSize === 12) return [u16le(b, 18), u16le(b, 20)];
  if (dibSize < 40) return null;
  // a negative height is a top-down bitmap
  return [Math.abs(i32le(b, 18)), Math.abs(i32le(b, 22))];
}

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpHeader(b: Uint8Array): [number, number] | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
  if (chunk === 'VP8 ') {
    // frame tag (3 bytes), start code 9d 01 2a, then 14-bit sizes (RFC 6386 §9.1)
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  }
  if (chunk === 'VP8L') {
    // signature 0x2f, then width − 1 and height − 1 in 14 bits each
    if (b[20] !== 0x2f) return null;
    const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0;
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X') return [u24le(b, 24) + 1, u24le(b, 27) + 1];
  return null;
}

/** EXIF orientation from an APP1 "Exif" payload (TIFF header + IFD0), or 1. */
function exifOrientation(b: Uint8Array, start: number, end: number): number {
  if (!startsWith(b, [0x45, 0x78, 0x69, 0x66, 0, 0], start)) return 1;
  const tiff = start + 6;
  if (tiff + 8 > end) return 1;
  const little = b[tiff] === 0x49;
  const u16 = (i: number) => (little ? u16le(b, i) : u16be(b, i));
  const u32 = (i: number) => (little ? (u16le(b, i) | (u16le(b, i + 2) << 16)) >>> 0 : u32be(b, i));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** JPEG: walk the marker segments to the first SOFn; note the EXIF orientation on the way. */
function jpegHeader(b: Uint8Array): { size: [number, number]; orientation: number } | null {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // standalone markers carry no length
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before a frame
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (i + 9 > b.length) return null;
      return { size: [u16be(b, i + 7), u16be(b, i + 5)], orientation };
    }
    if (marker === 0xe1)
      orientation = exifOrientation(b, i + 4, Math.min(b.length, i + 2 + length));
    i += 2 + length;
  }
  return null;
}

/**
 * Width and height from the file's first bytes, without decoding: PNG IHDR, JPEG SOFn,
 * WebP VP8/VP8L/VP8X, GIF logical screen, BMP info header. Null when the header is
 * missing or cut short (a truncated file, or a JPEG whose frame header lies past `bytes`).
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const format = sniffFormat(bytes);
  let size: [number, number] | null = null;
  let orientation = 1;
  if (format === 'png') size = pngHeader(bytes);
  else if (format === 'gif') size = gifHeader(bytes);
  else if (format === 'bmp') size = bmpHeader(bytes);
  else if (format === 'webp') size = webpHeader(bytes);
  else if (format === 'jpeg') {
    const jpeg = jpegHeader(bytes);
    if (jpeg) ({ size, orientation } = jpeg);
  }
  if (!format || format === 'svg' || !size) return null;
  const [width, height] = size;
  if (width === 0 || height === 0) return null;
  return { format, width, height, orientation };
}
