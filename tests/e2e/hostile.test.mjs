// The browser under stress: storage refused or full, two tabs, hostile text
// in a published questionnaire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, freshPage, start, fixtures, answerWithMouse, questionId, waitForScreen, BASE_URL, openAuthor } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const PUBLISHED = join(DIST, 'questionnaire.yaml');
let browser;
let original;
before(async () => { browser = await launch(); original = readFileSync(PUBLISHED, 'utf8'); });
after(async () => { writeFileSync(PUBLISHED, original); await browser?.close(); });

async function answerSome(page, n) {
  const before = page.url();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await waitForScreen(page, before);
  for (let i = 0; i < n; i++) {
    await page.locator('fieldset input').first().check();
    const here = page.url();
    await page.locator('button[type=submit]').click();
    await waitForScreen(page, here);
  }
}

test('blocked storage: the quiz works and says once that progress cannot be saved', async () => {
  const page = await freshPage(browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await start(page);
  assert.equal(await page.locator('.notice').count(), 1);
  assert.match(await page.locator('.notice').textContent(), /ne permet pas d'enregistrer vos réponses/);
  await answerWithMouse(page, fixtures.personas[0].answers);
  await page.locator('.parcours-title').waitFor();
  assert.ok(await page.locator('.notice').count() <= 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('full storage: the first failed save is reported once, and the quiz goes on', async () => {
  const page = await freshPage(browser);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
  });
  await start(page);
  await answerSome(page, 2);
  assert.equal(await page.locator('.notice').count(), 1);
  assert.match(await page.locator('.notice').textContent(), /ne permet pas d'enregistrer/);
  await page.getByRole('button', { name: 'Fermer ce message' }).click();
  await page.locator('fieldset input').first().check();
  const here = page.url();
  await page.locator('button[type=submit]').click();
  await waitForScreen(page, here);
  assert.equal(await page.locator('.notice').count(), 0, 'said once, not at every answer');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two tabs: answers saved in one are announced in the other', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const a = await context.newPage();
  await a.goto(BASE_URL);
  await a.locator('h1').waitFor();
  const b = await context.newPage();
  await b.goto(BASE_URL);
  await b.locator('h1').waitFor();
  await answerSome(b, 1);
  await a.locator('.notice').waitFor();
  assert.match(await a.locator('.notice').textContent(), /modifié dans un autre onglet/);
  // The first tab still works and its own answers win from then on.
  await answerSome(a, 2);
  const saved = await a.evaluate(() => localStorage.getItem('diag-numerique:progress'));
  assert.match(saved, new RegExp(`#/question/${questionId(a)}`));
  await context.close();
});

test('HTML and script in a questionnaire show as text and run nothing', async () => {
  writeFileSync(PUBLISHED, readFileSync('tests/e2e/fixtures/xss.yaml', 'utf8'));
  try {
    const page = await freshPage(browser);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    await start(page);
    // A hand edit: after the first screen, its questionnaire replaces the compiled one.
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.trim() === '<script>window.pwned = 1</script>Titre piégé');
    await page.goto(BASE_URL + '#/question/' + fixtures.questions[0].id);
    await page.locator('legend').waitFor();
    assert.match(await page.locator('legend .question-text').textContent(), /^<img src=x onerror="window.pwned = 2"> Quels appareils\s\?$/);
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(dialogs, 0);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, original);
  }
});

test('a javascript: link in a contact field is refused; residents keep the compiled questionnaire', async () => {
  writeFileSync(PUBLISHED, readFileSync('tests/e2e/fixtures/javascript-link.yaml', 'utf8'));
  try {
    const page = await freshPage(browser);
    await start(page);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    await openAuthor(page, 'text');
    await page.locator('.published-broken').waitFor();
    assert.match(await page.locator('#diagnostics').textContent(), /`javascript:window\.pwned=3` n'est pas une adresse web/);
    await page.goto(BASE_URL + '#/resultat');
    await page.locator('.parcours-title').waitFor();
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, original);
  }
});
