// `npm test`: lint, typecheck, build, unit/integration tests, browser (e2e) tests — every step runs, and the
// run ends with one line "N passed, N failed" that CI reads. Checks count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-if-needed.js';

const results = path.join(root, '.test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
  process.stdout.write(`\n── ${name} ──\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  process.stdout.write(
    `── ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return run.status === 0;
}

function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function suite(name, args) {
  const report = path.join(results, `${name}.json`);
  rmSync(report, { force: true });
  const ok = step(name, bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed++;
    failures.push(`${name} (no report: the suite did not run)`);
    return;
  }
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  if (summary.numFailedTests > 0 || !ok) failures.push(name);
  if (!ok && summary.numFailedTests === 0) failed++; // a suite that broke outside any test
}

check('lint (eslint)', bin('eslint'), ['.']);
check('format (prettier)', bin('prettier'), ['--check', '.']);
check('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
const built = step('build (electron-vite)', bin('electron-vite'), ['build']);
if (built) passed++;
else {
  failed++;
  failures.push('build');
}
suite('unit', []);
if (built) suite('e2e', ['-c', 'tests/e2e/vitest.config.ts']);

if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
