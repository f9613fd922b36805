// Starts the questionnaire's download at once, in parallel with the
// WebAssembly module (the app picks the promise up), then loads the module;
// the Rust side mounts the app into #app.
import init from './diag.js';

globalThis.diagQuestionnaire = fetch('questionnaire.yaml', { cache: 'no-cache' })
  .then((r) => (r.ok ? r.text() : null))
  .catch(() => null);

init().catch((err) => {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = '';
    const p = document.createElement('p');
    p.textContent = "Le questionnaire n'a pas pu démarrer sur ce navigateur. Vous pouvez venir à la permanence numérique de la mairie.";
    app.appendChild(p);
  }
  console.error(err);
});
