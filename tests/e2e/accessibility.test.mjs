// axe-core finds nothing on every screen, in French and English, at 320 px and
// on a desktop; screenshots of each screen (and of the printed sheet) are kept
// in tests/e2e/screenshots (not committed) for a person to look at.
import { test, before, after } from 'node:test';
import { launch, freshPage, start, fixtures, answerWithMouse, assertAccessible, SCREENSHOTS, BASE_URL } from './browser.mjs';

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
      await start(page);
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      await assertAccessible(page, `welcome ${lang} ${width}`);
      await shot('welcome');

      await page.goto(BASE_URL + '#/question/objectifs');
      await page.locator('legend').waitFor();
      await page.locator('.help summary').first().click().catch(() => {});
      await assertAccessible(page, `question ${lang} ${width}`);
      await shot('question');

      const persona = fixtures.personas[0];
      await page.evaluate(() => localStorage.clear());
      await page.goto(BASE_URL + '#/');
      await page.reload();
      await page.locator('.welcome').waitFor();
      await answerWithMouse(page, persona.answers);
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.locator('.parcours-title').waitFor();
      await assertAccessible(page, `result ${lang} ${width}`);
      await shot('result');
      await page.emulateMedia({ media: 'print' });
      await shot('sheet');
      await page.emulateMedia({ media: 'screen' });

      await page.goto(BASE_URL + '#/papier');
      await page.locator('.paper').waitFor();
      await assertAccessible(page, `paper ${lang} ${width}`);
      await shot('paper');
      await page.context().close();
    });
  }
}
