// A resident's whole path: personas with the mouse and with the keyboard, the
// result and its code, progress kept across reloads, the back button,
// "Terminer et effacer mes réponses", a shared computer, corrupt storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, fixtures, answerWithMouse, answerWithKeyboard, questionId, waitForScreen, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const optionsOf = (id) => fixtures.questions.find((q) => q.id === id).options.map((o) => o.id);

async function assertResult(page, persona) {
  await page.locator('.parcours-title').waitFor();
  assert.equal((await page.locator('.parcours-title').textContent()).trim(), persona.title, persona.name);
  // The code shown is the core's encoding of exactly these answers, so it decodes to them.
  assert.equal((await page.locator('#result-code').textContent()).trim(), persona.code, persona.name);
  assert.equal(await page.locator('.qr svg').count(), 1);
}

test('three personas reach their parcours with the mouse', async () => {
  assert.equal(fixtures.personas.length, 3);
  for (const persona of fixtures.personas) {
    const page = await freshPage(browser);
    await start(page);
    await answerWithMouse(page, persona.answers);
    await assertResult(page, persona);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('three personas reach their parcours with the keyboard alone', async () => {
  for (const persona of fixtures.personas) {
    const page = await freshPage(browser);
    await start(page);
    await answerWithKeyboard(page, persona.answers, optionsOf);
    await assertResult(page, persona);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a reload in the middle resumes on the same question with the same answers', async () => {
  const page = await freshPage(browser);
  await start(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('legend').waitFor();
  // Answer the first three questions with their first option.
  for (let i = 0; i < 3; i++) {
    await page.locator('input').first().check();
    const before = page.url();
    await page.locator('button[type=submit]').click();
    await waitForScreen(page, before);
  }
  const here = questionId(page);
  await page.reload();
  await page.locator('legend').waitFor();
  assert.equal(questionId(page), here);
  // Back to the start: the welcome screen offers to resume.
  await page.goto(BASE_URL + '#/');
  await page.getByRole('link', { name: 'Reprendre là où vous en étiez' }).click();
  await page.locator('legend').waitFor();
  assert.equal(questionId(page), here);
  // The earlier answers are still checked.
  const before = page.url();
  await page.getByRole('button', { name: 'Précédent' }).click();
  await waitForScreen(page, before);
  assert.notEqual(questionId(page), here);
  assert.equal(await page.locator('input:checked').count(), 1);
  await page.context().close();
});

test('the back button returns to the previous question with its answer kept', async () => {
  const page = await freshPage(browser);
  await start(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('legend').waitFor();
  const first = questionId(page);
  await page.locator('input').nth(1).check();
  let before = page.url();
  await page.locator('button[type=submit]').click();
  await waitForScreen(page, before);
  assert.notEqual(questionId(page), first);
  before = page.url();
  await page.goBack();
  await waitForScreen(page, before);
  assert.equal(questionId(page), first);
  assert.equal(await page.locator('input').nth(1).isChecked(), true);
  await page.context().close();
});

test('a single-choice question asks for an answer instead of moving on', async () => {
  const page = await freshPage(browser);
  await page.goto(BASE_URL + '#/question/cherche-emploi');
  await page.locator('legend').waitFor();
  await page.locator('button[type=submit]').click();
  await page.locator('#missing[role=alert]').waitFor();
  assert.equal(questionId(page), 'cherche-emploi');
  await page.context().close();
});

test('"Terminer et effacer mes réponses" asks first, then leaves storage empty', async () => {
  const persona = fixtures.personas[0];
  const page = await freshPage(browser);
  await start(page);
  await answerWithMouse(page, persona.answers);
  assert.ok(await page.evaluate(() => localStorage.length) > 0);
  // Said no: nothing is erased.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Terminer et effacer mes réponses' }).click();
  assert.match(page.url(), /#\/resultat$/);
  assert.ok(await page.evaluate(() => localStorage.length) > 0);
  page.once('dialog', (d) => { assert.match(d.message(), /vont être effacées/); d.accept(); });
  await page.getByRole('button', { name: 'Terminer et effacer mes réponses' }).click();
  await page.locator('.welcome').waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await page.context().close();
});

test('corrupt or stale storage is set aside with a message and the quiz still works', async () => {
  for (const [stored, message] of [
    ['{"garbage": true', "n'ont pas pu être relues"],
    ['diag-progress 1\nvilleneuve-la-garenne\n1999.1\nfr\n#/resultat\nVLG-0000', 'Le questionnaire a changé'],
    ['diag-progress 1\nvilleneuve-la-garenne\n2026.1\nfr\n#/resultat\nVLG-ZZZZ-ZZZZ', "n'ont pas pu être relues"],
  ]) {
    const page = await freshPage(browser);
    // Wait for the app to have read (empty) storage before planting the bad entry.
    await start(page);
    await page.evaluate((s) => localStorage.setItem('diag-numerique:progress', s), stored);
    await page.reload();
    await page.locator('.notice').waitFor();
    assert.match(await page.locator('.notice').textContent(), new RegExp(message));
    assert.equal(await page.evaluate(() => localStorage.getItem('diag-numerique:progress:set-aside')), stored);
    await answerWithMouse(page, fixtures.personas[1].answers);
    await page.locator('.parcours-title').waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a whole quiz makes requests to the page\'s own origin only', async () => {
  const page = await freshPage(browser);
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await start(page);
  await answerWithMouse(page, fixtures.personas[2].answers);
  await page.locator('.parcours-title').waitFor();
  const origin = new URL(BASE_URL).origin;
  assert.ok(urls.length >= 4, urls.join('\n'));
  assert.deepEqual(urls.filter((u) => new URL(u).origin !== origin), []);
  await page.context().close();
});

test('the printed sheet fits on one A4 page', async () => {
  const page = await freshPage(browser);
  await start(page);
  await answerWithMouse(page, fixtures.personas[0].answers);
  await page.locator('.parcours-title').waitFor();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `the sheet prints on ${pages} pages`);
  await page.context().close();
});

test('on a shared computer the next person is told whose result is saved, and starts anew only after confirming', async () => {
  const persona = fixtures.personas[2];
  const page = await freshPage(browser);
  await start(page);
  await answerWithMouse(page, persona.answers);
  const code = (await page.locator('#result-code').textContent()).trim();
  // The next person opens the page on the same computer.
  await page.goto(BASE_URL + '#/');
  await page.reload();
  const saved = page.locator('.welcome p.saved');
  await saved.waitFor();
  const today = new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long' }).replace(/^1 /, '1er ');
  assert.match(await saved.textContent(), new RegExp(`^Un résultat du ${today} \\d{4} est enregistré sur cet appareil`));
  assert.equal(await page.getByRole('link', { name: 'Reprendre là où vous en étiez' }).count(), 0, 'a finished result is not offered as "Reprendre"');
  await page.getByRole('link', { name: 'Voir ce résultat' }).click();
  await page.locator('#result-code').waitFor();
  assert.equal((await page.locator('#result-code').textContent()).trim(), code);
  await page.goto(BASE_URL + '#/');
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Commencer un nouveau questionnaire' }).click();
  assert.ok(await page.evaluate(() => localStorage.length) > 0, 'said no: kept');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Commencer un nouveau questionnaire' }).click();
  await page.getByRole('button', { name: 'Commencer' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
