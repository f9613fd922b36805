// Reading the printed sheet's QR code without a BarcodeDetector (Chrome on
// Windows and Linux, Firefox, Safari): the staff module's Wasm decoder.
//
// 1. Decode rates: the sheet as the resident's module prints it, photographed
//    badly in every usual way (turned, small, out of focus, dark, at an angle),
//    each variant given to `decodeQr`; a table and target/e2e/qr-decode.json.
// 2. The camera, end to end: Chromium's fake camera plays a webcam frame of the
//    sheet (a Y4M file written here), BarcodeDetector removed, "Scanner le QR code".
// 3. A photo of the sheet chosen in `#qr-photo`, and a photo with no QR code.
//
// Every image comes from the app's own rendering of the sheet, so a change in
// the sheet's QR code (size, error correction, quiet zone) shows here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, freshPage, start, answerWithMouse, unlockAdvisor, fixtures, BASE_URL, SCREENSHOTS } from './browser.mjs';

const OUT = 'target/e2e';
mkdirSync(OUT, { recursive: true });

// The persona whose sheet is photographed (the desk must show its parcours).
const PERSONA = fixtures.personas[1];

// The printed sheet's geometry (web/style.css, @media print): A4, 1.2 cm margins.
const CM = 96 / 2.54; // CSS px per cm
const A4 = { w: 21 * CM, h: 29.7 * CM };
const MARGIN = 1.2 * CM;
// The sheet is rendered sharp (2.5 device px per CSS px, ~240 dpi) and every
// "photo" is made from it by scaling down, as a camera's optics and sensor would:
// a degraded copy of an already blurry image would be unfairly hard.
const DPR = 2.5;
// A phone photo of the whole A4 sheet, as most phones' QR readers see it: about
// 1,400 px tall (the QR code, 3.2 cm wide, is then ~150 px: ~4.5 px per module).
const PHOTO_HEIGHT = 1400;
// The camera's distance for "seen at an angle", in CSS perspective: about 1.2
// times the sheet's height, a phone held to fit the sheet in its frame.
const PERSPECTIVE = Math.round(1.2 * PHOTO_HEIGHT);
// The desk under the sheet.
const DESK = '#766b5f';

let browser;
let bench; // a page on the site's origin with the image tools below (window.bench)
let qrBox; // the QR code on the A4 canvas, in its pixels

/** Everything the bench page does with pixels: compose, degrade, decode, export.
 * Runs in the page (serialised by Playwright): no npm package, canvas 2D only. */
function benchLib({ dpr, margin, a4, photoHeight, desk }) {
  const b = (window.bench = { sources: {}, canvases: {} });
  const toBase64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const fromBase64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const canvas = (w, h) => {
    const c = document.createElement('canvas');
    c.width = Math.max(1, Math.round(w));
    c.height = Math.max(1, Math.round(h));
    return c;
  };
  // The same options at every call (a canvas keeps its first context's).
  const ctx = (c) => c.getContext('2d', { willReadFrequently: true });
  // A deterministic generator: the same noise at every run.
  const random = (seed) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const source = (name) => b.sources[name] ?? b.canvases[name];

  /** Decodes an encoded image (PNG, JPEG) into a named source. */
  b.addSource = async (name, b64, type = 'image/png') => {
    b.sources[name] = await createImageBitmap(new Blob([fromBase64(b64)], { type }));
    return { w: b.sources[name].width, h: b.sources[name].height };
  };

  /** The printed A4 page from the screenshot of its printable area, and the
   * same page with its QR code covered (a photo with nothing to read). */
  b.loadSheet = async (b64, qr) => {
    const shot = await createImageBitmap(new Blob([fromBase64(b64)], { type: 'image/png' }));
    const page = canvas(a4.w * dpr, a4.h * dpr);
    const x = ctx(page);
    x.fillStyle = '#fff';
    x.fillRect(0, 0, page.width, page.height);
    x.drawImage(shot, Math.round(margin * dpr), Math.round(margin * dpr));
    b.canvases.a4 = page;
    const blank = canvas(page.width, page.height);
    const y = ctx(blank);
    y.drawImage(page, 0, 0);
    y.fillStyle = '#fff';
    y.fillRect(qr.x, qr.y, qr.w, qr.h);
    b.canvases.blank = blank;
    return { w: page.width, h: page.height };
  };

  /** Draws a source as a camera would see it, into canvas `out`:
   * k (or scale × the phone photo's size), turned by `rotate` degrees about
   * `center` (a point of the source, default its middle) on a desk, in a frame of
   * `frame` px (default: the turned sheet plus `pad` of desk around it); then
   * `shade` (light falling off to that fraction in one corner), the filters
   * blur/brightness/contrast, and `noise` (± that much on each channel). */
  b.render = (out, o = {}) => {
    const src = source(o.source ?? 'a4');
    const k = o.k ?? (photoHeight / src.height) * (o.scale ?? 1);
    const w0 = src.width * k;
    const h0 = src.height * k;
    const r = ((o.rotate ?? 0) * Math.PI) / 180;
    const bw = Math.abs(w0 * Math.cos(r)) + Math.abs(h0 * Math.sin(r));
    const bh = Math.abs(w0 * Math.sin(r)) + Math.abs(h0 * Math.cos(r));
    const pad = (o.pad ?? 0.04) * Math.max(bw, bh);
    const a = canvas(o.frame?.w ?? bw + 2 * pad, o.frame?.h ?? bh + 2 * pad);
    const x = ctx(a);
    x.imageSmoothingEnabled = true;
    // 'high' resamples properly (what optics do); the app itself draws with the default.
    x.imageSmoothingQuality = o.quality ?? 'high';
    x.fillStyle = desk;
    x.fillRect(0, 0, a.width, a.height);
    x.translate(a.width / 2, a.height / 2);
    x.rotate(r);
    const [cx, cy] = o.center ?? [src.width / 2, src.height / 2];
    x.drawImage(src, -cx * k, -cy * k, w0, h0);
    x.setTransform(1, 0, 0, 1, 0, 0);
    if (o.shade !== undefined) {
      const g = x.createLinearGradient(0, 0, a.width, a.height);
      const v = Math.round(o.shade * 255);
      g.addColorStop(0, '#fff');
      g.addColorStop(1, `rgb(${v},${v},${v})`);
      x.globalCompositeOperation = 'multiply';
      x.fillStyle = g;
      x.fillRect(0, 0, a.width, a.height);
      x.globalCompositeOperation = 'source-over';
    }
    let c = a;
    const filter = [o.blur && `blur(${o.blur}px)`, o.brightness !== undefined && `brightness(${o.brightness})`, o.contrast !== undefined && `contrast(${o.contrast})`].filter(Boolean).join(' ');
    if (filter) {
      c = canvas(a.width, a.height);
      const y = ctx(c);
      // The desk under the blur's fringe, so the edges do not turn transparent.
      y.fillStyle = desk;
      y.fillRect(0, 0, c.width, c.height);
      y.filter = filter;
      y.drawImage(a, 0, 0);
    }
    if (o.noise) {
      const y = ctx(c);
      const img = y.getImageData(0, 0, c.width, c.height);
      const next = random(o.seed ?? 1);
      for (let i = 0; i < img.data.length; i += 4) {
        for (let j = 0; j < 3; j++) img.data[i + j] += Math.round((next() * 2 - 1) * o.noise);
      }
      y.putImageData(img, 0, 0);
    }
    b.canvases[out] = c;
    return { w: c.width, h: c.height };
  };

  /** Random pixels: a frame where there is nothing to read. */
  b.noise = (out, w, h) => {
    const c = canvas(w, h);
    const x = ctx(c);
    const img = x.createImageData(w, h);
    const next = random(7);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = next() < 0.5 ? 0 : 255;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = 255;
    }
    x.putImageData(img, 0, 0);
    b.canvases[out] = c;
    return { w, h };
  };

  /** Shows a canvas on a stage with a CSS transform (seen at an angle): the
   * test screenshots `#stage` and decodes the screenshot. */
  b.stage = (name, transform, grow = 1.3) => {
    const c = b.canvases[name];
    let st = document.getElementById('stage');
    if (!st) {
      st = document.createElement('div');
      st.id = 'stage';
      document.body.append(st);
    }
    Object.assign(st.style, {
      position: 'absolute', left: '0', top: '0', overflow: 'hidden', background: desk,
      display: 'grid', placeItems: 'center',
      width: `${Math.round(c.width * grow)}px`, height: `${Math.round(c.height * grow)}px`,
    });
    c.style.transform = transform;
    st.replaceChildren(c);
    return { w: st.offsetWidth, h: st.offsetHeight };
  };
  b.unstage = () => document.getElementById('stage')?.remove();

  b.loadDecoder = async (url) => {
    const m = await import(url);
    await m.default();
    b.decodeQr = m.decodeQr;
    return typeof m.decodeQr;
  };

  /** `decodeQr` on a canvas's pixels; the median time of `repeat` calls
   * (the pixels are read once, outside the timing, as the app reads a frame). */
  b.decode = (name, repeat = 1) => {
    const c = b.canvases[name];
    const img = ctx(c).getImageData(0, 0, c.width, c.height);
    const bytes = new Uint8Array(img.data.buffer);
    let text;
    const times = [];
    for (let i = 0; i < repeat; i++) {
      const t = performance.now();
      text = b.decodeQr(bytes, c.width, c.height);
      times.push(performance.now() - t);
    }
    times.sort((p, q) => p - q);
    return { type: typeof text, text: text ?? null, ms: times[times.length >> 1], w: c.width, h: c.height };
  };

  /** A canvas encoded (PNG, or JPEG like a phone's photo), as base64. */
  b.encode = async (name, type = 'image/png', quality = undefined) => {
    const blob = await new Promise((r) => b.canvases[name].toBlob(r, type, quality));
    return toBase64(new Uint8Array(await blob.arrayBuffer()));
  };
  /** A canvas's RGBA pixels, as base64. */
  b.rgba = (name) => {
    const c = b.canvases[name];
    return toBase64(new Uint8Array(ctx(c).getImageData(0, 0, c.width, c.height).data.buffer));
  };
}

/** RGBA (sRGB, full range) to I420 (BT.601, limited range: what Chromium's
 * fake camera assumes), each chroma sample the mean of a 2×2 block. */
function i420(rgba, w, h) {
  const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  for (let i = 0; i < w * h; i++) {
    const [r, g, b] = [rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]];
    y[i] = clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b);
  }
  for (let row = 0; row < h; row += 2) {
    for (let col = 0; col < w; col += 2) {
      let [r, g, b] = [0, 0, 0];
      for (const p of [row * w + col, row * w + col + 1, (row + 1) * w + col, (row + 1) * w + col + 1]) {
        r += rgba[4 * p] / 4;
        g += rgba[4 * p + 1] / 4;
        b += rgba[4 * p + 2] / 4;
      }
      const c = (row / 2) * (w / 2) + col / 2;
      u[c] = clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      v[c] = clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return Buffer.concat([y, u, v]);
}

/** A one-frame Y4M file (Chromium's fake camera loops it at 30 fps). */
function writeY4m(path, rgba, w, h) {
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\nFRAME\n`);
  writeFileSync(path, Buffer.concat([header, i420(rgba, w, h)]));
}

const save = async (name, file, type, quality) =>
  writeFileSync(`${SCREENSHOTS}/${file}`, Buffer.from(await bench.evaluate(([n, t, q]) => window.bench.encode(n, t, q), [name, type, quality]), 'base64'));

before(async () => {
  browser = await launch();
  // The resident's sheet, as printed: the result screen in print media, in a
  // viewport the size of A4's printable area (the screenshot is the first page).
  const page = await freshPage(browser, {
    viewport: { width: Math.round(A4.w - 2 * MARGIN), height: Math.round(A4.h - 2 * MARGIN) },
    deviceScaleFactor: DPR,
  });
  await start(page);
  await answerWithMouse(page, PERSONA.answers);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('.qr svg').boundingBox();
  assert.ok(box.y + box.height <= A4.h - 2 * MARGIN, 'the QR code is on the first page');
  const shot = await page.screenshot();
  assert.deepEqual(page.errors, []);
  await page.context().close();
  qrBox = { x: (box.x + MARGIN) * DPR, y: (box.y + MARGIN) * DPR, w: box.width * DPR, h: box.height * DPR };

  // The bench: a blank page on the site's origin (so that it may import
  // staff.js), answered by the test itself: no app running beside the
  // decoder, and the same on any server the suite runs against.
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 2200, height: 2600 } });
  await context.route(BASE_URL + 'qr-bench.html', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body style="margin:0;background:#fff"></body></html>' }));
  bench = await context.newPage();
  bench.errors = [];
  bench.on('pageerror', (e) => bench.errors.push(e.message));
  await bench.goto(BASE_URL + 'qr-bench.html');
  await bench.evaluate(benchLib, { dpr: DPR, margin: MARGIN, a4: A4, photoHeight: PHOTO_HEIGHT, desk: DESK });
  await bench.evaluate(([b64, qr]) => window.bench.loadSheet(b64, qr), [shot.toString('base64'), qrBox]);
});

after(async () => {
  await browser?.close();
});

// Degradations of a phone photo of the whole sheet (1,400 px tall, the QR code
// ~150 px). `mild`: what an advisor's photo or camera often gives; these must
// decode. Scaled 50 % is the whole sheet in a 720p webcam's frame (QR code
// ~75 px, ~2.3 px per module); blur 1 px a slightly missed focus; brightness
// 0.5 a dim office; 30° a sheet held or lying a little askew. The others are
// measured and reported, not required: they show where the decoder gives up.
const VARIANTS = [
  { name: 'sheet as printed', mild: true, render: {}, save: 'qr-sheet.png' },
  { name: 'rotated 5°', mild: true, render: { rotate: 5 } },
  { name: 'rotated 20°', mild: true, render: { rotate: 20 }, save: 'qr-rotated-20.png' },
  { name: 'rotated 45°', mild: true, render: { rotate: 45 } },
  { name: 'rotated 90°', mild: true, render: { rotate: 90 } },
  { name: 'rotated 180°', mild: true, render: { rotate: 180 } },
  { name: 'scaled 50 %', mild: true, render: { scale: 0.5 } },
  { name: 'scaled 30 %', render: { scale: 0.3 } },
  { name: 'scaled 20 %', render: { scale: 0.2 }, save: 'qr-scaled-20.png' },
  { name: 'blur 1 px', mild: true, render: { blur: 1 } },
  { name: 'blur 2 px', render: { blur: 2 } },
  { name: 'blur 3 px', render: { blur: 3 }, save: 'qr-blur-3.png' },
  { name: 'brightness 0.5', mild: true, render: { brightness: 0.5 } },
  { name: 'brightness 0.3', render: { brightness: 0.3 }, save: 'qr-dark-0.3.png' },
  { name: 'contrast 0.5', render: { contrast: 0.5 } },
  { name: 'contrast 0.3', render: { contrast: 0.3 } },
  { name: 'light falling to 30 % across', render: { shade: 0.3 } },
  { name: 'sensor noise ±40', render: { noise: 40 } },
  { name: 'seen at 30° (rotateY)', mild: true, angle: 'rotateY(30deg)' },
  { name: 'seen at 40° (rotateY)', angle: 'rotateY(40deg)', save: 'qr-angle-40.png' },
  { name: 'seen at 50° (rotateY)', angle: 'rotateY(50deg)' },
  { name: 'seen at -40° (rotateY)', angle: 'rotateY(-40deg)' },
  { name: 'tilted 30° (rotateX)', angle: 'rotateX(30deg)' },
  { name: 'tilted 45° (rotateX)', angle: 'rotateX(45deg)' },
  { name: 'tilted 30° + turned 25°', angle: 'rotateX(30deg) rotateY(25deg)' },
  { name: 'rotated 12° + brightness 0.5 + blur 1 px', render: { rotate: 12, brightness: 0.5, blur: 1 }, save: 'qr-combo-rotated-dark-blur.png' },
  { name: 'rotated 30° + brightness 0.3 + blur 2 px + noise ±20', render: { rotate: 30, brightness: 0.3, blur: 2, noise: 20 } },
  { name: 'seen at 35° + scaled 60 %', angle: 'rotateY(35deg)', then: { scale: 0.6 }, save: 'qr-combo-angle-scaled.png' },
  { name: 'seen at 45° + scaled 40 % + brightness 0.5', angle: 'rotateY(45deg)', then: { scale: 0.4, brightness: 0.5 } },
];

// A webcam held up to the sheet at the desk: 1280×720, the QR code ~240 px
// wide, off-centre, turned 10°, dim room light, soft focus, sensor noise.
const WEBCAM = { w: 1280, h: 720 };
const webcamFrame = (qr, blank) => ({
  source: blank ? 'blank' : 'a4',
  k: 240 / qr.w,
  center: [qr.x + qr.w * 0.2, qr.y + qr.h * 0.3],
  frame: WEBCAM,
  rotate: 10,
  shade: 0.7,
  brightness: 0.6,
  blur: 0.8,
  noise: 12,
});
// A phone's photo of the sheet on a desk: 3000×4000, the sheet 90 % of the
// height, turned 4°, uneven light, a little soft; saved as JPEG.
const PHOTO = { w: 3000, h: 4000 };
const phonePhoto = (blank) => ({
  source: blank ? 'blank' : 'a4',
  k: (0.9 * PHOTO.h) / (A4.h * DPR),
  frame: PHOTO,
  rotate: -4,
  shade: 0.55,
  brightness: 0.8,
  blur: 1.5,
  noise: 6,
});
// The two photos as JPEG files, made once (~3 s each at 12 Mpx): the sheet's,
// and the same with its QR code covered.
let photos;
const phonePhotos = () => (photos ??= (async () => {
  const jpeg = async (blank) => {
    await bench.evaluate((o) => window.bench.render('photo', o), phonePhoto(blank));
    return Buffer.from(await bench.evaluate(() => window.bench.encode('photo', 'image/jpeg', 0.85)), 'base64');
  };
  return { withQr: await jpeg(false), withoutQr: await jpeg(true) };
})());

test('the Wasm decoder reads the printed sheet\'s QR code however it is photographed, and nothing where there is none', async () => {
  const kind = await bench.evaluate((url) => window.bench.loadDecoder(url), new URL('staff.js', BASE_URL).href);
  assert.equal(kind, 'function', 'staff.js exports decodeQr');
  const b = (f, arg) => bench.evaluate(f, arg);
  // The first call compiles the decoder's code paths: not counted.
  await b(() => window.bench.render('warm', {}));
  await b(() => window.bench.decode('warm'));

  const rows = [];
  const record = (name, group, r) => rows.push({ name, group, width: r.w, height: r.h, decoded: r.text === PERSONA.code, text: r.text, ms: Math.round(r.ms * 10) / 10, returned: r.type });
  for (const v of VARIANTS) {
    if (v.angle) {
      await b(() => window.bench.render('flat', { pad: 0 }));
      await b(([t]) => window.bench.stage('flat', t), [`perspective(${PERSPECTIVE}px) ${v.angle}`]);
      const shot = await bench.locator('#stage').screenshot();
      await b(() => window.bench.unstage());
      await b((s) => window.bench.addSource('shot', s), shot.toString('base64'));
      await b((o) => window.bench.render('v', { source: 'shot', k: o.scale ?? 1, pad: 0, ...o }), v.then ?? {});
    } else {
      await b((o) => window.bench.render('v', o), v.render);
    }
    // The median of three calls: the machine's other work shows less in the times.
    record(v.name, v.mild ? 'mild' : 'hard', await b(() => window.bench.decode('v', 3)));
    if (v.save) await save('v', v.save);
  }

  // The fake camera's frame (test 2) and the phone photo (test 3), read as the app reads them.
  await b((o) => window.bench.render('cam', o), webcamFrame(qrBox, false));
  const cam = await b(() => window.bench.decode('cam', 5));
  record('webcam frame 1280×720 (the fake camera\'s, test 2)', 'mild', cam);
  await save('cam', 'qr-webcam-frame.png');
  await b((o) => window.bench.render('cam-empty', o), webcamFrame(qrBox, true));
  const camEmpty = await b(() => window.bench.decode('cam-empty', 5));
  record('webcam frame 1280×720, QR code out of view', 'negative', camEmpty);
  // The JPEG as the app reads it first: 1,600 px on its longest side, drawn
  // with the canvas's default smoothing.
  const { withQr } = await phonePhotos();
  await b((s) => window.bench.addSource('photo-jpeg', s, 'image/jpeg'), withQr.toString('base64'));
  await b((k) => window.bench.render('photo-1600', { source: 'photo-jpeg', k, pad: 0, quality: 'low' }), 1600 / PHOTO.h);
  record('phone photo 3000×4000 read at 1200×1600 (test 3)', 'mild', await b(() => window.bench.decode('photo-1600')));

  // Nothing to read: random pixels, the sheet with its QR code covered, a short buffer.
  await b(() => window.bench.noise('noise', 800, 800));
  record('random black and white pixels', 'negative', await b(() => window.bench.decode('noise')));
  await b(() => window.bench.render('v', { source: 'blank' }));
  record('the sheet with its QR code covered', 'negative', await b(() => window.bench.decode('v')));
  const short = await b(() => typeof window.bench.decodeQr(new Uint8Array(100), 640, 480));

  // The table, and the same as JSON for whoever tunes the decoder.
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`\n${pad('degradation', 58)}${pad('size px', 12)}${pad('decoded', 9)}ms`);
  for (const r of rows) console.log(`${pad(`${r.name}${r.group === 'mild' ? ' *' : ''}`, 58)}${pad(`${r.width}×${r.height}`, 12)}${pad(r.decoded ? 'yes' : 'no', 9)}${r.ms}`);
  console.log('(* must decode; per-frame time at 1280×720: %s ms with the QR code, %s ms without)\n', cam.ms.toFixed(1), camEmpty.ms.toFixed(1));
  writeFileSync(`${OUT}/qr-decode.json`, JSON.stringify({
    generated: new Date().toISOString(),
    chromium: browser.version(),
    code: PERSONA.code,
    sheet: { a4px: { w: Math.round(A4.w * DPR), h: Math.round(A4.h * DPR) }, photoHeight: PHOTO_HEIGHT, qrPx: Math.round((qrBox.h * PHOTO_HEIGHT) / (A4.h * DPR)) },
    perFrameMs: { withQr: cam.ms, withoutQr: camEmpty.ms },
    rows,
  }, null, 2));

  // Whatever is read is the code itself, never a wrong one.
  for (const r of rows) if (r.text !== null) assert.equal(r.text, PERSONA.code, r.name);
  const failed = rows.filter((r) => r.group === 'mild' && !r.decoded).map((r) => r.name);
  assert.deepEqual(failed, [], 'mild degradations that did not decode');
  for (const r of rows.filter((x) => x.group === 'negative')) assert.equal(r.returned, 'undefined', r.name);
  assert.equal(short, 'undefined', 'a buffer shorter than width × height × 4');
  assert.deepEqual(bench.errors, []);
});

test('with a camera and no BarcodeDetector, "Scanner le QR code" reads the sheet and opens the intake', async () => {
  // The webcam frame as a Y4M file for Chromium's fake camera.
  await bench.evaluate((o) => window.bench.render('cam', o), webcamFrame(qrBox, false));
  const rgba = Buffer.from(await bench.evaluate(() => window.bench.rgba('cam')), 'base64');
  const y4m = resolve(OUT, 'qr-camera.y4m');
  writeY4m(y4m, rgba, WEBCAM.w, WEBCAM.h);

  const camera = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`]);
  try {
    const page = await freshPage(camera);
    // The Wasm decoder's path, wherever Chromium might one day ship a detector on Linux.
    await page.addInitScript(() => { delete window.BarcodeDetector; });
    await unlockAdvisor(page, { create: true });
    assert.equal(await page.evaluate(() => 'BarcodeDetector' in window), false);
    // The fake camera plays the frame (else a failure below would blame the decoder).
    const seen = await page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = stream;
      await video.play();
      const c = document.createElement('canvas');
      [c.width, c.height] = [video.videoWidth, video.videoHeight];
      const x = c.getContext('2d');
      x.drawImage(video, 0, 0);
      const d = x.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += d[i + 1];
      stream.getTracks().forEach((t) => t.stop());
      return { w: c.width, h: c.height, meanGreen: sum / (d.length / 4) };
    });
    assert.deepEqual([seen.w, seen.h], [WEBCAM.w, WEBCAM.h]);
    assert.ok(seen.meanGreen > 30, `the fake camera shows the frame (mean green ${seen.meanGreen})`);

    const t0 = Date.now();
    await page.getByRole('button', { name: 'Scanner le QR code' }).click();
    await page.locator('#recommended').waitFor({ timeout: 20_000 });
    console.log(`camera scan: intake open ${Date.now() - t0} ms after the click`);
    assert.equal((await page.locator('#recommended').textContent()).trim(), PERSONA.title);
    // The camera is off once the code is read.
    assert.equal(await page.evaluate(() => document.getElementById('qr-video')?.srcObject ?? null), null);
    assert.deepEqual(page.errors, []);
  } finally {
    await camera.close();
  }
});

test('a photo of the sheet opens the intake; a photo without a QR code says so', async () => {
  // Phone photos as JPEG, as a phone's gallery gives them.
  const { withQr, withoutQr } = await phonePhotos();
  writeFileSync(`${SCREENSHOTS}/qr-photo.jpg`, withQr);

  const page = await freshPage(browser);
  await unlockAdvisor(page, { create: true });
  const input = page.locator('#qr-photo');
  assert.equal(await input.getAttribute('accept'), 'image/*');
  assert.equal(await page.locator('label[for="qr-photo"]').textContent(), 'Lire une photo de la fiche');

  // First a photo with nothing to read: a message, no intake, no page error.
  await input.setInputFiles({ name: 'autre.jpg', mimeType: 'image/jpeg', buffer: withoutQr });
  await page.locator('#advisor-error').waitFor({ timeout: 20_000 });
  assert.match(await page.locator('#advisor-error').textContent(), /Aucun QR code lu/);
  assert.equal(await page.locator('#recommended').count(), 0);

  // Then the sheet's photo: the intake opens with the sheet's parcours.
  const t0 = Date.now();
  await input.setInputFiles({ name: 'fiche.jpg', mimeType: 'image/jpeg', buffer: withQr });
  await page.locator('#recommended').waitFor({ timeout: 20_000 });
  console.log(`photo ${PHOTO.w}×${PHOTO.h} (${Math.round(withQr.length / 1024)} KB JPEG): intake open ${Date.now() - t0} ms after choosing it`);
  assert.equal((await page.locator('#recommended').textContent()).trim(), PERSONA.title);
  assert.equal(await page.locator('#advisor-error').count(), 0, 'the earlier message is gone once a code is read');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
