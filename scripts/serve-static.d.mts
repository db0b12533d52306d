import type { Server } from 'node:http';

export function serveStatic(options: {
  root: string;
  port: number;
  host?: string;
  base?: string;
  /** a file in root that answers every missing path (a single-page host) */
  fallback?: string | null;
}): Promise<Server>;
