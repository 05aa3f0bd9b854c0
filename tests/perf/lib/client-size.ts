import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT_DIR } from '../../../server/src/config';

export interface ClientSize {
  initialJsGzipKb: number;
  initialFiles: string[];
  largestRouteChunk: { file: string; gzipKb: number };
}

/**
 * The JavaScript a first visit downloads: the entry script and the modules
 * index.html preloads. Route chunks load later, on navigation. The bundle is
 * built here, for production, into its own folder: client/dist may hold a
 * build made by another tool with other settings.
 */
export function measureClient(outDir: string): ClientSize {
  const vite = path.join(ROOT_DIR, 'client', 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: path.join(ROOT_DIR, 'client'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error(`the client build failed (exit ${build.status})`);
  const dist = outDir;
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
  const all = readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const routes = all.filter((f) => !initial.includes(f)).map((file) => ({ file, gzipKb: gz(file) }));
  routes.sort((a, b) => b.gzipKb - a.gzipKb);
  return {
    initialJsGzipKb: initial.reduce((sum, f) => sum + gz(f), 0),
    initialFiles: initial,
    largestRouteChunk: routes[0] ?? { file: '-', gzipKb: 0 },
  };
}
