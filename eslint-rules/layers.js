// Local ESLint plugin: the layers of src/ and the one direction their imports may run.
//
// Every file under src/ belongs to a layer, named by its first folder under src/
// (src/core/nn/conv.ts is in `core`; the page itself, App.tsx and main.tsx, is src/app/).
// A file may import from its own layer and from any layer listed before it, never from a
// layer listed after it. Type-only imports, re-exports, dynamic import() and
// `new URL('./x', import.meta.url)` (how a worker is started) are arrows too.
//
// A folder under src/ that is in no layer is an error, so a new folder is placed on
// purpose: add it to LAYERS below (and to docs/ARCHITECTURE.md). So is a source file
// directly in src/: the app layer has one home, src/app/.
//
// Tests (`*.test.ts`, `*.test.tsx`) and the vitest setup files directly in src/ are exempt:
// a test may build its inputs from any layer (core's training tests draw shapes from data),
// and nothing imports a test, so it cannot carry an arrow back into the product.
import fs from 'node:fs';
import path from 'node:path';

/** Low → high. Each entry: the layer's name and its folders directly under src/. */
export const LAYERS = [
  { name: 'core', folders: ['core'], about: 'maths, models, trainers, settings schemas; pure' },
  { name: 'i18n', folders: ['i18n'], about: 'message catalogues; pure data' },
  { name: 'lessons', folders: ['lessons'], about: 'lesson scripts and stages; pure data' },
  { name: 'data', folders: ['data'], about: 'datasets, decoding, uploads validation' },
  { name: 'export', folders: ['export'], about: 'PyTorch script and weight export' },
  { name: 'deploy', folders: ['deploy'], about: 'service worker registration' },
  { name: 'worker', folders: ['worker'], about: 'training worker, its protocol and client' },
  { name: 'state', folders: ['state'], about: 'zustand store, actions, URL, hooks (useT)' },
  {
    name: 'ui',
    folders: ['ui'],
    about: 'presentational React pieces shared by controls and panels',
  },
  { name: 'controls', folders: ['controls'], about: 'settings, transport, banners' },
  { name: 'panels', folders: ['panels'], about: 'the visualisation panels and their registry' },
  {
    name: 'app',
    folders: ['app'],
    about: 'the page: App, its entry (main.tsx) and start-up, menus that tie panels together',
  },
];

const TEST_FILE = /\.test\.tsx?$/;
/** vitest setup files directly in src/ (vitest.config.ts `setupFiles`). */
const TEST_SETUP_FILE = /^test-setup[\w-]*\.tsx?$/;

const rankOf = new Map(LAYERS.map((layer, rank) => [layer.name, rank]));
const layerOfFolder = new Map(LAYERS.flatMap((layer) => layer.folders.map((f) => [f, layer.name])));
const order = LAYERS.map((layer) => layer.name).join(' ← ');

/**
 * Where a path sits: the source root it is under (the first `src` folder of its path
 * relative to `cwd`, so lint fixtures can hold their own `src/`), and its layer.
 * Returns null for paths outside any `src/`.
 */
export function placeOf(absolutePath, cwd) {
  const relative = path.relative(cwd, absolutePath).split(path.sep);
  const srcIndex = relative.indexOf('src');
  if (srcIndex < 0 || relative[0] === '..') return null;
  const root = path.join(cwd, ...relative.slice(0, srcIndex + 1));
  const inside = relative.slice(srcIndex + 1);
  if (inside.length === 0) return null;
  const fileName = inside[inside.length - 1];
  const isTest =
    TEST_FILE.test(fileName) || (inside.length === 1 && TEST_SETUP_FILE.test(fileName));
  // a file directly in src/ is in no layer (its folder is null); test setup files are exempt
  if (inside.length === 1) return { root, folder: null, layer: null, isTest };
  const folder = inside[0];
  return { root, folder, layer: layerOfFolder.get(folder) ?? null, isTest };
}

function unknownFolderMessage(folder) {
  if (folder === null)
    return "A source file directly in src/ is in no layer: the page lives in src/app/, the rest in its layer's folder.";
  return (
    `src/${folder}/ is in no layer. Add it to LAYERS in eslint-rules/layers.js ` +
    `(low → high: ${order}) and to docs/ARCHITECTURE.md.`
  );
}

function isDirectory(target) {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** The module specifier without a `?worker` / `?url` query. */
function stripQuery(specifier) {
  const query = specifier.indexOf('?');
  return query < 0 ? specifier : specifier.slice(0, query);
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports run from higher layers to lower ones only (see LAYERS).' },
    schema: [],
    messages: {
      backArrow:
        "{{from}} may not import from {{to}} ('{{specifier}}'): layers run one way, " +
        '{{order}}. Move the shared piece down to {{from}} or lower, or move this code up.',
      unknownFolder: '{{message}}',
      outsideRoot:
        "'{{specifier}}' leaves src/; product code imports packages or files inside src/ only.",
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const cwd = context.cwd ?? process.cwd();
    const here = placeOf(path.resolve(cwd, filename), cwd);
    if (here === null) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return; // packages
      if (here.isTest) return;
      if (here.layer === null) return; // reported once, on the file (Program)
      const target = path.resolve(path.dirname(path.resolve(cwd, filename)), stripQuery(specifier));
      const relativeToRoot = path.relative(here.root, target);
      if (relativeToRoot.startsWith('..') || path.isAbsolute(relativeToRoot)) {
        context.report({ node, messageId: 'outsideRoot', data: { specifier } });
        return;
      }
      // '../i18n' names the folder (its index.ts), not a file directly in src/
      const targetFile = isDirectory(target) ? path.join(target, 'index') : target;
      const there = placeOf(targetFile, cwd);
      if (there === null) return;
      if (there.layer === null) {
        context.report({
          node,
          messageId: 'unknownFolder',
          data: { message: unknownFolderMessage(there.folder) },
        });
        return;
      }
      if (rankOf.get(there.layer) > rankOf.get(here.layer)) {
        context.report({
          node,
          messageId: 'backArrow',
          data: { from: here.layer, to: there.layer, specifier, order },
        });
      }
    }

    function checkSource(node) {
      if (node.source && node.source.type === 'Literal') check(node.source, node.source.value);
    }

    return {
      Program(node) {
        if (here.layer === null && !here.isTest) {
          context.report({
            node,
            messageId: 'unknownFolder',
            data: { message: unknownFolderMessage(here.folder) },
          });
        }
      },
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
      // `import('../state/store').PlaygroundState` in a type position
      TSImportType(node) {
        // typescript-eslint 8 names it `source`; `argument` (deprecated) is a TSLiteralType
        const source = 'source' in node ? node.source : node.argument;
        const literal = source?.type === 'TSLiteralType' ? source.literal : source;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
      // `new URL('./train.worker.ts', import.meta.url)`: how Vite starts a worker
      NewExpression(node) {
        const [first, second] = node.arguments;
        const isUrlOfModule =
          node.callee.type === 'Identifier' &&
          node.callee.name === 'URL' &&
          first?.type === 'Literal' &&
          second?.type === 'MemberExpression' &&
          second.object.type === 'MetaProperty' &&
          second.property.type === 'Identifier' &&
          second.property.name === 'url';
        if (isUrlOfModule) check(first, first.value);
      },
    };
  },
};

export default {
  meta: { name: 'playground-layers' },
  rules: { layers: layersRule },
};
