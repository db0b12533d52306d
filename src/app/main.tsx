import './script-start';
// variables, resets and shared rules first: every component's CSS comes after them
import './base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { acceptDroppedFiles } from './drop-files';
import { exposeTestHooks } from './expose-test-hooks';
import { installShortcuts } from './shortcuts';
import { startPage } from './start';
import { syncUrlWithStore } from './url-sync';
import { markStartup } from '../worker/startup-marks';

// the link's configuration is in the store before anything reads it
syncUrlWithStore();
markStartup('page:store-ready');
installShortcuts();
acceptDroppedFiles();
exposeTestHooks();
startPage(() => {
  markStartup('page:render-called');
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
