#!/usr/bin/env node
// Import cycles in src/: reads the relative imports of every .ts/.tsx file under the given
// roots (default: src), resolves them the way Vite/TypeScript do (extension, folder index,
// `?worker`/`?url` queries dropped), and prints each cycle. Exits 1 when there is one.
// No dependency beyond `typescript`, which the project already has.
//
// Type-only imports count: a cycle of types is still two modules that cannot be read one
// without the other. Usage: node scripts/check-cycles.mjs [root ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.mjs'];

/**
 * The relative specifiers one file imports: import/export … from, side-effect imports,
 * import() and import('…').Type, read by TypeScript's own pre-processor (no regexes that a
 * string or a comment could fool). `new URL('./x.worker.ts', import.meta.url)` is not an
 * import here: a worker starts its own module graph, so it cannot close a cycle.
 */
export function relativeImports(text) {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return [...new Set(importedFiles.map((file) => file.fileName))].filter((name) =>
    name.startsWith('.'),
  );
}

function isFile(candidate) {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** The file a relative specifier names, or null when it names none (left to tsc). */
export function resolveImport(fromFile, specifier) {
  const bare = specifier.split('?')[0];
  const target = path.resolve(path.dirname(fromFile), bare);
  const candidates = [
    target,
    ...EXTENSIONS.map((extension) => target + extension),
    // './x.js' written for './x.ts'
    ...(/\.m?js$/.test(target)
      ? [target.replace(/\.m?js$/, '.ts'), target.replace(/\.m?js$/, '.tsx')]
      : []),
    ...EXTENSIONS.map((extension) => path.join(target, 'index' + extension)),
  ];
  return candidates.find(isFile) ?? null;
}

function sourceFiles(root) {
  const files = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

/** file → the files it imports (inside the graph or not). */
export function importGraph(roots) {
  const graph = new Map();
  for (const root of roots) {
    for (const file of sourceFiles(path.resolve(root))) {
      const targets = relativeImports(fs.readFileSync(file, 'utf8'))
        .map((specifier) => resolveImport(file, specifier))
        .filter((target) => target !== null);
      graph.set(file, [...new Set(targets)].sort());
    }
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function tangledGroups(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const groups = [];
  function visit(start) {
    // iterative, so a long import chain cannot overflow the call stack
    const work = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, edge] = frame;
      const targets = graph.get(node) ?? [];
      if (edge < targets.length) {
        frame[1] += 1;
        const target = targets[edge];
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const group = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        const selfImport = (graph.get(node) ?? []).includes(node);
        if (group.length > 1 || selfImport) groups.push(group.sort());
      }
    }
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

/** The shortest cycle through `start` inside its group (breadth-first). */
function shortestCycle(graph, group, start) {
  const members = new Set(group);
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const cycle = [start];
        for (let at = node; at !== start; at = previous.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * The import cycles under `roots`: one per tangled group (files that all reach each other),
 * the shortest cycle in it, with every file of the group. A group can hold several cycles:
 * break the one shown and rerun.
 */
export function findCycles(roots) {
  const graph = importGraph(roots);
  return tangledGroups(graph).map((group) => {
    const cycles = group.map((start) => shortestCycle(graph, group, start));
    const cycle = cycles.reduce((shortest, next) =>
      next.length < shortest.length ? next : shortest,
    );
    return { cycle, group };
  });
}

function main() {
  const roots = process.argv.slice(2);
  const cycles = findCycles(roots.length > 0 ? roots : ['src']);
  const shown = (file) => path.relative(process.cwd(), file);
  if (cycles.length === 0) {
    console.log('check-cycles: no import cycles');
    return;
  }
  for (const { cycle, group } of cycles) {
    console.error(`import cycle: ${cycle.map(shown).join(' → ')}`);
    if (group.length > cycle.length - 1) {
      console.error(`  tangled with it (${group.length} files): ${group.map(shown).join(', ')}`);
    }
  }
  console.error(
    `check-cycles: ${cycles.length} import cycle(s). Break each by moving what both files ` +
      'need into a third, lower module.',
  );
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
