// The advisor's desk as a busy advisor meets it: one record per intake (a
// code opened again edits its record), nothing typed lost to "Verrouiller",
// a vault created and locked at once opens again, readable codes and boxes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, fixtures, answerWithMouse, assertAccessible, norm, BASE_URL, SCREENSHOTS } from './browser.mjs';

const PASS = 'phrase de passe du conseiller';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function unlock(page, { create = false } = {}) {
  await page.goto(BASE_URL + '#/conseiller');
  await page.locator('#passphrase').waitFor();
  await page.locator('#passphrase').fill(PASS);
  if (create) await page.locator('#passphrase-confirm').fill(PASS);
  await page.locator('form.unlock button[type=submit]').click();
  await page.locator('#code-input').waitFor();
}

async function openCode(page, code) {
  await page.locator('#code-input').fill(code);
  await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
  await page.locator('#recommended').waitFor();
}

async function residentCode(page) {
  await start(page);
  await answerWithMouse(page, fixtures.personas[0].answers);
  const code = norm(await page.locator('#result-code').textContent());
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Terminer et effacer mes réponses' }).click();
  return code;
}

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
