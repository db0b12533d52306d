#!/usr/bin/env node
// pyflakes on every .py file git knows in the repository (the export's modules in
// src/export/python/, the twins in bench/reference/): undefined names, unused imports,
// redefinitions. Debian's python3-pyflakes (.ci/run installs it); fails when it is missing,
// so a clean lint always means the Python was read. Usage: node scripts/lint-python.mjs
import { execFileSync, spawnSync } from 'node:child_process';

const python =
  process.env.PYTHON ??
  (spawnSync('python3', ['-m', 'pyflakes', '--version']).status === 0
    ? 'python3'
    : '/usr/bin/python3');
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.py'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean);
const result = spawnSync(python, ['-m', 'pyflakes', ...files], { stdio: 'inherit' });
if (result.error || (result.status !== 0 && result.status !== 1)) {
  console.error(`pyflakes did not run ("${python} -m pyflakes"): apt-get install python3-pyflakes`);
  process.exit(2);
}
if (result.status === 0) console.log(`pyflakes: ${files.length} Python files clean`);
process.exit(result.status);
