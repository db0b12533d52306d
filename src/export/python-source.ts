import playground from './python/playground.py?raw';
import simclrViews from './python/simclr_views.py?raw';
import simclrModel from './python/simclr_model.py?raw';
import simclrTrain from './python/simclr_train.py?raw';
import blindsrData from './python/blindsr_data.py?raw';
import blindsrModels from './python/blindsr_models.py?raw';
import blindsrStage2 from './python/blindsr_stage2.py?raw';
import blindsrTrain from './python/blindsr_train.py?raw';
import blindsrLightbsr from './python/blindsr_lightbsr.py?raw';

/**
 * The exported scripts are real Python modules in ./python (linted by pyflakes in CI, and
 * importable: bench/reference/ imports playground.py). A download is one file: the page's
 * settings, then each module's text in dependency order, with the imports gathered once at
 * the top and the imports between our own modules dropped (their names are already defined
 * above). `<lab>_settings.py` is never pasted: the page writes its values instead.
 */
export interface PythonModule {
  /** the module's import name: the file name without .py */
  name: string;
  source: string;
}

export const simclrModules: PythonModule[] = [
  { name: 'playground', source: playground },
  { name: 'simclr_views', source: simclrViews },
  { name: 'simclr_model', source: simclrModel },
  { name: 'simclr_train', source: simclrTrain },
];

export const blindsrModules: PythonModule[] = [
  { name: 'playground', source: playground },
  { name: 'blindsr_data', source: blindsrData },
  { name: 'blindsr_models', source: blindsrModels },
  { name: 'blindsr_stage2', source: blindsrStage2 },
  { name: 'blindsr_train', source: blindsrTrain },
];

/** The LightBSR pipeline's download: the same shared modules, its own main instead of blindsr_train's. */
export const lightbsrModules: PythonModule[] = [
  ...blindsrModules.filter((module) => module.name !== 'blindsr_train'),
  { name: 'blindsr_lightbsr', source: blindsrLightbsr },
];

/** The settings module each lab's modules import; the export writes its names itself. */
export const settingsModuleOf = { simclr: 'simclr_settings', blindsr: 'blindsr_settings' } as const;

interface SplitModule {
  /** the module docstring's lines, without the quotes */
  docstring: string[];
  /** top-level `import` / `from … import` statements, each on one line */
  imports: string[];
  code: string;
}

const importStart = /^(import \S|from \S+ import )/;

/** A module's docstring, its top-level imports (parenthesised ones joined) and the rest. */
export function splitModule(source: string): SplitModule {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let index = 0;
  const docstring: string[] = [];
  if (lines[0]?.startsWith('"""')) {
    let line = lines[0].slice(3);
    for (;;) {
      const end = line.indexOf('"""');
      if (end >= 0) {
        docstring.push(line.slice(0, end));
        break;
      }
      docstring.push(line);
      index += 1;
      if (index >= lines.length) throw new Error('unterminated module docstring');
      line = lines[index];
    }
    index += 1;
  }
  const imports: string[] = [];
  const code: string[] = [];
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (!importStart.test(line)) {
      code.push(line);
      continue;
    }
    let statement = line;
    while (statement.includes('(') && !statement.includes(')')) {
      index += 1;
      statement += ' ' + lines[index].trim();
    }
    imports.push(statement.replace(/\(\s*/, '').replace(/\s*\)/, '').replace(/\s+/g, ' '));
  }
  return { docstring, imports, code: code.join('\n').trim() };
}

const importedModule = (statement: string) => statement.split(' ')[1];

/**
 * The imports every module needs, once each, standard library first; imports of our own
 * modules and of the settings module are left out.
 */
export function gatherImports(modules: PythonModule[], settingsModule: string): string[] {
  const own = new Set([...modules.map((module) => module.name), settingsModule]);
  // the settings the page writes are JSON
  const seen = new Set<string>(['import json']);
  const standard: string[] = ['import json'];
  const thirdParty: string[] = [];
  for (const module of modules)
    for (const statement of splitModule(module.source).imports) {
      const from = importedModule(statement).split('.')[0];
      if (own.has(from) || seen.has(statement)) continue;
      seen.add(statement);
      (from === 'numpy' || from === 'torch' ? thirdParty : standard).push(statement);
    }
  const byModule = (a: string, b: string) => importedModule(a).localeCompare(importedModule(b));
  return [...standard.sort(byModule), '', ...thirdParty.sort(byModule)];
}

/** Each module's code under a banner that names its file and keeps its docstring as comments. */
export function moduleBodies(modules: PythonModule[]): string {
  return modules
    .map((module) => {
      const { docstring, code } = splitModule(module.source);
      const banner = [
        `# ${'='.repeat(20)} ${module.name}.py`,
        ...docstring.map((line) => `# ${line}`.trimEnd()),
      ];
      return `${banner.join('\n')}\n\n${code}`;
    })
    .join('\n\n\n');
}

/**
 * One self-contained script: shebang, docstring (`about`, then how to run it), the gathered
 * imports, the settings the page writes (`settings`: lines of Python), then the modules.
 */
export function assembleScript(
  about: string[],
  settings: string[],
  modules: PythonModule[],
  settingsModule: string,
): string {
  return [
    '#!/usr/bin/env python3',
    `"""${about[0]}`,
    ...about.slice(1),
    '',
    '    python3 this_file.py --steps 300',
    '"""',
    ...gatherImports(modules, settingsModule),
    '',
    `# ${'='.repeat(20)} ${settingsModule}.py, written by the page at export time`,
    ...settings,
    '',
    '',
    moduleBodies(modules),
    '',
  ].join('\n');
}
