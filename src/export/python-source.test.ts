import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blindsrSettings, defaultBlindSrConfig } from '../core/blindsr/config';
import { defaultSimclrConfig, simclrSettings } from '../core/simclr/config';
import { sourceSize } from '../data/recipes';
import { blindsrPytorchScript } from './blindsr-pytorch';
import {
  blindsrModules,
  gatherImports,
  lightbsrModules,
  settingsModuleOf,
  simclrModules,
  splitModule,
} from './python-source';
import { pytorchScript } from './pytorch';

const simclrScript = pytorchScript(defaultSimclrConfig, {
  kind: 'shapes',
  seed: 1,
  size: sourceSize,
});
const blindsrScript = blindsrPytorchScript(defaultBlindSrConfig, {
  kind: 'textures',
  seed: 1,
  size: 64,
  count: 2,
});
const lightbsrScript = blindsrPytorchScript(
  { ...defaultBlindSrConfig, pipeline: 'lightbsr' },
  { kind: 'textures', seed: 1, size: 64, count: 2 },
);
const pythonFolder = join(__dirname, 'python');
const root = join(__dirname, '..', '..');

/** The script without the settings the page writes: what reads the settings. */
const codeOf = (script: string) =>
  script.slice(script.indexOf('# ==================== playground.py'));

/** Every leaf of a config object, by its last key: `augment.cropMinArea` → `cropMinArea`. */
function leafKeys(value: object): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    child !== null && typeof child === 'object' && !Array.isArray(child)
      ? leafKeys(child as object)
      : [key],
  );
}

/** Settings the exported script has no use for, each with why. */
const notExported: Record<string, string> = {
  // the export trains stage 1 and then stage 2; the page's stage is where its run stands
  stage: 'the export runs both stages',
};

describe('the exported scripts read every setting', () => {
  const cases = [
    {
      lab: 'simclr',
      script: simclrScript,
      keys: [...simclrSettings.map((s) => s.path), ...leafKeys(defaultSimclrConfig)],
    },
    {
      lab: 'blindsr',
      script: blindsrScript,
      keys: [...blindsrSettings.map((s) => s.path), ...leafKeys(defaultBlindSrConfig)],
    },
    {
      lab: 'blindsr (lightbsr)',
      script: lightbsrScript,
      keys: [...blindsrSettings.map((s) => s.path), ...leafKeys(defaultBlindSrConfig)],
    },
  ];
  for (const { lab, script, keys } of cases)
    it(`${lab}: each setting is read as ["key"] by the script`, () => {
      const code = codeOf(script);
      const unread = [...new Set(keys.map((path) => path.split('.').pop()!))].filter(
        (key) =>
          !(key in notExported) && !code.includes(`["${key}"]`) && !code.includes(`['${key}']`),
      );
      expect(unread, `settings the ${lab} export ignores`).toEqual([]);
    });

  it('every exemption is still a setting', () => {
    const all = new Set<string>([...blindsrSettings, ...simclrSettings].map((s) => s.path));
    for (const key of Object.keys(notExported)) expect(all.has(key), key).toBe(true);
  });
});

describe('the Python modules', () => {
  it('the export writes every name of the settings module, and nothing reads another', () => {
    for (const [lab, script] of [
      ['simclr', simclrScript],
      ['blindsr', blindsrScript],
      ['blindsr', lightbsrScript],
    ] as const) {
      const settings = readFileSync(join(pythonFolder, `${settingsModuleOf[lab]}.py`), 'utf8');
      const names = [...settings.matchAll(/^([A-Z_]+)\s*[:=]/gm)].map((match) => match[1]);
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) expect(script, name).toMatch(new RegExp(`^${name} = `, 'm'));
    }
  });

  it('the script imports each outside module once and none of our own', () => {
    const imports = gatherImports(simclrModules, settingsModuleOf.simclr).filter(Boolean);
    expect(new Set(imports).size).toBe(imports.length);
    expect(imports).toContain('import torch');
    expect(imports.some((line) => /playground|simclr_/.test(line))).toBe(false);
    expect(simclrScript).not.toMatch(/^from (playground|simclr_\w+|blindsr_\w+) import/m);
    expect(blindsrScript).not.toMatch(/^from (playground|simclr_\w+|blindsr_\w+) import/m);
    expect(lightbsrScript).not.toMatch(/^from (playground|simclr_\w+|blindsr_\w+) import/m);
  });

  it('splits a parenthesised import into one statement and keeps the docstring', () => {
    const { docstring, imports, code } = splitModule(
      '"""One.\nTwo."""\nimport math\nfrom a import (b,\n    c)\n\nx = 1\n',
    );
    expect(docstring).toEqual(['One.', 'Two.']);
    expect(imports).toEqual(['import math', 'from a import b, c']);
    expect(code).toBe('x = 1');
  });

  it('each lab lists its modules in dependency order, the shared one first', () => {
    for (const modules of [simclrModules, blindsrModules, lightbsrModules]) {
      expect(modules[0].name).toBe('playground');
      const defined = new Set<string>();
      for (const module of modules) {
        for (const statement of splitModule(module.source).imports) {
          const from = /^from (\w+) import/.exec(statement)?.[1];
          if (from && modules.some((m) => m.name === from))
            expect(defined.has(from), `${module.name} imports ${from}`).toBe(true);
        }
        defined.add(module.name);
      }
    }
    const files = readdirSync(pythonFolder).filter((name) => !name.endsWith('_settings.py'));
    const listed = new Set(
      [...simclrModules, ...blindsrModules, ...lightbsrModules].map((m) => `${m.name}.py`),
    );
    expect(files.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('every source file a Python comment points to exists', () => {
    const pythonFiles = spawnSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', '*.py'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
      .stdout.split('\n')
      .filter(Boolean);
    expect(pythonFiles.length).toBeGreaterThan(8);
    const missing = pythonFiles.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\bsrc\/[\w/.-]+\.tsx?\b/g)]
        .map((match) => match[0])
        .filter((path) => !existsSync(join(root, path)))
        .map((path) => `${file}: ${path}`),
    );
    expect(missing).toEqual([]);
  });
});

/** pyflakes on the downloads themselves: the joined modules still define every name once. */
const python = process.env.PYTHON ?? '/usr/bin/python3';
const pyflakes = spawnSync(python, ['-m', 'pyflakes', '--version']).status === 0;
if (!pyflakes) console.warn(`skipping pyflakes on the downloads: "${python} -m pyflakes" failed`);

describe('the downloads', () => {
  it.skipIf(!pyflakes)('pass pyflakes', () => {
    const directory = mkdtempSync(join(tmpdir(), 'export-lint-'));
    const files = [
      ['simclr.py', simclrScript],
      ['blindsr.py', blindsrScript],
      ['lightbsr.py', lightbsrScript],
    ].map(([name, text]) => {
      writeFileSync(join(directory, name), text);
      return join(directory, name);
    });
    const result = spawnSync(python, ['-m', 'pyflakes', ...files], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
