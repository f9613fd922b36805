// The web benchmark (run by `cargo xtask bench`, not by the tests): cold loads
// in headless Chromium, unthrottled and under "slow 4G" with 4× CPU slow-down;
// the welcome (pre-rendered in index.html), opening the advisor's screen, the slow
// path of a hand-edited questionnaire.yaml; a scripted resident on a 4× slower
// CPU; Lighthouse. Prints one JSON line last.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const fixtures = JSON.parse(readFileSync(process.env.FIXTURES ?? 'target/e2e/fixtures.json', 'utf8'));
const RUNS = Number(process.env.RUNS ?? 7);
const DIST = process.env.DIST ?? 'dist';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const spread = (xs) => [Math.min(...xs), Math.max(...xs)].map((x) => Math.round(x));
const log = (...a) => console.error(...a);

/** A fresh context (empty cache), throttled or not. The service worker is
 * blocked: the requests it makes for a page escape the page's network
 * throttling (the staff's module then "loaded" in 620 ms on slow 4G), and a
 * first visit gains nothing from it anyway. */
async function freshContext(browser, throttled) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  // Bytes on the wire (compressed bodies and headers) of every response.
  page.transferred = 0;
  page.urls = [];
  cdp.on('Network.loadingFinished', (e) => { page.transferred += e.encodedDataLength; });
  cdp.on('Network.requestWillBeSent', (e) => { page.urls.push(e.request.url); });
  await page.addInitScript(() => {
    window.__painted = {};
    window.__paint = (id) => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.identifier === id) resolve(e.renderTime || e.loadTime);
      }).observe({ type: 'element', buffered: true });
    });
  });
  return { context, page, cdp };
}

/** One cold load (fresh context: empty cache) of the first question; ms to its text painted. */
async function coldLoad(browser, throttled) {
  const { context, page, cdp } = await freshContext(browser, throttled);
  await page.goto(`${BASE_URL}#/question/${fixtures.questions[0].id}`);
  const painted = await page.evaluate(() => window.__paint('question'));
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const transferred = page.transferred;
  const staff = page.urls.some((u) => /staff(_bg\.wasm|\.js)$/.test(u));
  await context.close();
  return { painted, heap, transferred, staff };
}

/** A cold load of the welcome: ms to the title painted (it is in index.html). */
async function welcomeLoad(browser, throttled) {
  const { context, page } = await freshContext(browser, throttled);
  await page.goto(BASE_URL);
  const painted = await page.evaluate(() => window.__paint('title'));
  await context.close();
  return painted;
}

/** From the resident's welcome (module loaded), "Espace conseiller": ms to the unlock form. */
async function openAdvisor(browser, throttled) {
  const { context, page } = await freshContext(browser, throttled);
  await page.goto(BASE_URL);
  await page.locator('section.welcome:not([data-prerendered]) h1').waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('a[href="#/conseiller"]').click();
  await page.locator('#passphrase').waitFor();
  const t1 = await page.evaluate(() => performance.now());
  await context.close();
  return t1 - t0;
}

/** A resident answering every question with the mouse; per-interaction times measured in the page. */
async function resident(browser) {
  // The interaction target is for a slow phone: 4× CPU slow-down.
  const { context, page, cdp } = await freshContext(browser, false);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const persona = fixtures.personas[0];
  await page.goto(BASE_URL);
  await page.locator('section.welcome:not([data-prerendered]) h1').waitFor();
  const t0 = Date.now();
  const interactions = [];
  const step = () => page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const before = location.hash;
    const button = document.querySelector('button[type=submit]') ?? [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Commencer');
    button.click();
    const done = () => {
      const m = /#\/question\/(.+)$/.exec(location.hash);
      const form = document.querySelector('form.question');
      const ready = location.hash !== before && (m ? form?.dataset.question === m[1] : !!document.querySelector('.parcours-title'));
      if (ready) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
      else requestAnimationFrame(done);
    };
    done();
  }));
  interactions.push(await step());
  for (let guard = 0; guard < 60; guard++) {
    const m = /#\/question\/(.+)$/.exec(new URL(page.url()).hash);
    if (!m) break;
    for (const o of [persona.answers[m[1]] ?? []].flat()) await page.locator(`label[for="opt-${m[1]}-${o}"]`).click();
    interactions.push(await step());
  }
  const total = Date.now() - t0;
  await context.close();
  return { total, slowest: Math.max(...interactions), interactions: interactions.length };
}

async function lighthouseScores() {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(BASE_URL, { port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const c = result.lhr.categories;
    return { performance: Math.round(c.performance.score * 100), accessibility: Math.round(c.accessibility.score * 100),
      bestPractices: Math.round(c['best-practices'].score * 100) };
  } finally {
    await chrome.kill();
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
// Uncounted loads first: the server compresses each file once (brotli at
// quality 11 takes seconds on the staff's module), then serves it from memory.
await coldLoad(browser, false);
await openAdvisor(browser, false);
const fast = [], slow = [], heaps = [], bytes = [];
for (let i = 0; i < RUNS; i++) {
  const r = await coldLoad(browser, false);
  if (r.staff) throw new Error('the resident path requested the staff module');
  fast.push(r.painted); heaps.push(r.heap); bytes.push(r.transferred);
}
log(`unthrottled first question: ${fast.map(Math.round).join(', ')} ms; ${bytes.join(', ')} bytes transferred`);
for (let i = 0; i < RUNS; i++) slow.push((await coldLoad(browser, true)).painted);
log(`slow 4G + 4x CPU first question: ${slow.map(Math.round).join(', ')} ms`);
const welcome = [];
for (let i = 0; i < RUNS; i++) welcome.push(await welcomeLoad(browser, true));
log(`slow 4G + 4x CPU welcome title: ${welcome.map(Math.round).join(', ')} ms`);
const advisor = [];
for (let i = 0; i < RUNS; i++) advisor.push(await openAdvisor(browser, true));
log(`slow 4G + 4x CPU, welcome → advisor's unlock form: ${advisor.map(Math.round).join(', ')} ms`);
// The slow path: a questionnaire.yaml edited by hand, not compiled again.
const published = join(DIST, 'questionnaire.yaml');
const original = readFileSync(published, 'utf8');
const slowPath = [], slowPath4g = [];
writeFileSync(published, original.replace('fr: "' + fixtures.questions[0].text + '"', 'fr: "' + fixtures.questions[0].text + ' (modifié)"'));
try {
  await coldLoad(browser, false);
  for (let i = 0; i < RUNS; i++) {
    const r = await coldLoad(browser, false);
    if (!r.staff) throw new Error('a hand-edited questionnaire.yaml did not take the slow path');
    slowPath.push(r.painted);
  }
  for (let i = 0; i < RUNS; i++) slowPath4g.push((await coldLoad(browser, true)).painted);
} finally {
  writeFileSync(published, original);
}
log(`slow path (hand-edited YAML) first question: ${slowPath.map(Math.round).join(', ')} ms; slow 4G: ${slowPath4g.map(Math.round).join(', ')} ms`);
const r = await resident(browser);
log(`resident: ${r.total} ms for ${r.interactions} interactions, slowest ${Math.round(r.slowest)} ms`);
const version = browser.version();
await browser.close();
const lh = await lighthouseScores();
log(`lighthouse: ${JSON.stringify(lh)}`);

console.log(JSON.stringify({
  chromium: version,
  runs: RUNS,
  first_question_ms: { median: Math.round(median(fast)), spread: spread(fast) },
  first_question_slow_4g_ms: { median: Math.round(median(slow)), spread: spread(slow) },
  transferred_bytes: median(bytes),
  welcome_slow_4g_ms: { median: Math.round(median(welcome)), spread: spread(welcome) },
  advisor_slow_4g_ms: { median: Math.round(median(advisor)), spread: spread(advisor) },
  slow_path_ms: { median: Math.round(median(slowPath)), spread: spread(slowPath) },
  slow_path_slow_4g_ms: { median: Math.round(median(slowPath4g)), spread: spread(slowPath4g) },
  js_heap_bytes: Math.round(median(heaps)),
  resident_total_ms: r.total,
  slowest_interaction_ms: Math.round(r.slowest),
  lighthouse: lh,
}));
