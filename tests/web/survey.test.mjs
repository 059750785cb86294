// The serverless survey end to end (issue 13): a survey page made by `ahp page` runs from disk
// and keeps its model as data (no label runs), the editor's "Download survey page", a chosen
// model that stays chosen, "Send my answers" (share sheet, or download + mail), and a name
// asked for before any download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openApp, state, waitForState, click, clickAndReload, settle, screenshot, widgets, webRoot, repoRoot } from './harness.mjs';

const AHP_BIN = path.resolve(repoRoot, process.env.AHP_BIN ?? 'build/native/ahp');
const SINGLE = path.join(webRoot, 'ahp-survey.html');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-survey-'));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const evilModel = {
  format: 'ahp-model', version: 1, id: 'evil-labels',
  title: { en: 'Labels </script><script>window.pwned = "title"</script>', fa: 'برچسب‌ها' },
  purpose: { en: '<!-- <script>window.pwned = "purpose"</script>', fa: 'هدف' },
  instructions: { en: 'Compare each pair; <b>no</b> HTML here.', fa: 'هر جفت را مقایسه کنید.' },
  contact: 'researcher@example.org',
  languages: ['en', 'fa'],
  nodes: [
    { id: 'G', parent: null, labels: { en: 'Goal', fa: 'هدف' } },
    { id: 'A', parent: 'G', labels: { en: '</script><script>window.pwned = "A"</script>', fa: 'الف' } },
    { id: 'B', parent: 'G', labels: { en: '<img src="https://example.com/x.png" onerror="window.pwned = \'B\'">', fa: 'ب' } },
    { id: 'C', parent: 'G', labels: { en: '</SCRIPT><iframe src="https://example.com/">', fa: 'پ' } },
  ],
};

function makePage(model, name) {
  const modelPath = path.join(tmp, name + '.json'), out = path.join(tmp, name + '.html');
  fs.writeFileSync(modelPath, JSON.stringify(model, null, 2));
  const r = spawnSync(AHP_BIN, ['page', modelPath, '--out', out, '--template', SINGLE], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return out;
}

// A context where only file:, data: and blob: load; every other request is refused and listed.
async function diskOnlyContext(init) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, acceptDownloads: true });
  await context.setOffline(true);
  const requests = [], blocked = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  if (init) await context.addInitScript(init);
  return { context, requests, blocked };
}

async function openFile(context, file, query = '?lang=en') {
  const page = await context.newPage();
  const errors = [], dialogs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(pathToFileURL(file).href + query);
  await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.ahpLoadError || null), null);
  await settle(page);
  return { page, errors, dialogs };
}

async function typeName(page, name) {
  await click(page, 'expert-name');
  await page.keyboard.type(name);
  await waitForState(page, (s) => s.expert.name === name);
}

test('a page made by ahp page from a model with </script> and onerror labels runs no script and requests nothing but itself', async () => {
  const file = makePage(evilModel, 'evil survey');
  const { context, requests, blocked } = await diskOnlyContext();
  const { page, errors, dialogs } = await openFile(context, file);
  let s = await state(page);
  assert.equal(s.model.id, 'evil-labels');
  assert.equal(s.model.chosen, false, 'the page\'s own model');
  assert.equal(s.model.contact, 'researcher@example.org');
  assert.equal(s.total, 3);
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no label ran');
  // The labels are data: the page's data element reads back as the very model.
  const inside = await page.evaluate(() => JSON.parse(document.getElementById('ahp-survey-model').textContent));
  assert.deepEqual(inside, evilModel);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script').length),
    await page.evaluate(() => document.querySelectorAll('script').length));
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe').length), 0, 'no element came from a label');
  await screenshot(page, 'survey-page-evil-en');

  // Its answers are saved under it: a reload keeps them.
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/5');
  await page.reload();
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
  s = await state(page);
  assert.equal(s.model.id, 'evil-labels');
  assert.equal(s.sets[0].judgments[0], 4);

  assert.deepEqual(blocked, [], 'nothing but the file itself was asked for');
  assert.ok(requests.every((u) => u.startsWith('file:') ? decodeURIComponent(u).includes('evil survey.html') : /^(data|blob):/.test(u)), requests.join('\n'));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Send my answers: the share sheet gets the response file (navigator.share stubbed); a name is asked for first', async () => {
  const file = makePage(evilModel, 'share');
  const { context } = await diskOnlyContext(() => {
    window.sharedFiles = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
    navigator.share = async (data) => {
      for (const f of data.files) window.sharedFiles.push({ name: f.name, type: f.type, text: await f.text() });
    };
  });
  const { page, errors } = await openFile(context, file);
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/5');
  await click(page, 'judgment/G/1-3/12');
  await click(page, 'nav-welcome');
  // No name (blanks only): nothing is shared, the name field asks.
  await typeName(page, '   ');
  await click(page, 'send');
  let s = await waitForState(page, (st) => st.ask_name === true);
  assert.equal(s.screen, 'welcome');
  assert.equal(s.status.key, 'status.need_name');
  assert.deepEqual(await page.evaluate(() => window.sharedFiles), []);
  await screenshot(page, 'send-asks-name-en');
  // The name (the expert goes back into the field), then send: one file, the app's response
  // format, the name trimmed.
  await click(page, 'expert-name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('  Maryam Rahimi  ');
  await waitForState(page, (st) => st.expert.name === '  Maryam Rahimi  ' && !st.ask_name);
  await click(page, 'send');
  await page.waitForFunction(() => window.sharedFiles.length === 1);
  const [shared] = await page.evaluate(() => window.sharedFiles);
  assert.match(shared.name, /^ahp-evil-labels-Maryam-Rahimi-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(shared.type, 'application/json');
  const doc = JSON.parse(shared.text);
  assert.deepEqual(doc.expert, { name: 'Maryam Rahimi', role: '' });
  assert.deepEqual(doc.judgments.map((j) => j.value), [4, 1 / 5]);
  // Read back by `ahp group`, the researcher's tool.
  fs.writeFileSync(path.join(tmp, 'shared.json'), shared.text);
  const group = spawnSync(AHP_BIN, ['group', path.join(tmp, 'share.json'), path.join(tmp, 'shared.json')], { encoding: 'utf8' });
  assert.equal(group.status, 0, group.stderr);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Send my answers without file sharing: the download and a mail to the model\'s contact', async () => {
  const file = makePage(evilModel, 'mail');
  const { context } = await diskOnlyContext(() => { navigator.canShare = undefined; });
  const { page, errors } = await openFile(context, file);
  await typeName(page, 'Ali');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'send')]);
  assert.match(download.suggestedFilename(), /^ahp-evil-labels-Ali-.*\.json$/);
  const saved = path.join(tmp, download.suggestedFilename());
  await download.saveAs(saved);
  assert.equal(JSON.parse(fs.readFileSync(saved, 'utf8')).expert.name, 'Ali');
  const mailto = await page.waitForFunction(() => window.ahpLastMailto).then((h) => h.jsonValue());
  assert.ok(mailto.startsWith('mailto:researcher@example.org?subject='), mailto);
  const params = new URLSearchParams(mailto.split('?')[1]);
  assert.ok(params.get('subject').includes('Ali'), params.get('subject'));
  assert.ok(params.get('body').includes(download.suggestedFilename()), params.get('body'));
  assert.equal((await state(page)).status.key, 'status.sent');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the editor downloads a survey page; a chosen model stays chosen across reloads, with a way back', async () => {
  const small = { ...evilModel, id: 'chosen-one', title: { en: 'Chosen', fa: 'برگزیده' },
    nodes: evilModel.nodes.map((n) => ({ ...n, labels: { en: 'L ' + n.id, fa: 'ب ' + n.id } })) };
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en');
  const link = await page.evaluate((t) => window.ahpShareLink(t), JSON.stringify(small));
  await page.goto(link);
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
  let s = await state(page);
  assert.equal(s.model.id, 'chosen-one');
  assert.equal(s.model.chosen, true);
  await click(page, 'start');
  await click(page, 'judgment/G/1-2/3');

  // The same page without the link: still the chosen model, its answer in view.
  await page.goto(server.url + '?lang=en');
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
  s = await state(page);
  assert.equal(s.model.id, 'chosen-one');
  assert.equal(s.sets[0].judgments[0], 6);
  await click(page, 'nav-welcome');
  await screenshot(page, 'chosen-model-en');

  // Download survey page from the editor: the hosted page builds it from ahp-survey.html.
  await page.goto(server.url + '?lang=en&screen=editor');
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await waitForState(page, (st) => st.editor.loaded);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'editor/page')]);
  assert.equal(download.suggestedFilename(), 'chosen-one.html');
  const pageFile = path.join(tmp, 'from editor', 'chosen-one.html');
  fs.mkdirSync(path.dirname(pageFile), { recursive: true });
  await download.saveAs(pageFile);

  // Back to the page's own survey: the built-in one; the chosen model's answers stay saved.
  await page.goto(server.url + '?lang=en');
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
  await clickAndReload(page, 'back-to-page-survey');
  s = await waitForState(page, (st) => st.model.id === 'egov-qom');
  assert.equal(s.model.chosen, false);
  assert.deepEqual(errors, []);
  await context.close();

  // The downloaded page opens that model from disk, as its own, and requests nothing else.
  const disk = await diskOnlyContext();
  const opened = await openFile(disk.context, pageFile);
  s = await state(opened.page);
  assert.equal(s.model.id, 'chosen-one');
  assert.equal(s.model.chosen, false);
  assert.deepEqual(disk.blocked, []);
  assert.deepEqual(opened.errors, []);
  await disk.context.close();
});

test('two tabs of one survey never lose an answer; a new tab shows both; Start over keeps a restorable copy', async () => {
  const { page: tabA, context, errors } = await openApp(browser, server.url + '?lang=en');
  await click(tabA, 'start');
  await click(tabA, 'judgment/G/1-2/5');   // 4
  await waitForState(tabA, (s) => s.answered === 1);
  // The same expert in a second tab: it opens as a new expert and offers to continue A's session.
  const openTab = async () => {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(server.url + '?lang=en');
    await tab.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
    await settle(tab);
    let s = await waitForState(tab, (st) => st.saved_experts.length === 1);
    assert.equal(s.answered, 0, 'a new tab shows no one\'s answers until asked');
    await click(tab, 'continue-expert/0');
    return tab;
  };
  const tabB = await openTab();
  // Continuing goes where the expert was.
  await waitForState(tabB, (s) => s.answered === 1 && s.screen === 'compare');
  // B answers another judgment, then A a third.
  await click(tabB, 'judgment/G/1-3/12');  // 1/5
  await click(tabA, 'judgment/G/2-3/10');  // 1/3
  // Each tab has the other's answers (the storage event), none is lost.
  const both = (s) => s.sets[0].judgments;
  await waitForState(tabA, (s) => s.answered === 3);
  await waitForState(tabB, (s) => s.answered === 3);
  const tabC = await openTab();
  const c = await waitForState(tabC, (s) => s.answered === 3);
  assert.deepEqual(both(c), [4, 1 / 5, 1 / 3]);
  assert.deepEqual(both(await state(tabA)), both(c));
  assert.deepEqual(both(await state(tabB)), both(c));
  // The same judgment changed in two tabs: the later change wins everywhere.
  await click(tabB, 'judgment/G/1-2/10');  // 1/3, after A's 4
  await waitForState(tabA, (s) => s.sets[0].judgments[0] === 1 / 3);
  await tabC.close();
  await tabB.close();

  // Start over keeps a copy that can be restored.
  await click(tabA, 'nav-welcome');
  await click(tabA, 'start-over');
  await click(tabA, 'confirm-yes');
  let s = await waitForState(tabA, (st) => st.answered === 0);
  assert.equal(s.can_restore_previous, true);
  await screenshot(tabA, 'start-over-restorable-en');
  await click(tabA, 'restore-previous');
  s = await waitForState(tabA, (st) => st.answered === 3);
  assert.deepEqual(both(s), [1 / 3, 1 / 5, 1 / 3]);
  assert.equal(s.status.key, 'status.restored');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Researcher tab takes a whole folder: from the picker, and dropped', async () => {
  // A folder of answers as experts send them: .json files at two depths, and a note that is no answer.
  const folder = path.join(tmp, 'answers folder');
  fs.mkdirSync(path.join(folder, 'week 2'), { recursive: true });
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  const s0 = await state(page);
  const scale = [3, 1 / 5, 7, 1 / 2, 2];
  const names = ['Ana', 'Babak', 'Carla'];
  names.forEach((name, e) => {
    const judgments = [];
    let k = e;
    for (const set of s0.sets)
      for (let i = 0; i < set.items.length; ++i)
        for (let j = i + 1; j < set.items.length; ++j)
          judgments.push({ set: set.id, row: set.items[i], col: set.items[j], value: scale[k++ % scale.length] });
    const doc = { format: 'ahp-response', version: 1, model: { id: s0.model.id, hash: s0.model.hash },
      expert: { name, role: '' }, saved_at: '2026-11-27T06:00:00Z', app_version: 'test', judgments };
    fs.writeFileSync(path.join(folder, e === 2 ? 'week 2' : '', `ahp-${name}.json`), JSON.stringify(doc));
  });
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'not an answer');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'research/load-folder')]);
  await chooser.setFiles(folder);
  let s = await waitForState(page, (st) => st.research.pending === 0 && st.research.experts.length === 3, 60000);
  assert.deepEqual(s.research.problems, [], 'only the .json files were taken');
  await screenshot(page, 'research-folder-en');

  // The same folder dropped on a fresh page (a drop carries directory entries, as a file manager's does).
  const fresh = await openApp(browser, server.url + '?lang=en&screen=research');
  await fresh.page.evaluate(async (files) => {
    // A directory entry as the browser's DataTransferItem gives it: entries read in batches.
    const entry = (name, children) => ({ isFile: false, isDirectory: true, name,
      createReader() { let done = false; return { readEntries(ok) { const batch = done ? [] : children; done = true; ok(batch); } }; } });
    const fileEntry = (f) => ({ isFile: true, isDirectory: false, name: f.name, file(ok) { ok(new File([f.text], f.name)); } });
    const root = entry('answers', [fileEntry(files[0]), fileEntry(files[1]), fileEntry(files[3]),
      entry('week 2', [fileEntry(files[2])])]);
    const event = new Event('drop', { cancelable: true });
    event.dataTransfer = { files: [], items: [{ webkitGetAsEntry: () => root }] };
    window.dispatchEvent(event);
  }, [...names.map((n, e) => ({ name: `ahp-${n}.json`, text: fs.readFileSync(path.join(folder, e === 2 ? 'week 2' : '', `ahp-${n}.json`), 'utf8') })),
    { name: 'notes.txt', text: 'not an answer' }]);
  s = await waitForState(fresh.page, (st) => st.research.pending === 0 && st.research.experts.length === 3, 60000);
  assert.deepEqual(s.research.problems, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  await context.close();
});

test('an expert loads the survey only; Research and Editor open the workbench page with the answers and the language; the single file has neither tab', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=fa&screen=compare');
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
  await page.reload();
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  // Read whole before the test's own calls into the app (those may need the program's second
  // part, which a call before the page brings it fetches: tests/web/program.test.mjs).
  await page.waitForFunction(() => document.readyState === 'complete');
  await settle(page);
  // The survey's program is inside the page: nothing more is asked for.
  assert.ok(!requested.some((f) => f.startsWith('ahp-app') || f.startsWith('ahp-workbench')), requested.join(' '));
  let s = await state(page);
  assert.equal(s.workbench, false);
  await click(page, 'judgment/G/1-2/3');
  await waitForState(page, (st) => st.answered === 1);

  // Research: the page reloads as the workbench; the answer and Persian stay.
  await clickAndReload(page, 'nav-research');
  s = await waitForState(page, (st) => st.screen === 'research');
  assert.equal(s.workbench, true);
  assert.equal(s.language, 'fa');
  assert.equal(s.answered, 1);
  assert.ok(requested.includes('ahp-workbench.wasm'), requested.join(' '));
  // Inside the workbench every tab is a screen of the same page: back and forth, no reload.
  const before = requested.length;
  for (const [tab, screen] of [['nav-questions', 'compare'], ['nav-editor', 'editor'], ['nav-results', 'results'],
    ['nav-research', 'research'], ['nav-questions', 'compare']]) {
    await click(page, tab);
    s = await waitForState(page, (st) => st.screen === screen);
  }
  await click(page, 'judgment/G/1-3/5');
  s = await waitForState(page, (st) => st.answered === 2);
  assert.equal(requested.slice(before).filter((f) => /\.(wasm|js|html)$/.test(f)).length, 0, requested.slice(before).join(' '));
  await context.close();

  // The single file carries the survey only: no Research or Editor tab to lead nowhere.
  const disk = await diskOnlyContext();
  const opened = await openFile(disk.context, SINGLE);
  s = await state(opened.page);
  assert.equal(s.workbench, false);
  const ids = Object.keys(await widgets(opened.page));
  assert.ok(ids.includes('nav-questions') && ids.includes('nav-results'), ids.join(' '));
  assert.ok(!ids.includes('nav-research') && !ids.includes('nav-editor'), ids.join(' '));
  assert.deepEqual(disk.blocked, []);
  assert.deepEqual(opened.errors, []);
  await disk.context.close();
  assert.deepEqual(errors, []);
});

test('a shared computer: the next person starts fresh, sees who saved what, and can continue only by choosing; Start over touches one expert', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const open = async (query) => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + query);
    await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
    await settle(page);
    return page;
  };
  // Ali answers two judgments and closes the tab.
  const ali = await open('?lang=en');
  await typeName(ali, 'Ali Rezaei');
  await click(ali, 'start');
  await click(ali, 'judgment/G/1-2/5');   // 4
  await click(ali, 'judgment/G/1-3/12');  // 1/5
  await waitForState(ali, (s) => s.answered === 2);
  await ali.close();

  // The next person, in Persian: nothing of Ali's in view, Ali's session listed.
  const sara = await open('?lang=fa');
  let s = await waitForState(sara, (st) => st.saved_experts.length === 1);
  assert.equal(s.expert.name, '');
  assert.equal(s.answered, 0);
  assert.equal(s.saved_experts[0].name, 'Ali Rezaei');
  assert.equal(s.saved_experts[0].answered, 2);
  await screenshot(sara, 'shared-pc-list-fa');
  await typeName(sara, 'سارا');
  await click(sara, 'start');
  await click(sara, 'judgment/G/1-2/14');  // 1/7
  await waitForState(sara, (st) => st.answered === 1);
  // Start over clears Sara's answers only.
  await click(sara, 'nav-welcome');
  await click(sara, 'start-over');
  await click(sara, 'confirm-yes');
  s = await waitForState(sara, (st) => st.answered === 0 && st.expert.name === '');
  assert.equal(s.saved_experts.length, 1);
  assert.equal(s.saved_experts[0].answered, 2, 'Start over never touches another expert');
  await sara.close();

  // Ali comes back: continue his session; switch to a new expert and back again, twice.
  const back = await open('?lang=en');
  s = await waitForState(back, (st) => st.saved_experts.some((e) => e.name === 'Ali Rezaei'));
  await screenshot(back, 'shared-pc-list-en');
  for (let round = 0; round < 2; ++round) {
    const k = (await state(back)).saved_experts.findIndex((e) => e.name === 'Ali Rezaei');
    await click(back, 'continue-expert/' + k);
    s = await waitForState(back, (st) => st.expert.name === 'Ali Rezaei');
    assert.equal(s.answered, 2);
    assert.equal(s.screen, round === 0 ? 'compare' : 'welcome', 'where Ali was');
    assert.deepEqual(s.sets[0].judgments.slice(0, 2), [4, 1 / 5]);
    assert.ok(!s.saved_experts.some((e) => e.name === 'Ali Rezaei'), 'the current expert is not listed');
    await click(back, 'nav-welcome');
    await click(back, 'new-expert');
    s = await waitForState(back, (st) => st.expert.name === '' && st.answered === 0);
    assert.ok(s.saved_experts.some((e) => e.name === 'Ali Rezaei' && e.answered === 2));
  }
  // A reload keeps the tab's own expert (a new one here), not Ali.
  await back.reload();
  await back.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(back);
  s = await state(back);
  assert.equal(s.expert.name, '');
  assert.deepEqual(errors, []);
  await context.close();
});
