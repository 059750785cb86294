// Lists the functions the survey runs up to its first frame (a tool, not a test): writes
// web/first-frame-functions.txt, which cmake/split_program.py keeps in the first part of the
// page's program. Run it after the web build when the start-up code has changed (the build
// says so when most of the list is gone); then build again.
//
//   node tests/web/first_frame_functions.mjs
//
// The web build writes build/web/ahp-app.instrumented.wasm (binaryen's wasm-split --instrument:
// it records each function's first call). Here a page carrying it opens as a new expert opens
// it: Persian and English, phones, a tablet and desktops, with the built-in study, a shared
// link's model and a survey page's own model, some reloaded in the same tab; each load's record
// up to its first frame (and a moment after) is merged, and wasm-split names the functions it
// ran. Then, with frames held as while the rest of the program arrives, each way input comes in
// is used once, so that its arrival runs on the first part: the frames that answer it wait for
// the rest. A page that reopens where an expert left starts only once the rest has come
// (web/index.html, programWanted): what it runs needs no place here.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, repoRoot, webRoot, surveyPageOf } from './harness.mjs';

const listFile = path.join(repoRoot, 'web/first-frame-functions.txt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-first-frame-'));
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
};

// The page with the instrumented program whole (one part).
fs.mkdirSync(path.join(dir, 'site'));
run('python3', [path.join(repoRoot, 'cmake/inline_program.py'), path.join(webRoot, 'index.in.html'),
  path.join(webRoot, 'ahp-app.js'), path.join(dir, 'site/index.html'), path.join(webRoot, 'ahp-app.instrumented.wasm')]);
const server = await serve(path.join(dir, 'site'));
const browser = await launch();

const phone = (width, height, scale) => ({ viewport: { width, height }, deviceScaleFactor: scale, isMobile: true, hasTouch: true });
const desktop = (width, height) => ({ viewport: { width, height } });
const loads = [
  ['?lang=fa', phone(390, 844, 3)], ['?lang=en', phone(390, 844, 3)], ['', phone(360, 640, 2)],
  ['?lang=fa', phone(768, 1024, 2)], ['?lang=en', desktop(1280, 800)], ['?lang=fa', desktop(1280, 800)],
  ['?lang=en', desktop(1920, 1080)],
  ['?lang=fa', phone(390, 844, 3), 'link', 0], ['?lang=en', desktop(1280, 800), 'link', 1],
  ['?lang=en', phone(390, 844, 3), 'link', 0], ['survey0.html', phone(390, 844, 3)],
  ['survey1.html?lang=en', desktop(1280, 800)], ['survey1.html', phone(360, 640, 2)],
  ['?lang=fa', phone(390, 844, 3), 'reload'], ['?lang=en', desktop(1280, 800), 'reload'],
  ['survey0.html?lang=fa', phone(390, 844, 3), 'reload'],
];
// Input of every kind, taken while the frames that would answer it are held: a pointer (mouse
// or finger: tap, drag), the wheel, keys, and the mirror's text field and button.
async function inputWhileHeld(page, options) {
  await page.evaluate(() => { window.Module.restArriving = () => true; });
  const { width, height } = page.viewportSize();
  if (options.hasTouch) {
    await page.touchscreen.tap(width / 2, height - 4);
    const cdp = await page.context().newCDPSession(page);
    const at = (y) => [{ x: width / 2, y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(height / 2) });
    for (const y of [height / 2 - 30, height / 2 - 60]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(y) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } else {
    await page.mouse.move(width / 2, height - 4);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.wheel(0, 100);
    await page.mouse.move(width + 10, height / 2);
  }
  await page.keyboard.press('Shift');
  await page.keyboard.press('Tab');
  await page.evaluate(() => document.querySelector('#canvas').focus());
  await page.keyboard.press('a');
  await page.keyboard.press('Escape');
  const field = await page.$('#ahp-mirror input');
  if (field) { await field.focus(); await page.keyboard.insertText('a'); await page.keyboard.press('Enter'); }
  const button = await page.$('#ahp-mirror button');
  if (button) { await button.focus(); await page.keyboard.press('Enter'); }
  await page.waitForTimeout(100);
}

const ready = (page) => page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
// Models other than the built-in study, as researchers' are: a small one, English first, and
// the study under another id. A shared link's (#model=...) and a survey page's own (the page's
// model element holds it).
const study = JSON.parse(fs.readFileSync(path.join(repoRoot, 'assets/models/egov-qom.json'), 'utf8'));
const otherModels = [{
  format: 'ahp-model', version: 1, id: 'first-frame-small', title: { en: 'Small model', fa: 'مدل کوچک' },
  languages: ['en', 'fa'],
  nodes: [
    { id: 'G', parent: null, labels: { en: 'Goal', fa: 'هدف' } },
    { id: 'A', parent: 'G', labels: { en: 'Cost', fa: 'هزینه' } },
    { id: 'B', parent: 'G', labels: { en: 'Speed', fa: 'سرعت' } },
  ],
}, { ...study, id: 'first-frame-study' }].map((model) => JSON.stringify(model));
otherModels.forEach((text, k) => fs.writeFileSync(path.join(dir, `site/survey${k}.html`),
  surveyPageOf(path.join(dir, 'site/index.html'), text)));
const linkPage = await browser.newPage();
await linkPage.goto(server.url);
await ready(linkPage);
const linkHashes = await linkPage.evaluate((texts) => Promise.all(texts.map(async (text) => (await window.ahpShareLink(text, 'x')).slice(1))), otherModels);
await linkPage.context().close();
const profiles = [];
for (const [query, options, kind, model] of loads) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const address = server.url + query + (kind === 'link' ? linkHashes[model] : '');
  await page.goto(address);
  await ready(page);
  if (kind === 'reload') {  // the same tab again, nothing answered: this tab's expert is known
    await page.reload();
    await ready(page);
  }
  if (await page.evaluate(() => window.ahpLoadError || null)) throw new Error(`${address}: the page did not start`);
  await page.waitForTimeout(300);
  await inputWhileHeld(page, options);
  const bytes = await page.evaluate(() => {
    const write = Module.asm.__write_profile;
    const size = write(0, 0);
    const at = Module._malloc(size);
    write(at, size);
    const memory = Object.values(Module.asm).find((v) => v instanceof WebAssembly.Memory);
    return Array.from(new Uint8Array(memory.buffer, at, size));
  });
  const file = path.join(dir, `profile${profiles.length}.data`);
  fs.writeFileSync(file, Buffer.from(bytes));
  profiles.push(file);
  await context.close();
}
await browser.close();
await server.close();

// What ran, named by splitting the program on it.
run('wasm-split', ['--merge-profiles', ...profiles, '-o', path.join(dir, 'merged.data')]);
run('wasm-split', [path.join(webRoot, 'ahp-app.wasm.orig'), '--split', '--profile=' + path.join(dir, 'merged.data'),
  '-o1', path.join(dir, 'first.wasm'), '-o2', path.join(dir, 'rest.wasm'), '--symbolmap', '--export-prefix=%',
  '--enable-mutable-globals', '--enable-exception-handling', '--quiet']);
const keys = new Set();
for (const line of fs.readFileSync(path.join(dir, 'first.wasm.symbols'), 'utf8').split('\n')) {
  const name = line.slice(line.indexOf(':') + 1);
  if (!line || name.startsWith('placeholder_')) continue;
  // binaryen writes bytes outside its identifier characters as \XX; the key is of the name itself
  const raw = Buffer.from(name.replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  keys.add(crypto.createHash('sha1').update(raw).digest('hex').slice(0, 12));
}
fs.writeFileSync(listFile, [
  "# The survey's first-frame functions (cmake/split_program.py): the first 12 hex digits of the SHA-1",
  '# of each name. Written by tests/web/first_frame_functions.mjs; sorted.',
  ...[...keys].sort(), ''].join('\n'));
fs.rmSync(dir, { recursive: true });
console.log(`${listFile}: ${keys.size} functions`);
