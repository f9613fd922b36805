// The advisor's "Activité" view: its figures must be the export's own counts
// (computed here from the JSON the desk imports), and its per-rule figures
// what `diag review` reports on the same file; filtered by period; one A4 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch, freshPage, fixtures, unlockAdvisor, assertAccessible, norm, SCREENSHOTS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const personas = fixtures.personas;
const other = (p) => personas.find((x) => x.parcours !== p).parcours;

/** A year of a desk, made reproducible: 46 intakes from September 2026 to
 * February 2027 (January empty), some overridden, some low-confidence, and one
 * recorded under other rules (its recommendation is not today's). */
function exportOfAYear() {
  const days = ['2026-09-02', '2026-09-17', '2026-10-05', '2026-10-21', '2026-11-03', '2026-11-27', '2026-12-08', '2027-02-11'];
  const records = [];
  for (let i = 0; i < 45; i++) {
    const p = personas[i % personas.length];
    const overridden = i % 7 === 3;
    records.push({
      id: `r${String(i).padStart(3, '0')}`,
      date: days[(i * 5) % days.length],
      name: '',
      code: p.code,
      recommended: p.parcours,
      parcours: overridden ? other(p.parcours) : p.parcours,
      override_reason: overridden ? `raison ${i}` : '',
      note: '',
      autonomy: 'partiel',
      level: 'debutant',
      confidence: ['high', 'medium', 'low', ''][i % 4],
    });
  }
  records.push({ ...records[0], id: 'old', date: '2026-10-05', recommended: other(personas[0].parcours), parcours: other(personas[0].parcours) });
  return { format: 'diag-numerique-records', version: 1, records };
}

/** What the view should show, computed from the export itself. */
function expected(records, from = '', to = '') {
  const kept = records.filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
  const months = new Map();
  const dated = kept.map((r) => r.date.slice(0, 7)).sort();
  if (dated.length) {
    let [y, m] = dated[0].split('-').map(Number);
    const last = dated[dated.length - 1];
    for (;;) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      months.set(key, kept.filter((r) => r.date.startsWith(key)).length);
      if (key === last) break;
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
  }
  const decided = new Map();
  for (const r of kept) decided.set(r.parcours, (decided.get(r.parcours) ?? 0) + 1);
  const withConfidence = kept.filter((r) => r.confidence);
  return {
    records: kept.length,
    overridden: kept.filter((r) => r.parcours !== r.recommended).length,
    withConfidence: withConfidence.length,
    low: withConfidence.filter((r) => r.confidence === 'low').length,
    months: [...months.values()],
    decided,
  };
}

const pct = (n, of) => Math.round((n * 100) / of);

/** The rows of a chart's table as [label, ...numbers]. */
async function tableOf(page, id) {
  return page.locator(`#${id} tbody tr`).evaluateAll((rows) =>
    rows.map((tr) => [tr.querySelector('th').textContent.trim(), ...[...tr.querySelectorAll('td')].map((td) => Number(td.textContent))]));
}

async function assertMatches(page, want) {
  assert.equal(norm(await page.locator('#stats-records').textContent()), String(want.records));
  assert.equal(norm(await page.locator('#stats-overridden').textContent()), `${want.overridden} (${pct(want.overridden, want.records)} %)`);
  assert.equal(norm(await page.locator('#stats-low').textContent()), `${want.low} (${pct(want.low, want.withConfidence)} %)`);
  const months = await tableOf(page, 'chart-months');
  assert.deepEqual(months.map((r) => r[1]), want.months, 'intakes per month, empty months included');
  const parcours = await tableOf(page, 'chart-parcours');
  for (const p of personas) {
    const row = parcours.find((r) => r[0] === p.title);
    assert.equal(row?.[1] ?? 0, want.decided.get(p.parcours) ?? 0, `decided: ${p.title}`);
  }
}

test('the activity view counts what the JSON export holds, per month, parcours and rule, over a period, on one A4 page', async () => {
  const data = exportOfAYear();
  const json = JSON.stringify(data);
  const page = await freshPage(browser, { viewport: { width: 1280, height: 900 } });
  await unlockAdvisor(page, { create: true });
  await page.getByRole('button', { name: /^Fiches \(0\)$/ }).click();
  await page.locator('#import-file').setInputFiles({ name: 'fiches.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('button', { name: `Fiches (${data.records.length})` }).waitFor();
  await page.getByRole('button', { name: 'Activité' }).click();
  await page.locator('#stats-records').waitFor();

  const all = expected(data.records);
  await assertMatches(page, all);
  assert.deepEqual((await tableOf(page, 'chart-months')).map((r) => r[0]),
    ['septembre 2026', 'octobre 2026', 'novembre 2026', 'décembre 2026', 'janvier 2027', 'février 2027']);
  assert.equal(norm(await page.locator('#stats-aside').textContent()), '1');

  // Per rule: exactly what `diag review` says of the same file.
  mkdirSync('target/e2e', { recursive: true });
  writeFileSync('target/e2e/activity-records.json', json);
  const review = JSON.parse(execFileSync(process.env.DIAG ?? 'target/debug/diag',
    ['review', '--format', 'json', 'questionnaires/villeneuve-la-garenne.yaml', 'target/e2e/activity-records.json'], { encoding: 'utf8' }));
  const shown = await tableOf(page, 'chart-rules');
  const decided = review.rules.filter((r) => r.decided > 0);
  assert.ok(decided.length >= 2, 'the fixture exercises several rules');
  assert.deepEqual(shown.map((r) => [Number(/^Règle (\d+)/.exec(r[0])[1]), r[1], r[2]]), decided.map((r) => [r.rule, r.decided, r.overridden]));
  assert.equal(review.set_aside.length, 1);
  await assertAccessible(page, 'activité');
  await page.screenshot({ path: `${SCREENSHOTS}/advisor-activity-fr-1280.png`, fullPage: true });

  // A period: October and November 2026 only.
  await page.locator('#stats-from').fill('2026-10-01');
  await page.locator('#stats-to').fill('2026-11-30');
  await page.locator('#stats-to').dispatchEvent('change');
  await page.locator('#stats-period').filter({ hasText: 'du 2026-10-01 au 2026-11-30' }).waitFor();
  await assertMatches(page, expected(data.records, '2026-10-01', '2026-11-30'));
  assert.deepEqual((await tableOf(page, 'chart-months')).map((r) => r[0]), ['octobre 2026', 'novembre 2026']);
  // A period with nothing in it says so.
  await page.locator('#stats-from').fill('2027-03-01');
  await page.locator('#stats-from').dispatchEvent('change');
  await page.getByText('Aucune fiche sur cette période.').waitFor();
  await page.locator('#stats-from').fill('');
  await page.locator('#stats-from').dispatchEvent('change');
  await page.locator('#stats-to').fill('');
  await page.locator('#stats-to').dispatchEvent('change');
  await page.locator('#stats-period').filter({ hasText: 'toutes les fiches' }).waitFor();

  // The activity report: one A4 page, the charts on it, the forms not.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#chart-rules svg.chart-track').first().isVisible(), 'the bars print');
  assert.equal(await page.locator('.period').isVisible(), false);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'the activity report fits one A4 page');
  await page.emulateMedia({ media: 'screen' });

  // At 390 px the charts stay within the page.
  await page.setViewportSize({ width: 390, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling at 390 px');
  await page.screenshot({ path: `${SCREENSHOTS}/advisor-activity-fr-390.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
