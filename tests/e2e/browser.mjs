// Shared set-up for the end-to-end suite: Debian's Chromium driven by Playwright.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const fixtures = JSON.parse(readFileSync(process.env.FIXTURES ?? 'target/e2e/fixtures.json', 'utf8'));
export const SCREENSHOTS = 'tests/e2e/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

// Flags that keep Chromium quiet on a machine with no network but loopback.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // A French person's browser: the page proposes the browser's language on a first visit.
  '--lang=fr-FR',
];

/** Chromium with the suite's flags, and any others a test needs (e.g. a fake camera). */
export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...ARGS, ...extraArgs] });
}

/** Chromium with a profile in `dir`, as a person's own browser (one context,
 * kept on disk): installing the app, which an incognito context refuses, works there. */
export async function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS, locale: 'fr-FR' });
}

/** A whole-page screenshot to `path`, PNG, encoded for speed (lossless, a
 * bigger file: 210 ms instead of 340 for a long page at 1280 px). */
export async function shot(page, path) {
  page.cdp ??= await page.context().newCDPSession(page);
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  const { data } = await page.cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 }, optimizeForSpeed: true });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

/** A fresh page (own context: empty storage) that fails the test on any page error. */
export async function freshPage(browser, options = {}) {
  // A French person's browser (the page proposes the browser's language).
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** A text as read, with French typography's no-break spaces made ordinary
 * (the page puts one before `?`, `!`, `:`, `;`; the YAML has plain spaces). */
export const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ').trim();

/** Opens the welcome and waits until the resident's module has taken over
 * the welcome that index.html shows before it (rendered at build time). */
export async function start(page, base = BASE_URL) {
  await page.goto(base);
  await page.locator('section.welcome:not([data-prerendered]) h1').waitFor();
}

/** The id of the question on screen, from the URL. */
export function questionId(page) {
  const m = /#\/question\/(.+)$/.exec(new URL(page.url()).hash);
  return m ? m[1] : null;
}

/** Waits until the URL has moved on and the new screen is rendered. */
export async function waitForScreen(page, previousUrl) {
  await page.waitForFunction((u) => location.href !== u, previousUrl);
  const id = questionId(page);
  if (id) await page.locator(`input[name="${id}"]`).first().waitFor();
  else if (page.url().endsWith('#/resultat')) await page.locator('.parcours-title').waitFor();
  else await page.locator('[data-focus]').first().waitFor();
}

/** Answers as a persona would, with the mouse, until the result screen. */
export async function answerWithMouse(page, answers, startName = 'Commencer') {
  const start = page.url();
  await page.getByRole('button', { name: startName, exact: true }).click();
  await waitForScreen(page, start);
  for (let guard = 0; guard < 60 && questionId(page); guard++) {
    const id = questionId(page);
    const chosen = [answers[id] ?? []].flat();
    for (const option of chosen) await page.locator(`label[for="opt-${id}-${option}"]`).click();
    const before = page.url();
    await page.locator('button[type=submit]').click();
    await waitForScreen(page, before);
  }
  assert.match(page.url(), /#\/resultat$/);
}

/** The same with the keyboard alone: Tab, arrows, Space, Enter. */
export async function answerWithKeyboard(page, answers, optionsOf, startName = 'Commencer') {
  await focusOn(page, (el, name) => el.tagName === 'BUTTON' && el.textContent.trim() === name, startName);
  const start = page.url();
  await page.keyboard.press('Enter');
  await waitForScreen(page, start);
  for (let guard = 0; guard < 60 && questionId(page); guard++) {
    const id = questionId(page);
    const options = optionsOf(id);
    const chosen = [answers[id] ?? []].flat();
    const inputs = await page.locator(`input[name="${id}"]`).all();
    const multiple = (await inputs[0].getAttribute('type')) === 'checkbox';
    if (multiple) {
      for (const [k, o] of options.entries()) {
        await focusOn(page, (el, want) => el.id === want, `opt-${id}-${o}`);
        if (chosen.includes(o)) await page.keyboard.press('Space');
        void k;
      }
    } else if (chosen.length) {
      const k = options.indexOf(chosen[0]);
      await focusOn(page, (el, name) => el.name === name, id);
      // Tab lands on the first radio: Space checks it, each arrow moves and checks.
      await page.keyboard.press('Space');
      for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
    }
    await focusOn(page, (el) => el.type === 'submit');
    const before = page.url();
    await page.keyboard.press('Enter');
    await waitForScreen(page, before);
  }
  assert.match(page.url(), /#\/resultat$/);
}

/** Presses Tab until the focused element matches (at most 40 times). */
export async function focusOn(page, predicate, arg) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(([p, a]) => new Function('el', 'arg', `return (${p})(el, arg)`)(document.activeElement, a), [predicate.toString(), arg])) return;
  }
  throw new Error(`could not reach ${predicate} with Tab`);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page: no violation at all. */
export async function assertAccessible(page, label) {
  let violations;
  if (page.frames().length === 1) {
    // A page without frames: axe.run in the page itself, injected once per
    // document. @axe-core/playwright runs each frame apart and merges the
    // results in a new blank page, which took 480 ms a check instead of 120.
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
    violations = await page.evaluate((tags) => window.axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))), AXE_TAGS);
  } else {
    violations = (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations;
  }
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  assert.deepEqual(summary, [], `${label}: axe violations`);
}

/** Waits until the page's fonts are loaded and two frames are painted:
 * what a screenshot or a measurement after a change needs, and no more. */
export async function settled(page) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

/** The advisor's passphrase in these tests. */
export const PASSPHRASE = 'phrase de passe du conseiller';

/** Opens the advisor's desk and unlocks it (`create`: the vault is new, the passphrase typed twice). */
export async function unlockAdvisor(page, { create = false, base = BASE_URL } = {}) {
  await page.goto(base + '#/conseiller');
  await page.locator('#passphrase').waitFor();
  await page.locator('#passphrase').fill(PASSPHRASE);
  if (create) await page.locator('#passphrase-confirm').fill(PASSPHRASE);
  await page.locator('form.unlock button[type=submit]').click();
  await page.locator('#code-input').waitFor();
}

/** Types a resident's code at the desk and opens it. */
export async function openCode(page, code) {
  await page.locator('#code-input').fill(code);
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  await page.locator('#recommended').waitFor();
}

/** Opens the author's area (`#/apercu`) once it has read the published
 * files, on its form (`'update'`) or on the questionnaire's text (`'text'`). */
export async function openAuthor(page, tab = 'update', base = BASE_URL) {
  if (!page.url().endsWith('#/apercu')) await page.goto(base + '#/apercu');
  await page.locator('main.author nav.tabs').waitFor();
  if (tab === 'text') {
    await page.locator('main.author nav.tabs button').nth(1).click();
    await page.locator('#yaml-text').waitFor();
  } else {
    await page.locator('main.author nav.tabs button').nth(0).click();
    await page.locator('main.author .term').waitFor();
  }
}

/** The files of a zip, `{ name: Buffer }` (read with Python's zipfile, which
 * the machine has: Node has no zip reader). */
export function unzip(path) {
  const script = 'import base64,json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))';
  const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`cannot read the zip ${path}: ${run.stderr}`);
  return Object.fromEntries(Object.entries(JSON.parse(run.stdout)).map(([n, b]) => [n, Buffer.from(b, 'base64')]));
}
