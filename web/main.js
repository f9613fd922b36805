// Loads the WebAssembly module; the Rust side mounts the app into #app.
import init from './diag.js';

init().catch((err) => {
  const app = document.getElementById('app');
  if (app) {
    app.innerHTML = '';
    const p = document.createElement('p');
    p.textContent = "Le questionnaire n'a pas pu démarrer sur ce navigateur. Vous pouvez venir à la permanence numérique de la mairie.";
    app.appendChild(p);
  }
  console.error(err);
});
