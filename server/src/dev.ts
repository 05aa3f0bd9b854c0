import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from './config';

/**
 * Development: the API on PORT (default 4000) and Vite with hot reload on
 * 5173, proxying /graphql and /uploads to it. Open the Vite URL.
 */
process.env.SKIP_CLIENT_BUILD = 'true';
const clientDir = path.join(ROOT_DIR, 'client');
const vite = spawn(process.execPath, [path.join(clientDir, 'node_modules', 'vite', 'bin', 'vite.js'), '--host', '127.0.0.1'], {
  cwd: clientDir,
  stdio: 'inherit',
});
const stop = () => vite.kill('SIGTERM');
process.on('exit', stop);
await import('./main');
