import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { catalogueSummary } from './scripts/vite-catalogue-summary';

export default defineConfig({
  plugins: [vue(), catalogueSummary(fileURLToPath(new URL('./src/content', import.meta.url)))],
  build: {
    // QMM_OUT_DIR lets parallel builds (tests, benchmarks) use separate folders.
    outDir: process.env.QMM_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
