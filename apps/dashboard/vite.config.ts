import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where the API runs in development; the dev server forwards `/api` (with the live websocket) and `/health`. */
const api = process.env.PANGGUNG_API_URL ?? 'http://127.0.0.1:3000';
const proxy = {
  '/api': { target: api, ws: true },
  '/health': { target: api },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
