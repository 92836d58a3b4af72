// Redraws the desktop app's icon (resources/icon.png, 1024 × 1024, what electron-builder turns
// into .icns, .ico and the Linux icons) from resources/icon.svg, in Debian's Chromium.
//   node scripts/app-icon.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const resources = join(dirname(fileURLToPath(import.meta.url)), '../resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:1024px;height:1024px}</style>${svg}`);
  await page.locator('svg').screenshot({ path: join(resources, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
