import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from './config';

/**
 * Builds the client when its bundle is missing, in a child process, so it
 * overlaps with starting the database. Resolves when the bundle exists.
 */
export function ensureClientBuilt(log: (msg: string) => void): Promise<void> {
  const clientDir = path.join(ROOT_DIR, 'client');
  if (process.env.SKIP_CLIENT_BUILD === 'true') return Promise.resolve();
  if (existsSync(path.join(clientDir, 'dist', 'index.html'))) return Promise.resolve();
  const vite = path.join(clientDir, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    log('The client is not installed; run `pnpm install` to serve the web interface.');
    return Promise.resolve();
  }
  log('Building the web client (first start only)…');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: clientDir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => {
      if (code !== 0) log(`The client build failed (exit ${code}); the API still starts.`);
      resolve();
    });
  });
}
