import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
 * index.html preloads. Route chunks load later, on navigation.
 */
export function measureClient(): ClientSize {
  const dist = path.join(ROOT_DIR, 'client', 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    const vite = path.join(ROOT_DIR, 'client', 'node_modules', 'vite', 'bin', 'vite.js');
    spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: path.join(ROOT_DIR, 'client'), stdio: 'inherit' });
  }
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
