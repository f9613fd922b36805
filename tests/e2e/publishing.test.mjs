// Publishing without recompiling: the questionnaire file next to the page, the
// author's preview, embedding in another site's iframe, and the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, renameSync, mkdtempSync, copyFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, freshPage, start, fixtures, BASE_URL, waitForScreen, assertAccessible, answerWithMouse, norm, SCREENSHOTS, openAuthor } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const PUBLISHED = join(DIST, 'questionnaire.yaml');
const DIAG = process.env.DIAG ?? 'target/debug/diag';
let browser;
let original;
before(async () => {
  browser = await launch();
  original = readFileSync(PUBLISHED, 'utf8');
});
after(async () => {
  writeFileSync(PUBLISHED, original);
  await browser?.close();
});

async function firstQuestionText(page) {
  await page.goto(BASE_URL + '#/question/' + fixtures.questions[0].id);
  await page.locator('legend .question-text').waitFor();
  return norm(await page.locator('legend .question-text').textContent());
}

test('an edited questionnaire.yaml shows after a reload, with no rebuild', async () => {
  const first = fixtures.questions[0];
  const edited = original
    .replaceAll('to: 2026-11-01', 'to: 2027-06-30')
    .replace(`fr: "${first.text}"`, 'fr: "Quels appareils utilisez-vous à la maison ?"');
  assert.notEqual(edited, original);
  writeFileSync(PUBLISHED, edited);
  try {
    const page = await freshPage(browser);
    // Opened on the question, it may show the compiled text first: the edit follows at once.
    await page.goto(BASE_URL + '#/question/' + fixtures.questions[0].id);
    await page.waitForFunction(() => document.querySelector('legend .question-text')?.textContent.includes('utilisez-vous à la maison'));
    await page.goto(BASE_URL + '#/resultat');
    await page.locator('.parcours-title').waitFor();
    assert.match(await page.locator('.result').textContent(), /au 30 juin 2027/);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, original);
  }
});

test('with two periods the result shows the next one; with every period past, whom to call and when, in the same block', async () => {
  const edited = original.replace(
    /    sessions:\n      from: 2026-09-12\n      to: 2026-11-01\n      schedule:\n        fr: [^\n]*\n        en: [^\n]*\n/,
    '    periods:\n' +
    '      - { from: 2027-01-11, to: 2027-03-26, schedule: { fr: "Le lundi, de 9 h à 11 h", en: "Mondays, 9 to 11 am" } }\n' +
    '      - { from: 2026-09-12, to: 2026-11-01 }\n');
  assert.notEqual(edited, original);
  const persona = fixtures.personas.find((p) => p.parcours === 'initiation');
  // Every period of the bundled questionnaire ended on 1 November 2026.
  let page = await freshPage(browser);
  await start(page);
  await answerWithMouse(page, persona.answers);
  const over = page.locator('.result .period.no-dates').first();
  await over.waitFor();
  const text = await over.textContent();
  assert.match(text, /prochaines ne sont pas encore publiées/);
  assert.match(text, /mercredi/, 'the permanence hours are in the block');
  assert.equal(await over.locator('a.call[href^="tel:"]').count(), 1);
  await page.context().close();
  writeFileSync(PUBLISHED, edited);
  try {
    page = await freshPage(browser);
    await start(page);
    await answerWithMouse(page, persona.answers);
    const next = page.locator('.result .period.next-period').first();
    await next.waitFor();
    assert.match(norm(await next.textContent()), /^Prochaine session : du 11 janvier 2027 au 26 mars 2027, Le lundi, de 9 h à 11 h$/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, original);
  }
});

test('a broken questionnaire.yaml keeps residents on the compiled questionnaire; the author\'s area shows its errors', async () => {
  const broken = original.replace('show-if: answer(cherche-emploi) == oui', 'show-if: answer(cherche-emplois) == oui');
  assert.notEqual(broken, original);
  writeFileSync(PUBLISHED, broken);
  try {
    const page = await freshPage(browser);
    assert.equal(await firstQuestionText(page), fixtures.questions[0].text);
    await openAuthor(page, 'text');
    await page.locator('.published-broken').waitFor();
    const text = await page.locator('#diagnostics').textContent();
    const line = broken.split('\n').findIndex((l) => l.includes('cherche-emplois')) + 1;
    assert.match(text, new RegExp(`questionnaire\\.yaml:${line}:\\d+`));
    assert.match(text, /answer\(cherche-emplois\) == oui/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    writeFileSync(PUBLISHED, original);
  }
});

test('without questionnaire.yaml residents get the compiled questionnaire; the author\'s area opens on the bundled one and says so', async () => {
  renameSync(PUBLISHED, PUBLISHED + '.away');
  try {
    const page = await freshPage(browser);
    assert.equal(await firstQuestionText(page), fixtures.questions[0].text);
    await openAuthor(page);
    await page.locator('.published-missing').waitFor();
    assert.match(await page.locator('.published-missing').textContent(), /Aucun fichier questionnaire\.yaml/);
    assert.equal(await page.locator('.parcours-term').count(), 4, 'the form shows the bundled parcours');
    await page.context().close();
  } finally {
    renameSync(PUBLISHED + '.away', PUBLISHED);
  }
});

test('the preview reports exactly what diag check reports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'diag-preview-'));
  const page = await freshPage(browser);
  await openAuthor(page, 'text');
  for (const fixture of ['01-yaml-syntax', '11-unknown-question', '21-level-overlap', '43-many-errors']) {
    const source = readFileSync(`tests/invalid/${fixture}.yaml`, 'utf8');
    copyFileSync(`tests/invalid/${fixture}.yaml`, join(dir, 'questionnaire.yaml'));
    const run = spawnSync(DIAG, ['check', '--lang', 'fr', '--color', 'never', 'questionnaire.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, `${fixture}: diag check should fail: ${run.error ?? run.stderr}`);
    const expected = run.stdout;
    await page.locator('#yaml-text').fill(source);
    await page.waitForFunction((want) => document.getElementById('diagnostics')?.textContent === want, expected, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await page.locator('#diagnostics').textContent(), expected, fixture);
  }
  await assertAccessible(page, 'preview with errors');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a valid file in the preview shows each parcours reachable and can be tried without saving', async () => {
  const page = await freshPage(browser);
  await openAuthor(page, 'text');
  await page.locator('#yaml-text').fill(original.replace('title:\n  fr: "Quel parcours numérique pour moi ?"', 'title:\n  fr: "Version de test"'));
  await page.locator('.reach').waitFor();
  const reach = await page.locator('.reach li').allTextContents();
  assert.equal(reach.length, 4);
  for (const line of reach) assert.match(line, /atteignable \(exemple de code : VLG-/);
  await page.getByRole('button', { name: 'Essayer comme un habitant' }).click();
  await page.locator('.trial-banner').waitFor();
  assert.equal((await page.locator('h1').textContent()).trim(), 'Version de test');
  const before = page.url();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await waitForScreen(page, before);
  await page.locator('input').first().check();
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'a trial saves nothing');
  await page.context().close();
});

test('the app works inside an iframe of a page from another origin, and sizes it', async () => {
  const host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><title>Site de la ville</title>
      <iframe src="${BASE_URL}?lang=en" title="Diagnostic numérique" style="width:100%;height:400px;border:0"></iframe>
      <script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'diag-numerique:height') window.heights.push(e.data.height); });</script>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  assert.notEqual(new URL(hostUrl).origin, new URL(BASE_URL).origin);
  try {
    const page = await freshPage(browser);
    await page.goto(hostUrl);
    const frame = page.frameLocator('iframe');
    await frame.locator('h1').waitFor();
    assert.equal((await frame.locator('h1').textContent()).trim(), 'Which digital course suits me?');
    await frame.getByRole('button', { name: 'Start' }).click();
    await frame.locator('legend').waitFor();
    await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 300);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    host.close();
  }
});

test('the Content-Security-Policy blocks scripts from elsewhere and inline scripts', async () => {
  const page = await freshPage(browser);
  await start(page);
  const violations = await page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    const external = document.createElement('script');
    external.src = 'http://127.0.0.2:9/evil.js';
    document.head.appendChild(external);
    const inline = document.createElement('script');
    inline.textContent = 'window.pwned = true;';
    document.head.appendChild(inline);
    setTimeout(() => resolve({ seen, pwned: window.pwned === true }), 1000);
  }));
  assert.equal(violations.pwned, false);
  assert.ok(violations.seen.some((v) => v.includes('127.0.0.2')), JSON.stringify(violations.seen));
  assert.ok(violations.seen.some((v) => v.includes('inline')), JSON.stringify(violations.seen));
  await page.context().close();
});

test('the built index.html carries the CSP', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  assert.doesNotMatch(html, /unsafe-inline/);
  assert.ok(existsSync(PUBLISHED));
});

test('the preview lists its errors at the top, each a link that moves the numbered editor to its line', async () => {
  const page = await freshPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAuthor(page, 'text');
  const original = readFileSync('questionnaires/villeneuve-la-garenne.yaml', 'utf8');
  const broken = original.replace('show-if: answer(souris) >= aide', 'show-if: answer(souri) >= aide')
    .replace(/(\n  - when: answer\(cherche-emploi\) == oui\n    parcours: )emploi/, '$1emplois');
  assert.notEqual(broken, original);
  await page.locator('#yaml-text').fill(broken);
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  // In view at once, above the editor, without scrolling.
  const box = await summary.boundingBox();
  assert.ok(box.y < 800 && box.y < (await page.locator('#yaml-text').boundingBox()).y, 'summary above the editor, in view');
  assert.match(norm(await summary.locator('h2').textContent()), /^2 erreurs/);
  const links = summary.locator('button.link');
  assert.equal(await links.count(), 2);
  // The gutter numbers every line.
  const lines = broken.split('\n').length;
  assert.match(await page.locator('.editor .gutter').textContent(), new RegExp(`\\n${lines}\\n$`));
  for (let k = 0; k < 2; k++) {
    const label = norm(await links.nth(k).textContent());
    const [, line] = label.match(/^Ligne (\d+), colonne (\d+)$/).map(Number);
    await links.nth(k).click();
    const state = await page.evaluate(() => {
      const ta = document.getElementById('yaml-text');
      return { focused: document.activeElement === ta, start: ta.selectionStart, end: ta.selectionEnd, top: ta.scrollTop, height: ta.clientHeight, scrollHeight: ta.scrollHeight };
    });
    assert.ok(state.focused, 'the editor has the focus');
    const lineStart = broken.split('\n').slice(0, line - 1).join('\n').length + 1;
    const selected = broken.slice(state.start, state.end);
    assert.ok(state.start >= lineStart && state.end === lineStart + broken.split('\n')[line - 1].length, `line ${line} selected, got « ${selected} »`);
    // The line is within the editor's visible part.
    const y = (line - 1) * (state.scrollHeight / lines);
    assert.ok(y >= state.top && y <= state.top + state.height, `line ${line} visible (y ${y}, top ${state.top})`);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/preview-errors-fr-1280.png` });
  await assertAccessible(page, 'preview: error summary and numbered editor');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the preview warns about parcours whose session dates are all past, as diag check --today does', async () => {
  const yaml = readFileSync('questionnaires/villeneuve-la-garenne.yaml', 'utf8');
  const warnings = async (day) => {
    const page = await freshPage(browser);
    await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
    await openAuthor(page, 'text');
    await page.locator('#yaml-text').fill(yaml);
    await page.locator('.reach').waitFor();
    const items = await page.locator('.error-summary li').allTextContents();
    // The form says the same as its to-do list.
    await openAuthor(page, 'update');
    const todo = (await page.locator('.to-do li').allTextContents()).map(norm);
    assert.equal(todo.length, items.length, `${day}: ${todo}`);
    for (const t of todo) assert.match(t, /^Parcours .* : plus aucune date à venir$/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
    return items.map(norm);
  };
  assert.deepEqual(await warnings('2026-10-01'), [], 'every parcours has a period running or to come');
  const past = await warnings('2027-03-01');
  assert.ok(past.length >= 1, 'the past sessions are warned about');
  for (const w of past) assert.match(w, /^Ligne \d+, colonne \d+ — avertissement : toutes les périodes de `[a-z-]+` sont passées/);
});
