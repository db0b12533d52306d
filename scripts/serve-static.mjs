#!/usr/bin/env node
// A plain static file server, like a course web folder: it sends the file, its type and
// its length, and NO special headers (no COOP/COEP, no CSP, no caching rules). The tests
// serve the built app with it to check that the build works where nobody can set headers.
//
//   node scripts/serve-static.mjs [dir=dist] [--port 4180] [--host 127.0.0.1]
//                                 [--base /course/playground/]
//
// The folder is mounted at --base (a sub-path, like a copy into a course site); anything
// outside it is 404, and the bare mount without its slash is redirected to it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at http://host:port{base}; resolves with the listening server. The deploy
 * tests also start one of their own on a copy of dist/ (to deploy a "new version").
 * `fallback` (a file in root) answers every missing path under base with that file and a
 * 200, as single-page hosts do (the service worker tests need such a host).
 */
export function serveStatic({ root, port, host = '127.0.0.1', base = '/', fallback = null }) {
  root = resolve(root);
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    if (`${pathname}/` === base) {
      response.writeHead(301, { Location: `${base}${url.search}` }).end();
      return;
    }
    if (!pathname.startsWith(base) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(pathname.startsWith(base) ? 405 : 404).end('not found');
      return;
    }
    let file = resolve(join(root, pathname.slice(base.length)));
    // no way out of the served folder (.., encoded slashes)
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(404).end('not found');
      return;
    }
    try {
      let info = await stat(file).catch((error) => {
        if (!fallback) throw error;
        file = join(root, fallback);
        return stat(file);
      });
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      response.writeHead(200, {
        'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Last-Modified': info.mtime.toUTCString(),
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListening(server));
  });
}

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const positional = process.argv.slice(2).filter((arg, i, all) => {
    return !arg.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--'));
  });
  const root = positional[0] ?? 'dist';
  const port = Number(option('port', process.env.E2E_STATIC_PORT ?? 4180));
  const host = option('host', '127.0.0.1');
  const base = option('base', '/');
  await serveStatic({ root, port, host, base });
  console.log(`serving ${resolve(root)} at http://${host}:${port}${base} (no special headers)`);
}
