// Every browser test file serves the built app and starts one Chromium for its tests.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launch, startServer } from './harness';

export interface BuiltApp {
  /** The app's origin, without a trailing slash. */
  url: string;
  browser: Browser;
}

export function useBuiltApp(): BuiltApp {
  const app = {} as BuiltApp;
  let server: PreviewServer | undefined;
  beforeAll(async () => {
    const started = await startServer();
    server = started.server;
    app.url = started.url;
    app.browser = await launch();
  });
  afterAll(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}
