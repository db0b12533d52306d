import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints lint-fixtures/ with the repository's own eslint.config.js (the folder is ignored by
// `npm run lint`, so `ignore: false`) and runs the cycle check the way `npm run lint` does.

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repo, 'lint-fixtures');

interface Finding {
  file: string;
  line: number;
  rule: string | null;
  message: string;
}

async function lint(tree: string): Promise<Finding[]> {
  const eslint = new ESLint({ cwd: repo, ignore: false });
  const results = await eslint.lintFiles([path.join(fixtures, tree, 'src/**/*.{ts,tsx}')]);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(path.join(fixtures, tree, 'src'), result.filePath),
      line: message.line,
      rule: message.ruleId,
      message: message.message,
    })),
  );
}

function checkCycles(tree: string): { status: number; output: string } {
  try {
    const output = execFileSync(
      process.execPath,
      [path.join(repo, 'scripts/check-cycles.mjs'), path.join(fixtures, tree, 'src')],
      { cwd: repo, encoding: 'utf8', stdio: 'pipe' },
    );
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: failed.stdout + failed.stderr };
  }
}

describe('layer rule', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await lint('back-arrow');
  });

  it('reports every kind of arrow from core up, one per import', () => {
    const fromCore = findings.filter((finding) => finding.file === 'core/reads-up.ts');
    expect(fromCore.map((finding) => [finding.line, finding.rule])).toEqual([
      [2, 'playground/layers'], // import type
      [3, 'playground/layers'], // value import
      [5, 'playground/layers'], // export … from
      [6, 'playground/layers'], // import('…').Type
      [9, 'playground/layers'], // dynamic import()
    ]);
    expect(fromCore[0].message).toMatch(/^core may not import from state \('\.\.\/state\/store'\)/);
    expect(fromCore[1].message).toMatch(/^core may not import from panels/);
  });

  it('reports a hook in i18n reading the store, and a control importing a panel', () => {
    expect(findings.filter((finding) => finding.file === 'i18n/useT.ts')).toMatchObject([
      {
        line: 2,
        rule: 'playground/layers',
        message: expect.stringMatching(/^i18n may not import from state/),
      },
    ]);
    expect(findings.filter((finding) => finding.file === 'controls/Upload.ts')).toMatchObject([
      {
        line: 2,
        rule: 'playground/layers',
        message: expect.stringMatching(/^controls may not import from panels/),
      },
    ]);
  });

  it('says a folder in no layer must be placed', () => {
    expect(findings.filter((finding) => finding.file === 'widgets/Knob.ts')).toMatchObject([
      {
        rule: 'playground/layers',
        message: expect.stringMatching(/^src\/widgets\/ is in no layer\. Add it to LAYERS/),
      },
    ]);
  });

  it('says a source file directly in src/ belongs in src/app/ or its layer', () => {
    expect(findings.filter((finding) => finding.file === 'main.ts')).toMatchObject([
      {
        rule: 'playground/layers',
        message: expect.stringMatching(/^A source file directly in src\/ is in no layer/),
      },
    ]);
  });

  it('exempts tests and reports nothing else', () => {
    expect(findings.filter((finding) => finding.file === 'core/reads-up.test.ts')).toEqual([]);
    expect(findings).toHaveLength(5 + 2 + 1 + 1);
  });

  it('finds nothing in a tree whose arrows all run down', async () => {
    expect(await lint('good')).toEqual([]);
  });
});

describe('cycle check', () => {
  it('prints the two-file cycle and fails', () => {
    const { status, output } = checkCycles('cycle');
    expect(status).toBe(1);
    expect(output).toContain(
      'import cycle: lint-fixtures/cycle/src/core/a.ts → lint-fixtures/cycle/src/core/b.ts → lint-fixtures/cycle/src/core/a.ts',
    );
    expect(output).toContain('1 import cycle(s)');
  });

  it('passes a tree without cycles', () => {
    expect(checkCycles('good')).toEqual({ status: 0, output: 'check-cycles: no import cycles\n' });
  });
});
