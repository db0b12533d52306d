import { minimumUploads } from '../data/load';
import {
  addUploads,
  listUploads,
  removeUpload,
  type StoredUpload,
  type UploadFailure,
} from '../data/uploads';
import { reloadData } from './actions';
import { useStore } from './store';
import { create } from 'zustand';

/** The uploads slice: what is stored, what was refused and why. */
interface UploadState {
  uploads: StoredUpload[];
  failures: UploadFailure[];
  busy: boolean;
}

export const useUploads = create<UploadState>()(() => ({ uploads: [], failures: [], busy: false }));

function usesUploads(): boolean {
  const { config } = useStore.getState();
  return config.lab === 'simclr' ? config.dataset === 'uploads' : config.hrSource === 'uploads';
}

export async function restoreUploads(): Promise<void> {
  try {
    useUploads.setState({ uploads: await listUploads() });
  } catch {
    // private windows may refuse IndexedDB: uploads then last for this page only
  }
}

export async function addFiles(files: File[]): Promise<void> {
  useUploads.setState({ busy: true });
  try {
    const { added, failures } = await addUploads(files, useUploads.getState().uploads.length);
    useUploads.setState((s) => ({ uploads: [...s.uploads, ...added], failures }));
    if (added.length > 0 && usesUploads()) reloadData();
  } finally {
    useUploads.setState({ busy: false });
  }
}

export async function deleteUpload(id: string): Promise<void> {
  await removeUpload(id);
  useUploads.setState((s) => ({ uploads: s.uploads.filter((u) => u.id !== id) }));
  if (usesUploads()) reloadData();
}

export { minimumUploads };
