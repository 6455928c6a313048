/**
 * Real headless Chromium for the page's tests: Debian's `chromium` package
 * driven by playwright-core, which downloads nothing. Without the browser the
 * tests are skipped with the reason in their title and printed once, never
 * silently (.ci/run installs it).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { openApiWorld, type ApiWorld } from '../../api/support/api-world';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Like describe, when the browser is there; otherwise skipped, saying why. */
export function describeInBrowser(title: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH)) {
    describe(title, body);
    return;
  }
  const reason = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  process.stderr.write(`${title}: ${reason}\n`);
  describe.skip(`${title} (${reason})`, body);
}

/**
 * The network here is closed: without these flags Chromium keeps trying to
 * reach Google's services. playwright-core gives each launch a fresh, temporary
 * --user-data-dir of its own (and each context fresh storage).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ServedPage {
  world: ApiWorld;
  baseUrl: string;
  close(): Promise<void>;
}

/** The API (embedded SQLite, shipped content, the personas' date) listening on an ephemeral port. */
export async function servePage(): Promise<ServedPage> {
  const world = await openApiWorld();
  const server = http.createServer(world.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    world,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await world.close();
    },
  };
}
