// axe-core finds nothing on the staff's screens — the author's area and the
// advisor's desk —, with the page in French and in English, at 320 px, 390 px
// and on a desktop, and nothing is wider than the screen; screenshots of each
// screen at 390 and 1280 px (and of the printed intake sheet) are kept in
// tests/e2e/screenshots (not committed) for a person to look at. (The
// resident's screens: languages.test.mjs, in every language.) Each screen is reached once and
// checked at the three widths in turn (the window resized, as a phone turned
// or a zoom changed): the same checks as a page opened at each width, without
// answering the quiz and unlocking the desk three times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, start, fixtures, assertAccessible, settled, SCREENSHOTS, BASE_URL, openAuthor, shot } from './browser.mjs';

const WIDTHS = [320, 390, 1280];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of ['fr', 'en']) {
  test(`every screen is accessible at 320, 390 and 1280 px in ${lang}`, async () => {
    const page = await freshPage(browser, { viewport: { width: 390, height: 800 } });
    // At each width: axe finds nothing, nothing is wider than the screen
    // (reflow), and a screenshot (the printed version too, for `print`).
    const check = async (screen, { print = null } = {}) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await settled(page);
        const label = `${screen} ${lang} ${width}`;
        await assertAccessible(page, label);
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert.ok(scroll <= inner, `${label}: the page is ${scroll} px wide in a ${inner} px window`);
        if (width === 320) continue;
        await shot(page, `${SCREENSHOTS}/${screen}-${lang}-${width}.png`);
        if (print) {
          await page.emulateMedia({ media: 'print' });
          await shot(page, `${SCREENSHOTS}/${print}-${lang}-${width}.png`);
          await page.emulateMedia({ media: 'screen' });
        }
      }
      await page.setViewportSize({ width: 390, height: 800 });
    };
    // The resident's screens are languages.test.mjs's (every language, every
    // width). Here: the author's and the advisor's, with the page in French or
    // in English (the advisor's desk is French whatever the page's language).
    await start(page, lang === 'en' ? `${BASE_URL}?lang=en` : BASE_URL);
    const code = fixtures.personas[0].code;

    // The author's area: the term's form (with a period being added, one
    // refused), then the text with errors (the summary at the top), valid.
    await openAuthor(page, 'update');
    await check('author-update');
    await page.locator('#add-emploi').click();
    await page.locator('#period-emploi-new-from').fill('2027-03-26');
    await page.locator('#period-emploi-new-to').fill('2027-01-05');
    await page.locator('#period-emploi-new .add-period').click();
    await page.locator('#period-emploi-new .refused-why').waitFor();
    await check('author-refused');
    await openAuthor(page, 'text');
    await check('preview');
    const yaml = readFileSync('questionnaires/villeneuve-la-garenne.yaml', 'utf8');
    await page.locator('#yaml-text').fill(yaml.replace('show-if: answer(souris) >= aide', 'show-if: answer(souri) >= aide'));
    await page.locator('.error-summary').waitFor();
    await check('preview-errors');
    await page.locator('#yaml-text').fill(yaml);
    await page.locator('.reach').waitFor();
    await check('preview-valid');

    // The advisor's desk (in French whatever the resident's language: the advisor reads French).
    await page.goto(BASE_URL + '#/conseiller');
    await page.locator('#passphrase').waitFor();
    await check('advisor-unlock');
    await page.locator('#passphrase').fill('phrase de passe du conseiller');
    await page.locator('#passphrase-confirm').fill('phrase de passe du conseiller');
    await page.locator('form.unlock button[type=submit]').click();
    await page.locator('#code-input').fill(code);
    await page.keyboard.press('Enter');
    await page.locator('#recommended').waitFor();
    await check('advisor-intake', { print: 'advisor-sheet' });
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText(/Fiche enregistrée/).waitFor();
    await page.getByRole('button', { name: 'Questionnaire au bureau' }).click();
    await page.locator('form.desk').waitFor();
    await check('advisor-desk');
    await page.getByRole('button', { name: /^Fiches \(1\)$/ }).click();
    await page.locator('.record-table').waitFor();
    await check('advisor-records');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
