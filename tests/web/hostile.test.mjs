// Hostile input and faults in the page (issue 14): a link that inflates to 300 MB, models past
// the 5 MB limit or too deep, a large valid model from a link (it used to travel on the
// WebAssembly stack), and storage that refuses every write (a lasting notice, retried with
// every change, nothing lost once it works again).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serve, launch, openApp, state, waitForState, click, widgets, settle, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

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
  assert.ok(!Boolean((await widgets(page))['autosave-failed']));
  await page.reload();
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
  assert.equal((await state(page)).answered, 3);
  await context.close();
});
