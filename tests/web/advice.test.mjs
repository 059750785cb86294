// Issue 15 in a real browser: "Use suggested value" again and again (each click lowers CR and
// matches the CLI's one suggestion rule), the tree's warning symbol, and the notice before
// Results with links to the sets above their threshold, recorded in the response file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, state, widgets, click, screenshot, repoRoot } from './harness.mjs';

const cli = process.env.AHP_BIN || path.join(repoRoot, 'build/native/ahp');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function ahp(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8' });
  assert.equal(r.status, 0, `ahp ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const upper = (judgments) => judgments.map((v) => (v === null ? '-' : String(v))).join(' ');
const find = (s, id) => s.sets.find((set) => set.id === id);

test('"Use suggested value" clicked again and again lowers CR each time until the set is consistent', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en&screen=compare&set=1');
  // The set G answered [9, 1/9, 7] (CR far above 0.05).
  await click(page, 'judgment/G/1-2/0');
  await click(page, 'judgment/G/1-3/16');
  await click(page, 'judgment/G/2-3/2');
  let set = find(await state(page), 'G');
  assert.deepEqual(set.judgments, [9, 1 / 9, 7]);
  assert.equal(set.above_threshold, true);
  assert.ok((await widgets(page))['tree-warning/G'], 'the tree marks G with its warning symbol');
  await screenshot(page, 'advice-before-en');
  let clicks = 0;
  while (set.suggestion) {
    const native = ahp(['priorities', '--method', 'normalized'], upper(set.judgments) + '\n');
    // One rule: the page offers exactly what the CLI suggests.
    assert.deepEqual(set.suggestion, native.suggestion, `click ${clicks + 1}`);
    const before = set.cr;
    await click(page, 'use-suggested');
    ++clicks;
    set = find(await state(page), 'G');
    assert.ok(set.cr < before, `click ${clicks}: CR ${before} -> ${set.cr}`);
    assert.ok(Math.abs(set.cr - native.suggestion.cr_if_changed) < 1e-12);
    assert.ok(clicks < 10, 'ends');
  }
  assert.ok(clicks >= 1);
  assert.equal(set.above_threshold, false, `G consistent after ${clicks} clicks (CR ${set.cr})`);
  assert.ok(!(await widgets(page))['tree-warning/G'], 'the warning symbol is gone');
  assert.ok(!(await widgets(page))['use-suggested'], 'nothing left to suggest');
  await screenshot(page, 'advice-after-en');
  assert.deepEqual(errors, []);
});

test('before Results: "n sets are above the consistency threshold — review them", with links; the file records them', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en');
  await click(page, 'expert-name');
  await page.keyboard.type('Dr. Review');
  await click(page, 'start');
  // Two inconsistent sets (G and D1: cycles), then straight to Results.
  for (const id of ['G', 'D1']) {
    const k = (await state(page)).sets.findIndex((set) => set.id === id);
    await click(page, `tree/${id}`);
    assert.equal((await state(page)).current_set, id);
    await click(page, `judgment/${id}/1-2/0`);
    await click(page, `judgment/${id}/1-3/16`);
    await click(page, `judgment/${id}/2-3/0`);
    assert.equal((await state(page)).sets[k].above_threshold, true);
  }
  let s = await state(page);
  assert.deepEqual(s.above_threshold, ['G', 'D1']);
  const w = await widgets(page);
  assert.ok(w['tree-warning/G'] && w['tree-warning/D1'] && !w['tree-warning/C11']);
  await click(page, 'nav-results');
  s = await state(page);
  assert.equal(s.screen, 'results');
  const onResults = await widgets(page);
  assert.ok(onResults['review-notice'], 'the notice is shown');
  assert.ok(onResults['review/G'] && onResults['review/D1'] && !onResults['review/C11']);
  assert.ok(onResults['review-notice'][1] < onResults['rank/1'][1], 'the notice comes before the results');
  await screenshot(page, 'review-notice-en');
  // A link leads to the set; the expert fixes D1 there and the notice shrinks to G.
  await click(page, 'review/D1');
  s = await state(page);
  assert.equal(s.screen, 'compare');
  assert.equal(s.current_set, 'D1');
  while (find(await state(page), 'D1').suggestion) await click(page, 'use-suggested');
  assert.deepEqual((await state(page)).above_threshold, ['G']);
  await click(page, 'nav-results');
  const again = await widgets(page);
  assert.ok(again['review/G'] && !again['review/D1']);
  // The expert may still hand in: the response file lists what was above the threshold.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-advice-'));
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, 'download-json')]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  const response = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.deepEqual(response.results.above_threshold, ['G']);
  assert.equal(response.results.sets.find((x) => x.set === 'G').consistent, false);
  // Persian: the same notice, in Persian.
  await click(page, 'language');
  assert.ok((await widgets(page))['review-notice']);
  await screenshot(page, 'review-notice-fa');
  assert.deepEqual(errors, []);
});

// A model that asks adaptively: 5 items under the goal (10 pairs).
const adaptiveModel = {
  format: 'ahp-model', version: 1, id: 'adaptive-test',
  title: { en: 'Choosing a site', fa: 'انتخاب محل' },
  languages: ['en', 'fa'],
  settings: { questioning: 'adaptive' },
  nodes: [
    { id: 'G', parent: null, labels: { en: 'Best site', fa: 'بهترین محل' } },
    ...['Cost', 'Access', 'Space', 'Light', 'Noise'].map((en, k) => ({ id: `S${k + 1}`, parent: 'G', labels: { en, fa: ['هزینه', 'دسترسی', 'فضا', 'نور', 'صدا'][k] } })),
  ],
};

test('adaptive questioning: the page marks the next pair, follows the engine, and says when the set is settled', async () => {
  const first = await openApp(browser, server.url + '?lang=en');
  const link = await first.page.evaluate(([t, base]) => window.ahpShareLink(t, base), [JSON.stringify(adaptiveModel), server.url + '?lang=en&screen=compare']);
  const { page, errors } = await openApp(browser, link);
  let s = await state(page);
  assert.equal(s.model.id, 'adaptive-test');
  assert.equal(s.questioning, 'adaptive');
  const truth = [0.35, 0.25, 0.2, 0.12, 0.08];  // a consistent expert: nearest scale value
  const position = (ratio) => {
    const strength = Math.min(9, Math.max(1, Math.round(ratio >= 1 ? ratio : 1 / ratio)));
    return ratio >= 1 ? 8 - (strength - 1) : 8 + (strength - 1);
  };
  let set = s.sets[0];
  assert.deepEqual(set.next, { i: 1, j: 2 }, 'an empty set starts with the first pair');
  assert.equal(set.settled, false);
  let asked = 0;
  while (!set.settled) {
    // The page asks what the CLI would ask on the same answers.
    const native = ahp(['priorities'], upper(set.judgments) + '\n');
    assert.deepEqual(set.next, native.next, `question ${asked + 1}`);
    assert.equal(set.settled, native.settled);
    assert.ok((await widgets(page))[`next-question/G`], 'the next pair is marked');
    const { i, j } = set.next;
    await click(page, `judgment/G/${i}-${j}/${position(truth[i - 1] / truth[j - 1])}`);
    ++asked;
    set = (await state(page)).sets[0];
    assert.ok(asked <= 10);
  }
  assert.ok(asked >= 4 && asked < 10, `settled after ${asked} of 10 pairs`);
  assert.ok((await widgets(page))['settled/G'], 'the page says the set is settled');
  assert.equal(set.weights.length, 5);
  await screenshot(page, 'adaptive-settled-en');
  // The expert can always answer more.
  const k = set.judgments.findIndex((v) => v === null);
  const pairs = [];
  for (let i = 1; i <= 5; ++i) for (let j = i + 1; j <= 5; ++j) pairs.push([i, j]);
  await click(page, `judgment/G/${pairs[k][0]}-${pairs[k][1]}/8`);
  set = (await state(page)).sets[0];
  assert.equal(set.answered, asked + 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(first.errors, []);
});
