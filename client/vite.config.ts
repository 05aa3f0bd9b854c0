import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/uploads': { target: api },
      // Trace pages are server-rendered; only /t/<lot>, not every path starting with t.
      '^/t/': { target: api },
      '/healthz': { target: api },
      '/readyz': { target: api },
      '/exports': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
  },
});
