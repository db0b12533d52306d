import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/**
 * Chromium for the tests and the benchmark, in the order CONVENTIONS.md gives:
 * CHROMIUM_PATH, Debian's chromium, chromium-browser, google-chrome, then Playwright's
 * own download (undefined).
 */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const chrome = execSync('command -v google-chrome', { encoding: 'utf8' }).trim();
    if (chrome) return chrome;
  } catch {
    // not installed: fall through to Playwright's own browser
  }
  return undefined;
}

/** WebGPU is only offered headless with --enable-unsafe-webgpu; the rest keep Chromium off the network. */
export const chromiumArgs = [
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
