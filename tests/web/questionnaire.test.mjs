// The expert's path in a real browser: load the page, answer every judgment of the study by
// clicking the scale like a person, read the live CRs and the ranking, and check them against
// the native `ahp` command line on the same judgments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, state, waitForState, widgets, click, settle, screenshot, repoRoot, webRoot } from './harness.mjs';

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

// Deterministic "expert": hidden true weights per set, answered with the nearest scale value
// and an occasional slip, so some sets are inconsistent.
function* random(seed) { let s = seed >>> 0; for (;;) { s = (s * 1664525 + 1013904223) >>> 0; yield s / 2 ** 32; } }
function positionFor(ratio) {  // the 17-position scale: 0..7 = 9..2, 8 = 1, 9..16 = 1/2..1/9
  const strength = Math.min(9, Math.max(1, Math.round(ratio >= 1 ? ratio : 1 / ratio)));
  return ratio >= 1 ? 8 - (strength - 1) : 8 + (strength - 1);
}

test('an expert answers all 78 judgments and sees CRs and a ranking that match the CLI', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en');
  let s = await state(page);
  assert.equal(s.screen, 'welcome');
  assert.equal(s.total, 78);
  assert.equal(s.sets.length, 14);
  await screenshot(page, 'welcome-en');

  await click(page, 'expert-name');
  await page.keyboard.type('Dr. Example');
  await waitForState(page, (st) => st.expert.name === 'Dr. Example');

  await click(page, 'start');
  s = await state(page);
  assert.equal(s.screen, 'compare');

  const rand = random(2016);
  for (let k = 0; k < s.sets.length; ++k) {
    s = await state(page);
    const set = s.sets[k];
    assert.equal(s.current_set, set.id, 'next/back keeps the questionnaire order');
    const n = set.items.length;
    const truth = set.items.map(() => 0.2 + rand.next().value);
    for (let i = 0; i < n; ++i) {
      for (let j = i + 1; j < n; ++j) {
        let position = positionFor(truth[i] / truth[j]);
        if (rand.next().value < 0.15) position = Math.min(16, Math.max(0, position + (rand.next().value < 0.5 ? -3 : 3)));
        await click(page, `judgment/${set.id}/${i + 1}-${j + 1}/${position}`);
      }
    }
    s = await state(page);
    const answered = s.sets[k];
    assert.equal(answered.answered, answered.total, `${set.id}: every judgment recorded`);
    if (k === 2) await screenshot(page, 'compare-en');
    // The same judgments through the native CLI (same method as the model: normalised columns).
    const native = ahp(['priorities', '--method', 'normalized'], upper(answered.judgments) + '\n');
    assert.equal(native.weights.length, n);
    native.weights.forEach((w, i) => assert.ok(Math.abs(w - answered.weights[i]) < 1e-12, `${set.id} weight ${i}`));
    assert.ok(Math.abs(native.cr - answered.cr) < 1e-12, `${set.id} CR: browser ${answered.cr}, CLI ${native.cr}`);
    await click(page, 'next');
  }

  s = await state(page);
  assert.equal(s.screen, 'results');
  assert.equal(s.answered, 78);
  await screenshot(page, 'results-en');

  // Global weights: products of the CLI's local weights down the tree, ranked.
  const local = {};
  for (const set of s.sets) {
    const native = ahp(['priorities', '--method', 'normalized'], upper(set.judgments) + '\n');
    set.items.forEach((id, i) => { local[id] = { parent: set.id, w: native.weights[i] }; });
  }
  const globalOf = (id) => (local[id] ? local[id].w * globalOf(local[id].parent) : 1);
  const leaves = Object.keys(local).filter((id) => !s.sets.some((set) => set.id === id));
  assert.equal(leaves.length, 38);
  assert.equal(s.ranking.length, 38);
  const expected = leaves.map((id) => ({ id, weight: globalOf(id) })).sort((a, b) => b.weight - a.weight);
  const total = s.ranking.reduce((sum, r) => sum + r.weight, 0);
  assert.ok(Math.abs(total - 1) < 1e-9, 'global weights of the leaves sum to 1');
  s.ranking.forEach((r, i) => {
    assert.ok(Math.abs(r.weight - globalOf(r.id)) < 1e-12, `${r.id} global weight`);
    assert.ok(Math.abs(r.weight - expected[i].weight) < 1e-12, `rank ${i + 1}`);
  });

  await click(page, 'language');
  assert.equal((await state(page)).language, 'fa');
  await screenshot(page, 'results-fa');
  await click(page, 'nav-questions');
  await screenshot(page, 'compare-fa');
  assert.deepEqual(errors, []);
});

test('an inconsistent set shows the suggested change, and "use suggested value" applies it', async () => {
  const { page } = await openApp(browser, server.url + '?lang=en&screen=compare&set=1');
  // D1 > D2 extremely, D3 > D1 extremely, D2 > D3 extremely: a cycle.
  await click(page, 'judgment/G/1-2/0');
  await click(page, 'judgment/G/1-3/16');
  await click(page, 'judgment/G/2-3/0');
  let set = (await state(page)).sets[0];
  assert.deepEqual(set.judgments, [9, 1 / 9, 9]);
  const native = ahp(['priorities', '--method', 'normalized'], upper(set.judgments) + '\n');
  assert.ok(set.cr > 0.05 && Math.abs(set.cr - native.cr) < 1e-12);
  assert.ok((await widgets(page))['cr/G'], 'the CR verdict is shown');
  await screenshot(page, 'inconsistent-en');
  await click(page, 'use-suggested');
  set = (await state(page)).sets[0];
  const suggestion = native.suggestion;  // the engine's one rule, the same in the CLI and the page
  assert.equal(set.judgments[[0, 1, 2].find((k) => [[1, 2], [1, 3], [2, 3]][k].join() === [suggestion.i, suggestion.j].join())], suggestion.suggested);
  assert.ok(Math.abs(set.cr - suggestion.cr_if_changed) < 1e-12, `CR after the suggestion: ${set.cr} vs ${suggestion.cr_if_changed}`);
  assert.ok(set.cr < native.cr);
});

test('clicking the chosen position again clears it; the keyboard can answer too', async () => {
  const { page } = await openApp(browser, server.url + '?lang=en&screen=compare&set=2');
  await click(page, 'judgment/D1/1-2/5');
  assert.equal((await state(page)).sets[1].judgments[0], 4);
  await click(page, 'judgment/D1/1-2/5');
  assert.equal((await state(page)).sets[1].judgments[0], null);
  // Keyboard: arrows move the focus between positions, Space chooses.
  await click(page, 'judgment/D1/1-3/8');   // 1: equal; focus is now on that position
  await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.keyboard.press('Space');
  await settle(page, 4);
  assert.equal((await state(page)).sets[1].judgments[1], 1 / 2);
});

test('a phone-sized screen stacks the labels above the scale', async () => {
  const { page } = await openApp(browser, server.url + '?lang=fa&screen=compare&set=3', { width: 360, height: 640, scale: 2 });
  const w = await widgets(page);
  assert.ok(!Object.keys(w).some((id) => id.startsWith('tree/')), 'no side tree on a phone');
  const first = w['judgment/C11/1-2/0'], last = w['judgment/C11/1-2/16'];
  assert.ok(first && last && Math.max(first[2], last[2]) <= 360 && Math.min(first[0], last[0]) >= 0, 'the scale fits the width');
  assert.ok(first[0] > last[0], 'in Persian the row item\'s side (position 0) is on the right');
  await click(page, 'judgment/C11/1-2/3');
  assert.equal((await state(page)).sets[2].judgments[0], 6);
  await screenshot(page, 'phone-fa');
  // Persian digits can be switched off (numbers in 0-9) and on again; the choice is kept.
  assert.equal((await state(page)).persian_digits, true);
  await click(page, 'digits');
  assert.equal((await state(page)).persian_digits, false);
  await screenshot(page, 'phone-fa-latin-digits');
  await click(page, 'digits');
  assert.equal((await state(page)).persian_digits, true);
});

test('on a narrow screen with a mouse, a scale position\'s tooltip stays on the screen, wrapped, in both languages', async () => {
  for (const lang of ['fa', 'en']) {
    const { page } = await openApp(browser, server.url + `?lang=${lang}&screen=compare&set=3`, { width: 360, height: 640, scale: 2 });
    // The scale wraps into rows on a phone; of the positions in view (their middle inside the
    // set's clip), the mouse goes over the first, the last and the middle one, twice over: the
    // verbal judgment of each ("... is extremely more important than ...") is wider than the
    // screen on one line.
    const w = await widgets(page);
    const inView = [...Array(17).keys()].filter((pos) => {
      const r = w[`judgment/C11/1-2/${pos}`];
      return r && (r[1] + r[3]) / 2 > r[5] && (r[1] + r[3]) / 2 < r[7];
    });
    assert.ok(inView.length >= 5, `${lang}: positions in view: ${inView}`);
    const visited = [inView[0], inView.at(-1), inView[inView.length >> 1]];
    let wrapped = 0;
    for (const pos of [...visited, ...visited]) {
      const [x0, y0, x1, y1] = (await widgets(page))[`judgment/C11/1-2/${pos}`];
      await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2);
      await settle(page, 3);
      const tip = (await widgets(page)).tooltip;
      assert.ok(tip, `${lang}: a tooltip over position ${pos}`);
      assert.ok(tip[0] >= 0 && tip[2] <= 360, `${lang}: the tooltip over position ${pos} is on the screen: ${tip}`);
      if (tip[3] - tip[1] > 40) ++wrapped;  // taller than one line and its padding
    }
    assert.ok(wrapped >= 4, `${lang}: the long judgments wrap (${wrapped} of 6)`);
    await screenshot(page, `tooltip-narrow-${lang}`);
    await page.context().close();
  }
});

test('with the keyboard alone, the scale position at the keyboard\'s place shows its words under it, in both languages', async () => {
  for (const [lang, width, forward] of [['en', 1280, 'ArrowRight'], ['fa', 1280, 'ArrowLeft'], ['fa', 360, 'ArrowLeft']]) {
    const { page, context, errors } = await openApp(browser, server.url + `?lang=${lang}&screen=compare&set=1`,
                                                    { width, height: width > 400 ? 800 : 640 });
    const focused = () => page.evaluate(() => document.activeElement?.dataset?.widget || '');
    for (let k = 0; k < 60 && !(await focused()).startsWith('judgment/'); ++k) {
      await page.keyboard.press('Tab');
      await settle(page, 1);
    }
    assert.match(await focused(), /^judgment\/G\/1-2\//, `${lang}: Tab reached the first judgment`);
    let last = null;
    for (let k = 0; k < 4; ++k) {
      await page.keyboard.press(forward);
      await settle(page, 3);
      const id = await focused();
      const w = await widgets(page);
      const radio = w[id], tip = w.tooltip;
      assert.ok(tip, `${lang} ${width}: a tooltip at ${id}`);
      assert.ok(tip[0] >= 0 && tip[2] <= width, `${lang} ${width}: the tooltip is on the screen: ${tip}`);
      assert.ok(tip[1] >= radio[3] || tip[3] <= radio[1], `${lang} ${width}: under (or over) the position, not on it: ${tip} / ${radio}`);
      const middle = (radio[0] + radio[2]) / 2;
      if (tip[2] - tip[0] < width - 40) assert.ok(tip[0] <= middle && middle <= tip[2], `${lang} ${width}: beside ${id}: ${tip}`);
      if (last) assert.notEqual(JSON.stringify(radio), JSON.stringify(last), 'the keyboard moved');
      last = radio;
    }
    await screenshot(page, `tooltip-keyboard-${lang}-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a page cut short (its program with it) says to reload instead of staying blank, in both languages', async () => {
  // As a dropped connection leaves it: the page ends halfway into the first part of its program.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-cut-'));
  const whole = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const blocks = whole.indexOf('<script type="text/x-ahp-wasm">');
  const second = whole.indexOf('<script>ahpProgram.begin(', blocks);
  assert.ok(blocks > 0 && second > blocks, 'the page carries its program, in two parts');
  fs.writeFileSync(path.join(dir, 'index.html'), whole.slice(0, blocks + Math.floor((second - blocks) / 2)));
  const broken = await serve(dir);
  const context = await browser.newContext({ viewport: { width: 800, height: 500 } });
  const page = await context.newPage();
  for (let round = 0; round < 2; ++round) {
    await page.goto(broken.url + (round ? '?lang=en' : ''));
    await page.waitForFunction(() => window.ahpLoadError);
    const message = await page.textContent('#message');
    assert.match(message, /reload the page/);
    assert.match(message, /دوباره بارگذاری/);
    assert.ok(await page.isVisible('#message'));
  }
  await page.screenshot({ path: path.join(repoRoot, 'tests/web/artifacts/error-cut-page.png') });
  await context.close();
  await broken.close();
  fs.rmSync(dir, { recursive: true });
});

test('a browser without WebGL2 is told so', async () => {
  const noGl = await launch(['--disable-webgl', '--disable-webgl2']);
  try {
    const page = await noGl.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.ahpLoadError);
    assert.match(await page.textContent('#message'), /WebGL2/);
    await page.screenshot({ path: path.join(repoRoot, 'tests/web/artifacts/error-no-webgl2.png') });
  } finally {
    await noGl.close();
  }
});

test('on a touch screen a tap answers and a finger drag scrolls', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url + '?lang=fa&screen=compare&set=9');
  await page.waitForFunction(() => window.ahpReady === true);
  await settle(page);
  const set = (await state(page)).sets[8];
  let w = await widgets(page);
  const first = w[`judgment/${set.id}/1-2/6`];
  await page.touchscreen.tap((first[0] + first[2]) / 2, (first[1] + first[3]) / 2);
  await settle(page, 2);
  assert.equal((await state(page)).sets[8].judgments[0], 3, 'a tap chooses the position under the finger');

  // Drag a finger up by 300 px: the set scrolls and nothing is chosen.
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 180, y }] });
  await touch('touchStart', 500);
  for (let y = 480; y >= 200; y -= 20) { await touch('touchMove', y); }
  await touch('touchEnd', 200);
  await settle(page, 2);
  const moved = (await widgets(page))[`judgment/${set.id}/1-2/6`];
  assert.ok(moved[1] < first[1] - 200, `the content moved up (${first[1]} -> ${moved[1]})`);
  assert.equal((await state(page)).sets[8].answered, 1, 'the drag answered nothing');
  await page.screenshot({ path: path.join(repoRoot, 'tests/web/artifacts/touch-scrolled-fa.png') });
  await context.close();
});
