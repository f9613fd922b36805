// The web benchmark (run by `cargo xtask bench`, not by the tests): cold loads
// in headless Chromium, unthrottled and under "slow 4G" with 4× CPU slow-down;
// a scripted resident; Lighthouse. Prints one JSON line last.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const fixtures = JSON.parse(readFileSync(process.env.FIXTURES ?? 'target/e2e/fixtures.json', 'utf8'));
const RUNS = Number(process.env.RUNS ?? 7);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const spread = (xs) => [Math.min(...xs), Math.max(...xs)].map((x) => Math.round(x));
const log = (...a) => console.error(...a);

/** One cold load (fresh context: empty cache) of the first question; ms to its text painted. */
async function coldLoad(browser, throttled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttled) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(() => {
    window.__painted = new Promise((resolve) => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.identifier === 'question') resolve(e.renderTime || e.loadTime);
      }).observe({ type: 'element', buffered: true });
    });
  });
  await page.goto(`${BASE_URL}#/question/${fixtures.questions[0].id}`);
  const painted = await page.evaluate(() => window.__painted);
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  await context.close();
  return { painted, heap };
}

/** A resident answering every question with the mouse; per-interaction times measured in the page. */
async function resident(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const persona = fixtures.personas[0];
  await page.goto(BASE_URL);
  await page.locator('h1').waitFor();
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
// One uncounted load first: the server compresses each file once, then serves it from memory.
await coldLoad(browser, false);
const fast = [], slow = [], heaps = [];
for (let i = 0; i < RUNS; i++) { const r = await coldLoad(browser, false); fast.push(r.painted); heaps.push(r.heap); }
log(`unthrottled first question: ${fast.map(Math.round).join(', ')} ms`);
for (let i = 0; i < RUNS; i++) slow.push((await coldLoad(browser, true)).painted);
log(`slow 4G + 4x CPU first question: ${slow.map(Math.round).join(', ')} ms`);
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
  js_heap_bytes: Math.round(median(heaps)),
  resident_total_ms: r.total,
  slowest_interaction_ms: Math.round(r.slowest),
  lighthouse: lh,
}));
