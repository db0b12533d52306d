import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Starts the training worker while index.html is parsed, before the page's module script
 * has arrived (a fresh load fetches and compiles ~0.7 MB of page code first: the worker
 * was created ~0.3 s after the HTML). The worker's own path — its 1 MB body, the wasm
 * backend, the model — is the page load's critical path, so every ms it starts earlier
 * comes off the first step. src/worker/spawn.ts adopts the worker and the messages it sent
 * meanwhile; without isolation (a first visit that reloads through the service worker) it
 * starts nothing, as script-start.ts does.
 *
 * The script's text is fixed (the worker's hashed file name travels in a data attribute), so
 * the Content-Security-Policy allows exactly it by its hash: no 'unsafe-inline'.
 */
export const earlyWorkerScript =
  "(()=>{if(!window.crossOriginIsolated||typeof Worker!=='function')return;" +
  'try{const worker=new Worker(document.currentScript.dataset.worker,' +
  "{type:'module',name:'training'});performance.mark('startup:page:worker-created');" +
  'const messages=[];worker.onmessage=(event)=>messages.push(event);' +
  'window.__earlyTrainingWorker={worker,messages};}catch{}})();';

/** The CSP source that allows the script above, and nothing else inline. */
export const earlyWorkerScriptSource = `'sha256-${createHash('sha256').update(earlyWorkerScript).digest('base64')}'`;

export function earlyWorkerPlugin(): Plugin {
  return {
    name: 'contrastive-playground:early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const worker = Object.keys(context.bundle ?? {}).find((file) =>
          /(^|\/)train\.worker-[\w-]+\.js$/.test(file),
        );
        if (!worker) throw new Error('early worker: no train.worker chunk in the bundle');
        // first in <head> after the meta tags: it runs as the parser reaches it
        return html.replace(
          /(\s*<link rel="icon")/,
          `\n    <script data-worker="./${worker}">${earlyWorkerScript}</script>$1`,
        );
      },
    },
  };
}
