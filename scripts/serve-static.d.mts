import type { Server } from 'node:http';

export function serveStatic(options: {
  root: string;
  port: number;
  host?: string;
  base?: string;
}): Promise<Server>;
