import { spawnEarlyWorker } from '../worker/spawn';

// The first module the page evaluates (main.tsx imports it first): the page's script has
// been fetched and parsed, and starts.
performance.mark('startup:page:script-start');
// A page served with isolation headers trains at once (start.ts): its worker starts now,
// while the rest of the page's modules are evaluated. Without them the page may reload
// through the service worker first, and the worker waits for that.
if (window.crossOriginIsolated) spawnEarlyWorker();
