// Fails loudly when the browser the tests need is missing, and says how to install it.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`\nERROR: Chromium not found at ${CHROMIUM}.\nThe browser tests and benchmarks need Debian's Chromium. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\n(or set CHROMIUM_PATH to a Chromium binary). Tests are never skipped.\n`);
  process.exit(1);
}
