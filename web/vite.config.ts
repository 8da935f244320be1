import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The operator web app; `npm run build:web` writes web/dist, which the server serves at `/`. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev:web` talks to a server started with PORT=3100.
    proxy: { '/api': 'http://127.0.0.1:3100' },
  },
});
