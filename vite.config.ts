import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { catalogueSummary } from './scripts/vite-catalogue-summary';
import { reportFonts } from './scripts/vite-report-fonts';

// The built app allows scripts, styles, fonts and connections from its own origin only: no inline
// script, no eval. (Vite's dev server injects inline styles, so the policy is added to builds only.)
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig({
  plugins: [
    vue(),
    catalogueSummary(fileURLToPath(new URL('./src/content', import.meta.url))),
    reportFonts(fileURLToPath(new URL('.', import.meta.url))),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg', 'icon.svg'],
      manifest: {
        name: '质量管理成熟度自评',
        short_name: '质量成熟度',
        description: '中小企业质量管理成熟度自评：数据只保存在本机，离线可用。',
        lang: 'zh-CN',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f5f7fa',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything, fonts and the PDF code included, so the whole app works offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,otf,woff2,json,webmanifest}'],
        maximumFileSizeToCacheInBytes: 30 * 1024 * 1024,
        // The rare-character fallback font comes in 42 pieces; each is fetched only when a report needs it,
        // then kept for offline use.
        globIgnores: ['**/HanaMinB.*'],
        runtimeCaching: [
          { urlPattern: /\/assets\/HanaMinB\..*\.woff2$/, handler: 'CacheFirst', options: { cacheName: 'report-fallback-fonts' } },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
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
