import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The operator web app; `npm run build:web` writes web/dist, which the server serves at `/`. */
export default defineConfig({
  root,
  plugins: [
    react(),
    // The field app must open where there is no signal: a service worker keeps the built app on the
    // device. The API is never cached by it: the field app keeps its own data in IndexedDB.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Sinergi',
        short_name: 'Sinergi',
        description: 'Data Terpadu Kesejahteraan Sosial',
        lang: 'id',
        start_url: '/field',
        scope: '/',
        display: 'standalone',
        theme_color: '#1c7ed6',
        background_color: '#ffffff',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
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
