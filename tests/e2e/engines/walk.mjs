// The residents' other browsers: the same walks in WebKit (WebKitGTK, the
// engine family of Safari on every iPhone) and Firefox. Each engine is driven
// through a small page interface — `goto`, `eval`, `waitFor`, `click`,
// `fill`, `press`, `width`, `shot` — so that one walk runs in both:
// Firefox through WebDriver BiDi (puppeteer-core, no geckodriver), WebKit
// through WebKitWebDriver (W3C WebDriver), its browser on a virtual display.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { WebDriver, ELEMENT } from './webdriver.mjs';
import { BASE_URL, SCREENSHOTS, PASSPHRASE, fixtures } from '../browser.mjs';

const LANGS = ['fr', 'en', 'ar', 'pt', 'tr'];
const DIST = process.env.DIST ?? 'dist';
/** A same-origin page that shows the app in a 320 px frame (WebKit's window cannot be that narrow). */
const NARROW = '__narrow.html';

/** Firefox ESR from Debian, through WebDriver BiDi. */
async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // A French person's browser.
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr' },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 900 });
  return {
    engine: `firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.locator(selector.startsWith('//') ? `::-p-xpath(${selector})` : selector).setTimeout(10000).click()
      .catch(async (e) => {
        const state = await page.evaluate((css) => {
          const el = css.startsWith('//') ? null : document.querySelector(css);
          const r = el?.getBoundingClientRect();
          return `${location.href} ${document.readyState}; element: ${el ? `${el.outerHTML.slice(0, 80)} at ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)} of ${innerWidth}×${innerHeight}` : 'none'}`;
        }, selector).catch((x) => x.message);
        throw new Error(`firefox: cannot click ${selector} (${state}): ${e.message} ${e.cause?.message ?? ''}`);
      }),
    fill: async (css, text) => {
      await page.locator(css).fill(text);
    },
    press: (key) => page.keyboard.press(key),
    width: async (w) => {
      if (w === 'phone') w = 390;
      await page.setViewport({ width: w, height: 900 });
      return w;
    },
    shot: async (path) => { await page.screenshot({ path, fullPage: true }); },
    close: () => browser.close(),
  };
}

/** An X display of our own for WebKit's browser (MiniBrowser has a window). */
function xvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x8000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb stopped (${code}): ${err}`)));
    child.stdio[3].on('data', (d) => resolve({ display: `:${String(d).trim()}`, stop: () => child.kill() }));
  });
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver. Its window is at least
 * 447 px wide (its toolbar): a narrower screen is a frame of exactly that
 * width in a page of the site's own origin (so the app keeps its storage),
 * and the walk then acts inside the frame. */
async function webkit() {
  const x = await xvfb();
  const driver = await WebDriver.start(['WebKitWebDriver'], {
    'webkitgtk:browserOptions': { binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
  }, { ...process.env, DISPLAY: x.display });
  writeFileSync(join(DIST, NARROW), '<!doctype html><meta charset="utf-8"><title>narrow</title><style>body{margin:0}iframe{border:0;display:block;height:900px}</style><iframe title="app"></iframe><script>const f = document.querySelector("iframe"); f.style.width = new URLSearchParams(location.search).get("w") + "px"; f.src = decodeURIComponent(location.hash.slice(1));</script>');
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const intoFrame = async () => driver.command('POST', '/frame', { id: { [ELEMENT]: await driver.find('iframe') } });
  /** The frame's width, or null when the app is the window's own page. */
  let frame = null;
  let windowWidth = 1280;
  let loads = 0;
  const goto = async (url) => {
    if (!frame) return driver.navigate(url);
    // (A new query each time: a change of hash alone would not reload the frame.)
    await driver.navigate(new URL(`${NARROW}?w=${frame}&n=${++loads}#${encodeURIComponent(url)}`, BASE_URL).href);
    await intoFrame();
    for (let i = 0; i < 100 && (await driver.execute('() => location.href')) === 'about:blank'; i++) await wait(50);
  };
  return {
    engine: `webkit ${driver.capabilities.browserVersion}`,
    goto,
    reload: () => (frame ? driver.execute('() => location.reload()') : driver.refresh()),
    eval: (fn, ...args) => driver.execute(fn.toString(), args),
    click: (selector) => (selector.startsWith('//') ? clickXPath(driver, selector) : driver.click(selector)),
    fill: (css, text) => driver.type(css, text),
    press: (key) => driver.key({ Enter: '\uE007' }[key] ?? key),
    /** The same address again at width `w` ('phone': the narrowest window, 447 px). */
    width: async (w) => {
      const here = await driver.execute('() => location.href').catch(() => 'about:blank');
      // Only the 320 px check runs in a frame: the walks click in the
      // window itself, as on a phone (in a right-to-left frame that scrolls,
      // WebKitWebDriver's clicks miss: the harness's defect, not the app's).
      frame = w !== 'phone' && w < 447 ? w : null;
      if (w === 'phone') w = 390;
      await driver.command('POST', '/frame/parent', {}).catch(() => {});
      windowWidth = frame ? 800 : w;
      await driver.windowRect({ width: windowWidth, height: 1000 });
      if (here.startsWith('http')) await goto(here);
      return frame ?? driver.execute('() => innerWidth');
    },
    /** The whole page: the window, and the frame, as tall as the document. */
    shot: async (path) => {
      const height = await driver.execute('() => document.documentElement.scrollHeight');
      await driver.windowRect({ width: windowWidth, height: Math.min(height + 100, 7900) });
      if (frame) {
        await driver.command('POST', '/frame/parent', {});
        await driver.execute('(h) => { document.querySelector("iframe").style.height = h + "px"; }', [height]);
        const png = await driver.command('GET', `/element/${await driver.find('iframe')}/screenshot`);
        writeFileSync(path, Buffer.from(png, 'base64'));
        await intoFrame();
      } else {
        writeFileSync(path, await driver.screenshot());
      }
      await driver.windowRect({ width: windowWidth, height: 1000 });
    },
    close: async () => {
      rmSync(join(DIST, NARROW), { force: true });
      try { await driver.quit(); } finally { x.stop(); }
    },
  };
}

async function clickXPath(driver, xpath) {
  const found = await driver.command('POST', '/element', { using: 'xpath', value: xpath });
  await driver.command('POST', `/element/${found[ELEMENT]}/click`, {});
}

/** Polls `fn(arg)` in the page until it returns something truthy. */
async function waitFor(page, what, fn, arg = null, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.eval(fn, arg);
      if (last) return last;
    } catch (e) {
      // A navigation in progress: try again.
      last = e.message;
    }
    if (Date.now() > end) {
      const here = await page.eval(() => `${location.href} ${document.activeElement?.outerHTML.slice(0, 120)}`).catch((e) => e.message);
      throw new Error(`${page.engine}: waited ${timeout} ms for ${what} (last: ${JSON.stringify(last)}; now at ${here})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const questionId = (page) => page.eval(() => /^#\/question\/(.+)$/.exec(location.hash)?.[1] ?? null);

/** Waits for the welcome as the resident's module renders it. */
const welcome = (page) => waitFor(page, 'the welcome', () => !!document.querySelector('section.welcome:not([data-prerendered]) h1'));

/** The welcome in `lang` with nothing saved: storage emptied, then the page
 * loaded again (a change of hash alone would keep the app's state). */
async function freshStart(page, lang) {
  await page.goto(`${BASE_URL}?lang=${lang}#/`);
  await page.eval(() => localStorage.clear());
  await page.reload();
  await welcome(page);
  // Another language's texts come after the module: wait for them.
  if (lang !== 'fr') {
    await waitFor(page, `the welcome in ${lang}`, (french) => {
      const h1 = document.querySelector('section.welcome:not([data-prerendered]) h1');
      return h1 && h1.textContent.replace(/\u00a0/g, ' ').trim() !== french;
    }, fixtures.title);
  }
  assert.equal(await page.eval(() => document.querySelectorAll('section.welcome .actions button').length), 1, `${page.engine}: a welcome with nothing saved`);
}

/** Waits for the screen after `before` (a URL): its question's inputs, or the result. */
async function next(page, before) {
  await waitFor(page, `the screen after ${before}`, (b) => {
    if (location.href === b) return false;
    const m = /^#\/question\/(.+)$/.exec(location.hash);
    if (m) return !!document.querySelector(`input[name="${m[1]}"]`);
    return !!document.querySelector(location.hash === '#/resultat' ? '.parcours-title' : 'main [data-focus]');
  }, before);
}

/** Answers as `persona` with the mouse from the welcome to the result;
 * `reloadAfter`: reload once on that question, which must come back. */
async function answer(page, persona, { reloadAfter = -1, onQuestion = async () => {} } = {}) {
  let before = await page.eval(() => location.href);
  await page.click('section.welcome .actions button');
  await next(page, before);
  for (let k = 0; k < 60; k++) {
    const id = await questionId(page);
    if (!id) break;
    if (k === 0) await onQuestion();
    if (k === reloadAfter) {
      await page.reload();
      await waitFor(page, 'the same question after a reload', (q) => !!document.querySelector(`input[name="${q}"]`), id);
      assert.equal(await questionId(page), id, `${page.engine}: the reload came back to the same question`);
    }
    for (const option of [persona.answers[id] ?? []].flat()) {
      await page.click(`label[for="opt-${id}-${option}"]`);
    }
    before = await page.eval(() => location.href);
    await page.click('button[type=submit]');
    await next(page, before);
  }
  assert.equal(await page.eval(() => location.hash), '#/resultat', `${page.engine}: the quiz ends on the result`);
}

/** The result's parcours and code. */
const result = (page) => page.eval(() => [document.querySelector('.parcours-title')?.dataset.parcours, document.querySelector('#result-code')?.textContent.trim()]);

/** Defines the engine's tests: `engine` is 'webkit' or 'firefox'. */
export function walks(name) {
  let page;
  const shots = [];
  const shot = async (screen, width) => {
    const path = `${SCREENSHOTS}/${name}-${screen}-${width}.png`;
    await page.shot(path);
    shots.push(path);
  };
  before(async () => {
    page = await (name === 'webkit' ? webkit() : firefox());
    console.log(`# ${page.engine}`);
  });
  after(async () => {
    await page?.close();
    console.log(`# ${shots.length} screenshots in ${SCREENSHOTS}/${name}-*.png`);
  });

  test(`${name}: a resident reaches the result in French, a reload on the way keeping the answers; the paper version`, async () => {
    const width = await page.width('phone');
    await freshStart(page, 'fr');
    assert.equal(await page.eval(() => document.documentElement.lang), 'fr');
    await shot('welcome-fr', width);
    const persona = fixtures.personas[0];
    await answer(page, persona, { reloadAfter: 3, onQuestion: () => shot('question-fr', width) });
    // Answers from before the reload are in the code: it is the persona's.
    assert.deepEqual(await result(page), [persona.parcours, persona.code], `${page.engine}: same parcours and code as in Chromium`);
    await shot('result-fr', width);
    await page.goto(BASE_URL + '?lang=fr#/papier');
    await waitFor(page, 'the paper version', () => !!document.querySelector('.paper'));
    await shot('paper-fr', width);
    const desktop = await page.width(1280);
    await waitFor(page, 'the paper version', () => !!document.querySelector('.paper'));
    await shot('paper-fr', desktop);
    await page.goto(BASE_URL + '?lang=fr#/resultat');
    await waitFor(page, 'the result', () => !!document.querySelector('.parcours-title'));
    await shot('result-fr', desktop);
  });

  test(`${name}: a resident reaches the result in Arabic, right to left`, async () => {
    const width = await page.width('phone');
    await freshStart(page, 'ar');
    assert.deepEqual(await page.eval(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    assert.match(await page.eval(() => document.querySelector('h1').textContent), /[\u0600-\u06ff]/);
    await shot('welcome-ar', width);
    const persona = fixtures.personas[1];
    await answer(page, persona, { onQuestion: () => shot('question-ar', width) });
    assert.deepEqual(await result(page), [persona.parcours, persona.code], `${page.engine}: same parcours and code as in French`);
    await shot('result-ar', width);
  });

  test(`${name}: nothing is wider than a 320 px screen, in any language`, async () => {
    // The Arabic result of the test before is saved: each language shows it.
    const width = await page.width(320);
    const wide = [];
    for (const lang of LANGS) {
      for (const [screen, hash, ready] of [['welcome', '#/', 'section.welcome:not([data-prerendered]) h1'], ['question', `#/question/${fixtures.questions[0].id}`, 'legend'], ['paper', '#/papier', '.paper'], ['result', '#/resultat', '.parcours-title']]) {
        await page.goto(`${BASE_URL}?lang=${lang}${hash}`);
        await waitFor(page, `${lang} ${screen}`, (css) => !!document.querySelector(css), ready);
        const [scroll, inner] = await page.eval(() => [document.documentElement.scrollWidth, innerWidth]);
        if (scroll > inner) wide.push(`${lang} ${screen}: ${scroll} px in ${inner}`);
        if (lang === 'ar' && screen === 'result') await shot('result-ar', width);
      }
    }
    assert.deepEqual(wide, [], `${page.engine}: pages wider than the screen`);
  });

  test(`${name}: the desk creates a vault, opens a code, saves the record, locks, unlocks and finds it`, async () => {
    const width = await page.width(1280);
    const persona = fixtures.personas[0];
    await page.goto(BASE_URL + '#/conseiller');
    await waitFor(page, 'the passphrase field', () => !!document.querySelector('#passphrase'));
    await shot('advisor-unlock', width);
    await page.fill('#passphrase', PASSPHRASE);
    await page.fill('#passphrase-confirm', PASSPHRASE);
    await page.click('form.unlock button[type=submit]');
    await waitFor(page, 'the code field', () => !!document.querySelector('#code-input'), null, 30000);
    await page.fill('#code-input', persona.code);
    await page.press('Enter');
    await waitFor(page, 'the intake', () => !!document.querySelector('#recommended'));
    await shot('advisor-intake', width);
    await page.click("//button[normalize-space()='Enregistrer la fiche']");
    await waitFor(page, '"Fiche enregistrée"', () => document.body.textContent.includes('Fiche enregistrée'));
    await page.click("//button[normalize-space()='Verrouiller']");
    await waitFor(page, 'the locked desk', () => !!document.querySelector('#passphrase') && !document.querySelector('#passphrase-confirm'));
    await page.fill('#passphrase', PASSPHRASE);
    await page.click('form.unlock button[type=submit]');
    await waitFor(page, 'the unlocked desk', () => !!document.querySelector('#code-input'), null, 30000);
    await page.click("//button[normalize-space()='Fiches (1)']");
    await waitFor(page, 'the records', () => !!document.querySelector('.record-table'));
    assert.ok(await page.eval((code) => document.querySelector('.record-table').textContent.includes(code), persona.code), `${page.engine}: the saved record is listed`);
    await shot('advisor-records', width);
  });
}
