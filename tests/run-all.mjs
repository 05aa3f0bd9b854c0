#!/usr/bin/env node
// Runs every test suite in turn (server and client unit tests, API tests
// against real PostgreSQL, browser tests in Chromium) and ends with one line,
// "N passed, N failed", totalled over all of them. Named suites run alone:
// `node tests/run-all.mjs reliability` runs the long outage, shutdown and load
// drills, which the default run leaves out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'tests', '.artifacts');
mkdirSync(outDir, { recursive: true });

const only = process.argv.slice(2);
const vitest = (cwd, extra) => [path.join(root, cwd, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...extra];
const suites = [
  {
    name: 'schema',
    cmd: [path.join(root, 'server', 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/emit-schema.ts', '--check'],
    cwd: 'server',
    check: true,
  },
  {
    name: 'codegen',
    cmd: [path.join(root, 'tests', 'support', 'check-codegen.mjs')],
    cwd: '.',
    check: true,
  },
  { name: 'server', cmd: vitest('server', []), cwd: 'server' },
  { name: 'client', cmd: vitest('client', []), cwd: 'client' },
  { name: 'api', cmd: vitest('tests', ['--project', 'api']), cwd: 'tests' },
  { name: 'browser', cmd: vitest('tests', ['--project', 'browser']), cwd: 'tests' },
  { name: 'reliability', cmd: vitest('tests', ['--project', 'reliability']), cwd: 'tests', optIn: true },
].filter((s) => (only.length === 0 ? !s.optIn : only.includes(s.name)));
for (const s of suites) rmSync(path.join(outDir, `${s.name}.json`), { force: true });

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const json = path.join(outDir, `${suite.name}.json`);
  const args = suite.check ? suite.cmd : [...suite.cmd, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`];
  const run = spawnSync(process.execPath, args, {
    cwd: path.join(root, suite.cwd),
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (suite.check) {
    if (run.status === 0) passed++;
    else failed++;
    continue;
  }
  if (existsSync(json)) {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if ((run.status !== 0 && r.numFailedTests === 0) || r.numTotalTests === 0) {
      // The runner failed outside any test (a crashed setup, an unhandled error, or no test ran).
      failed++;
      broken = true;
    }
  } else {
    failed++;
    broken = true;
  }
}
console.log('');
if (broken) console.log('A suite failed outside its tests; see its output above.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
