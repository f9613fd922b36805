// The page's only script. It starts the questionnaire's download at once, in
// parallel with the resident's module, and loads the staff's module (advisor,
// preview, YAML reader) only when a staff screen is opened or a hand-edited
// questionnaire.yaml needs reading. Before the resident's module arrives, the
// welcome rendered into index.html already works: "Commencer" goes to the
// first question, which the module shows as soon as it is there.
import initResident, { trial } from './resident.js';

const get = (file, as) => fetch(file, { cache: 'no-cache' }).then((r) => (r.ok ? r[as]() : Promise.reject(file)));
// The compiled questionnaire; questionnaire.yaml is read after the first
// screen, from idle time, to notice a hand edit (diagIdle).
globalThis.diagQuestionnaire = get('questionnaire.bin', 'arrayBuffer').catch(() => null);
// Resolves after the next paint, once the browser is idle (at most a second
// later, even on a busy phone): what the first screen does not need waits for it.
globalThis.diagIdle = () => new Promise((resolve) => requestAnimationFrame(() => {
  if (globalThis.requestIdleCallback) requestIdleCallback(resolve, { timeout: 1000 });
  else setTimeout(resolve);
}));

// The resident's language, chosen here so that its texts download in parallel
// with the module: `?lang=xx`, else the one chosen before on this device, else
// the first of the browser's languages that the questionnaire offers, else
// French. The build's welcome lists them in its language switch, with
// `data-pack` on those whose texts are fetched (every language but the
// default one) and `data-strings` on those whose interface strings are too.
const offered = [...document.querySelectorAll('nav.langs [hreflang]')];
const match = (code) => offered.find((a) => a.hreflang === code?.split(/[-_]/)[0].toLowerCase());
const search = new URLSearchParams(location.search);
const asked = match(search.get('lang'));
let stored = null;
try {
  stored = localStorage.getItem('diag-lang');
  if (asked) localStorage.setItem('diag-lang', asked.hreflang);
} catch {}
const choice = asked ?? [stored, ...navigator.languages].map(match).find(Boolean);
globalThis.diagLang = choice?.hreflang ?? 'fr';
if (choice?.dataset.pack !== undefined) {
  const lang = globalThis.diagLang;
  const strings = choice.dataset.strings !== undefined ? get(`ui.${lang}.json`, 'json') : null;
  globalThis.diagPack = Promise.all([get(`questionnaire.${lang}.bin`, 'arrayBuffer'), strings])
    .then(([pack, strings]) => [new Uint8Array(pack), strings])
    .catch(() => null);
}
// The address says the language, so that a reload or a shared link keeps it; French needs none.
if (globalThis.diagLang === 'fr') search.delete('lang');
else search.set('lang', globalThis.diagLang);
const wanted = search.toString() ? `?${search}` : '';
if (wanted !== location.search) history.replaceState(null, '', location.pathname + wanted + location.hash);

let staff = null;
/** The staff's stylesheet, loaded with the staff's module (not on the resident's first load). */
function staffStyle() {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = 'staff.css';
    // A missing stylesheet leaves the screens plain, never unusable.
    link.onload = link.onerror = resolve;
    document.head.append(link);
  });
}
/** The staff's module, loaded once, on demand. */
function loadStaff() {
  staff ??= Promise.all([import('./staff.js'), staffStyle()]).then(async ([m]) => {
    await m.default();
    // Kept offline for this device only; asked once loaded, so sw.js's copy is a 304.
    navigator.serviceWorker?.ready.then((r) => r.active.postMessage('staff'));
    return m;
  });
  return staff;
}
// The slow path: the resident's module asks the staff's module to check and
// compile a questionnaire.yaml edited by hand (it rejects a broken one).
globalThis.diagCompile = (yaml) => loadStaff().then((m) => m.compile(yaml));
// The same for a language's texts (questionnaire.<code>.yaml) after such an edit.
globalThis.diagTranslate = ([yaml, translation, lang]) => loadStaff().then((m) => m.translate(yaml, translation, lang));
// The preview's "Essayer comme un habitant" runs the resident's module.
globalThis.diagTrial = (bytes) => trial(bytes);

const app = document.getElementById('app');
const staffRoot = document.getElementById('staff');
const STAFF = /^#\/(conseiller|apercu)\/?$/;
let mounted = false;

function failed(err) {
  console.error(err);
  const p = document.createElement('p');
  p.textContent = "Le questionnaire n'a pas pu démarrer sur ce navigateur. Vous pouvez venir à la permanence numérique de la mairie.";
  app.replaceChildren(p);
  app.hidden = false;
}

function route() {
  const isStaff = STAFF.test(location.hash);
  app.hidden = isStaff;
  staffRoot.hidden = !isStaff;
  if (isStaff && !mounted) {
    mounted = true;
    loadStaff().then((m) => m.mount()).catch(failed);
  }
  // A reload on another screen: no welcome for a moment, the module shows that screen.
  const welcome = app.querySelector('section.welcome[data-prerendered]');
  if (welcome) welcome.hidden = !/^(#\/?)?$/.test(location.hash);
}
addEventListener('hashchange', route);
route();

app.querySelector('[data-start]')?.addEventListener('click', (e) => {
  location.hash = e.currentTarget.dataset.start;
});

initResident().catch(failed);

// The first Intl.DateTimeFormat of a page loads its language's data: ~45 ms,
// 180 ms on a slow phone, which the result screen (it writes dates) paid on
// the resident's last click. Done instead while the resident reads a
// question: after a first move on the resident's path (never in the way of
// the first screen, nor of the staff's module arriving).
function warmDates() {
  if (STAFF.test(location.hash)) return;
  removeEventListener('hashchange', warmDates);
  (globalThis.requestIdleCallback ?? setTimeout)(() => new Intl.DateTimeFormat(globalThis.diagLang).format());
}
addEventListener('hashchange', warmDates);

// Offline after this visit (sw.js); after load, not to delay the first question.
if ('serviceWorker' in navigator) addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
