// Builds the single-page app from web/ into web/dist, which the Vigil server serves with an SPA fallback.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `vite --config web/vite.config.ts` for development against a running `vigil serve` (VIGIL_API_URL, default http://127.0.0.1:3000).
    proxy: { '/api': process.env.VIGIL_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
