// Builds assembly/kernels.ts and the files it exports from (AssemblyScript, npm's `assemblyscript`) into the wasm
// modules the app uses — one importing a plain memory (tfjs-wasm without threads: node,
// browsers without cross-origin isolation) and one importing a shared memory (the threaded
// build), each with and without relaxed SIMD's fused multiply-add — and serves them to the app as the virtual module `virtual:simd-kernels`
// (base64, decoded and compiled synchronously where the wasm backend starts). The Vite
// plugin is in vite.config.ts and both vitest configs, so `dev`, `build`, `test` and vitest
// all build it; `node scripts/kernels.mjs` builds it by hand into node_modules/.cache.
// Results are cached by the hash of the source and the compiler version.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'assembly/kernels.ts');
const cacheDir = join(root, 'node_modules/.cache/simd-kernels');
const virtualId = 'virtual:simd-kernels';

// tfjs-wasm's memory may grow to 4 GiB (65536 pages); a shared memory import must
// declare a maximum no smaller than the memory it is given.
const common = [
  '-O3',
  '--runtime',
  'stub',
  '--importMemory',
  '--noAssert',
  '--use',
  'abort=',
  '--enable',
  'simd',
];
const sharedMemory = ['--sharedMemory', '--maximumMemory', '65536', '--enable', 'threads'];
// each memory kind twice: with relaxed SIMD's fused multiply-add (assembly/simd.ts) for the
// engines that have it, and without for the others (the page picks by WebAssembly.validate)
const relaxed = ['--enable', 'relaxed-simd'];
const variants = {
  plain: [],
  shared: sharedMemory,
  plainFma: relaxed,
  sharedFma: [...sharedMemory, ...relaxed],
};

async function compile(extra) {
  const { default: asc } = await import('assemblyscript/asc');
  let binary = null;
  const { error, stderr } = await asc.main([source, ...common, ...extra, '--outFile', 'out.wasm'], {
    writeFile(name, contents) {
      if (name.endsWith('.wasm')) binary = contents;
    },
  });
  if (error) throw new Error(`assemblyscript: ${error.message}\n${stderr.toString()}`);
  return binary;
}

/** { plain, shared, plainFma, sharedFma }: the builds as Uint8Arrays, cached when unchanged. */
export async function buildKernels() {
  // the entry and the files it exports from (every kernel source under assembly/)
  const text = readdirSync(join(root, 'assembly'))
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => readFileSync(join(root, 'assembly', name), 'utf8'))
    .join('\n');
  // the compiler's version from its package.json: loading asc itself takes a second
  const { version } = JSON.parse(
    readFileSync(join(root, 'node_modules/assemblyscript/package.json'), 'utf8'),
  );
  const hash = createHash('sha256')
    .update(text)
    .update(version)
    .update(JSON.stringify([common, variants]))
    .digest('hex')
    .slice(0, 16);
  const out = {};
  for (const [name, extra] of Object.entries(variants)) {
    const file = join(cacheDir, `${name}-${hash}.wasm`);
    if (existsSync(file)) out[name] = new Uint8Array(readFileSync(file));
    else {
      out[name] = await compile(extra);
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(file, out[name]);
    }
    // The modules work in tfjs' memory: they must not bring data segments of their own.
  }
  return out;
}

/** Vite plugin: `import { plain, shared, plainFma, sharedFma } from 'virtual:simd-kernels'` (base64). */
export function simdKernels() {
  const resolved = '\0' + virtualId;
  return {
    name: 'simd-kernels',
    resolveId(id) {
      return id === virtualId ? resolved : null;
    },
    async load(id) {
      if (id !== resolved) return null;
      this.addWatchFile?.(source);
      const builds = await buildKernels();
      const b64 = (bytes) => Buffer.from(bytes).toString('base64');
      return Object.entries(builds)
        .map(([name, bytes]) => `export const ${name} = ${JSON.stringify(b64(bytes))};\n`)
        .join('');
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const builds = await buildKernels();
  const sizes = Object.entries(builds).map(([name, bytes]) => `${name} ${bytes.length} B`);
  console.log(`simd kernels: ${sizes.join(', ')} in ${cacheDir}`);
}
