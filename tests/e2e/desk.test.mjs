// The advisor's desk as a busy advisor meets it: one record per intake (a
// code opened again edits its record), nothing typed lost to "Verrouiller",
// a vault created and locked at once opens again, readable codes and boxes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, fixtures, answerWithMouse, assertAccessible, norm, BASE_URL, SCREENSHOTS, PASSPHRASE as PASS, unlockAdvisor as unlock, openCode } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A resident's code: the core's encoding of the first persona's answers,
 * the very code the resident's page shows for them (resident.test.mjs). */
const residentCode = async () => fixtures.personas[0].code;

test('a code opened again says it has a record, shows its decision, and saving updates it instead of adding one', async () => {
  const page = await freshPage(browser);
  const code = await residentCode(page);
  await unlock(page, { create: true });
  await openCode(page, code);
  assert.equal(await page.locator('.existing-record').count(), 0);
  await page.locator('#decide-name').fill('R. T.');
  await page.locator('#decide-note').fill('Première note');
  await page.locator('#decide-level-debutant').check();
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.getByText('Fiche enregistrée : R. T.').waitFor();

  await openCode(page, code);
  assert.match(norm(await page.locator('.existing-record').textContent()), /déjà une fiche/);
  assert.equal(await page.locator('#decide-name').inputValue(), 'R. T.');
  assert.equal(await page.locator('#decide-note').inputValue(), 'Première note');
  assert.equal(await page.locator('#decide-level-debutant').isChecked(), true);
  await assertAccessible(page, 'advisor: a code that already has a record');
  await page.locator('#decide-note').fill('Note corrigée');
  await page.getByRole('button', { name: 'Mettre à jour la fiche' }).click();
  await page.getByText('Fiche mise à jour : R. T.').waitFor();
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
  const rows = page.locator('.record-table tbody tr');
  assert.equal(await rows.count(), 1, 'one record per intake');
  assert.match(norm(await rows.first().textContent()), /Note corrigée/);
  // Readable: the code on one line in monospace.
  const cell = page.locator('.record-table td.code-cell');
  const style = await cell.evaluate((el) => ({ wrap: getComputedStyle(el).whiteSpace, font: getComputedStyle(el).fontFamily }));
  assert.equal(style.wrap, 'nowrap');
  assert.match(style.font, /mono/i);
  const lines = await cell.evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length; });
  assert.equal(lines, 1, 'the code on one line');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SCREENSHOTS}/desk-records-fr-1280.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"Verrouiller" with a decision not recorded asks first; a vault locked before its first record opens again', async () => {
  const page = await freshPage(browser);
  const code = await residentCode(page);
  await unlock(page, { create: true });
  // Locked at once, before any record: unlocking opens it, it is not created again.
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.locator('#passphrase').waitFor();
  assert.equal(await page.locator('#passphrase-confirm').count(), 0, 'no second creation');
  await unlock(page);
  await openCode(page, code);
  // Radio buttons big enough to hit (24 × 24 px at least).
  const radio = await page.locator('#decide-level-debutant').boundingBox();
  assert.ok(radio.width >= 24 && radio.height >= 24, `${radio.width} × ${radio.height}`);
  await page.locator('#decide-note').fill('À ne pas perdre');
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  assert.match(asked, /pas enregistrée/);
  assert.equal(await page.locator('#decide-note').inputValue(), 'À ne pas perdre', 'still there after "Annuler"');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.locator('#passphrase').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 1280 × 800, from a typed code to a saved record in 2 actions, no scrolling; the code field is then empty and focused', async () => {
  const page = await freshPage(browser);
  const code = await residentCode(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlock(page, { create: true });
  await page.locator('#code-input').fill(code);
  let actions = 0;
  await page.keyboard.press('Enter'); actions++;
  await page.locator('#recommended').waitFor();
  // The decision sits beside the answers, its button on screen without scrolling.
  const save = page.getByRole('button', { name: 'Enregistrer la fiche' });
  const [form, detail, button] = await Promise.all([page.locator('form.decide').boundingBox(), page.locator('.detail').boundingBox(), save.boundingBox()]);
  assert.ok(form.x > detail.x + detail.width - 1, `decision beside the answers (form x ${form.x}, detail ends ${detail.x + detail.width})`);
  await page.screenshot({ path: `${SCREENSHOTS}/advisor-intake-fr-1280.png` });
  assert.ok(button.y + button.height <= 800, `save button within the first screen (bottom at ${button.y + button.height} px)`);
  assert.equal(await page.evaluate(() => scrollY), 0);
  // The reporting "Niveau" is pre-filled from the scores (a beginner here).
  assert.equal(await page.locator('#decide-level-debutant').isChecked(), true);
  // Rules read as sentences; the expression is there on demand; a skipped question says why in words.
  const held = page.locator('.trace li.held');
  const sentence = await held.evaluate((li) => [...li.childNodes].filter((n) => n.nodeName !== 'DETAILS').map((n) => n.textContent).join(''));
  assert.doesNotMatch(sentence, /level\(|answer\(|==/);
  assert.match(norm(await held.textContent()), /Bases de l'ordinateur : Débutant → Parcours initiation/);
  const expression = held.locator('details.expression');
  assert.equal(await expression.locator('code').isVisible(), false);
  await expression.locator('summary').click(); // reading it is not part of deciding: not counted
  assert.match(await expression.locator('code').textContent(), /level\(bases\) == debutant/);
  assert.match(norm(await page.locator('li[data-question="ecrire-lettre"]').textContent()), /non posée : seulement si « Savez-vous utiliser la souris/);
  await save.click(); actions++;
  await page.getByText(/Fiche enregistrée/).waitFor();
  assert.ok(actions <= 2, `${actions} actions after the code`);
  assert.equal(await page.locator('#code-input').inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'code-input');
  // The pre-filled level was saved with the record.
  await openCode(page, code);
  await page.locator('.existing-record').waitFor();
  assert.equal(await page.locator('#decide-level-debutant').isChecked(), true);
  console.log(`# code → saved record: ${actions} actions, no scrolling at 1280 × 800 (save button bottom at ${Math.round(button.y + button.height)} px)`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('desk mode by keyboard: the beginner\'s 13 questions to a saved record in at most 20 key presses', async () => {
  const persona = fixtures.personas[0];
  const page = await freshPage(browser);
  await unlock(page, { create: true });
  await page.getByRole('button', { name: 'Questionnaire au bureau' }).click();
  await page.locator('form.desk').waitFor();
  const current = () => page.evaluate(() => document.activeElement?.closest('fieldset[data-question]')?.dataset.question ?? null);
  // Focus lands on the first question when the mode opens.
  assert.equal(await current(), fixtures.questions[0].id);
  let presses = 0;
  const press = async (key) => { presses++; await page.keyboard.press(key); };
  let asked = 0;
  for (let guard = 0; guard < 40; guard++) {
    const qid = await current();
    if (!qid) break;
    asked++;
    const q = fixtures.questions.find((x) => x.id === qid);
    const chosen = [persona.answers[qid] ?? []].flat();
    const multiple = (await page.locator(`#desk-${qid} input`).first().getAttribute('type')) === 'checkbox';
    for (const o of chosen) await press(String(q.options.findIndex((x) => x.id === o) + 1));
    // A multiple choice (or a question left blank) moves on with Enter.
    if (multiple || !chosen.length) await press('Enter');
    await page.waitForFunction((id) => document.activeElement?.closest('fieldset')?.dataset.question !== id, qid);
  }
  assert.equal(asked, 13, 'the beginner is asked 13 questions');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'desk-done');
  await press('Enter');
  await page.locator('#recommended').waitFor();
  // After "Voir le détail" the focus is on the detail's heading; Tab reaches the decision.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'detail-title');
  assert.equal((await page.locator('#recommended').textContent()).trim(), persona.title);
  await press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'decide-name');
  await press('Enter');
  await page.getByText(/Fiche enregistrée/).waitFor();
  console.log(`# desk mode, beginner: ${asked} questions, ${presses} key presses to the saved record`);
  assert.ok(presses <= 20, `${presses} key presses`);
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('records stay safe: the storage state is shown, a backup is asked for after 50 records or 14 days and cleared by an export; a busy year (2,000 records) saves and opens again', async () => {
  const page = await freshPage(browser);
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00'));
  await unlock(page, { create: true });
  await page.getByRole('button', { name: /^Fiches \(0\)$/ }).click();
  assert.match(norm(await page.locator('#storage-state').textContent()), /^(Stockage protégé|Stockage non protégé|Ce navigateur ne dit pas)/);
  assert.match(norm(await page.locator('#last-export').textContent()), /^Aucune sauvegarde/);
  assert.equal(await page.locator('.backup-due').count(), 0, 'no records, nothing to back up');
  // A busy desk's year: 2,000 intakes, a realistic note on each.
  const N = 2000;
  const records = Array.from({ length: N }, (_, k) => ({
    id: `a${k.toString(16).padStart(12, '0')}`, date: '2026-11-27', name: `R. ${k % 100}.`, code: 'VLG-W1H6-6EB0-QB1E-R03S',
    recommended: 'initiation', parcours: 'initiation', override_reason: '', note: 'Vient avec sa fille, a un smartphone, veut écrire à la CAF.',
    autonomy: 'partiel', level: 'debutant', confidence: 'medium',
  }));
  const json = JSON.stringify({ format: 'diag-numerique-records', version: 1, records });
  const t0 = Date.now();
  await page.locator('#import-file').setInputFiles({ name: 'fiches.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByText(`${N} fiche(s) importée(s).`).waitFor({ timeout: 60000 });
  const importMs = Date.now() - t0;
  // 50 records or more since the last backup (never): reminded, on every tab.
  await page.locator('.backup-due').waitFor();
  assert.match(norm(await page.locator('.backup-due').textContent()), /aucune n'a encore été faite/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en JSON (sauvegarde)' }).click();
  await download;
  await page.getByText(`Sauvegarde exportée : ${N} fiches.`).waitFor();
  assert.equal(await page.locator('.backup-due').count(), 0, 'the export clears the reminder');
  assert.equal(norm(await page.locator('#last-export').textContent()), `Dernière sauvegarde (export JSON) : 2026-11-27, ${N} fiches.`);
  // How much of this origin's storage a year takes, and how much is left (probed).
  const space = await page.evaluate(() => {
    const used = Object.keys(localStorage).reduce((n, k) => n + k.length + (localStorage.getItem(k) ?? '').length, 0);
    let lo = 0, hi = 64 * 1024 * 1024;
    while (hi - lo > 1024) {
      const mid = Math.floor((lo + hi) / 2);
      try { localStorage.setItem('probe', 'x'.repeat(mid)); localStorage.removeItem('probe'); lo = mid; } catch { hi = mid; }
    }
    return { used, free: lo };
  });
  const perRecord = space.used / N;
  console.log(`# ${N} records: imported and saved in ${importMs} ms; storage ${space.used} characters (${Math.round(perRecord)} per record), ${space.free} more fit: about ${Math.floor((space.used + space.free) / perRecord)} records in all`);
  assert.ok(space.free > space.used, 'room for at least another busy year');
  // Locked and opened again: every record is there.
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.locator('#passphrase').fill(PASS);
  await page.locator('form.unlock button[type=submit]').click();
  await page.getByRole('button', { name: `Fiches (${N})` }).waitFor({ timeout: 60000 });
  // Fifteen days later, with nothing new: reminded again.
  await page.clock.setFixedTime(new Date('2026-12-12T10:00:00'));
  await page.getByRole('button', { name: 'Questionnaire au bureau' }).click();
  await page.locator('.backup-due').waitFor();
  assert.match(norm(await page.locator('.backup-due').textContent()), /la dernière date du 2026-11-27/);
  await assertAccessible(page, 'advisor: backup reminder');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
