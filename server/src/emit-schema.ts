import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ROOT_DIR } from './config';
import { getSchema } from './schema';

/** Writes schema/schema.graphql, or with --check fails when the committed file is stale. */
const file = path.join(ROOT_DIR, 'schema', 'schema.graphql');
const sdl = `# Emitted by the server (pnpm schema). Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== sdl) {
    console.error('schema/schema.graphql is stale: run `pnpm schema` and commit the result.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  writeFileSync(file, sdl);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
