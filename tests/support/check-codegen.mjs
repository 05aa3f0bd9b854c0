#!/usr/bin/env node
// Regenerates the typed documents of the client and the tests into a scratch
// folder and fails when they differ from the committed ones: a document edited
// (or reformatted) without `pnpm schema` would otherwise be missing at run time.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const targets = ['schema/generated', 'tests/generated'];
const backup = mkdtempSync(path.join(os.tmpdir(), 'cooplink-codegen-'));
for (const t of targets) cpSync(path.join(root, t), path.join(backup, t), { recursive: true });

const cli = path.join(root, 'schema', 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
const run = spawnSync(process.execPath, [cli, '--config', 'codegen.ts'], { cwd: path.join(root, 'schema'), encoding: 'utf8' });
let stale = [];
for (const t of targets) {
  for (const f of readdirSync(path.join(root, t))) {
    const now = readFileSync(path.join(root, t, f), 'utf8');
    const before = readFileSync(path.join(backup, t, f), 'utf8');
    if (now !== before) stale.push(`${t}/${f}`);
  }
  // Leave the working tree as it was.
  cpSync(path.join(backup, t), path.join(root, t), { recursive: true });
}
rmSync(backup, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('GraphQL Code Generator failed: a document does not match schema/schema.graphql.');
  process.exit(1);
}
if (stale.length) {
  console.error(`Stale generated documents (run \`pnpm schema\` and commit): ${stale.join(', ')}`);
  process.exit(1);
}
console.log('Typed documents are up to date.');
