// The questionnaire on a phone, used with a finger as a person would: taps at different scale
// positions with finger scrolls between them, on several sets in a row; a drag on a fresh page;
// no tooltip left by a tap; tap targets a finger wide; upright and on its side, Persian and
// English (screenshots kept in tests/web/artifacts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPhone, settle, state, widgets, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FINGER = 44;  // CSS px: the smallest tap target the phone layout may have

// The app on a phone, with a DevTools session for the finger's touch events.
async function openPhoneAt(query, size = {}) {
  const opened = await openPhone(browser, server.url + query, size);
  return { ...opened, cdp: await opened.context.newCDPSession(opened.page) };
}

// A finger pressed at (x, y0), moved in steps to (x, y1), lifted: the browser's own touch input.
async function drag(page, cdp, x, y0, y1) {
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', y0);
  const steps = Math.max(2, Math.round(Math.abs(y1 - y0) / 15));
  for (let k = 1; k <= steps; ++k) await touch('touchMove', y0 + ((y1 - y0) * k) / steps);
  await touch('touchEnd', y1);
  await settle(page, 2);
}

// Brings a widget into view with finger drags (like a person), then taps its middle.
async function tap(page, cdp, id) {
  await settle(page, 1);  // the rectangles of a frame that shows the latest state
  const viewport = page.viewportSize();
  for (let attempt = 0; attempt < 40; ++attempt) {
    const r = (await widgets(page))[id];
    assert.ok(r, `widget ${id} is on screen`);
    const top = Math.max(r[5] ?? 0, 0), bottom = Math.min(r[7] ?? viewport.height, viewport.height);
    if (r[1] >= top - 0.5 && r[3] <= bottom + 0.5) {
      await page.touchscreen.tap((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
      await settle(page, 3);
      return;
    }
    const middle = (top + bottom) / 2;
    const dy = r[1] < top ? Math.min(250, top - r[1] + 30) : -Math.min(250, r[3] - bottom + 30);
    await drag(page, cdp, viewport.width / 2, middle, middle + dy);
  }
  throw new Error(`could not bring ${id} into view`);
}

// Answers every judgment of the current set at varying positions, checking after each tap that
// every answer so far is still there (the old bug: a tap cleared the one before it).
async function answerSet(page, cdp, setIndex, offset) {
  const set = (await state(page)).sets[setIndex];
  const n = set.items.length;
  const expected = [];
  let row = 0;
  for (let i = 1; i <= n; ++i) {
    for (let j = i + 1; j <= n; ++j, ++row) {
      const position = [2, 13, 5, 10, 0, 16, 7, 11, 3, 14][(row + offset) % 10];
      await tap(page, cdp, `judgment/${set.id}/${i}-${j}/${position}`);
      expected.push(position <= 8 ? 9 - position : 1 / (position - 7));
      const now = (await state(page)).sets[setIndex].judgments;
      assert.deepEqual(now.slice(0, expected.length), expected, `set ${set.id} after tapping row ${row + 1}`);
    }
  }
  assert.equal((await state(page)).sets[setIndex].answered, set.total);
}

for (const lang of ['en', 'fa']) {
  test(`phone (${lang}): every tap is kept, set after set, with finger scrolls between rows`, async () => {
    const { context, page, cdp, errors } = await openPhoneAt(`?lang=${lang}&screen=compare&set=1`);
    const sets = (await state(page)).sets;
    await answerSet(page, cdp, 0, 0);
    await tap(page, cdp, 'next');
    assert.equal((await state(page)).current_set, sets[1].id, 'next moved to set 2');
    await answerSet(page, cdp, 1, 3);
    // A set of six judgments (four items), reached by tapping "next" as the expert would.
    const six = sets.findIndex((s) => s.total === 6);
    assert.ok(six > 1, 'the study has a set of six judgments');
    const index = async () => { const current = (await state(page)).current_set; return sets.findIndex((s) => s.id === current); };
    while ((await index()) < six) await tap(page, cdp, 'next');
    await answerSet(page, cdp, six, 6);
    // Every answer of the three sets is still there.
    const after = (await state(page)).sets;
    for (const k of [0, 1, six]) assert.equal(after[k].answered, after[k].total, `set ${after[k].id} complete`);
    await screenshot(page, `phone-${lang}-answered`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone: a finger drag on a fresh page scrolls and chooses nothing; a tap leaves no tooltip', async () => {
  const { context, page, cdp } = await openPhoneAt('?lang=fa&screen=compare&set=3');
  const set = (await state(page)).sets[2];
  const id = `judgment/${set.id}/1-2/4`;
  const before = (await widgets(page))[id];
  await drag(page, cdp, 200, 700, 300);
  const moved = (await widgets(page))[id];
  assert.ok(moved[1] < before[1] - 200, `the content moved up (${before[1]} -> ${moved[1]})`);
  assert.equal((await state(page)).sets[2].answered, 0, 'the drag answered nothing');
  for (let k = 0; k < 3; ++k) {
    await tap(page, cdp, `judgment/${set.id}/1-3/${k + 2}`);
    assert.equal((await widgets(page)).tooltip, undefined, 'no tooltip after a tap');
  }
  assert.equal((await state(page)).sets[2].judgments[1], 9 - 4);
  await context.close();
});

const sizes = [[360, 640], [390, 844], [844, 390]];
for (const [width, height] of sizes) {
  for (const lang of ['fa', 'en']) {
    test(`phone ${width}x${height} (${lang}): tap targets a finger wide, nothing cut off`, async () => {
      const { context, page } = await openPhoneAt(`?lang=${lang}&screen=compare&set=3`, { width, height });
      const w = await widgets(page);
      const ids = Object.keys(w);
      assert.ok(!ids.some((id) => id.startsWith('tree/')), 'no side tree on a phone');
      const scale = ids.filter((id) => /^judgment\/.*\/\d+$/.test(id));
      assert.ok(scale.length >= 17 * 3, 'the scale positions are on screen');
      for (const id of scale) {
        const [x0, y0, x1, y1] = w[id];
        assert.ok(x1 - x0 >= FINGER - 0.5 && y1 - y0 >= FINGER - 0.5, `${id} is ${x1 - x0}x${y1 - y0}`);
        assert.ok(x0 >= 0 && x1 <= width, `${id} fits the width`);
      }
      for (const id of ['next', 'back', 'language', 'nav-questions', 'nav-results']) {
        const [, y0, , y1] = w[id];
        assert.ok(y1 - y0 >= FINGER - 0.5, `${id} is ${y1 - y0} px high`);
      }
      await screenshot(page, `phone-${width}x${height}-${lang}`);
      await context.close();
    });
  }
}

// Every drawn widget (text lines included) lies within the screen's width: on a phone, after a set
// answered so inconsistently that the verdict, the suggestion and the weights show, and on the
// results. (The verdict's badge once ran off the left edge in Persian.)
for (const lang of ['fa', 'en']) {
  test(`phone 390x844 (${lang}): the verdict, the suggestion, the weights and the results fit the width`, async () => {
    const { context, page, cdp } = await openPhoneAt(`?lang=${lang}&screen=compare&set=0`);
    const set = (await state(page)).sets[0];
    // 1 much more than 2, 2 much more than 3, yet 1 equal to 3.
    for (const [pair, position] of [['1-2', 0], ['1-3', 8], ['2-3', 0]]) await tap(page, cdp, `judgment/${set.id}/${pair}/${position}`);
    const answered = (await state(page)).sets[0];
    assert.ok(answered.above_threshold && answered.suggestion, 'the set is above its threshold, with a suggestion');
    const offEdge = async () => Object.entries(await widgets(page))
      .filter(([, r]) => Array.isArray(r) && (r[0] < -0.5 || r[2] > 390.5))
      .map(([id, r]) => `${id} [${r.slice(0, 4).map(Math.round)}]`);
    const compare = await offEdge();
    assert.ok(Object.keys(await widgets(page)).some((id) => id.startsWith('cr/')), 'the verdict is drawn');
    assert.deepEqual(compare, [], 'compare: nothing runs off the width');
    await tap(page, cdp, 'nav-results');
    assert.equal((await state(page)).screen, 'results');
    assert.deepEqual(await offEdge(), [], 'results: nothing runs off the width');
    await screenshot(page, `phone-results-fit-${lang}`);
    await context.close();
  });
}

for (const lang of ['fa', 'en']) {
  test(`phone (${lang}): the Research tab's rule (leave out a matrix above a CR) fits the width and takes taps`, async () => {
    const { context, page, cdp, errors } = await openPhoneAt(`?lang=${lang}&screen=research`);
    const rule = async () => (await widgets(page))['research/cr-rule'];
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json()))['research/cr-rule'],
                               null, { timeout: 20000 });
    for (const id of ['research/cr-rule', 'research/cr-rule-value']) {
      const r = (await widgets(page))[id];
      assert.ok(r[0] >= -0.5 && r[2] <= 390.5, `${id} [${r.slice(0, 4).map(Math.round)}] is within the phone's width`);
      assert.ok(r[3] - r[1] >= 30, `${id} is tall enough for a finger`);
    }
    const first = (await state(page)).research.cr_rule;
    for (let k = 1; k <= 4; ++k) {  // on, off, on, off: each tap turns the rule over
      await tap(page, cdp, 'research/cr-rule');
      const s = await state(page);
      assert.equal(s.research.cr_rule === null, (first === null) === (k % 2 === 0), `tap ${k}: ${JSON.stringify(s.research.cr_rule)}`);
    }
    assert.ok(await rule());
    await screenshot(page, `phone-research-rule-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone: pinch zoom is not blocked, and a zoomed page still takes taps where they land', async () => {
  const { context, page, cdp } = await openPhoneAt('?lang=en&screen=compare&set=1');
  const viewport = await page.getAttribute('meta[name=viewport]', 'content');
  assert.doesNotMatch(viewport, /user-scalable\s*=\s*no|maximum-scale/, 'the viewport lets people zoom');
  assert.match(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).touchAction), /pinch-zoom/);
  // Zoomed in 2x (as a pinch leaves it), looking at the top-left quarter of the page.
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
  await settle(page, 2);
  const set = (await state(page)).sets[0];
  for (const position of [1, 3]) {
    const r = (await widgets(page))[`judgment/${set.id}/1-2/${position}`];
    const view = await page.evaluate(() => ({ x: visualViewport.offsetLeft, y: visualViewport.offsetTop,
                                              w: visualViewport.width, h: visualViewport.height }));
    const x = (r[0] + r[2]) / 2, y = (r[1] + r[3]) / 2;  // page coordinates (what the browser's touch input takes)
    assert.ok(x > view.x && x < view.x + view.w && y > view.y && y < view.y + view.h, 'the position is in the zoomed view');
    await page.touchscreen.tap(x, y);
    await settle(page, 3);
    assert.equal((await state(page)).sets[0].judgments[0], 9 - position, `a tap at position ${position} while zoomed`);
  }
  await screenshot(page, 'phone-zoomed-en');
  await context.close();
});
