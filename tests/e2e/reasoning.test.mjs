// The engine reasoning like an advisor, as residents and the advisor meet it:
// early stop offered and taken, self-ratings the checks contradict said
// kindly, and coverage, calibration and confidence on the advisor's detail
// and in the record list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, answerWithMouse, assertAccessible, questionId, waitForScreen, norm, BASE_URL, SCREENSHOTS, unlockAdvisor, openCode } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Answers the current question by clicking its options' labels, then "Suivant". */
async function answer(page, options) {
  const id = questionId(page);
  for (const o of [options].flat()) await page.locator(`label[for="opt-${id}-${o}"]`).click();
  const before = page.url();
  await page.locator('button[type=submit]').click();
  await waitForScreen(page, before);
}

async function eraseResident(page) {
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Terminer et effacer mes réponses' }).click();
}

test('a beginner is offered the result once nothing can change it, takes it, and the advisor sees why questions were not asked', async () => {
  const page = await freshPage(browser);
  await start(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.locator('legend').waitFor();
  const situation = [['telephone-touches'], 'non', 'non', 'non', ['proches']];
  for (const a of situation) await answer(page, a);
  // Not settled yet: the basics are still to come.
  assert.equal(await page.locator('.early-stop').count(), 0, `offered too early, on ${questionId(page)}`);
  for (const a of ['non', 'non', 'non', 'non']) await answer(page, a);
  // After the four basics answered "never done": initiation whatever comes next.
  const offer = page.locator('.early-stop');
  await offer.waitFor();
  assert.match(norm(await offer.textContent()), /Nous avons assez d'éléments pour vous conseiller/);
  await assertAccessible(page, 'question with the early-stop offer');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/reasoning-early-stop-offer-fr-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const before = page.url();
  await page.getByRole('link', { name: 'Voir mon résultat maintenant' }).click();
  await waitForScreen(page, before);
  assert.match(page.url(), /#\/resultat$/);
  await page.locator('.parcours-title').waitFor();
  assert.match(norm(await page.locator('.parcours-title').textContent()), /initiation/i);
  // Final, not provisional: the notice says the last questions were not needed.
  assert.match(norm(await page.locator('.early-stopped').textContent()), /n'ont pas été posées/);
  assert.equal(await page.getByText('Ce résultat est provisoire').count(), 0);
  await assertAccessible(page, 'result after an early stop');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/reasoning-result-early-stop-fr-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const code = norm(await page.locator('#result-code').textContent());
  // Back on the welcome screen after a reload, the result is offered as a
  // finished one (not a quiz to resume).
  await page.goto(BASE_URL + '#/');
  await page.reload();
  await page.getByRole('link', { name: 'Voir ce résultat' }).click();
  await page.locator('.parcours-title').waitFor();
  await eraseResident(page);

  await unlockAdvisor(page, { create: true });
  await openCode(page, code);
  assert.match(norm(await page.locator('.detail .notice').first().textContent()), /Arrêt anticipé/);
  assert.ok((await page.locator('.answers .not-needed').count()) >= 3, 'questions not asked are listed as not needed');
  assert.equal(norm(await page.locator('#confidence').textContent()), 'Élevée');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

const overRater = {
  equipement: ['ordinateur', 'smartphone'],
  'internet-maison': 'box',
  'adresse-email': 'oui-seul',
  'cherche-emploi': 'non',
  objectifs: ['courrier'],
  allumer: 'expliquer', souris: 'expliquer', clavier: 'expliquer', dossiers: 'expliquer',
  'recherche-web': 'expliquer', 'envoyer-email': 'expliquer',
  'quiz-adresse': 'site', 'quiz-trombone': 'imprimer', 'quiz-arnaque': 'lien',
  'ecrire-lettre': 'expliquer', 'enregistrer-imprimer': 'expliquer', tableau: 'expliquer', formules: 'expliquer',
  'quiz-tableur': 'xlsx',
};

test('a self-over-rater is told kindly, and the advisor sees calibration, coverage and confidence, then filters by it', async () => {
  const page = await freshPage(browser);
  await start(page);
  // Going on past the early-stop offer, for a fuller profile.
  await answerWithMouse(page, overRater);
  await page.locator('.parcours-title').waitFor();
  assert.match(norm(await page.locator('.parcours-title').textContent()), /initiation/i);
  const calibration = norm(await page.locator('section.calibration').textContent());
  assert.match(calibration, /Internet et e-mail/);
  assert.match(calibration, /points restent à revoir/);
  assert.match(norm(await page.locator('.because').textContent()), /l'adresse, la pièce jointe, le message piège/);
  await assertAccessible(page, 'result with calibration');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/reasoning-result-calibration-fr-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const code = norm(await page.locator('#result-code').textContent());
  await eraseResident(page);

  await unlockAdvisor(page, { create: true });
  await openCode(page, code);
  const row = page.locator('.scores tr.miscalibrated');
  assert.equal(await row.count(), 1);
  const cells = norm(await row.textContent());
  assert.match(cells, /Internet et e-mail/);
  assert.match(cells, /surestimée/);
  assert.match(cells, /100 %/, 'coverage of internet');
  assert.equal(norm(await page.locator('#confidence').textContent()), 'Moyenne');
  assert.match(norm(await page.locator('.confidence').textContent()), /contredisent l'auto-évaluation/);
  await assertAccessible(page, 'advisor detail with calibration and confidence');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SCREENSHOTS}/reasoning-advisor-detail-fr-1280.png`, fullPage: true });
  await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await page.getByText('Fiche enregistrée').first().waitFor();
  await page.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
  await page.locator('.record-table tbody tr').waitFor();
  await assertAccessible(page, 'record list with the confidence filter');
  await page.screenshot({ path: `${SCREENSHOTS}/reasoning-advisor-records-fr-1280.png`, fullPage: true });
  const rows = page.locator('.record-table tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(norm(await rows.first().textContent()), /Moyenne/);
  await page.locator('#records-confidence').selectOption('low');
  assert.equal(await rows.count(), 0, 'filtered out: not low');
  await page.locator('#records-confidence').selectOption('medium');
  assert.equal(await rows.count(), 1);
  await page.locator('#records-sort').selectOption('confidence');
  assert.equal(await rows.count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
