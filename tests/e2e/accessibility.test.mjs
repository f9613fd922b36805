// axe-core finds nothing on every screen — the resident's, the author's preview
// and the advisor's desk —, in French and English, at 320 px, 390 px and on a
// desktop; screenshots of each screen at 390 and 1280 px (and of the printed
// sheet) are kept in tests/e2e/screenshots (not committed) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, start, fixtures, answerWithMouse, assertAccessible, norm, SCREENSHOTS, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const width of [320, 390, 1280]) {
  for (const lang of ['fr', 'en']) {
    test(`every screen is accessible at ${width} px in ${lang}`, async () => {
      const page = await freshPage(browser, { viewport: { width, height: 800 } });
      const shot = async (name) => {
        if (width !== 320) await page.screenshot({ path: `${SCREENSHOTS}/${name}-${lang}-${width}.png`, fullPage: true });
      };
      // axe finds nothing, and nothing is wider than the screen (reflow).
      const check = async (label) => {
        await assertAccessible(page, label);
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert.ok(scroll <= inner, `${label}: the page is ${scroll} px wide in a ${inner} px window`);
      };
      // The switch opens the page again in English, on the same screen.
      const toEnglish = async () => {
        await page.getByRole('link', { name: 'English' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app main'));
      };
      await start(page);
      if (lang === 'en') await toEnglish();
      await check(`welcome ${lang} ${width}`);
      await shot('welcome');

      await page.goto(BASE_URL + '#/question/objectifs');
      await page.locator('legend').waitFor();
      await page.locator('.help summary').first().click().catch(() => {});
      await check(`question ${lang} ${width}`);
      await shot('question');

      const persona = fixtures.personas[0];
      await page.evaluate(() => localStorage.clear());
      await page.goto(BASE_URL + '#/');
      await page.reload();
      await page.locator('.welcome').waitFor();
      await answerWithMouse(page, persona.answers);
      if (lang === 'en') await toEnglish();
      await page.locator('.parcours-title').waitFor();
      const code = norm(await page.locator('#result-code').textContent());
      await check(`result ${lang} ${width}`);
      await shot('result');
      await page.emulateMedia({ media: 'print' });
      await shot('sheet');
      await page.emulateMedia({ media: 'screen' });

      await page.goto(BASE_URL + '#/papier');
      await page.locator('.paper').waitFor();
      await check(`paper ${lang} ${width}`);
      await shot('paper');

      // The author's preview: empty, with errors (the summary at the top), valid.
      await page.goto(BASE_URL + '#/apercu');
      await page.locator('#yaml-text').waitFor();
      await check(`preview ${lang} ${width}`);
      await shot('preview');
      const yaml = readFileSync('questionnaires/villeneuve-la-garenne.yaml', 'utf8');
      await page.locator('#yaml-text').fill(yaml.replace('show-if: answer(souris) >= aide', 'show-if: answer(souri) >= aide'));
      await page.locator('.error-summary').waitFor();
      await check(`preview with errors ${lang} ${width}`);
      await shot('preview-errors');
      await page.locator('#yaml-text').fill(yaml);
      await page.locator('.reach').waitFor();
      await check(`preview valid ${lang} ${width}`);
      await shot('preview-valid');

      // The advisor's desk (in French whatever the resident's language: the advisor reads French).
      await page.goto(BASE_URL + '#/conseiller');
      await page.locator('#passphrase').waitFor();
      await check(`advisor unlock ${lang} ${width}`);
      await shot('advisor-unlock');
      await page.locator('#passphrase').fill('phrase de passe du conseiller');
      await page.locator('#passphrase-confirm').fill('phrase de passe du conseiller');
      await page.locator('form.unlock button[type=submit]').click();
      await page.locator('#code-input').fill(code);
      await page.keyboard.press('Enter');
      await page.locator('#recommended').waitFor();
      await check(`advisor intake ${lang} ${width}`);
      await shot('advisor-intake');
      await page.emulateMedia({ media: 'print' });
      await shot('advisor-sheet');
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
      await page.getByText(/Fiche enregistrée/).waitFor();
      await page.getByRole('button', { name: 'Questionnaire au bureau' }).click();
      await page.locator('form.desk').waitFor();
      await check(`advisor desk ${lang} ${width}`);
      await shot('advisor-desk');
      await page.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
      await page.locator('.record-table').waitFor();
      await check(`advisor records ${lang} ${width}`);
      await shot('advisor-records');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}
