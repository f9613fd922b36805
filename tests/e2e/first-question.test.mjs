// The page shows the bundled questionnaire's title and, after "Commencer", its first question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, start, fixtures, norm } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the first question of the bundled questionnaire is on screen', async () => {
  const page = await freshPage(browser);
  await start(page);
  assert.equal(norm(await page.locator('h1').first().textContent()), fixtures.title);
  await page.getByRole('button', { name: 'Commencer' }).click();
  const first = fixtures.questions[0];
  await page.locator('legend').waitFor();
  assert.equal(norm(await page.locator('legend .question-text').textContent()), first.text);
  const labels = await page.locator('label.option').allTextContents();
  assert.deepEqual(labels.map(norm), first.options.map((o) => o.text));
  assert.match(await page.locator('.progress-text').textContent(), /^Question 1 sur \d+$/);
  assert.deepEqual(page.errors, []);
});
