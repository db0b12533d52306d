import type { RgbImage } from '../core/image';
import { decodeToSquare } from './decode';
import { photoSize } from './photos';
import { checkDimensions, checkFile, uploadLimits, type UploadProblem } from './validate';

/**
 * The user's images: validated, decoded once to 192² RGB, kept in IndexedDB until the user
 * removes them. Nothing is sent anywhere.
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

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
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

export async function listUploads(): Promise<StoredUpload[]> {
  const all = await transaction(
    'readonly',
    (store) => store.getAll() as IDBRequest<StoredUpload[]>,
  );
  return all.sort((a, b) => a.addedAt - b.addedAt);
}

export async function removeUpload(id: string): Promise<void> {
  await transaction('readwrite', (store) => store.delete(id));
}

export function uploadToImage(upload: StoredUpload): RgbImage {
  return { size: photoSize, pixels: Float32Array.from(upload.rgb, (v) => v / 255) };
}

/** Validates and decodes one file; a problem comes back instead of an exception. */
async function prepare(file: File): Promise<StoredUpload | UploadFailure> {
  const head = new Uint8Array(await file.slice(0, 256).arrayBuffer());
  const early = checkFile(file.size, head);
  if (early) return { name: file.name, problem: early };
  let bitmap: ImageBitmap;
  try {
    // decodes the first frame (GIF); a truncated or corrupt file fails here
    bitmap = await createImageBitmap(file);
  } catch {
    return { name: file.name, problem: { key: 'upload.error.corrupt' } };
  }
  const dimensions = checkDimensions(bitmap.width, bitmap.height);
  if (dimensions) {
    bitmap.close();
    return { name: file.name, problem: dimensions };
  }
  let image: RgbImage;
  try {
    image = await decodeToSquare(bitmap, photoSize);
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

/** Adds what is valid, returns what is not (each with its reason). */
export async function addUploads(
  files: File[],
  existing: number,
): Promise<{ added: StoredUpload[]; failures: UploadFailure[] }> {
  const added: StoredUpload[] = [];
  const failures: UploadFailure[] = [];
  for (const file of files) {
    if (existing + added.length >= uploadLimits.maxFiles) {
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
    await transaction('readwrite', (store) => store.put(result));
    added.push(result);
  }
  return { added, failures };
}
