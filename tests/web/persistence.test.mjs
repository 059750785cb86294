// "No server, nothing lost": autosave across reloads, the response file (download -> load back),
// bad files refused one by one, the offline single HTML file from disk, shared links, and a page
// that asks the network for nothing but its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openApp, state, waitForState, click, widgets, settle, screenshot, webRoot, clickSettled } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-persistence-'));

// Scale position (0..16) -> a_ij, as the app's 17 circles.
const valueAt = (p) => (p <= 8 ? 9 - p : 1 / (p - 7));

async function waitReady(page) {
  await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
  const loadError = await page.evaluate(() => window.ahpLoadError || null);
  if (loadError) throw new Error('app failed to load: ' + loadError);
  // The whole page read: its program's second part has come (else a press fetches it beside the page).
  await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 60000 });
  await settle(page);
}



async function typeName(page, name) {
  await click(page, 'expert-name');
  await page.keyboard.type(name);
  await waitForState(page, (s) => s.expert.name === name);
}

const judgmentsOf = (s) => Object.fromEntries(s.sets.map((set) => [set.id, set.judgments]));

// A response document for the state's model, every judgment answered with awkward doubles.
function fullResponse(s, name) {
  const scale = [1 / 9, 1 / 7, 1 / 3, 0.5, 1, 2, 3, 5, 9, 1 / 6, 4];
  const judgments = [];
  let k = 0;
  for (const set of s.sets)
    for (let i = 0; i < set.items.length; ++i)
      for (let j = i + 1; j < set.items.length; ++j)
        judgments.push({ set: set.id, row: set.items[i], col: set.items[j], value: scale[k++ % scale.length] });
  return { format: 'ahp-response', version: 1, model: { id: s.model.id, hash: s.model.hash },
    expert: { name, role: 'Reviewer' }, saved_at: '2024-05-01T09:30:00Z', app_version: 'test', judgments };
}

async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file, text: fs.readFileSync(file, 'utf8') };
}

async function chooseFiles(page, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  await chooser.setFiles(files);
}

test('autosave: answers, name, language, screen and set survive a reload', async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  let s = await state(page);
  assert.equal(s.language, 'fa');
  await click(page, 'language');  // -> English
  await typeName(page, 'Sara Karimi');
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/6');   // 3
  await click(page, 'judgment/G/2-3/10');  // 1/3
  await click(page, 'tree/D1');
  await click(page, 'judgment/D1/1-3/2');  // 7
  const before = await state(page);
  assert.equal(before.answered, 3);
  assert.equal(before.current_set, 'D1');
  // This expert's slot: the model's hash and a key of the expert's own (docs/formats.md).
  assert.ok(before.session_slot.startsWith(before.model.hash + '.'), before.session_slot);
  const key = `ahp:${before.model.id}:${before.session_slot}:session`;
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  assert.equal(saved.format, 'ahp-response');
  assert.equal(saved.session.set, 'D1');
  assert.equal(saved.judgments.length, 3);

  await page.reload();
  await waitReady(page);
  const after = await state(page);
  assert.deepEqual(judgmentsOf(after), judgmentsOf(before));
  assert.deepEqual(after.expert, { name: 'Sara Karimi', role: '' });
  assert.equal(after.language, 'en');
  assert.equal(after.screen, 'compare');
  assert.equal(after.current_set, 'D1');
  await screenshot(page, 'autosave-restored-en');
  assert.deepEqual(errors, []);

  // Start over asks first (a modal in the reader's language), then clears and forgets.
  await click(page, 'language');  // -> Persian
  await click(page, 'nav-welcome');
  await click(page, 'start-over');
  assert.equal((await state(page)).confirm, 'start-over');
  await screenshot(page, 'start-over-confirm-fa');
  await clickSettled(page, 'confirm-no');
  s = await state(page);
  assert.equal(s.confirm, '');
  assert.equal(s.answered, 3);
  await click(page, 'start-over');
  await clickSettled(page, 'confirm-yes');
  s = await state(page);
  assert.equal(s.answered, 0);
  assert.equal(s.expert.name, '');
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.equal(s.answered, 0);
  assert.equal(s.expert.name, '');
  await context.close();
});

test('download my answers (JSON, CSV) and load them back: every judgment exactly', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en');
  let s = await state(page);
  // Every judgment, through the same import path an expert uses (file picker).
  const full = fullResponse(s, 'Reza Ahmadi');
  const source = path.join(tmp, 'full.json');
  fs.writeFileSync(source, JSON.stringify(full));
  await chooseFiles(page, source);
  s = await waitForState(page, (st) => st.answered === 78);
  assert.equal(s.expert.name, 'Reza Ahmadi');
  assert.equal(s.status.key, 'status.imported');
  const imported = judgmentsOf(s);

  await click(page, 'nav-results');
  await screenshot(page, 'results-download-en');
  const json = await download(page, 'download-json');
  assert.match(json.name, /^ahp-egov-qom-Reza-Ahmadi-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'ahp-response');
  assert.deepEqual(doc.model, { id: s.model.id, hash: s.model.hash });
  assert.deepEqual(doc.expert, { name: 'Reza Ahmadi', role: 'Reviewer' });
  assert.match(doc.saved_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.equal(doc.app_version, '0.1.0');
  assert.equal(doc.session, undefined);
  assert.deepEqual(doc.judgments, full.judgments);  // the exact doubles, in questionnaire order
  assert.equal(doc.results.sets.length, 14);
  assert.ok(doc.results.sets.every((r) => typeof r.cr === 'number'));
  assert.equal(doc.results.global.length, s.ranking.length);

  const csv = await download(page, 'download-csv');
  assert.match(csv.name, /^ahp-egov-qom-Reza-Ahmadi-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split('\r\n').filter(Boolean);
  // For spreadsheets: a byte-order mark, the expert on every line, labels in the interface's language.
  assert.equal(lines[0], '\uFEFFexpert,role,set,set_label,row,row_label,col,col_label,value');
  assert.equal(lines.length, 1 + 78);
  assert.ok(lines.slice(1).every((l) => l.startsWith('Reza Ahmadi,')), lines[1]);

  // Start over, then load the downloaded file: the same answers and expert.
  await click(page, 'nav-welcome');
  await click(page, 'start-over');
  assert.equal((await state(page)).confirm, 'start-over');
  await clickSettled(page, 'confirm-yes');
  await screenshot(page, 'after-start-over-en');
  assert.equal((await state(page)).answered, 0);
  await chooseFiles(page, json.file);
  s = await waitForState(page, (st) => st.answered === 78);
  assert.deepEqual(judgmentsOf(s), imported);
  assert.deepEqual(s.expert, { name: 'Reza Ahmadi', role: 'Reviewer' });

  // With answers present, loading asks first; "Cancel" keeps them.
  await click(page, 'nav-questions');
  await click(page, 'judgment/G/1-2/8');  // change one (-> 1)
  const changed = judgmentsOf(await state(page));
  await click(page, 'nav-welcome');
  await chooseFiles(page, json.file);
  s = await waitForState(page, (st) => st.confirm === 'replace-answers');
  assert.equal(s.confirm_file, json.name);
  await screenshot(page, 'replace-confirm-en');
  await clickSettled(page, 'confirm-no');
  assert.deepEqual(judgmentsOf(await state(page)), changed);
  await chooseFiles(page, json.file);
  await waitForState(page, (st) => st.confirm === 'replace-answers');
  await clickSettled(page, 'confirm-yes');
  assert.deepEqual(judgmentsOf(await state(page)), imported);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every kind of bad file is named with its problem and changes nothing', async () => {
  const { page, context } = await openApp(browser, server.url + '?lang=en');
  await typeName(page, 'Keep Me');
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/4');
  const before = await state(page);
  const good = fullResponse(before, 'Other');
  const variants = {
    'not-json.json': 'this is not JSON',
    'truncated.json': JSON.stringify(good).slice(0, 300),
    'other-model.json': JSON.stringify({ ...good, model: { id: 'egov-qom', hash: '0123456789abcdef' } }),
    'unknown-id.json': JSON.stringify({ ...good, judgments: [{ set: 'G', row: 'D1', col: 'D9', value: 3 }] }),
    'out-of-range.json': JSON.stringify({ ...good, judgments: [{ set: 'G', row: 'D1', col: 'D2', value: 12 }] }),
    'duplicate.json': JSON.stringify({ ...good, judgments: [good.judgments[0], good.judgments[0]] }),
    'empty.json': '',
  };
  const expect = {
    'not-json.json': /not-json\.json: line 1/,
    'truncated.json': /truncated\.json: .*(ends too early|truncated)/,
    'other-model.json': /other-model\.json: model\.hash: expected/,
    'unknown-id.json': /unknown-id\.json: judgments\[0\]\.col: unknown node id "D9"/,
    'out-of-range.json': /out-of-range\.json: judgments\[0\]\.value: 12 is outside the questionnaire's scale/,
    'duplicate.json': /duplicate\.json: judgments\[1\]: duplicate judgment/,
    'empty.json': /empty\.json: is empty/,
  };
  await click(page, 'nav-welcome');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import')]);
  await chooser.setFiles(Object.entries(variants).map(([name, text]) =>
    ({ name, mimeType: 'application/json', buffer: Buffer.from(text) })));
  const s = await waitForState(page, (st) => st.import_problems.length === Object.keys(variants).length);
  for (const [name, pattern] of Object.entries(expect)) {
    const problem = s.import_problems.find((p) => p.file === name);
    assert.ok(problem, `${name} has a message`);
    assert.match(problem.message, pattern);
  }
  assert.deepEqual(judgmentsOf(s), judgmentsOf(before));
  assert.deepEqual(s.expert, before.expert);
  assert.equal(s.confirm, '');
  await screenshot(page, 'bad-files-en');
  await click(page, 'language');
  await screenshot(page, 'bad-files-fa');
  await click(page, 'dismiss-problems');
  assert.deepEqual((await state(page)).import_problems, []);

  // Dropped files take the same path (drag and drop onto the page).
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"format": "ahp-model"}'], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const dropped = await waitForState(page, (st) => st.import_problems.length === 1);
  assert.match(dropped.import_problems[0].message, /dropped\.json: format/);
  assert.deepEqual(judgmentsOf(dropped), judgmentsOf(before));
  await context.close();
});

// Only file://, data: and blob: may load; anything else is aborted and counted.
async function offlineContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.setOffline(true);
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { context, blocked };
}

test('the single HTML file works from disk with the network off, and after "Save page as"', async () => {
  const single = path.join(webRoot, 'ahp-survey.html');
  assert.ok(fs.existsSync(single), `${single} is built`);
  const html = fs.readFileSync(single, 'utf8');
  assert.ok(!/<link[^>]+(href="icon\.svg"|rel="manifest")/.test(html), 'no reference to files beside it');
  assert.match(html, /window\.AHP_SINGLE_FILE\s*=\s*true/);
  const copy = path.join(tmp, 'copied somewhere', 'ahp-survey.html');  // alone in a folder
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(single, copy);

  const { context, blocked } = await offlineContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(copy).href + '?lang=en');
  await waitReady(page);
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/5');  // 4
  let s = await state(page);
  assert.equal(s.answered, 1);
  assert.equal(s.sets[0].judgments[0], 4);
  await screenshot(page, 'single-file-en');

  // Autosave on file://
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.equal(s.sets[0].judgments[0], 4);
  assert.equal(s.screen, 'compare');

  // Downloads work from disk too.
  await click(page, 'nav-welcome');
  await typeName(page, 'Offline');
  await click(page, 'nav-results');
  const json = await download(page, 'download-json');
  assert.equal(JSON.parse(json.text).judgments.length, 1);

  // "Save page as": the page as the browser would serialise it, opened from disk.
  const saved = path.join(tmp, 'saved', 'AHP survey.html');
  fs.mkdirSync(path.dirname(saved), { recursive: true });
  fs.writeFileSync(saved, await page.content());
  const page2 = await context.newPage();
  page2.on('pageerror', (e) => errors.push(String(e)));
  await page2.goto(pathToFileURL(saved).href);
  await waitReady(page2);
  assert.equal(await page2.evaluate(() => document.querySelectorAll('#ahp-file-input').length), 1);
  // Same file:// storage: the session is there, offered to continue (a new tab starts fresh).
  s = await waitForState(page2, (st) => st.saved_experts.length === 1);
  assert.equal(s.saved_experts[0].name, 'Offline');
  await click(page2, 'continue-expert/0');
  s = await waitForState(page2, (st) => st.expert.name === 'Offline');
  assert.equal(s.sets[0].judgments[0], 4, 'same file:// storage, same session');
  await click(page2, 'nav-questions');
  await click(page2, 'judgment/G/1-3/6');
  assert.equal((await state(page2)).answered, 2);
  await screenshot(page2, 'single-file-saved-as');

  assert.deepEqual(blocked, [], 'no request left the disk');
  assert.deepEqual(errors, []);
  await context.close();
});

const smallModel = {
  format: 'ahp-model', version: 1, id: 'small-shared',
  title: { en: 'Choosing a laptop', fa: 'انتخاب رایانهٔ همراه' },
  purpose: { en: 'A shared test model.', fa: 'یک مدل آزمایشی هم‌رسانی‌شده.' },
  languages: ['en', 'fa'],
  nodes: [
    { id: 'G', parent: null, labels: { en: 'Best laptop', fa: 'بهترین رایانه' } },
    { id: 'A', parent: 'G', labels: { en: 'Cost', fa: 'هزینه' } },
    { id: 'B', parent: 'G', labels: { en: 'Quality', fa: 'کیفیت' } },
    { id: 'C', parent: 'G', labels: { en: 'Speed', fa: 'سرعت' } },
    { id: 'A1', parent: 'A', labels: { en: 'Price', fa: 'قیمت' } },
    { id: 'A2', parent: 'A', labels: { en: 'Running cost', fa: 'هزینهٔ نگهداری' } },
  ],
};

test('a shared link carries a model; a corrupt link says so and offers the built-in one', async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  const text = JSON.stringify(smallModel);
  const link = await page.evaluate((t) => window.ahpShareLink(t), text);
  assert.ok(link.startsWith(server.url + '#model='), link);
  assert.match(link.split('#model=')[1], /^[A-Za-z0-9_-]+$/);
  // The page decodes what ahpShareLink encodes, byte for byte.
  const decoded = await page.evaluate(async (l) => {
    const b64 = l.split('#model=')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const out = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')));
    return await out.text();
  }, link);
  assert.equal(decoded, text);

  const page2 = await context.newPage();
  await page2.goto(link);
  await waitReady(page2);
  let s = await state(page2);
  assert.equal(s.model.id, 'small-shared');
  assert.equal(s.total, 4);
  assert.deepEqual(s.sets.map((x) => x.id), ['G', 'A']);
  assert.equal(s.link_error, '');
  await click(page2, 'start');
  await click(page2, 'judgment/G/1-2/6');
  s = await state(page2);
  assert.equal(s.sets[0].judgments[0], 3);
  await screenshot(page2, 'shared-model-en');
  // Its answers are saved under its own id and hash (this expert's slot of it).
  assert.ok(s.session_slot.startsWith(s.model.hash + '.'), s.session_slot);
  await page2.waitForFunction((k) => localStorage.getItem(k) !== null, `ahp:small-shared:${s.session_slot}:session`);
  await context.close();

  const cases = {
    'not base64url': server.url + '#model=%%%not-base64!!',
    'cut short': link.slice(0, link.length - 12),
    'invalid model': await (async () => {
      const c = await openApp(browser, server.url);
      const l = await c.page.evaluate((t) => window.ahpShareLink(t), JSON.stringify({ ...smallModel, nodes: [...smallModel.nodes, { id: 'X', parent: 'ZZ', labels: { en: 'x', fa: 'ایکس' } }] }));
      await c.context.close();
      return l;
    })(),
  };
  for (const [what, url] of Object.entries(cases)) {
    const { page: p, context: c } = await openApp(browser, url);
    const st = await state(p);
    assert.notEqual(st.link_error, '', `${what}: a message`);
    if (what === 'invalid model') assert.match(st.link_error, /^link: /);
    if (what === 'cut short') await screenshot(p, 'corrupt-link-fa');
    if (what === 'invalid model') await screenshot(p, 'invalid-link-model-fa');
    await click(p, 'use-builtin');
    const after = await state(p);
    assert.equal(after.link_error, '');
    assert.equal(after.model.id, 'egov-qom');
    assert.equal(after.total, 78);
    await c.close();
  }
  assert.deepEqual(errors, []);
});

test('?model=FILE loads a model file beside the page (same origin only)', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-site-'));
  for (const f of fs.readdirSync(webRoot)) {
    if (/\.(html|js|wasm|webmanifest|svg)$/.test(f)) fs.symlinkSync(path.join(webRoot, f), path.join(root, f));
  }
  fs.writeFileSync(path.join(root, 'laptop.json'), JSON.stringify(smallModel));
  const site = await serve(root);
  try {
    const { page, context } = await openApp(browser, site.url + '?model=laptop.json&lang=en');
    const s = await state(page);
    assert.equal(s.model.id, 'small-shared');
    assert.ok(site.requests.includes('/laptop.json'));
    await context.close();
    const other = await openApp(browser, site.url + '?model=' + encodeURIComponent('https://example.com/m.json'));
    assert.match((await state(other.page)).link_error, /same site/);
    await other.context.close();
  } finally {
    await site.close();
  }
});

test('the page asks the network for its own files only', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || /^(data|blob):/.test(url)) return route.continue();
    return route.abort();
  });
  const requestsBefore = server.requests.length;
  const page = await context.newPage();
  await page.goto(server.url + '?lang=en');
  await waitReady(page);
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/6');
  await click(page, 'nav-results');
  await click(page, 'language');
  await page.reload();
  await waitReady(page);
  await page.waitForTimeout(1500);  // let the service worker finish caching
  const foreign = seen.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));
  assert.deepEqual(foreign, [], 'requests to other origins');
  const own = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/icon.svg']);
  const served = server.requests.slice(requestsBefore);
  assert.ok(served.length > 0);
  assert.deepEqual(served.filter((p) => !own.has(p)), [], 'only the app\'s own files were served');
  await context.close();
});

test('hosted: the service worker serves the app offline after the first visit', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + '?lang=en');
  await waitReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('ahp-survey-')) &&
    (await (await caches.open((await caches.keys()).find((k) => k.startsWith('ahp-survey-')))).keys()).length >= 4);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  let s = await state(page);
  assert.equal(s.total, 78);
  assert.equal(s.workbench, false);
  await screenshot(page, 'offline-hosted-en');
  // Offline, the workbench page was never used: it says it could not load, in both languages.
  await page.goto(server.url + '?lang=en&screen=research');
  await page.waitForFunction(() => window.ahpLoadError, null, { timeout: 60000 });
  assert.match(await page.evaluate(() => document.body.innerText), /ahp-workbench/);
  // Online once, the workbench's files are cached as they are used; offline from then on.
  await context.setOffline(false);
  await page.goto(server.url + '?lang=en&screen=research');
  await waitReady(page);
  await page.waitForFunction(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith('ahp-survey-'));
    const paths = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
    return paths.some((p) => p.endsWith('/ahp-workbench.wasm')) && paths.some((p) => p.endsWith('/ahp-workbench.js'));
  });
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.equal(s.workbench, true);
  assert.equal(s.screen, 'research');
  await context.close();
});
