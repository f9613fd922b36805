// Offline after the first visit (web/sw.js). The site is served here by a
// server of the test's own, on a copy of dist/, with `Cache-Control: no-cache`
// and validators on every response (as nginx or Apache send them), so that the
// browser's HTTP cache cannot pass for offline support: the network is cut by
// stopping that server, and every page is a fresh one (a new tab and a real
// navigation, never a hash change on an open page). One browser profile, on
// disk, for the whole file: the worker and its cache persist from page to
// page, as on a resident's phone or the advisor's computer (and, unlike an
// incognito context, it lets Chromium say whether the app can be installed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { launchProfile, fixtures, answerWithMouse, unlockAdvisor, openCode, norm } from './browser.mjs';

const ROOT = mkdtempSync(join(tmpdir(), 'diag-offline-'));
const PROFILE = mkdtempSync(join(tmpdir(), 'diag-offline-profile-'));
cpSync(process.env.DIST ?? 'dist', ROOT, { recursive: true });
const ORIGINAL_YAML = readFileSync(join(ROOT, 'questionnaire.yaml'), 'utf8');
/** The worker's version, written into sw.js by `cargo xtask build`. */
const VERSION = /const VERSION = '([^']+)'/.exec(readFileSync(join(ROOT, 'sw.js'), 'utf8'))?.[1];
// What sw.js keeps for every visitor, and only for a device that opened a staff screen.
const RESIDENT = ['./', 'main.js', 'resident.js', 'resident_bg.wasm', 'questionnaire.bin', 'logo.svg', 'icon.svg', 'manifest.webmanifest'];
const STAFF = ['staff.js', 'staff_bg.wasm', 'staff.css'];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.yaml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** What reached the server: `path status`, in order. */
const served = [];
/** Flaky Wi-Fi: requests reach the server and are never answered. */
let silent = false;
function handle(req, res) {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (silent) {
    served.push(`${path} (no answer)`);
    return;
  }
  let file = resolve(ROOT, '.' + decodeURIComponent(path));
  if (path.endsWith('/')) file = join(file, 'index.html');
  const stat = file.startsWith(ROOT + sep) ? statSync(file, { throwIfNoEntry: false }) : undefined;
  const headers = { 'Cache-Control': 'no-cache' };
  if (!stat?.isFile()) {
    served.push(`${path} 404`);
    res.writeHead(404, headers).end();
    return;
  }
  headers.ETag = `"${stat.size}-${stat.mtimeMs}"`;
  headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
  const unchanged = req.headers['if-none-match'] === headers.ETag;
  served.push(`${path} ${unchanged ? 304 : 200}`);
  res.writeHead(unchanged ? 304 : 200, headers).end(unchanged ? undefined : readFileSync(file));
}

let server;
let port = 0;
let BASE;
/** The network comes back, on the same origin. */
async function networkUp() {
  if (server?.listening) return;
  server = http.createServer(handle);
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  port = server.address().port;
  BASE = `http://127.0.0.1:${port}/`;
}
/** The network is cut: nothing listens any more, open connections are dropped. */
async function networkDown() {
  const closed = new Promise((ok) => server.close(ok));
  server.closeAllConnections();
  await closed;
  await assert.rejects(fetch(BASE), 'the server still answers');
}

let context;
const requested = [];
before(async () => {
  assert.ok(VERSION && VERSION !== '__BUILD__', 'sw.js carries no build version');
  await networkUp();
  context = await launchProfile(PROFILE);
  context.on('request', (r) => requested.push(r.url()));
});
after(async () => {
  await context?.close();
  server?.close();
  for (const dir of [ROOT, PROFILE]) rmSync(dir, { recursive: true, force: true });
});

/** A new tab on `hash`, failing the test on any page error. */
async function fresh(hash = '') {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (hash !== null) await page.goto(BASE + hash);
  return page;
}
async function done(page) {
  assert.deepEqual(page.errors, []);
  await page.close();
}
/** The welcome, once the resident's module has taken it over. */
async function welcomeTitle(page) {
  const h1 = page.locator('section.welcome:not([data-prerendered]) h1');
  await h1.waitFor();
  return norm(await h1.textContent());
}
/** Which of `files` the site's cache holds, read from the page. */
const inCache = (page, files) => page.evaluate(async (files) => {
  const held = [];
  for (const f of files) if (await caches.match(f)) held.push(f);
  return held;
}, files);
async function untilCached(page, files) {
  for (let i = 0; i < 100; i++) {
    if ((await inCache(page, files)).length === files.length) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(await inCache(page, files), files, 'not cached after 10 s');
}
/** Waits until the welcome, as the module renders it, has `title`. */
const titleShown = (page, title) => page.waitForFunction((want) => (document.querySelector('section.welcome:not([data-prerendered]) h1')?.textContent ?? '').replace(/\u00a0/g, ' ').trim() === want, title);
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after a first visit, with the network cut, the quiz and the desk open in new tabs and a record saves', async () => {
  const t0 = Date.now();
  const page = await fresh();
  assert.equal(await welcomeTitle(page), fixtures.title);
  // The worker takes over this very page (clients.claim) once it has installed.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  await untilCached(page, RESIDENT);
  assert.deepEqual(await cacheNames(page), [`diag ${BASE} ${VERSION}`]);
  // The worker's own downloads were revalidations: the first visit downloads each file once.
  const bodies = served.filter((s) => s.endsWith(' 200')).map((s) => s.split(' ')[0]);
  assert.deepEqual(bodies.filter((p, i) => bodies.indexOf(p) !== i), [], `downloaded twice:\n${served.join('\n')}`);
  assert.ok(served.some((s) => s === '/resident_bg.wasm 304'), `the worker revalidated the Wasm:\n${served.join('\n')}`);
  // A resident's visit never gets the staff's module.
  assert.deepEqual(await inCache(page, STAFF), []);
  assert.ok(!served.some((s) => s.startsWith('/staff')), served.join('\n'));
  console.log(`# first visit: ${served.length} requests (${bodies.length} bodies, ${served.length - bodies.length} revalidated), cache filled in ${Date.now() - t0} ms`);
  await done(page);

  // The advisor opens the desk once, online: from then on it opens offline too.
  const desk = await fresh('#/conseiller');
  await desk.locator('#passphrase').waitFor();
  await untilCached(desk, STAFF);
  await done(desk);

  // A language's texts are kept as they come, like the questionnaire's:
  // English is read once online on this device.
  const englishOnline = await fresh('?lang=en');
  await englishOnline.waitForFunction(() => document.documentElement.lang === 'en');
  await welcomeTitle(englishOnline);
  await englishOnline.getByRole('link', { name: 'Français' }).click();
  await englishOnline.waitForFunction(() => document.documentElement.lang === 'fr' && !location.search.includes('lang='));
  await done(englishOnline);

  await networkDown();
  const cut = served.length;
  const t1 = Date.now();
  const quiz = await fresh();
  assert.equal(await welcomeTitle(quiz), fixtures.title);
  assert.ok(await quiz.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is the worker\'s');
  // Really offline: what the cache does not hold fails.
  assert.equal(await quiz.evaluate(() => fetch('absent-du-cache.txt').then(() => 'answered', (e) => e.name)), 'TypeError');
  const persona = fixtures.personas[0];
  await answerWithMouse(quiz, persona.answers);
  assert.equal(norm(await quiz.locator('.parcours-title').textContent()), persona.title);
  const code = norm(await quiz.locator('#result-code').textContent());
  assert.equal(code, persona.code);
  await done(quiz);
  console.log(`# offline quiz, welcome to result: ${Date.now() - t1} ms`);
  // Any address of the site opens: the English version too, read once on
  // this device before (then French again: the choice is remembered).
  const english = await fresh('?lang=en');
  await english.waitForFunction(() => document.documentElement.lang === 'en');
  await welcomeTitle(english);
  await english.getByRole('link', { name: 'Français' }).click();
  // The page's own `lang="fr"` is there before main.js runs: wait for main.js (it drops `?lang=fr`).
  await english.waitForFunction(() => document.documentElement.lang === 'fr' && !location.search.includes('lang='));
  await done(english);

  const t2 = Date.now();
  const advisor = await fresh(null);
  await unlockAdvisor(advisor, { create: true, base: BASE });
  await openCode(advisor, code);
  await advisor.locator('#decide-name').fill('Hors ligne');
  await advisor.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await advisor.getByText('Fiche enregistrée : Hors ligne').waitFor();
  await done(advisor);
  // Saved for good: a new tab, still offline, finds it.
  const again = await fresh(null);
  await unlockAdvisor(again, { base: BASE });
  await again.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
  const rows = again.locator('.record-table tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(norm(await rows.first().textContent()), /Hors ligne/);
  await done(again);
  console.log(`# offline desk, unlock to saved record and reopened: ${Date.now() - t2} ms`);
  assert.equal(served.length, cut, 'nothing reached the server while the network was cut');
  await networkUp();
});

test('a changed questionnaire.yaml shows on the next visit with a network, and stays offline', async () => {
  await networkUp();
  const title = 'Quel parcours numérique choisir cette saison ?';
  const edited = ORIGINAL_YAML.replace(`fr: "${fixtures.title}"`, `fr: "${title}"`);
  assert.notEqual(edited, ORIGINAL_YAML);
  writeFileSync(join(ROOT, 'questionnaire.yaml'), edited);
  try {
    const online = await fresh();
    await titleShown(online, title);
    await done(online);
    await networkDown();
    const offline = await fresh();
    await titleShown(offline, title);
    await done(offline);
    await networkUp();
  } finally {
    writeFileSync(join(ROOT, 'questionnaire.yaml'), ORIGINAL_YAML);
  }
  // Put back on the server: the next visit has it again.
  const back = await fresh();
  await titleShown(back, fixtures.title);
  await done(back);
});

test('a new build is installed on the next visit with a network, drops the old cache, and keeps the desk offline', async () => {
  await networkUp();
  const next = `${VERSION}-suivante`;
  const sw = join(ROOT, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(`'${VERSION}'`, `'${next}'`));
  const index = join(ROOT, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head>\n  <meta name="build" content="suivante">'));
  const t0 = Date.now();
  const online = await fresh();
  // Network first: this very visit has the new page...
  assert.equal(await online.locator('meta[name=build]').count(), 1);
  await welcomeTitle(online);
  // ...and the new worker replaces the old one, with its own cache.
  for (let i = 0; i < 100 && (await cacheNames(online)).join() !== `diag ${BASE} ${next}`; i++) await online.waitForTimeout(100);
  assert.deepEqual(await cacheNames(online), [`diag ${BASE} ${next}`]);
  await untilCached(online, [...RESIDENT, ...STAFF]);
  console.log(`# new build: worker installed and old cache dropped ${Date.now() - t0} ms after the visit began`);
  await done(online);

  await networkDown();
  const quiz = await fresh();
  assert.equal(await quiz.locator('meta[name=build]').count(), 1, 'the new build, offline');
  assert.equal(await welcomeTitle(quiz), fixtures.title);
  await done(quiz);
  const desk = await fresh('#/conseiller');
  await desk.locator('#passphrase').waitFor();
  await done(desk);
  await networkUp();
});

test('on flaky Wi-Fi (the server never answers), a new tab opens from the cache after 4 s, every file from the same build', async () => {
  silent = true;
  const from = served.length;
  try {
    const t0 = Date.now();
    const page = await fresh();
    assert.equal(await welcomeTitle(page), fixtures.title);
    const ms = Date.now() - t0;
    console.log(`# no answer from the server: the welcome from the cache in ${ms} ms`);
    // One wait for the page; its files then come from the cache at once, not 4 s each.
    assert.ok(ms >= 4000 && ms < 8000, `${ms} ms`);
    const asked = served.slice(from);
    console.log(`# unanswered: ${asked.join(', ')}`);
    assert.ok(asked.includes('/ (no answer)'), asked.join('\n'));
    // The page's own files were not even asked for.
    for (const f of ['/main.js', '/resident.js', '/resident_bg.wasm']) assert.ok(!asked.includes(`${f} (no answer)`), asked.join('\n'));
    await done(page);
  } finally {
    silent = false;
    await networkDown();
  }
});

test('the web app manifest: linked, valid, icons from this site, installable', async () => {
  await networkUp();
  const page = await fresh();
  await welcomeTitle(page);
  const href = await page.locator('link[rel=manifest]').evaluate((l) => l.href);
  assert.equal(new URL(href).origin, new URL(BASE).origin);
  const manifest = await page.evaluate((u) => fetch(u).then((r) => r.json()), href);
  assert.equal(manifest.lang, 'fr');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.name, /Villeneuve-la-Garenne/);
  assert.deepEqual(manifest.shortcuts.map((s) => s.url), ['./#/conseiller']);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, href);
    assert.equal(url.origin, new URL(BASE).origin, icon.src);
    const type = await page.evaluate((u) => fetch(u).then((r) => (r.ok ? r.headers.get('content-type') : `HTTP ${r.status}`)), url.href);
    assert.equal(type, icon.type, icon.src);
  }
  const cdp = await context.newCDPSession(page);
  const { errors, parsed } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, [], 'Chromium reads the manifest without errors');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  console.log(`# Page.getInstallabilityErrors: ${JSON.stringify(installabilityErrors)}; manifest parsed: ${parsed ? 'yes' : 'no'}`);
  assert.deepEqual(installabilityErrors, []);
  await done(page);
  // Nothing anywhere but this site, over the whole file.
  assert.deepEqual(requested.filter((u) => new URL(u).origin !== new URL(BASE).origin), []);
});
