// The page shows the bundled questionnaire's title and first question, from the core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, BASE_URL, fixtures } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the first question of the bundled questionnaire is on screen', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(BASE_URL);
  const first = fixtures.questions[0];
  const legend = page.locator('legend').first();
  await legend.waitFor({ timeout: 15000 });
  assert.equal((await legend.textContent()).trim(), first.text);
  assert.equal((await page.locator('h1').first().textContent()).trim(), fixtures.title);
  const labels = await page.locator('label.option').allTextContents();
  assert.deepEqual(labels.map((l) => l.trim()), first.options.map((o) => o.text));
  assert.deepEqual(errors, []);
  await page.close();
});
