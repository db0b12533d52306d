/**
 * Test hooks (simulated failures, the store on `window.__playground`, the worker's debug
 * messages) exist in development builds, and in a production build only when the page
 * was opened with the flag set before it loaded — Playwright and the bench runner do it
 * with `addInitScript(() => { window.__PLAYGROUND_TEST_HOOKS__ = true })`.
 */
declare global {
  interface Window {
    __PLAYGROUND_TEST_HOOKS__?: boolean;
  }
}

export function testHooksEnabled(): boolean {
  return (
    import.meta.env.DEV ||
    (typeof window !== 'undefined' && window.__PLAYGROUND_TEST_HOOKS__ === true)
  );
}
