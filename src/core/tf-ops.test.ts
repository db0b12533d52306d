import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The worker registers only the chained ops src/ calls (tf-ops.ts): a tensor method it
 * misses is undefined in the browser (the unit tests run the union bundle, which has them
 * all). So every `.name(` in src/ whose name is one of tfjs' chained ops must be listed.
 */
const root = join(import.meta.dirname, '..');
const chainedDir = join(root, '../node_modules/@tensorflow/tfjs-core/dist/public/chained_ops');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const camel = (snake: string) => snake.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
const tfjsChained = new Set(
  readdirSync(chainedDir)
    .filter((file) => file.endsWith('.js') && !file.startsWith('register_all'))
    .map((file) => camel(file.replace(/\.js$/, ''))),
);
// receivers that are never tensors (`this.` is always one of ours; a method name alone says
// nothing: `.step(` is a trainer's and a tensor's)
const notTensors = new Set([
  'this',
  'tf',
  'fused',
  'Math',
  'Object',
  'Array',
  'Promise',
  'JSON',
  'Number',
  'String',
  'd3',
]);

describe('the chained ops the worker registers', () => {
  it('include every tensor method src/ calls', () => {
    const listed = new Set(
      [...readFileSync(join(root, 'core/tf-ops.ts'), 'utf8').matchAll(/chained_ops\/(\w+)'/g)].map(
        (match) => camel(match[1]),
      ),
    );
    const missing = new Map<string, string>();
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const [, receiver, method] of source.matchAll(/([\w\])]+)\s*\.\s*(\w+)\s*\(/g))
        if (tfjsChained.has(method) && !notTensors.has(receiver) && !listed.has(method))
          missing.set(method, file.slice(root.length + 1));
    }
    expect(Object.fromEntries(missing)).toEqual({});
    expect(listed.size).toBeGreaterThan(10);
  });
});
