import { uploadCounters } from '../data/uploads';
import { debugHooks } from '../state/debug-hooks';
import { useStore } from '../state/store';
import { testHooksEnabled } from '../state/test-hooks';
import { useUploads } from '../state/uploads';

/**
 * e2e and benchmark hooks on `window.__playground`: read-only state and simulated failures,
 * only in development builds or when the page was opened with the test flag
 * (state/test-hooks.ts). A page without the flag has none.
 */
export function exposeTestHooks(): void {
  if (!testHooksEnabled()) return;
  Object.assign(window, {
    __playground: { store: useStore, uploads: useUploads, uploadCounters, debug: debugHooks },
  });
}
