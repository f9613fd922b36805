// The resident's quiz in each language: the same answers give the same parcours
// and the same result code as in French; the document is right to left in
// Arabic with nothing overlapping; a language is chosen by `?lang=`, by the
// switch (and remembered), or from the browser's preferred languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, fixtures, answerWithMouse, answerWithKeyboard, assertAccessible, settled, SCREENSHOTS, BASE_URL, shot } from './browser.mjs';

const LANGS = ['fr', 'en', 'ar', 'pt', 'tr'];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const optionsOf = (id) => fixtures.questions.find((q) => q.id === id).options.map((o) => o.id);
const url = (lang) => `${BASE_URL}?lang=${lang}`;
/** The start button's label in the page's language. */
const startName = (page) => page.locator('section.welcome .actions button').first().innerText().then((s) => s.trim());

/** Visible text elements whose boxes overlap another's (neither inside the
 * other), and anything wider than the viewport: checked, not only seen. */
async function overlaps(page) {
  return page.evaluate(() => {
    const leaves = [...document.querySelectorAll('body *')].filter((el) => {
      if (!el.checkVisibility?.() || el.closest('[hidden], .visually-hidden, svg')) return false;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      return own || ['INPUT', 'BUTTON', 'IMG', 'PROGRESS'].includes(el.tagName);
    });
    // Each line box of an element (an inline element that wraps has several).
    const boxes = leaves.filter((el) => !el.closest('.skip')).map((el) => ({ el, rects: [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0) })).filter((b) => b.rects.length);
    const found = [];
    const width = document.documentElement.clientWidth;
    for (const { el, rects } of boxes) {
      for (const r of rects) if (r.right > width + 1 || r.left < -1) found.push(`${el.tagName}.${el.className} outside the page (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
    }
    const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (a.rects.some((ra) => b.rects.some((rb) => hit(ra, rb)))) found.push(`${a.el.tagName}.${a.el.className} "${a.el.textContent.trim().slice(0, 30)}" × ${b.el.tagName}.${b.el.className} "${b.el.textContent.trim().slice(0, 30)}"`);
      }
    }
    return found;
  });
}

/** Every resident's screen of `lang` on `page` (whose quiz is answered) at
 * 320, 390 and 1280 px in turn: axe clean (at 390 too in French and English,
 * the languages of accessibility.test.mjs before it left these screens here),
 * nothing wider than the window, a screenshot at each width (the printed
 * sheet too, in French and English), and what overlaps or leaves the page.
 * The question has its help opened. */
async function sweep(page, lang) {
  const problems = [];
  const everyWidth = lang === 'fr' || lang === 'en';
  const screens = [['welcome', '#/'], ['question', `#/question/${fixtures.questions[0].id}`], ['paper', '#/papier'], ['result', '#/resultat']];
  for (const [screen, hash] of screens) {
    await page.goto(url(lang) + hash);
    await page.locator('main [data-focus]').first().waitFor();
    if (screen === 'question') {
      await page.locator('.help summary').click();
      await page.locator('.help[open]').waitFor();
    }
    // Each width in turn on the same screen (the window resized).
    for (const width of [320, 390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      const label = `${lang} ${screen} ${width}`;
      if (width !== 390 || everyWidth) await assertAccessible(page, label);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      if (scroll > inner) problems.push(`${label}: the page is ${scroll} px wide in a ${inner} px window`);
      await shot(page, `${SCREENSHOTS}/lang-${lang}-${screen}-${width}.png`);
      if (screen === 'result' && everyWidth && width !== 320) {
        await page.emulateMedia({ media: 'print' });
        await shot(page, `${SCREENSHOTS}/lang-${lang}-sheet-${width}.png`);
        await page.emulateMedia({ media: 'screen' });
      }
      for (const o of await overlaps(page)) problems.push(`${label}: ${o}`);
    }
  }
  return problems;
}

for (const lang of LANGS) {
  test(`${lang}: the quiz by mouse and by keyboard gives the French parcours and code; every screen axe clean at 320 and 1280 px, screenshots at 320, 390 and 1280, nothing overlaps`, async () => {
    // In French, the keyboard's quiz is resident.test.mjs's (every persona).
    for (const [k, how] of lang === 'fr' ? [[0, 'mouse']] : [[0, 'mouse'], [1, 'keyboard']]) {
      const persona = fixtures.personas[k];
      const page = await freshPage(browser, { viewport: { width: 390, height: 800 } });
      await start(page, url(lang));
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
      const title = (await page.locator('h1').innerText()).trim();
      if (lang !== 'fr') assert.notEqual(title.replace(/\u00a0/g, ' '), fixtures.title, `${lang}: the title is translated`);
      if (lang === 'ar') assert.match(title, /[\u0600-\u06ff]/);
      const name = await startName(page);
      if (how === 'mouse') await answerWithMouse(page, persona.answers, name);
      else await answerWithKeyboard(page, persona.answers, optionsOf, name);
      assert.equal(await page.locator('#result-code').innerText(), persona.code, `${lang} ${how}: same code as in French`);
      assert.equal(await page.locator('.parcours-title').getAttribute('data-parcours'), persona.parcours, `${lang} ${how}`);
      // Once answered, every screen (the result reached by its address).
      if (how === 'mouse') assert.deepEqual(await sweep(page, lang), []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}

test('a language is chosen by the switch and remembered; proposed from the browser; French otherwise', async () => {
  const page = await freshPage(browser);
  await start(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.locator('nav.langs a[lang=ar]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.querySelector('section.welcome:not([data-prerendered])'));
  // A new visit on this device, without `?lang`: still Arabic.
  await start(page, BASE_URL);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  await page.locator('nav.langs a[lang=fr]').click();
  // The page's own `lang="fr"` is there before main.js runs: wait for main.js (it drops `?lang=fr`).
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && !location.search.includes('lang='));
  await start(page, BASE_URL);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.context().close();
  for (const [locale, expected] of [['pt-BR', 'pt'], ['tr-TR', 'tr'], ['de-DE', 'fr']]) {
    const p = await freshPage(browser, { locale });
    await start(p, BASE_URL);
    assert.equal(await p.evaluate(() => document.documentElement.lang), expected, locale);
    await p.context().close();
  }
});

test('offline or out of step, a language that cannot be loaded says so and the quiz stays usable', async () => {
  // No service worker: once it controls the page (it claims it when
  // installed), its fetches escape the page's routes.
  const page = await freshPage(browser, { serviceWorkers: 'block' });
  await page.route('**/questionnaire.tr.bin', (r) => r.abort());
  await start(page, url('tr'));
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /langue n'a pas pu être chargée/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.deepEqual(page.errors, []);
  await page.context().close();
  // A pack made for another version of the questionnaire (published apart):
  // the up-to-date French, and an honest word, not "check your connection".
  const stale = await freshPage(browser, { serviceWorkers: 'block' });
  await stale.route('**/questionnaire.tr.bin', async (r) => {
    const body = Buffer.from(await (await r.fetch()).body());
    body[6] ^= 0xff; // a byte of the digest it was made for (after `DIAGL` and the layout)
    await r.fulfill({ body, contentType: 'application/octet-stream' });
  });
  await start(stale, url('tr'));
  await stale.locator('.notice').waitFor();
  assert.match((await stale.locator('.notice').innerText()).replace(/\u00a0/g, ' '), /ne sont pas à jour : le questionnaire s'affiche en français, avec les informations à jour/);
  assert.doesNotMatch(await stale.locator('.notice').innerText(), /connexion/);
  assert.deepEqual(stale.errors, []);
  await stale.context().close();
});

test('the printed sheet in Arabic fits one A4 page and holds the French summary for the advisor', async () => {
  const persona = fixtures.personas[2] ?? fixtures.personas[0];
  const page = await freshPage(browser, { viewport: { width: 1280, height: 900 } });
  await start(page, url('ar'));
  await answerWithMouse(page, persona.answers, await startName(page));
  // The QR says the language answered in; the code itself carries none.
  assert.equal(await page.locator('#result-code').innerText(), persona.code);
  assert.equal(await page.locator('.qr').getAttribute('aria-label'), `QR code ${persona.code}/ar`);
  await page.emulateMedia({ media: 'print' });
  const summary = page.locator('.for-advisor');
  assert.equal(await summary.getAttribute('lang'), 'fr');
  const text = (await summary.innerText()).replace(/\u00a0/g, ' ');
  assert.match(text, /Pour le conseiller numérique \(en français\)/);
  assert.ok(text.includes(persona.title), `the French parcours title: ${persona.title}`);
  assert.ok(text.includes(persona.code));
  // Each answered question in French.
  const first = fixtures.questions.find((q) => persona.answers[q.id] !== undefined && [persona.answers[q.id]].flat().length);
  assert.ok(text.includes(first.text.replace(/\u00a0/g, ' ').split(' ')[0]), first.text);
  await shot(page, `${SCREENSHOTS}/lang-ar-sheet-print.png`);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'the Arabic sheet fits one A4 page');
  // In French, no summary: the sheet is already French.
  await page.goto(`${BASE_URL}?lang=fr#/resultat`);
  await page.locator('.parcours-title').waitFor();
  assert.equal(await page.locator('.for-advisor').count(), 0);
  assert.equal(await page.locator('.qr').getAttribute('aria-label'), `QR code ${persona.code}`);
  await page.context().close();
});

test('read-aloud is offered only when the browser has a voice for the language, slowly by default, at the chosen speed', async () => {
  const page = await freshPage(browser);
  await page.addInitScript(() => {
    const voices = [{ lang: 'fr-FR', name: 'Français' }, { lang: 'ar-SA', name: 'عربي' }];
    window.spoken = [];
    Object.defineProperty(speechSynthesis, 'getVoices', { value: () => voices });
    Object.defineProperty(speechSynthesis, 'speak', { value: (u) => window.spoken.push({ lang: u.lang, rate: u.rate }) });
  });
  const question = `#/question/${fixtures.questions[0].id}`;
  for (const [lang, offered] of [['fr', true], ['tr', false], ['ar', true], ['pt', false]]) {
    await page.goto(url(lang) + question);
    await page.locator('fieldset').waitFor();
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.speak button').count(), offered ? 1 : 0, `${lang}: read-aloud offered`);
  }
  await page.goto(url('fr') + question);
  await page.locator('.speak button').click();
  await page.locator('#voice-rate').selectOption('normal');
  await page.locator('.speak button').click();
  const spoken = await page.evaluate(() => window.spoken);
  assert.deepEqual(spoken.map((s) => [s.lang, Math.round(s.rate * 100)]), [['fr', 75], ['fr', 100]]);
  // The speed chosen stays for the next questions.
  await page.reload();
  await page.locator('#voice-rate').waitFor();
  assert.equal(await page.locator('#voice-rate').inputValue(), 'normal');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
