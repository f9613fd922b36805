// The advisor's intake: a resident's code opened at the desk, the decision
// saved in encrypted storage, export and import, bad codes and passphrases,
// the keyboard path, accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, start, fixtures, answerWithMouse, assertAccessible, norm, BASE_URL } from './browser.mjs';

const PASS = 'phrase de passe du conseiller';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openAdvisor(page, passphrase = PASS, { create = false } = {}) {
  await page.goto(BASE_URL + '#/conseiller');
  await page.locator('#passphrase').waitFor();
  await page.locator('#passphrase').fill(passphrase);
  if (create) await page.locator('#passphrase-confirm').fill(passphrase);
  await page.locator('form.unlock button[type=submit]').click();
}

async function openCode(page, code) {
  await page.locator('#code-input').fill(code);
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync(await file.path(), 'utf8');
}

test('a resident\'s code opens with the same parcours, answers and scores; the decision is kept, exported and imported', async () => {
  const persona = fixtures.personas[1];
  const page = await freshPage(browser);
  // The resident, on the same device (the code is what they would bring).
  await start(page);
  await answerWithMouse(page, persona.answers);
  const code = (await page.locator('#result-code').textContent()).trim();
  const title = (await page.locator('.parcours-title').textContent()).trim();
  const bars = await page.locator('.bars li').allTextContents();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Terminer et effacer mes réponses' }).click();

  await openAdvisor(page, PASS, { create: true });
  await page.locator('#code-input').waitFor();
  await assertAccessible(page, 'advisor: open a code');
  // Case and spaces do not matter.
  await openCode(page, '  ' + code.toLowerCase().replaceAll('-', ' ') + ' ');
  await page.locator('#recommended').waitFor();
  assert.equal((await page.locator('#recommended').textContent()).trim(), title);
  // Every answer given is listed with its text.
  for (const [qid, oids] of Object.entries(persona.answers)) {
    const q = fixtures.questions.find((x) => x.id === qid);
    const texts = [oids].flat().map((o) => q.options.find((x) => x.id === o).text);
    const line = await page.locator(`.answers li[data-question="${qid}"]`).textContent();
    for (const t of texts) assert.ok(line.includes(t), `${qid}: ${line}`);
  }
  // The same scores as the resident saw (levels in words).
  const rows = await page.locator('.scores tbody tr').allTextContents();
  assert.equal(rows.length, bars.length);
  assert.ok(await page.locator('.trace li.held').count() === 1);
  await assertAccessible(page, 'advisor: detail');

  // Override without a reason is refused; with one, it is saved.
  await page.locator('#decide-name').fill('A. B.');
  const other = await page.locator('#decide-parcours option:not([selected])').first().getAttribute('value');
  await page.locator('#decide-parcours').selectOption(other);
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.locator('form.decide [role=alert]').waitFor();
  await page.locator('#decide-reason').fill('Préfère un groupe du matin');
  await page.locator('#decide-note').fill('=1+1 rappeler lundi');
  await page.locator('#decide-autonomy-partiel').check();
  await page.locator('#decide-level-debutant').check();
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.locator('.status').waitFor();
  // Initials that end with a period get no second one.
  assert.equal(norm(await page.locator('.status').textContent()), 'Fiche enregistrée : A. B.');

  // Stored encrypted: no name or note in clear.
  const stored = await page.evaluate(() => localStorage.getItem('diag-numerique:advisor'));
  assert.ok(stored.startsWith('diag-vault 1\n'));
  assert.ok(!stored.includes('rappeler') && !stored.includes('A. B.'));

  // Reload, unlock: the record is there unchanged.
  await page.reload();
  await openAdvisor(page);
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
  await page.locator('.record-table tbody tr').waitFor();
  const row = await page.locator('.record-table tbody tr').textContent();
  assert.match(row, /A\. B\./);
  assert.match(row, new RegExp(code));
  assert.match(row, /Préfère un groupe du matin/);
  await assertAccessible(page, 'advisor: records');

  const csv = await download(page, 'Exporter en CSV (tableur)');
  assert.ok(csv.startsWith('\ufeffDate;Prénom ou initiales;Code;'));
  assert.match(csv, /;'=1\+1 rappeler lundi;/);
  // The reporting columns hold the labels the advisor ticked, not ids.
  assert.match(csv, /;Partiellement autonome;Débutant;(Élevée|Moyenne|Faible)\r\n/);
  const json = await download(page, 'Exporter en JSON (sauvegarde)');
  assert.match(json, /"format":"diag-numerique-records"/);

  // Clear storage; import the JSON: the same record comes back; twice adds nothing.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await openAdvisor(page, PASS, { create: true });
  await page.getByRole('button', { name: /^Fiches \(0\)$/ }).click();
  await page.locator('#import-file').setInputFiles({ name: 'fiches.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).waitFor();
  // Emptied after each import: choosing the same file again fires a change event.
  assert.equal(await page.locator('#import-file').inputValue(), '');
  await page.locator('#import-file').setInputFiles({ name: 'fiches.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.locator('.status').filter({ hasText: 'Aucune nouvelle fiche' }).waitFor();
  assert.equal(await page.locator('.record-table tbody tr').count(), 1);
  const again = await download(page, 'Exporter en JSON (sauvegarde)');
  assert.equal(again, json);

  // A damaged or foreign file is refused and changes nothing.
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.locator('#advisor-error').filter({ hasText: "n'est pas un export" }).waitFor();
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(json.slice(0, 80)) });
  await page.locator('#advisor-error').filter({ hasText: 'abîmé' }).waitFor();
  assert.equal(await page.locator('.record-table tbody tr').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a tampered or truncated code and a wrong passphrase each say what is wrong', async () => {
  const code = fixtures.personas[0].code;
  const page = await freshPage(browser);
  await openAdvisor(page, PASS, { create: true });
  await page.locator('#code-input').waitFor();
  const chars = code.split('');
  const last = chars.length - 1;
  chars[last] = chars[last] === 'Z' ? 'Y' : 'Z';
  await openCode(page, chars.join(''));
  await page.locator('#advisor-error').waitFor();
  assert.match(await page.locator('#advisor-error').textContent(), /un caractère est faux ou deux sont inversés/);
  await openCode(page, code.slice(0, -3));
  await page.locator('#advisor-error').filter({ hasText: 'Il manque' }).waitFor();
  await openCode(page, code.slice(0, 4) + 'U' + code.slice(5));
  await page.locator('#advisor-error').filter({ hasText: '« U »' }).waitFor();

  // Save one record, lock, try a wrong passphrase, then the right one.
  await openCode(page, code);
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.locator('.status').waitFor();
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.locator('#passphrase').fill('pas la bonne');
  await page.locator('form.unlock button[type=submit]').click();
  await page.locator('#unlock-error').waitFor();
  assert.match(await page.locator('#unlock-error').textContent(), /Phrase de passe incorrecte/);
  await page.locator('#passphrase').fill(PASS);
  await page.locator('form.unlock button[type=submit]').click();
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).waitFor();
  await assertAccessible(page, 'advisor: unlocked');
  await page.context().close();
});

test('at the desk, keys 1 to 4 answer the questions and complete an intake', async () => {
  const persona = fixtures.personas[0];
  const page = await freshPage(browser);
  await openAdvisor(page, PASS, { create: true });
  await page.getByRole('button', { name: 'Questionnaire au bureau' }).click();
  await page.locator('form.desk').waitFor();
  await assertAccessible(page, 'advisor: desk');
  // Keyboard only: focus the first question's first input, then type digits.
  await page.locator('form.desk fieldset input').first().focus();
  for (let guard = 0; guard < 60; guard++) {
    const qid = await page.evaluate(() => document.activeElement?.closest('fieldset[data-question]')?.dataset.question);
    if (!qid) break;
    const q = fixtures.questions.find((x) => x.id === qid);
    const chosen = [persona.answers[qid] ?? []].flat();
    const multiple = (await page.locator(`#desk-${qid} input`).first().getAttribute('type')) === 'checkbox';
    if (multiple) {
      for (const o of chosen) await page.keyboard.press(String(q.options.findIndex((x) => x.id === o) + 1));
      await page.keyboard.press('Tab');
      // Tab through the rest of this question's boxes to the next question.
      while (await page.evaluate((id) => document.activeElement?.closest('fieldset')?.dataset.question === id, qid)) await page.keyboard.press('Tab');
    } else if (chosen.length) {
      await page.keyboard.press(String(q.options.findIndex((x) => x.id === chosen[0]) + 1));
      await page.waitForFunction((id) => document.activeElement?.closest('fieldset')?.dataset.question !== id, qid);
    } else {
      break;
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('#recommended').waitFor();
  assert.equal((await page.locator('#recommended').textContent()).trim(), persona.title);
  assert.match(await page.locator('#detail-title').textContent(), new RegExp(persona.code));
  await page.context().close();
});

test('records saved in two tabs are both kept, and the intake requests nothing elsewhere', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  const save = async (page, persona, name) => {
    await openCode(page, persona.code);
    await page.locator('#decide-name').fill(name);
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.locator('.status').filter({ hasText: name }).waitFor();
  };
  const a = await context.newPage();
  await openAdvisor(a, PASS, { create: true });
  await a.locator('#code-input').waitFor();
  await save(a, fixtures.personas[0], 'Premier');
  // Both tabs open with the same records; each then saves without knowing of the other.
  const b = await context.newPage();
  await openAdvisor(b, PASS);
  await b.locator('#code-input').waitFor();
  await save(a, fixtures.personas[1], 'Onglet A');
  await save(b, fixtures.personas[2], 'Onglet B');
  await a.reload();
  await openAdvisor(a, PASS);
  await a.getByRole('button', { name: /^Fiches \(3\)$/ }).click();
  const rows = await a.locator('.record-table tbody tr').allTextContents();
  for (const name of ['Premier', 'Onglet A', 'Onglet B']) assert.ok(rows.some((r) => r.includes(name)), rows.join('\n'));
  const origin = new URL(BASE_URL).origin;
  assert.deepEqual(urls.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== origin), []);
  await context.close();
});

test('when storage is refused, the advisor is told and offered the export', async () => {
  const page = await freshPage(browser);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
  });
  await openAdvisor(page, PASS, { create: true });
  await openCode(page, fixtures.personas[0].code);
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.locator('#advisor-error').waitFor();
  assert.match(await page.locator('#advisor-error').textContent(), /ne peuvent pas être enregistrées sur cet appareil\. Exportez-les/);
  // The record is still in the page, ready to export.
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
  const json = await download(page, 'Exporter en JSON (sauvegarde)');
  assert.match(json, new RegExp(fixtures.personas[0].code));
  await page.context().close();
});

test('where the browser can read QR codes, the sheet\'s code is scanned instead of typed', async () => {
  const persona = fixtures.personas[2];
  const page = await freshPage(browser);
  // Headless Chromium on Linux has neither a camera nor a barcode detector:
  // stand-ins with the same interface as Chrome on Android.
  await page.addInitScript((code) => {
    window.cameraStopped = false;
    navigator.mediaDevices.getUserMedia = async () => {
      const stream = new MediaStream();
      stream.getTracks = () => [{ stop: () => { window.cameraStopped = true; } }];
      return stream;
    };
    window.BarcodeDetector = class { async detect() { return [{ rawValue: code, format: 'qr_code' }]; } };
  }, persona.code);
  await openAdvisor(page, PASS, { create: true });
  await page.getByRole('button', { name: 'Scanner le QR code' }).click();
  await page.locator('#recommended').waitFor();
  assert.equal((await page.locator('#recommended').textContent()).trim(), persona.title);
  assert.equal(await page.evaluate(() => window.cameraStopped), true);
  await page.context().close();
});

test('without a camera, scanning says so plainly and typing still works', async () => {
  const page = await freshPage(browser);
  // Headless Chromium has the camera API but no camera: getUserMedia fails.
  await openAdvisor(page, PASS, { create: true });
  await page.getByRole('button', { name: 'Scanner le QR code' }).click();
  await page.locator('#advisor-error').waitFor();
  assert.match(norm(await page.locator('#advisor-error').textContent()), /La caméra n'a pas pu s'ouvrir .* choisir une photo de la fiche, ou taper le code\./);
  assert.ok(await page.locator('#qr-video').isHidden(), 'no empty camera frame is left on screen');
  await openCode(page, fixtures.personas[0].code);
  assert.equal((await page.locator('#recommended').textContent()).trim(), fixtures.personas[0].title);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the intake sheet prints on one A4 page, with the decision on it', async () => {
  const page = await freshPage(browser);
  await openAdvisor(page, PASS, { create: true });
  await openCode(page, fixtures.personas[1].code);
  await page.locator('#recommended').waitFor();
  await page.locator('#decide-name').fill('M. D.');
  await page.locator('#decide-note').fill('Rappeler mardi');
  await page.locator('#decide-level-debutant').check();
  await page.emulateMedia({ media: 'print' });
  // The decision prints: date, name, parcours, note, and only the ticked category.
  assert.ok(await page.locator('form.decide').isVisible(), 'the decision is on the sheet');
  assert.match(norm(await page.locator('form.decide .sheet-only').textContent()), /^Date : \d{4}-\d{2}-\d{2}$/);
  assert.ok(await page.locator('#decide-name').isVisible());
  assert.equal(await page.locator('#decide-note').inputValue(), 'Rappeler mardi');
  assert.ok(await page.locator('label[for="decide-level-debutant"]').isVisible());
  assert.equal(await page.locator('label[for="decide-level-avance"]').isVisible(), false, 'unticked boxes left out');
  assert.equal(await page.getByRole('button', { name: 'Enregistrer la fiche' }).isVisible(), false);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1);
  await page.context().close();
});

test('a code read with the resident\'s language (/ar) says "Répondu en arabe", the answers still in French', async () => {
  const persona = fixtures.personas[1];
  const page = await freshPage(browser);
  await openAdvisor(page, PASS, { create: true });
  await page.locator('#code-input').waitFor();
  // What the sheet's QR code holds when the resident answered in Arabic.
  await openCode(page, `${persona.code}/ar`);
  await page.locator('#recommended').waitFor();
  assert.match(await page.locator('#detail-title').textContent(), new RegExp(persona.code));
  assert.equal(await page.locator('#advisor-error').count(), 0);
  await page.locator('#answered-in').waitFor();
  assert.equal(norm(await page.locator('#answered-in').textContent()), 'Répondu en arabe');
  assert.equal((await page.locator('#recommended').textContent()).trim(), persona.title);
  // The answers are shown in French: each option's French text, no Arabic script.
  for (const [qid, oids] of Object.entries(persona.answers)) {
    const q = fixtures.questions.find((x) => x.id === qid);
    const texts = [oids].flat().map((o) => q.options.find((x) => x.id === o).text);
    const line = await page.locator(`.answers li[data-question="${qid}"]`).textContent();
    for (const t of texts) assert.ok(line.includes(t), `${qid}: ${line}`);
  }
  assert.doesNotMatch(await page.locator('section.intake').textContent(), /[\u0600-\u06FF]/);

  // The same code without the language: no "Répondu en" line.
  await openCode(page, persona.code);
  await page.locator('#answered-in').waitFor({ state: 'detached' });
  assert.equal((await page.locator('#recommended').textContent()).trim(), persona.title);
  assert.ok(!norm(await page.locator('section.intake').textContent()).includes('Répondu en'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
