import { minimumUploads } from '../data/load';
import {
  addUploads,
  listUploads,
  removeUpload,
  uploadsPersist,
  type StoredUpload,
  type UploadFailure,
} from '../data/uploads';
import { reloadData } from './actions';
import { useStore } from './store';
import { create } from 'zustand';

/** The refusals of one pick or drop, kept until the user dismisses them. */
export interface FailureBatch {
  batch: number;
  failures: UploadFailure[];
}

/** The uploads slice: what is stored, what was refused and why, what is still being read. */
interface UploadState {
  uploads: StoredUpload[];
  failures: FailureBatch[];
  /** files picked or dropped and not yet read (all queued batches) */
  pending: number;
  /** false when the browser refused IndexedDB: images last for this page */
  persistent: boolean;
}

export const useUploads = create<UploadState>()(() => ({
  uploads: [],
  failures: [],
  pending: 0,
  persistent: true,
}));

function usesUploads(): boolean {
  const { config } = useStore.getState();
  return config.lab === 'simclr' ? config.dataset === 'uploads' : config.hrSource === 'uploads';
}

/**
 * Uploads run one batch at a time: two quick picks can't both see "10 stored" and add 60
 * each. Restoring from IndexedDB is the first item, so a pick during start-up counts the
 * stored images too.
 */
let queue: Promise<void> = Promise.resolve();
let batchCount = 0;

function enqueue(work: () => Promise<void>): Promise<void> {
  const next = queue.then(work, work);
  // a failing item must not stop the ones behind it
  queue = next.catch(() => undefined);
  return next;
}

export function restoreUploads(): Promise<void> {
  return enqueue(async () => {
    const uploads = await listUploads();
    useUploads.setState({ uploads, persistent: uploadsPersist() });
  });
}

export function addFiles(files: File[]): Promise<void> {
  const batch = ++batchCount;
  useUploads.setState((s) => ({ pending: s.pending + files.length }));
  return enqueue(async () => {
    let failures: UploadFailure[];
    let added: StoredUpload[] = [];
    try {
      const result = await addUploads(files);
      added = result.added;
      failures = result.failures;
    } catch (error) {
      // not expected (every file's problem comes back as a value); still, say which
      failures = files.map((file) => ({
        name: file.name,
        problem: { key: 'upload.error.corrupt' } as const,
      }));
      console.warn('upload batch failed', error);
    }
    useUploads.setState((s) => ({
      uploads: [...s.uploads, ...added],
      failures: failures.length > 0 ? [...s.failures, { batch, failures }] : s.failures,
      pending: s.pending - files.length,
      persistent: uploadsPersist(),
    }));
    if (added.length > 0 && usesUploads()) reloadData();
  });
}

export function dismissFailures(): void {
  useUploads.setState({ failures: [] });
}

export async function deleteUpload(id: string): Promise<void> {
  await removeUpload(id);
  useUploads.setState((s) => ({
    uploads: s.uploads.filter((u) => u.id !== id),
    persistent: uploadsPersist(),
  }));
  if (usesUploads()) reloadData();
}

export { minimumUploads };
