// Minifies the built site's scripts and stylesheets in place, for `cargo xtask
// build`: wasm-bindgen's glue, main.js and the CSS are written to be read
// (comments, long names); phones download them on every first visit.
// Usage: node xtask/minify.mjs FILE... (`.css` by clean-css, `.js` modules by terser)
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import CleanCSS from 'clean-css';

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8');
  let code;
  if (file.endsWith('.css')) {
    // Level 1 only: each rule on its own, never merged or reordered.
    const out = new CleanCSS({ level: 1 }).minify(source);
    if (out.errors.length || out.warnings.length) {
      throw new Error(`${file}: ${[...out.errors, ...out.warnings].join('; ')}`);
    }
    code = out.styles;
  } else {
    ({ code } = await minify(source, { module: true, compress: true, mangle: true }));
  }
  writeFileSync(file, code);
  console.log(`    ${file}: ${source.length} → ${code.length} bytes`);
}
