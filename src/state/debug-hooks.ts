import type { KernelTime } from '../worker/protocol';
import { currentClient } from './actions';
import { useStore } from './store';

/** Kernel times of one step, also kept in the store (developer hook). */
async function profile(): Promise<KernelTime[]> {
  const client = currentClient();
  if (!client) throw new Error('the training worker is not running');
  const { kernels } = await client.request({ type: 'profile' });
  useStore.setState({ profile: kernels });
  return kernels;
}

/**
 * Test hooks (e2e, bench): a dead worker, a poisoned model, a kernel profile. Reachable
 * only through `window.__playground`, which src/app/expose-test-hooks.ts sets when `testHooksEnabled()`
 * (test-hooks.ts); the worker ignores the debug messages otherwise.
 */
export const debugHooks = {
  killWorker: () => currentClient()?.kill(),
  crashWorker: () => currentClient()?.send({ type: 'debugCrash' }),
  poison: () => currentClient()?.send({ type: 'debugPoison' }),
  hang: (milliseconds: number) => currentClient()?.send({ type: 'debugHang', milliseconds }),
  profile,
  loseDevice: () => currentClient()?.send({ type: 'debugLoseDevice' }),
};
