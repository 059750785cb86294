// Hostile input and faults in the page (issue 14): a link that inflates to 300 MB, models past
// the 5 MB limit or too deep, a large valid model from a link (it used to travel on the
// WebAssembly stack), and storage that refuses every write (a lasting notice, retried with
// every change, nothing lost once it works again).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, state, waitForState, click, clickSettled, widgets, settle, screenshot } from './harness.mjs';

let server, browser, tmp;
before(async () => {
  server = await serve();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-hostile-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const linkFor = (bytes) => server.url + '#model=' + zlib.deflateRawSync(bytes, { level: 9 }).toString('base64url');
const node = (id, parent, extra = {}) => ({ id, parent, labels: { en: id, fa: 'گره ' + id }, ...extra });
const modelText = (nodes, id = 'hostile') =>
  JSON.stringify({ format: 'ahp-model', version: 1, id, title: { en: 'Hostile', fa: 'آزمون' }, languages: ['fa', 'en'], nodes });

// Opens `link` in a fresh tab and waits until the app has drawn (the model page or the link's
// error page); returns the state and the time it took.
async function openLink(context, link) {
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(link);
  await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
  await settle(page);
  return { page, s: await state(page), ms: Date.now() - start };
}

test('a link bomb, an oversized model and a 10,000-deep chain show the link page with the reason, within seconds', async () => {
  const { context } = await openApp(browser, server.url);
  const cases = [
    ['300 MB of spaces (a 300 KB link)', linkFor(Buffer.alloc(300 * 1024 * 1024, ' ')), /over 5 MB; a model file is at most 5 MB/],
    ['a 6 MB model', linkFor(Buffer.from(modelText([node('G', null, { description: { en: 'x'.repeat(6 * 1024 * 1024) } })]))),
      /over 5 MB/],
    ['a chain 10,000 deep', linkFor(Buffer.from(modelText(Array.from({ length: 10000 }, (_, k) => node('C' + k, k ? 'C' + (k - 1) : null))))),
      /nodes: lists 10000 nodes; a model may have at most 2000/],
    ['a chain 600 deep', linkFor(Buffer.from(modelText(Array.from({ length: 600 }, (_, k) => node('C' + k, k ? 'C' + (k - 1) : null))))),
      /more than 500 levels below the goal/],
  ];
  for (const [what, link, reason] of cases) {
    const { page, s, ms } = await openLink(context, link);
    console.log(`${what}: link page after ${ms} ms`);
    assert.match(s.link_error, reason, what);
    assert.ok(Boolean((await widgets(page))['link-error']), what);
    // The way back to the built-in survey works.
    await click(page, 'use-builtin');
    const back = await waitForState(page, (x) => x.link_error === '');
    assert.equal(back.model.id, 'egov-qom');
    await page.close();
  }
  await context.close();
});

test('a 4 MB model from a link loads (the text no longer travels on the WebAssembly stack)', async () => {
  const { context } = await openApp(browser, server.url);
  const text = modelText([node('G', null), ...Array.from({ length: 70 }, (_, k) => node('A' + k, k < 40 ? 'G' : 'A0',
    { description: { en: 'd'.repeat(19000), fa: 'ف'.repeat(20000) } }))], 'big-link');
  assert.ok(text.length > 2_000_000 && Buffer.byteLength(text) > 4_000_000 && Buffer.byteLength(text) < 5 * 1024 * 1024,
    `model is ${Buffer.byteLength(text)} bytes`);
  const { page, s } = await openLink(context, linkFor(Buffer.from(text)));
  assert.equal(s.link_error, '');
  assert.equal(s.model.id, 'big-link');
  await screenshot(page, 'hostile-big-link');
  await context.close();
});

test('storage that refuses every write: a lasting notice, retried with every change, nothing lost', async () => {
  const { page, context } = await openApp(browser, server.url);
  await click(page, 'language');  // -> English
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/6');
  let s = await state(page);
  assert.equal(s.autosave_problem, '');
  const key = `ahp:${s.model.id}:${s.session_slot}:session`;  // this expert's slot
  // The quota is full: every write throws.
  await page.evaluate(() => {
    window.ahpRealSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  for (const [position, answered] of [['judgment/G/2-3/10', 2], ['judgment/G/1-3/4', 3]]) {
    await click(page, position);
    s = await waitForState(page, (x) => x.answered === answered);
    assert.match(s.autosave_problem, /refused to store/);
    assert.ok(Boolean((await widgets(page))['autosave-failed']));
  }
  await screenshot(page, 'hostile-autosave-failed-en');
  // The notice stays while nothing changes.
  await settle(page, 5);
  assert.notEqual((await state(page)).autosave_problem, '');
  // Storage works again: the next change saves everything, and the notice goes.
  await page.evaluate(() => { Storage.prototype.setItem = window.ahpRealSetItem; });
  await click(page, 'judgment/G/1-2/5');
  s = await waitForState(page, (x) => x.autosave_problem === '');
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  assert.equal(saved.judgments.length, 3);
  await settle(page, 2);  // the widgets are the last drawn frame's; the state may be newer
  assert.ok(!Boolean((await widgets(page))['autosave-failed']));
  await page.reload();
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
  assert.equal((await state(page)).answered, 3);
  await context.close();
});

// A response to the page's model with every judgment given; `shift` varies the values so that
// two experts' judgments differ.
function goodResponse(s, name, shift = 0) {
  const scale = [3, 1 / 5, 7, 1 / 2, 2, 1 / 9, 4];
  const judgments = [];
  let k = shift;
  for (const set of s.sets)
    for (let i = 0; i < set.items.length; ++i)
      for (let j = i + 1; j < set.items.length; ++j)
        judgments.push({ set: set.id, row: set.items[i], col: set.items[j], value: scale[k++ % scale.length] });
  return JSON.stringify({ format: 'ahp-response', version: 1, model: { id: s.model.id, hash: s.model.hash },
    expert: { name, role: '' }, saved_at: '2026-11-27T06:00:00Z', app_version: 'test', judgments });
}

const MB50 = 50 * 1024 * 1024;
// A 50 MB file on disk (picked with the file input: Playwright takes no buffer that large).
function hugeFile(name) {
  const file = path.join(tmp, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, Buffer.alloc(MB50, ' '));
  return file;
}
function writeFile(name, text) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}
// The page records the name of every file it or a worker of its reads (Blob.arrayBuffer/text/
// stream): a worker is started with the same watch before its own code, and tells the page.
async function watchReads(page) {
  await page.evaluate(() => {
    window.ahpFilesRead = [];
    const watch = (report) => {
      for (const method of ['arrayBuffer', 'text', 'stream']) {
        const real = Blob.prototype[method];
        Blob.prototype[method] = function (...args) { report(this.name || '(blob)'); return real.apply(this, args); };
      }
    };
    watch((name) => window.ahpFilesRead.push(name));
    const RealWorker = window.Worker;
    window.Worker = function (url, options) {
      const code = `(${watch})((name) => postMessage({ ahpFileRead: name })); importScripts(${JSON.stringify(String(url))});`;
      const worker = new RealWorker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), options);
      worker.addEventListener('message', (e) => {  // before the page's own handler, which it does not reach
        if (e.data && e.data.ahpFileRead) { window.ahpFilesRead.push(e.data.ahpFileRead); e.stopImmediatePropagation(); }
      });
      return worker;
    };
  });
}
const filesRead = (page) => page.evaluate(() => window.ahpFilesRead);
const wasmMemory = (page) => page.evaluate(() => Module.HEAPU8.length);
// Drops files made in the page: [{name, text}] or [{name, bytes: N}] (N spaces).
async function drop(page, files, { asFolder = false } = {}) {
  await page.evaluate(({ files, asFolder }) => {
    const made = files.map((f) => new File([f.bytes ? new Uint8Array(f.bytes).fill(32) : f.text], f.name, { type: 'application/json' }));
    let event;
    if (asFolder) {  // a folder as a file manager drops it: a directory entry read in batches
      const fileEntry = (f) => ({ isFile: true, isDirectory: false, name: f.name, file(ok) { ok(f); } });
      const root = { isFile: false, isDirectory: true, name: 'answers', createReader() {
        let done = false;
        return { readEntries(ok) { const batch = done ? [] : made.map(fileEntry); done = true; ok(batch); } };
      } };
      event = new Event('drop', { cancelable: true });
      event.dataTransfer = { files: [], items: [{ webkitGetAsEntry: () => root }] };
    } else {
      const data = new DataTransfer();
      for (const f of made) data.items.add(f);
      event = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    }
    window.dispatchEvent(event);
  }, { files, asFolder });
}
const mirrorTexts = (page) => page.evaluate(() => [...document.querySelectorAll('#ahp-mirror div')].map((d) => d.textContent));

test('a 50 MB file picked or dropped on the questionnaire: refused at once without being read, the good file given with it loads, the page answers', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en');
  await watchReads(page);
  const s0 = await state(page);
  const memoryBefore = await wasmMemory(page);

  // Picked with the file input, beside a good file.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  let start = Date.now();
  await chooser.setFiles([hugeFile('huge.json'), writeFile('ahp-ana.json', goodResponse(s0, 'Ana'))]);
  let s = await waitForState(page, (x) => x.import_problems.length === 1 && x.expert.name === 'Ana');
  console.log(`picked: the message after ${Date.now() - start} ms`);
  assert.deepEqual(s.import_problems.map((p) => [p.file, p.code]), [['huge.json', 'too_large.response']]);
  assert.equal(s.import_problems[0].message, 'huge.json: the file is 50 MB; a response file is at most 2 MB');
  assert.equal(s.answered, s.total, 'the good file was loaded');
  assert.deepEqual(await filesRead(page), ['ahp-ana.json'], 'the large file was not read');
  await settle(page, 3);
  assert.ok((await mirrorTexts(page)).some((t) => /huge\.json.*the file is 50 MB; a response file is at most 2 MB/.test(t)));
  await screenshot(page, 'hostile-huge-file-en');
  await click(page, 'language');  // the message in Persian
  await waitForState(page, (x) => x.language === 'fa');
  await settle(page, 3);
  assert.ok((await mirrorTexts(page)).some((t) => t.includes('حجم پرونده 50 MB است؛ پروندهٔ پاسخ حداکثر 2 MB است')));
  await screenshot(page, 'hostile-huge-file-fa');
  await click(page, 'language');
  // The page answers: a click after it is handled.
  await click(page, 'dismiss-problems');
  s = await waitForState(page, (x) => x.import_problems.length === 0);

  // Dropped on the page, beside another expert's file, over the answers now given: the
  // confirmation comes, and the good file loads.
  start = Date.now();
  await drop(page, [{ name: 'huge-dropped.json', bytes: MB50 }, { name: 'ahp-babak.json', text: goodResponse(s0, 'Babak', 3) }]);
  s = await waitForState(page, (x) => x.import_problems.length === 1 && x.confirm === 'replace-answers');
  console.log(`dropped: the message after ${Date.now() - start} ms`);
  assert.equal(s.import_problems[0].message, 'huge-dropped.json: the file is 50 MB; a response file is at most 2 MB');
  assert.equal(s.confirm_file, 'ahp-babak.json');
  await clickSettled(page, 'confirm-yes');
  s = await waitForState(page, (x) => x.expert.name === 'Babak');
  assert.equal(s.answered, s.total);
  assert.ok(!(await filesRead(page)).includes('huge-dropped.json'), 'the dropped large file was not read');
  const memoryAfter = await wasmMemory(page);
  console.log(`WebAssembly memory ${memoryBefore} -> ${memoryAfter} bytes`);
  assert.ok(memoryAfter - memoryBefore < 16 * 1024 * 1024, `memory grew from ${memoryBefore} to ${memoryAfter}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Researcher tab: a 50 MB file among response files, picked and dropped as a folder, is listed at once and not read; the others load', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  await watchReads(page);
  const s0 = await state(page);
  const memoryBefore = await wasmMemory(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'research/load')]);
  await chooser.setFiles([writeFile('ahp-r1.json', goodResponse(s0, 'R1', 0)), hugeFile('huge.json'),
    writeFile('ahp-r2.json', goodResponse(s0, 'R2', 1))]);
  let s = await waitForState(page, (x) => x.research.pending === 0 && x.research.experts.length === 2 && x.research.group, 60000);
  assert.deepEqual(s.research.problems.map((p) => [p.file, p.code, p.args]), [['huge.json', 'too_large.response', ['50 MB', '2 MB']]]);
  assert.match(s.research.problems[0].message, /^huge\.json: the file is 50 MB; a response file is at most 2 MB$/);
  assert.ok(Boolean((await widgets(page))['research/problem/huge.json']), 'the problem is on screen');
  await screenshot(page, 'hostile-research-huge-file-en');
  // The page answers: an expert switched off by a click.
  await click(page, 'research/include/1');
  s = await waitForState(page, (x) => x.research.experts[1].included === false);

  // A folder dropped: the same, for another large file among two more experts.
  await drop(page, [{ name: 'ahp-r3.json', text: goodResponse(s0, 'R3', 2) }, { name: 'huge-2.json', bytes: MB50 },
    { name: 'ahp-r4.json', text: goodResponse(s0, 'R4', 4) }], { asFolder: true });
  s = await waitForState(page, (x) => x.research.pending === 0 && x.research.experts.length === 4 &&
    x.research.problems.length === 2, 60000);
  assert.deepEqual(s.research.problems.map((p) => p.file), ['huge.json', 'huge-2.json']);
  assert.equal(s.research.experts[1].included, false, 'the researcher\'s choice stays');
  const read = await filesRead(page);
  assert.deepEqual(read.filter((f) => /huge/.test(f)), [], 'no large file was read');
  assert.equal(read.length, 4);
  const memoryAfter = await wasmMemory(page);
  console.log(`WebAssembly memory ${memoryBefore} -> ${memoryAfter} bytes`);
  assert.ok(memoryAfter - memoryBefore < 16 * 1024 * 1024, `memory grew from ${memoryBefore} to ${memoryAfter}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 50 MB name pasted into the name field is refused at the field with its message; the name before it stays', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en');
  const memoryBefore = await wasmMemory(page);
  const fieldState = (field) => page.evaluate((field) => {
    const el = document.querySelector(`#ahp-mirror [data-widget="${field}"]`);
    return { focused: document.activeElement === el, value: el.value, invalid: el.getAttribute('aria-invalid'),
      description: el.getAttribute('aria-description') };
  }, field);
  for (const [field, key, kept] of [['expert-name', 'name', 'Maryam Ahmadi'], ['expert-role', 'role', 'Analyst']]) {
    await click(page, field);
    await page.keyboard.insertText(kept);
    await waitForState(page, (x) => x.expert[key] === kept);
    const start = Date.now();
    await page.keyboard.insertText('N'.repeat(MB50));
    await settle(page, 3);
    console.log(`${field}: refused after ${Date.now() - start} ms`);
    let f = await fieldState(field);
    assert.ok(f.focused);
    assert.equal(f.value, kept, 'the field keeps its text');
    assert.equal(f.invalid, 'true');
    assert.equal(f.description, `That text was not entered: with it the field would hold ${MB50 + kept.length} characters, ` +
      'and a field takes at most 20000. What was in the field before is kept.');
    assert.equal((await state(page)).expert[key], kept);
    assert.ok((await mirrorTexts(page)).some((t) => /That text was not entered/.test(t)), 'the message is shown at the field');
    if (key === 'name') {
      await screenshot(page, 'hostile-huge-name-en');
      // In Persian too; the message stays until the field is edited.
      await click(page, 'language');
      await waitForState(page, (x) => x.language === 'fa');
      await settle(page, 3);
      assert.match((await fieldState(field)).description, /^آن متن وارد نشد: با آن، فیلد ۵۲۴۲۸۸۱۳ نویسه می‌داشت/);
      await screenshot(page, 'hostile-huge-name-fa');
      await click(page, 'language');
      await click(page, field);
    }
    // The field goes on: typing after it is taken, and the message goes.
    await page.keyboard.press('End');
    await page.keyboard.insertText(' Jr');
    await waitForState(page, (x) => x.expert[key] === kept + ' Jr');
    await settle(page, 2);
    f = await fieldState(field);
    assert.equal(f.invalid, null);
    assert.equal(f.description, null);
    await page.keyboard.press('Enter');
    await settle(page, 2);
  }
  const s = await state(page);
  assert.deepEqual(s.expert, { name: 'Maryam Ahmadi Jr', role: 'Analyst Jr' });
  const memoryAfter = await wasmMemory(page);
  assert.ok(memoryAfter - memoryBefore < 16 * 1024 * 1024, `memory grew from ${memoryBefore} to ${memoryAfter}`);
  assert.deepEqual(errors, []);
  await context.close();
});
