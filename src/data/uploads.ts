import type { RgbImage } from '../core/image';
import { decodeToSquare } from './decode';
import { photoSize } from './photos';
import {
  checkDimensions,
  checkFile,
  displayedSize,
  readImageHeader,
  uploadLimits,
  type UploadProblem,
} from './validate';

/**
 * The user's images: validated, decoded once to 192² RGB, kept in IndexedDB until the user
 * removes them — or, when the browser refuses IndexedDB (private window, quota, blocked),
 * in memory for as long as the page is open. Nothing is sent anywhere.
 */
export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  /** 192 × 192 × 3 bytes */
  rgb: Uint8Array;
  addedAt: number;
}

export interface UploadFailure {
  name: string;
  problem: UploadProblem;
}

const databaseName = 'contrastive-playground';
const storeName = 'uploads';
/** ms: a blocked open never calls back; give up and keep images in memory */
const openTimeout = 3000;

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // a refused indexedDB throws here (SecurityError), which rejects the promise
    const request = indexedDB.open(databaseName, 1);
    const timer = setTimeout(() => reject(new Error('IndexedDB did not open')), openTimeout);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve(request.result);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error);
    };
    request.onblocked = () => {
      clearTimeout(timer);
      reject(new Error('IndexedDB is blocked'));
    };
  });
}

async function transaction<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const request = run(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The page's copy of every upload (IndexedDB mirrors it while it can). */
let library: StoredUpload[] | null = null;
/** false once IndexedDB refused: uploads then last for this page only */
let persistent = true;

export function uploadsPersist(): boolean {
  return persistent;
}

/** Test hooks (e2e): how many uploads reached the decoder. */
export const uploadCounters = { decoded: 0 };

async function loadLibrary(): Promise<StoredUpload[]> {
  if (library) return library;
  try {
    const all = await transaction(
      'readonly',
      (store) => store.getAll() as IDBRequest<StoredUpload[]>,
    );
    library ??= all.sort((a, b) => a.addedAt - b.addedAt);
  } catch {
    persistent = false;
    library ??= [];
  }
  return library;
}

export async function listUploads(): Promise<StoredUpload[]> {
  return [...(await loadLibrary())];
}

export async function removeUpload(id: string): Promise<void> {
  library = (await loadLibrary()).filter((u) => u.id !== id);
  if (!persistent) return;
  try {
    await transaction('readwrite', (store) => store.delete(id));
  } catch {
    persistent = false;
  }
}

export function uploadToImage(upload: StoredUpload): RgbImage {
  return { size: photoSize, pixels: Float32Array.from(upload.rgb, (v) => v / 255) };
}

/**
 * The bytes the header needs: the first `headerBytes`, or the whole file when a JPEG's
 * frame header lies further (a large EXIF thumbnail); files are ≤ 25 MB by then.
 */
async function readHeader(file: File): Promise<ReturnType<typeof readImageHeader>> {
  const head = new Uint8Array(await file.slice(0, uploadLimits.headerBytes).arrayBuffer());
  const header = readImageHeader(head);
  if (header || file.size <= uploadLimits.headerBytes) return header;
  return readImageHeader(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Validates and decodes one file; a problem comes back instead of an exception.
 * Sizes come from the header, so an image with too many pixels is refused before any
 * decoding; only what passes is decoded, scaled down while decoding.
 */
async function prepare(file: File): Promise<StoredUpload | UploadFailure> {
  const head = new Uint8Array(await file.slice(0, 256).arrayBuffer());
  const early = checkFile(file.size, head);
  if (early) return { name: file.name, problem: early };
  const header = await readHeader(file);
  // a signature without a readable header: cut short or damaged
  if (!header) return { name: file.name, problem: { key: 'upload.error.corrupt' } };
  const displayed = displayedSize(header);
  const dimensions = checkDimensions(displayed.width, displayed.height);
  if (dimensions) return { name: file.name, problem: dimensions };
  let image: RgbImage;
  try {
    uploadCounters.decoded++;
    // decodes the first frame (GIF); a truncated or corrupt file fails here
    image = await decodeToSquare(file, photoSize, displayed);
  } catch {
    return { name: file.name, problem: { key: 'upload.error.corrupt' } };
  }
  const rgb = Uint8Array.from(image.pixels, (v) => Math.round(v * 255));
  return {
    id: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    name: file.name,
    size: file.size,
    rgb,
    addedAt: Date.now(),
  };
}

/**
 * Adds what is valid, returns what is not (each with its reason). Callers serialise calls
 * (one batch at a time), so the count checked here includes every earlier batch.
 */
export async function addUploads(
  files: File[],
): Promise<{ added: StoredUpload[]; failures: UploadFailure[]; persistent: boolean }> {
  await loadLibrary();
  const added: StoredUpload[] = [];
  const failures: UploadFailure[] = [];
  for (const file of files) {
    if ((library?.length ?? 0) >= uploadLimits.maxFiles) {
      failures.push({
        name: file.name,
        problem: { key: 'upload.error.tooMany', max: uploadLimits.maxFiles },
      });
      continue;
    }
    const result = await prepare(file);
    if ('problem' in result) {
      failures.push(result);
      continue;
    }
    if (persistent) {
      try {
        await transaction('readwrite', (store) => store.put(result));
      } catch {
        // quota, private mode, blocked: keep it for this page
        persistent = false;
      }
    }
    added.push(result);
    // a removal while this batch runs replaces `library`: append to the current one
    library = [...(library ?? []), result];
  }
  return { added, failures, persistent };
}
