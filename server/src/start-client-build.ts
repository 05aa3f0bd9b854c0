import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from './config';

/**
 * Builds the client when its bundle is missing, in a child process, so it
 * overlaps with starting the database. Resolves when the bundle exists.
 */
export function ensureClientBuilt(log: (msg: string) => void): Promise<void> {
  const clientDir = path.join(ROOT_DIR, 'client');
  if (process.env.SKIP_CLIENT_BUILD === 'true') return Promise.resolve();
  const built = path.join(clientDir, 'dist', 'index.html');
  if (existsSync(built) && newestSource(clientDir) <= statSync(built).mtimeMs) return Promise.resolve();
  const vite = path.join(clientDir, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    log('The client is not installed; run `pnpm install` to serve the web interface.');
    return Promise.resolve();
  }
  log('Building the web client…');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: clientDir,
      // The bundle is served to users until the sources change; a NODE_ENV
      // inherited from a test runner would make it a development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => {
      if (code !== 0) log(`The client build failed (exit ${code}); the API still starts.`);
      resolve();
    });
  });
}

/** The latest change to anything the bundle is built from, so a pulled change is never served stale. */
function newestSource(clientDir: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['src', 'public']) if (existsSync(path.join(clientDir, dir))) walk(path.join(clientDir, dir));
  for (const file of ['index.html', 'vite.config.ts', 'package.json']) {
    const full = path.join(clientDir, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  const generated = path.join(clientDir, '..', 'schema', 'generated');
  if (existsSync(generated)) walk(generated);
  return newest;
}
