// Shared set-up for the end-to-end suite: Debian's Chromium driven by Playwright.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const fixtures = JSON.parse(readFileSync(process.env.FIXTURES ?? 'target/e2e/fixtures.json', 'utf8'));

// Flags that keep Chromium quiet on a machine with no network but loopback.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}
