// Dead ends and slow spots of a first visit: each screen starts at its top,
// the help closes when the question changes, English reads as English and a
// reload keeps the language chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, fixtures, BASE_URL, questionId, waitForScreen, norm } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Chooses the first answer of the question on screen and presses "Suivant". */
async function answerFirstAndGoOn(page) {
  await page.locator('fieldset input').first().check();
  const here = page.url();
  await page.locator('button[type=submit]').click();
  await waitForScreen(page, here);
}

test('each new screen starts at its top, with the header and progress in view', async () => {
  const page = await freshPage(browser, { viewport: { width: 390, height: 480 } });
  await start(page);
  const here = page.url();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await waitForScreen(page, here);
  let scrolled = 0;
  for (let i = 0; i < 4 && questionId(page); i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    scrolled = Math.max(scrolled, await page.evaluate(() => window.scrollY));
    await answerFirstAndGoOn(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0, `screen ${i + 2} opened scrolled down`);
    const header = await page.locator('header.site').boundingBox();
    assert.ok(header && header.y >= 0, 'the header is in view');
  }
  assert.ok(scrolled > 0, 'the screens were long enough to scroll: the test proves something');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the help opens as a disclosure and is closed again when the question changes', async () => {
  const page = await freshPage(browser);
  await start(page);
  const here = page.url();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await waitForScreen(page, here);
  // Walk to the first question that has help.
  for (let i = 0; i < 25 && (await page.locator('details.help').count()) === 0; i++) await answerFirstAndGoOn(page);
  const help = page.locator('details.help');
  assert.equal(await help.count(), 1, 'a question with help');
  const withHelp = questionId(page);
  assert.equal(await help.evaluate((d) => d.open), false, 'closed at first');
  // It looks like a disclosure (an arrow that turns) and says so to screen
  // readers (Chromium's accessibility tree: a disclosure named "Aide", with
  // its expanded state; the arrow is not read).
  const arrow = () => help.locator('summary').evaluate((el) => getComputedStyle(el, '::before').content);
  const cdp = await page.context().newCDPSession(page);
  const disclosure = async () => {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const n = nodes.find((x) => x.role?.value === 'DisclosureTriangle');
    return { name: n?.name?.value, expanded: n?.properties?.find((p) => p.name === 'expanded')?.value?.value };
  };
  assert.match(await arrow(), /▸/);
  assert.deepEqual(await disclosure(), { name: 'Aide', expanded: false });
  await help.locator('summary').click();
  assert.equal(await help.evaluate((d) => d.open), true);
  assert.match(await arrow(), /▾/);
  assert.deepEqual(await disclosure(), { name: 'Aide', expanded: true });
  await answerFirstAndGoOn(page);
  assert.notEqual(questionId(page), withHelp);
  if (await page.locator('details.help').count()) {
    assert.equal(await page.locator('details.help').evaluate((d) => d.open), false, 'the next question\'s help starts closed');
  }
  const next = page.url();
  await page.getByRole('button', { name: 'Précédent' }).click();
  await waitForScreen(page, next);
  assert.equal(questionId(page), withHelp);
  assert.equal(await page.locator('details.help').evaluate((d) => d.open), false, 'closed when coming back');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in English the tab title and punctuation are English; choosing Français drops ?lang=en so a reload stays French', async () => {
  const page = await freshPage(browser);
  await page.goto(BASE_URL + '?lang=en#/resultat');
  await page.locator('.parcours-title').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const frenchTitle = `${fixtures.title} — Mairie de Villeneuve-la-Garenne`;
  const englishTitle = await page.title();
  assert.notEqual(englishTitle, frenchTitle);
  assert.doesNotMatch(englishTitle, /\s[?!:;]/, 'no French spacing in English');
  const bars = await page.locator('.bars li .bar-label').allTextContents();
  assert.ok(bars.length > 0);
  for (const b of bars) assert.doesNotMatch(b, /\s:/, `French spacing leaked into English: ${b}`);
  await page.getByRole('link', { name: 'Français' }).click();
  // The page's own `lang="fr"` is there before main.js runs: wait for main.js (it drops `?lang=fr`) and the module.
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && !location.search.includes('lang=') && document.querySelector('.parcours-title'));
  assert.doesNotMatch(new URL(page.url()).search, /lang=en/);
  assert.equal(norm(await page.title()), frenchTitle);
  await page.reload();
  await page.locator('.parcours-title').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  // In French, a non-breaking space before the colon: never a colon alone at a line's start.
  const fr = await page.locator('.bars li .bar-label').first().textContent();
  assert.match(fr, /\u00a0:/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the help never shows an e-mail address that a later question asks to recognise', async () => {
  const page = await freshPage(browser);
  await page.goto(BASE_URL + '#/question/adresse-email');
  await page.locator('details.help summary').click();
  const text = norm(await page.locator('details.help').textContent());
  assert.doesNotMatch(text, /@/, text);
  await page.context().close();
});

test('no answer of a scale reads as the start of another ("Je ne sais pas" / "Je ne sais pas le faire")', async () => {
  const page = await freshPage(browser);
  await page.goto(BASE_URL + '#/question/allumer');
  await page.locator('fieldset label').first().waitFor();
  const texts = (await page.locator('fieldset label').allTextContents()).map((t) => norm(t).toLowerCase());
  assert.equal(texts.length, 5);
  for (const a of texts) for (const b of texts) if (a !== b) assert.ok(!b.startsWith(a), `« ${a} » starts « ${b} »`);
  assert.ok(texts.includes("je n'ai jamais fait ça") && texts.includes('je ne comprends pas la question'), texts.join(' | '));
  await page.context().close();
});

test("a section's introduction shows once, on its first question, and on paper", async () => {
  const page = await freshPage(browser);
  await start(page);
  const here = page.url();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await waitForScreen(page, here);
  assert.match(norm(await page.locator('.section-intro').textContent()), /pas de bonne ou de mauvaise réponse/);
  await answerFirstAndGoOn(page);
  assert.equal(await page.locator('.section-intro').count(), 0, 'not again on the second question');
  // Through the section to the next one: its introduction shows on its first question.
  for (let i = 0; i < 8 && questionId(page) !== 'allumer'; i++) await answerFirstAndGoOn(page);
  assert.equal(questionId(page), 'allumer');
  assert.match(norm(await page.locator('.section-intro').textContent()), /Répondez franchement/);
  await page.goto(BASE_URL + '#/papier');
  await page.locator('.paper').waitFor();
  const intros = await page.locator('.paper .section-intro').allTextContents();
  assert.equal(intros.length, 4, 'each section introduced on paper');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an empty or provisional result claims no skill', async () => {
  const page = await freshPage(browser);
  await page.goto(BASE_URL + '#/resultat');
  await page.locator('.parcours-title').waitFor();
  const because = norm(await page.locator('.because').textContent());
  assert.doesNotMatch(because, /Vous savez|Vous débutez|Vous êtes à l'aise/, because);
  assert.match(because, /Nous ne savons pas encore/);
  for (const bar of await page.locator('.bars li').allTextContents()) assert.match(norm(bar), /non évalué/, bar);
  assert.match(norm(await page.locator('.result').textContent()), /provisoire/);
  await page.context().close();
});

test('every screen, the welcome before the module too, shows the town\'s mark and name and says whom to call and when', async () => {
  const page = await freshPage(browser);
  // The logo, declared in the questionnaire, drawn before the town's name: from this site, decorative.
  const logo = async (where) => {
    const img = page.locator('header.site .town img.logo');
    assert.equal(await img.count(), 1, where);
    await page.waitForFunction(() => document.querySelector('header.site .town img.logo')?.complete);
    const state = await img.evaluate((el) => ({ alt: el.getAttribute('alt'), src: el.src, w: el.naturalWidth, box: el.getBoundingClientRect().width }));
    assert.equal(state.alt, '', where);
    assert.equal(new URL(state.src).origin, new URL(BASE_URL).origin, where);
    assert.ok(state.w > 0 && state.box >= 30, `${where}: the logo is drawn (${JSON.stringify(state)})`);
    assert.match(norm(await page.locator('header.site .town').textContent()), /^Mairie de Villeneuve-la-Garenne$/, where);
  };
  // The pre-rendered welcome (before the module) and the module's screens.
  const html = await (await fetch(BASE_URL)).text();
  assert.match(html, /<p class="town"><img class="logo" src="logo.svg" alt="" width="32" height="32">Mairie de Villeneuve-la-Garenne<\/p>/, 'pre-rendered welcome');
  await page.goto(BASE_URL);
  await logo('welcome');
  const line = page.locator('.help-line');
  await line.first().waitFor();
  assert.match(norm(await line.textContent()), /^Besoin d'aide \? 01 40 85 57 00 — Le mercredi de 14 h à 17 h/);
  assert.equal(await line.locator('a').getAttribute('href'), 'tel:0140855700');
  for (const hash of ['#/question/equipement', '#/resultat', '#/papier']) {
    await page.goto(BASE_URL + hash);
    await page.locator('main h1, main legend').first().waitFor();
    assert.equal(await page.locator('.help-line').count(), 1, hash);
    await logo(hash);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the paper version stands alone: large print, one numbering, when to skip, help, the permanence; its pages counted', async () => {
  const page = await freshPage(browser);
  await page.goto(BASE_URL + '#/papier');
  await page.locator('.paper').waitFor();
  await page.emulateMedia({ media: 'print' });
  const size = await page.locator('.paper .paper-question p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 18.6, `printed at ${size} px, at least 14 pt`);
  // One numbering across sections: the office section starts after the basics.
  const starts = await page.locator('.paper ol').evaluateAll((ols) => ols.map((o) => o.start));
  assert.deepEqual(starts, [1, 6, 15, 20]);
  const only = await page.locator('.paper .only-if').allTextContents();
  assert.ok(only.some((t) => /Seulement si vous avez répondu « Oui » à la question 4/.test(norm(t))), only.join(' | '));
  assert.ok(only.some((t) => /question 7/.test(norm(t))), 'the office section says which answer leads to it');
  assert.ok(await page.locator('.paper .paper-help').count() >= 5, 'help texts printed');
  assert.match(norm(await page.locator('.paper-permanence').textContent()), /Médiathèque.*mercredi.*01 40 85 57 00/);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`# paper version: ${pages} A4 pages at 14 pt`);
  assert.ok(pages <= 8, `${pages} pages`);
  await page.context().close();
});
