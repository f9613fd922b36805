// The author's workshop (#/apercu), tried as a new user would: the term's
// dates and the permanence's hours changed in the form, published without
// any Rust tool, the files served by a plain static server elsewhere, and a
// resident there sees the new dates. Also: the page compiles exactly what
// `diag compile` does, its site zip holds what `cargo xtask package` holds,
// bad input is refused with its reason and nothing lost, and trying as a
// resident keeps the edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, freshPage, start, fixtures, answerWithMouse, assertAccessible, settled, norm, openAuthor, unzip, BASE_URL, SCREENSHOTS } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const DIAG = process.env.DIAG ?? 'target/debug/diag';
const PUBLISHED = ['questionnaire.yaml', 'questionnaire.ar.yaml', 'questionnaire.pt.yaml', 'questionnaire.tr.yaml'];
let browser;
let originals;
const scratch = [];
before(async () => {
  browser = await launch();
  originals = readdirSync(DIST).filter((f) => f.startsWith('questionnaire.')).map((f) => [f, readFileSync(join(DIST, f))]);
});
after(async () => {
  for (const [f, bytes] of originals) writeFileSync(join(DIST, f), bytes);
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  await browser?.close();
});
const restore = () => originals.forEach(([f, bytes]) => writeFileSync(join(DIST, f), bytes));

/** `YYYY-MM-DD`, `days` after today (the browser's today: the test's day). */
function inDays(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Serves `dir` with Python's plain static server on a free port; its address. */
async function pythonServer(dir) {
  const port = await new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return { base, stop: () => child.kill() };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('python3 -m http.server did not start');
}

/** Counts what the author does: clicks and keys (typed characters apart). */
function counter(page) {
  const n = { clicks: 0, keys: 0, typed: 0 };
  return {
    n,
    click: async (locator) => { n.clicks++; await locator.click(); },
    type: async (locator, text) => { n.typed += text.length; await locator.fill(text); },
    press: async (key) => { n.keys++; await page.keyboard.press(key); },
  };
}

/** The lines of `after` that are not in `before` at the same place (a plain LCS diff). */
function changedLines(before, after) {
  const a = before.split('\n'), b = after.split('\n');
  const m = a.length, n = b.length;
  const lcs = Array.from({ length: m + 1 }, () => new Uint16Array(n + 1));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed = [], added = [];
  let i = 0, j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) { i++; j++; } else if (j < n && (i === m || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(b[j++]); else removed.push(a[i++]);
  }
  return { removed, added };
}

test('a term update by a new user: four new periods and the permanence\'s hours, published, served by a plain static server, read by a resident', async () => {
  const page = await freshPage(browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const act = counter(page);
  await openAuthor(page);
  // What needs doing today is said first: every parcours' dates are past.
  assert.equal((await page.locator('.to-do li').allTextContents()).length, 4);
  await page.screenshot({ path: `${SCREENSHOTS}/author-update-fr-1280.png`, fullPage: true });
  const periods = { initiation: [30, 110], bureautique: [31, 111], 'bureautique-avancee': [32, 112], emploi: [33, 113] };
  for (const [id, [from, to]] of Object.entries(periods)) {
    await act.click(page.locator(`#add-${id}`));
    await act.type(page.locator(`#period-${id}-new-from`), inDays(from));
    await act.type(page.locator(`#period-${id}-new-to`), inDays(to));
    await act.click(page.locator(`#period-${id}-new .add-period`));
    await page.locator(`#period-${id}-1`).waitFor();
  }
  assert.equal(await page.locator('.to-do li').count(), 0, 'nothing late any more');
  const hours = 'Le jeudi de 10 h à 12 h, sans rendez-vous';
  await act.type(page.locator('#contact-permanencehours-0'), hours);
  await act.press('Tab');
  await page.getByText('Modification enregistrée').first().waitFor();
  // Publishing: the hours' translations are to review (a warning), so it asks first.
  const download = page.waitForEvent('download');
  await act.click(page.locator('#publish'));
  await page.locator('.confirm-publish').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/author-publish-confirm-fr-1280.png`, fullPage: true });
  await act.click(page.getByRole('button', { name: 'Publier quand même' }));
  const files = unzip(await (await download).path());
  console.log(`# the four periods and the hours, published: ${act.n.clicks} clicks and ${act.n.keys} keys (${act.n.typed} characters typed aside)`);
  assert.ok(act.n.clicks + act.n.keys <= 30, `${act.n.clicks} clicks + ${act.n.keys} keys`);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // The YAML changed only where the form wrote.
  const before = readFileSync(join(DIST, 'questionnaire.yaml'), 'utf8');
  const yaml = files['questionnaire.yaml'].toString('utf8');
  const { removed, added } = changedLines(before, yaml);
  // Removed: the four `sessions:` keys and the old hours; every other line
  // removed is there again, moved under `periods:` (one more level).
  const left = [...removed.map((l) => l.trim())];
  for (const l of added.map((x) => x.trim().replace(/^- /, ''))) {
    const k = left.indexOf(l);
    if (k >= 0) left.splice(k, 1);
  }
  assert.deepEqual(left.sort(), ['fr: "Le mercredi de 14 h à 17 h, sans rendez-vous"', 'sessions:', 'sessions:', 'sessions:', 'sessions:'], removed.join('\n'));
  for (const l of added) assert.match(l.trim(), /^(periods:|- from: |from: |to: |schedule|fr: |en: )/, `a line the form did not write: ${l}`);
  assert.equal(added.filter((l) => l.trim() === 'periods:').length, 4);
  // The translations of the old hours are to review, with the new French.
  for (const lang of ['ar', 'pt', 'tr']) assert.match(files[`questionnaire.${lang}.yaml`].toString('utf8'), new RegExp(`fr: "${hours}"\\n\\s+\\S+: "[^"]+"\\n\\s+reviewed: false`));

  // Served from another folder by Python's static server, as any host would.
  const dir = mkdtempSync(join(tmpdir(), 'diag-published-'));
  scratch.push(dir);
  cpSync(DIST, dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const server = await pythonServer(dir);
  try {
    const resident = await freshPage(browser, { viewport: { width: 390, height: 800 } });
    const requests = [];
    resident.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await start(resident, server.base);
    const persona = fixtures.personas.find((p) => p.parcours === 'initiation');
    await answerWithMouse(resident, persona.answers);
    const next = resident.locator('.result .period.next-period').first();
    await next.waitFor();
    const [y, m, d] = inDays(periods.initiation[0]).split('-').map(Number);
    const month = new Date(y, m - 1, d).toLocaleDateString('fr-FR', { month: 'long' });
    assert.match(norm(await next.textContent()), new RegExp(`^Prochaine session : du ${d} ${month} ${y} au `));
    assert.equal(await resident.locator('.result .period.no-dates').count(), 0, 'no "dates passées"');
    assert.match(norm(await resident.locator('.result').textContent()), /Le jeudi de 10 h à 12 h/);
    assert.ok(!requests.some((p) => p.startsWith('/staff')), 'the fast path: compiled in the page');
    await resident.screenshot({ path: `${SCREENSHOTS}/author-published-result-fr-390.png`, fullPage: true });
    // An Arabic reader gets the new hours (in French), never the old ones translated.
    await resident.goto(`${server.base}?lang=ar#/resultat`);
    await resident.locator('.parcours-title').waitFor();
    assert.match(norm(await resident.locator('.result').textContent()), /Le jeudi de 10 h à 12 h/);
    assert.deepEqual(resident.errors, []);
    await resident.context().close();
  } finally {
    server.stop();
  }
});

test('the page compiles exactly what diag compile writes, for the bundled questionnaire and for edited ones with translations', async () => {
  const cases = [['bundled', null], ['hours changed', ['Le mercredi de 14 h à 17 h, sans rendez-vous', 'Le mardi de 9 h à 11 h']], ['title changed', ['Quel parcours numérique pour moi ?', 'Quel parcours pour vous ?']]];
  // One author's page, the three in turn.
  const page = await freshPage(browser, { acceptDownloads: true });
  await openAuthor(page, 'text');
  const published = await page.locator('#yaml-text').inputValue();
  for (const [name, change] of cases) {
    await page.locator('#yaml-text').fill(change ? published.replace(change[0], change[1]) : published);
    await page.locator('.reach').waitFor();
    const download = page.waitForEvent('download');
    await page.locator('#publish').click();
    await page.getByRole('button', { name: 'Publier quand même' }).click();
    const files = unzip(await (await download).path());
    const dir = mkdtempSync(join(tmpdir(), 'diag-compile-'));
    scratch.push(dir);
    for (const f of PUBLISHED) writeFileSync(join(dir, f), files[f]);
    const run = spawnSync(DIAG, ['compile', 'questionnaire.yaml', '-o', 'cli.bin'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, `${name}: ${run.stderr}`);
    assert.ok(readFileSync(join(dir, 'cli.bin')).equals(files['questionnaire.bin']), `${name}: questionnaire.bin`);
    for (const lang of ['en', 'ar', 'pt', 'tr']) assert.ok(readFileSync(join(dir, `cli.${lang}.bin`)).equals(files[`questionnaire.${lang}.bin`]), `${name}: questionnaire.${lang}.bin`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"Télécharger le site complet" holds what cargo xtask package holds; unzipped and served statically, a resident reaches a result', async () => {
  const page = await freshPage(browser, { acceptDownloads: true });
  await openAuthor(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le site complet' }).click();
  const site = unzip(await (await download).path());
  await page.context().close();
  const packaged = unzip(process.env.PACKAGE);
  assert.deepEqual(Object.keys(site).sort(), Object.keys(packaged).sort());
  for (const [name, bytes] of Object.entries(packaged)) assert.ok(site[name].equals(bytes), name);
  // In a sub-folder of a host's site, as PUBLISHING.md says it works.
  const dir = mkdtempSync(join(tmpdir(), 'diag-site-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'diagnostic'));
  for (const [name, bytes] of Object.entries(site)) writeFileSync(join(dir, 'diagnostic', name), bytes);
  const server = await pythonServer(dir);
  try {
    const resident = await freshPage(browser);
    await start(resident, `${server.base}diagnostic/`);
    const persona = fixtures.personas[0];
    await answerWithMouse(resident, persona.answers);
    assert.equal(norm(await resident.locator('#result-code').textContent()), persona.code);
    assert.deepEqual(resident.errors, []);
    await resident.context().close();
  } finally {
    server.stop();
  }
});

test('bad input is refused with its reason, the form keeps what was typed and the text is unchanged', async () => {
  const page = await freshPage(browser, { viewport: { width: 390, height: 800 } });
  await openAuthor(page, 'text');
  const text = await page.locator('#yaml-text').inputValue();
  await openAuthor(page, 'update');
  const refused = async (field, pattern) => {
    const why = page.locator(`${field} .refused-why, ${field} ~ .refused-why`).first();
    await why.waitFor();
    assert.match(norm(await why.textContent()), pattern);
  };
  // An end before the start.
  await page.locator('#add-bureautique').click();
  await page.locator('#period-bureautique-new-from').fill('2027-03-26');
  await page.locator('#period-bureautique-new-to').fill('2027-01-05');
  await page.locator('#period-bureautique-new .add-period').click();
  await refused('#period-bureautique-new', /La fin \(5 janvier 2027\) est avant le début \(26 mars 2027\)/);
  assert.equal(await page.locator('#period-bureautique-new-from').inputValue(), '2027-03-26', 'what was typed stays');
  // A period overlapping the one there.
  await page.locator('#period-bureautique-new-from').fill('2026-10-15');
  await page.locator('#period-bureautique-new-to').fill('2026-12-20');
  await page.locator('#period-bureautique-new .add-period').click();
  await refused('#period-bureautique-new', /chevauchent la période 1 \(du 12 septembre 2026 au 1er novembre 2026\)/);
  // An empty place.
  await page.locator('#period-initiation-0-place-fr').fill('');
  await page.locator('#period-initiation-0-place-fr').press('Tab');
  await refused('#period-initiation-0', /Indiquez le lieu/);
  // A phone with letters.
  await page.locator('#contact-phone-0').fill('01 40 85 OO 00');
  await page.locator('#contact-phone-0').press('Tab');
  await refused('.contact:has(#contact-phone-0)', /« 01 40 85 OO 00 » n'est pas un numéro de téléphone/);
  assert.equal(await page.locator('#contact-phone-0').inputValue(), '01 40 85 OO 00');
  await settled(page);
  await page.screenshot({ path: `${SCREENSHOTS}/author-refused-fr-390.png`, fullPage: true });
  await assertAccessible(page, 'author: refused input');
  await openAuthor(page, 'text');
  assert.equal(await page.locator('#yaml-text').inputValue(), text, 'nothing refused was written');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('trying as a resident and coming back, by the link or by Back, keeps the edits', async () => {
  const page = await freshPage(browser, { viewport: { width: 390, height: 800 } });
  await openAuthor(page);
  const hours = 'Le vendredi de 14 h à 16 h, sans rendez-vous';
  await page.locator('#contact-permanencehours-0').fill(hours);
  await page.locator('#contact-permanencehours-0').press('Tab');
  await page.locator('.unpublished').waitFor();
  await page.getByRole('button', { name: 'Essayer comme un habitant' }).click();
  await page.locator('.trial-banner').waitFor();
  assert.match(norm(await page.locator('.help-line').textContent()), /Le vendredi de 14 h à 16 h/);
  // Back to the workshop by the trial's link…
  await page.locator('.trial-banner a, .trial-banner button').first().click();
  await openAuthor(page);
  assert.equal(await page.locator('#contact-permanencehours-0').inputValue(), hours);
  // …and after a reload (the tab keeps it), until "Revenir au questionnaire publié".
  await page.reload();
  await openAuthor(page);
  assert.equal(await page.locator('#contact-permanencehours-0').inputValue(), hours);
  await page.screenshot({ path: `${SCREENSHOTS}/author-unpublished-fr-390.png`, fullPage: true });
  await page.getByRole('button', { name: 'Revenir au questionnaire publié' }).click();
  assert.equal(await page.locator('#contact-permanencehours-0').inputValue(), 'Le mercredi de 14 h à 17 h, sans rendez-vous');
  assert.deepEqual(page.errors, []);
  await page.context().close();
  restore();
});

test('language files out of step with the published questionnaire are said in the author\'s area', async () => {
  // questionnaire.yaml published again by hand, its packs left as they were.
  const yaml = readFileSync(join(DIST, 'questionnaire.yaml'), 'utf8');
  writeFileSync(join(DIST, 'questionnaire.yaml'), yaml.replace('Quel parcours numérique pour moi ?', 'Quel parcours numérique pour vous ?'));
  try {
    const page = await freshPage(browser);
    await openAuthor(page);
    const notice = page.locator('.published-stale-packs');
    await notice.waitFor();
    assert.match(norm(await notice.textContent()), /ne correspondent plus au questionnaire \(anglais, arabe, portugais, turc\)/);
    assert.equal(await page.locator('.published-stale').count(), 1, 'questionnaire.bin is out of step too');
    assert.doesNotMatch(norm(await page.locator('.published').textContent()), /valide et utilisé/);
    await page.context().close();
  } finally {
    restore();
  }
});
