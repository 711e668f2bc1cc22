import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { type RunningServer, startServer } from './server';

export interface BrowserSuite {
  /** Set once beforeAll has run. */
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * For a describe block: starts the built product and Debian's Chromium once before its tests and
 * stops both after them. Read `server` and `browser` inside the tests, not when the block is defined.
 */
export function useServerAndBrowser(): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    server = await startServer();
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 150_000);

  afterAll(async () => {
    await closeBrowser?.();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
