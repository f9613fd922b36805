// The two WebAssembly modules: the resident's module alone serves a whole quiz;
// the staff's module (advisor desk, author preview, YAML reader) is loaded only
// on a staff screen or to compile a hand-edited questionnaire.yaml; the
// welcome rendered at build time is readable and usable before the Wasm, and
// the module takes it over without flicker or layout shift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, freshPage, start, fixtures, answerWithMouse, BASE_URL, SCREENSHOTS, norm, openAuthor, unzip } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const PUBLISHED = join(DIST, 'questionnaire.yaml');
const COMPILED = join(DIST, 'questionnaire.bin');
const DIAG = process.env.DIAG ?? 'target/debug/diag';
const ADVISOR_KEY = 'diag-numerique:advisor';
const FIRST = fixtures.questions[0];

let browser;
let originalYaml;
let originalBin;
// `diag compile` also writes the languages' packs (questionnaire.ar.bin…)
// beside questionnaire.bin: put back too, or later tests read stale packs.
let originalPacks;
const restorePacks = () => originalPacks.forEach(([f, bytes]) => writeFileSync(join(DIST, f), bytes));
before(async () => {
  browser = await launch();
  originalYaml = readFileSync(PUBLISHED, 'utf8');
  originalBin = readFileSync(COMPILED);
  originalPacks = readdirSync(DIST)
    .filter((f) => /^questionnaire\.[a-z]{2,3}\.bin$/.test(f))
    .map((f) => [f, readFileSync(join(DIST, f))]);
});
after(async () => {
  writeFileSync(PUBLISHED, originalYaml);
  writeFileSync(COMPILED, originalBin);
  restorePacks();
  await browser?.close();
});

/** Records the file name of every request the page makes. */
function logRequests(page) {
  const files = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname.split('/').pop()));
  return files;
}

/** Holds resident_bg.wasm back until `release()`; `requested` resolves once the browser asked for it. */
async function holdResidentWasm(page) {
  let release;
  let requestedNow;
  const released = new Promise((r) => { release = r; });
  const requested = new Promise((r) => { requestedNow = r; });
  await page.route('**/resident_bg.wasm', async (route) => {
    requestedNow();
    await released;
    await route.continue();
  });
  return { release, requested };
}

/** The published questionnaire with the first question's French text changed. */
function editedYaml(text) {
  const edited = originalYaml.replace(`fr: "${FIRST.text}"`, `fr: "${text}"`);
  assert.notEqual(edited, originalYaml, 'the first question\'s text was not found in questionnaire.yaml');
  return edited;
}

async function questionTextShown(page, text) {
  await page.goto(BASE_URL + '#/question/' + FIRST.id);
  const legend = page.locator('legend .question-text');
  await page.waitForFunction((want) => (document.querySelector('legend .question-text')?.textContent ?? '').replace(/\u00a0/g, ' ').trim() === want, text);
  assert.equal(norm(await legend.textContent()), text);
}

test('a whole resident quiz never loads the staff module; questionnaire.yaml is read only after the first screen', async () => {
  const page = await freshPage(browser);
  const files = logRequests(page);
  // When the welcome, as the module renders it, was first painted (the
  // frame after it was in the document), in the page's own clock.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('section.welcome:not([data-prerendered])')) {
        observer.disconnect();
        requestAnimationFrame(() => { window.welcomePainted = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(BASE_URL);
  await page.locator('section.welcome:not([data-prerendered]) h1').waitFor();
  await answerWithMouse(page, fixtures.personas[0].answers);
  await page.locator('.parcours-title').waitFor();
  await page.waitForLoadState('networkidle');
  for (const file of ['resident_bg.wasm', 'questionnaire.bin', 'questionnaire.yaml']) assert.ok(files.includes(file), `${file}:\n${files.join('\n')}`);
  const [painted, yamlAsked] = await page.evaluate(() => [window.welcomePainted, performance.getEntriesByType('resource').find((e) => e.name.endsWith('/questionnaire.yaml'))?.startTime]);
  assert.ok(yamlAsked >= painted, `questionnaire.yaml is not on the first load: asked at ${yamlAsked} ms, welcome painted at ${painted} ms`);
  for (const file of ['staff.js', 'staff_bg.wasm']) {
    assert.ok(!files.includes(file), `${file} was requested:\n${files.join('\n')}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the staff screen loads its module on demand, in the same page, and back again', async () => {
  const page = await freshPage(browser);
  const files = logRequests(page);
  await start(page);
  // Let the resident's module take over: it still has no reason to load the staff's.
  await page.locator('section.welcome:not([data-prerendered])').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(!files.includes('staff.js') && !files.includes('staff_bg.wasm'), files.join('\n'));
  await page.evaluate(() => { window.__samePage = 42; });
  await page.getByRole('link', { name: 'Espace conseiller' }).click();
  await page.locator('#passphrase').waitFor();
  assert.ok(files.includes('staff.js'), files.join('\n'));
  assert.ok(files.includes('staff_bg.wasm'), files.join('\n'));
  assert.equal(await page.evaluate(() => window.__samePage), 42, 'the page was reloaded');
  assert.equal(await page.locator('#app').isHidden(), true);
  assert.equal(await page.locator('#staff').isHidden(), false);
  assert.equal(await page.locator('#passphrase').isVisible(), true);

  await page.goBack();
  await page.locator('#app h1').waitFor({ state: 'visible' });
  assert.equal(norm(await page.locator('#app h1').textContent()), fixtures.title);
  assert.equal(await page.locator('#staff').isHidden(), true);
  assert.equal(await page.locator('#app').isHidden(), false);
  assert.equal(await page.evaluate(() => window.__samePage), 42, 'the page was reloaded');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a direct visit to #/conseiller loads the staff module at once', async () => {
  const page = await freshPage(browser);
  const files = logRequests(page);
  await page.goto(BASE_URL + '#/conseiller');
  await page.locator('#passphrase').waitFor();
  assert.ok(files.includes('staff_bg.wasm'), files.join('\n'));
  assert.equal(await page.locator('#app').isHidden(), true);
  assert.equal(await page.locator('#staff').isHidden(), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the resident\'s module never reads or writes the advisor\'s records', async () => {
  const page = await freshPage(browser);
  const files = logRequests(page);
  const SENTINEL = 'sentinel: advisor records, do not touch';
  await page.context().addInitScript(([key, sentinel]) => {
    // Our own set-up first, before anything is recorded.
    if (localStorage.getItem(key) === null) localStorage.setItem(key, sentinel);
    window.__keys = [];
    const proto = Storage.prototype;
    for (const name of ['getItem', 'setItem', 'removeItem']) {
      const original = proto[name];
      proto[name] = function (k, ...rest) {
        window.__keys.push(String(k));
        return original.call(this, k, ...rest);
      };
    }
    const clear = proto.clear;
    proto.clear = function () {
      window.__keys.push('(clear)');
      return clear.call(this);
    };
  }, [ADVISOR_KEY, SENTINEL]);
  await start(page);
  await answerWithMouse(page, fixtures.personas[0].answers);
  await page.locator('.parcours-title').waitFor();
  await page.waitForLoadState('networkidle');
  const keys = await page.evaluate(() => window.__keys);
  // The wrapper does see the resident's own storage use, so it is in place.
  assert.ok(keys.includes('diag-numerique:progress'), `keys seen: ${JSON.stringify(keys)}`);
  assert.ok(!keys.includes(ADVISOR_KEY), `keys seen: ${JSON.stringify(keys)}`);
  assert.ok(!keys.includes('(clear)'), `keys seen: ${JSON.stringify(keys)}`);
  const stored = await page.evaluate((k) => localStorage.getItem(k), ADVISOR_KEY);
  assert.equal(stored, SENTINEL);
  assert.ok(!files.includes('staff.js'), files.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('published together, a different questionnaire takes the fast path (questionnaire.bin, no staff module)', async () => {
  const text = 'Quels appareils utilisez-vous chez vous, publié ?';
  writeFileSync(PUBLISHED, editedYaml(text));
  try {
    const run = spawnSync(DIAG, ['compile', PUBLISHED, '-o', COMPILED], { encoding: 'utf8' });
    assert.equal(run.status, 0, `diag compile failed: ${run.error ?? run.stderr}`);
    assert.notDeepEqual(readFileSync(COMPILED), originalBin);
    const page = await freshPage(browser);
    const files = logRequests(page);
    await questionTextShown(page, text);
    await page.waitForLoadState('networkidle');
    assert.ok(files.includes('questionnaire.bin'), files.join('\n'));
    assert.ok(!files.includes('staff.js'), files.join('\n'));
    assert.ok(!files.includes('staff_bg.wasm'), files.join('\n'));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, originalYaml);
    writeFileSync(COMPILED, originalBin);
    restorePacks();
  }
});

test('"Publier" downloads, in one zip, the files to upload, compiled in the page; published, residents read them without the staff module', async () => {
  const text = 'Quels appareils utilisez-vous chez vous, publié depuis l\'aperçu ?';
  const yaml = editedYaml(text);
  const author = await freshPage(browser, { acceptDownloads: true });
  await openAuthor(author, 'text');
  await author.locator('#yaml-text').fill(yaml);
  await author.locator('.reach').waitFor();
  const download = author.waitForEvent('download');
  await author.locator('#publish').click();
  // The bundled file warns of past dates: publishing asks first.
  await author.getByRole('button', { name: 'Publier quand même' }).click();
  const zip = await download;
  assert.equal(zip.suggestedFilename(), 'questionnaire-a-publier.zip');
  const files = unzip(await zip.path());
  assert.deepEqual(Object.keys(files).sort(), ['questionnaire.ar.bin', 'questionnaire.ar.yaml', 'questionnaire.bin', 'questionnaire.en.bin', 'questionnaire.pt.bin', 'questionnaire.pt.yaml', 'questionnaire.tr.bin', 'questionnaire.tr.yaml', 'questionnaire.yaml']);
  assert.equal(files['questionnaire.yaml'].toString('utf8'), yaml);
  assert.equal(files['questionnaire.bin'].subarray(0, 5).toString('latin1'), 'DIAGQ');
  assert.deepEqual(author.errors, []);
  await author.context().close();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(DIST, name), bytes);
  try {
    const page = await freshPage(browser);
    const requested = logRequests(page);
    await questionTextShown(page, text);
    await page.waitForLoadState('networkidle');
    assert.ok(requested.includes('questionnaire.bin'), requested.join('\n'));
    assert.ok(!requested.includes('staff_bg.wasm'), requested.join('\n'));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, originalYaml);
    writeFileSync(COMPILED, originalBin);
    restorePacks();
  }
});

test('a hand-edited questionnaire.yaml without a new questionnaire.bin is compiled by the staff module', async () => {
  const text = 'Quels appareils avez-vous chez vous, modifié à la main ?';
  writeFileSync(PUBLISHED, editedYaml(text));
  try {
    assert.deepEqual(readFileSync(COMPILED), originalBin);
    const page = await freshPage(browser);
    const files = logRequests(page);
    await questionTextShown(page, text);
    // The slow path: the stale questionnaire.bin was tried, then the staff's module compiled the YAML.
    assert.ok(files.includes('questionnaire.bin'), files.join('\n'));
    assert.ok(files.includes('staff_bg.wasm'), files.join('\n'));
    assert.equal(await page.locator('#staff').isHidden(), true);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, originalYaml);
  }
});

test('a hand edit replaces the compiled questionnaire after the first screen: a resident who starts at once never sees its old text, and loses no answer', async () => {
  const text = 'Quels appareils avez-vous chez vous, corrigé à la main ?';
  writeFileSync(PUBLISHED, editedYaml(text));
  try {
    const page = await freshPage(browser);
    // Every question text ever put on screen.
    await page.addInitScript(() => {
      window.shown = [];
      new MutationObserver(() => {
        const t = document.querySelector('legend .question-text')?.textContent.replace(/\u00a0/g, ' ').trim();
        if (t && window.shown.at(-1) !== t) window.shown.push(t);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(BASE_URL);
    // "Commencer" at once, on the welcome written into index.html (before the module, even).
    await page.locator('[data-start], section.welcome .actions button').first().click();
    await page.locator(`input[name="${FIRST.id}"]`).first().waitFor();
    await page.waitForFunction((want) => document.querySelector('legend .question-text')?.textContent.replace(/\u00a0/g, ' ').trim() === want, text);
    assert.deepEqual(await page.evaluate(() => window.shown), [text], 'the compiled text never showed');
    // An answer, then a reload: it is still there, with the edited text.
    const first = FIRST.options[0].id;
    await page.locator(`label[for="opt-${FIRST.id}-${first}"]`).click();
    const before = page.url();
    await page.locator('button[type=submit]').click();
    await page.waitForFunction((u) => location.href !== u, before);
    await page.goto(BASE_URL + '#/question/' + FIRST.id);
    await page.reload();
    await page.waitForFunction((want) => document.querySelector('legend .question-text')?.textContent.replace(/\u00a0/g, ' ').trim() === want, text);
    assert.equal(await page.locator(`#opt-${FIRST.id}-${first}`).isChecked(), true, 'the answer is kept');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, originalYaml);
  }
});

test('after a hand edit, a language in a translation file still shows its texts (its pack is made again by the staff module)', async () => {
  const text = 'Quels appareils avez-vous chez vous, modifié à la main ?';
  writeFileSync(PUBLISHED, editedYaml(text));
  try {
    const page = await freshPage(browser);
    const files = logRequests(page);
    await page.goto(BASE_URL + '?lang=pt#/question/' + FIRST.id);
    await page.waitForFunction(() => document.documentElement.lang === 'pt');
    // The edited text has no translation yet: French; the untouched ones are in Portuguese.
    await page.waitForFunction((want) => (document.querySelector('legend .question-text')?.textContent ?? '').replace(/\u00a0/g, ' ').trim() === want, text);
    const translation = readFileSync(join(DIST, 'questionnaire.pt.yaml'), 'utf8');
    const option = await page.locator('label.option').first().innerText();
    assert.ok(translation.includes(`pt: "${option.trim()}"`), `a Portuguese option: ${option}`);
    assert.equal(await page.locator('.notice').count(), 0, 'no "could not be loaded" notice');
    assert.ok(files.includes('questionnaire.pt.yaml'), files.join('\n'));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, originalYaml);
  }
});

test('the welcome is readable without JavaScript', async () => {
  const page = await freshPage(browser, { javaScriptEnabled: false });
  await page.goto(BASE_URL);
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1);
  assert.equal(await h1.isVisible(), true);
  assert.equal(norm(await h1.textContent()), fixtures.title);
  const items = page.locator('.parcours-list li');
  assert.ok(await items.count() > 0);
  assert.equal(await items.first().isVisible(), true);
  assert.equal(await page.getByRole('button', { name: 'Commencer' }).isVisible(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the module takes over the pre-rendered welcome with no flicker or layout shift', async () => {
  const page = await freshPage(browser, { viewport: { width: 390, height: 844 } });
  await page.context().addInitScript(() => {
    window.__shifts = [];
    window.__layoutShiftObserved = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
    // Flicker: a frame, once the welcome has shown, with no visible welcome title in it.
    window.__blankFrames = 0;
    let seen = false;
    const frame = () => {
      const h1 = document.querySelector('#app section.welcome h1');
      const visible = !!h1 && h1.getClientRects().length > 0;
      if (visible) seen = true;
      else if (seen) window.__blankFrames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const wasm = await holdResidentWasm(page);
  await page.goto(BASE_URL);
  await wasm.requested;
  const boxes = () => page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const button = [...document.querySelectorAll('#app button')].find((b) => b.textContent.trim() === 'Commencer');
    return { h1: box(document.querySelector('h1')), list: box(document.querySelector('.parcours-list')), start: box(button) };
  });
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('section.welcome[data-prerendered]').count(), 1);
  assert.equal(await page.locator('section.welcome:not([data-prerendered])').count(), 0, 'the module was not held back');
  const held = await boxes();
  await page.screenshot({ path: `${SCREENSHOTS}/split-welcome-prerendered.png`, fullPage: true });

  wasm.release();
  await page.locator('section.welcome:not([data-prerendered])').waitFor();
  await page.waitForLoadState('networkidle');
  const taken = await boxes();
  await page.screenshot({ path: `${SCREENSHOTS}/split-welcome-module.png`, fullPage: true });
  for (const name of ['h1', 'list', 'start']) {
    for (const side of ['x', 'y', 'width', 'height']) {
      assert.ok(Math.abs(held[name][side] - taken[name][side]) <= 1,
        `${name}.${side}: ${held[name][side]} before, ${taken[name][side]} after`);
    }
  }
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('section.welcome').count(), 1);
  // Let a last frame be laid out and observed.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.__blankFrames), 0, 'the welcome disappeared for a frame');
  assert.equal(await page.evaluate(() => window.__layoutShiftObserved), true);
  const shifts = await page.evaluate(() => window.__shifts);
  const total = shifts.reduce((a, b) => a + b, 0);
  assert.ok(total < 0.01, `cumulative layout shift ${total}: ${JSON.stringify(shifts)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the pre-rendered "Commencer" works before the module arrives', async () => {
  const page = await freshPage(browser);
  const wasm = await holdResidentWasm(page);
  await page.goto(BASE_URL);
  await wasm.requested;
  await page.locator('section.welcome[data-prerendered] h1').waitFor();
  // main.js has run (it is what starts the Wasm), the module has not.
  await page.waitForFunction(() => typeof globalThis.diagCompile === 'function');
  assert.equal(await page.locator('section.welcome:not([data-prerendered])').count(), 0);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.waitForFunction((want) => location.hash === want, '#/question/' + FIRST.id);
  assert.equal(new URL(page.url()).hash, '#/question/' + FIRST.id);
  assert.equal(await page.locator('legend').count(), 0, 'the module was not held back');
  wasm.release();
  const legend = page.locator('legend .question-text');
  await legend.waitFor();
  assert.equal(norm(await legend.textContent()), FIRST.text);
  assert.equal(await page.locator(`input[name="${FIRST.id}"]`).count(), FIRST.options.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
