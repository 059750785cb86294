// The number fields (the editor's CR threshold, the Research tab's CR rule, each expert's weight,
// the sensitivity weight, Monte Carlo's samples and spread) are real browser fields like the
// text fields: a phone's tap opens its number keypad, the keyboard reaches them with Tab, a
// screen reader hears their name, value and fault. Persian or ASCII digits with '.' or '٫'
// apply when the field is left; a text that is not a number in range is kept in the field,
// said under it in the interface's language, and not applied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openApp, openPhone, settle, state, waitForState, widgets, click, screenshot, repoRoot } from './harness.mjs';
import { modelInfo, responses } from './research-data.mjs';

const cli = process.env.AHP_BIN || path.join(repoRoot, 'build/native/ahp');
const modelPath = path.join(repoRoot, 'assets/models/egov-qom.json');
let server, browser, model;
before(async () => { server = await serve(); browser = await launch(); model = modelInfo(cli, modelPath); });
after(async () => { await browser?.close(); await server?.close(); });

// A text as a person hears it: the bidi isolates (U+2066..2069) that keep a typed text in its
// own order inside a sentence are silent.
const asHeard = (text) => text.replace(/[\u2066-\u2069]/g, '');

// The page's element for a widget, as the browser has it.
const field = (page, id) => page.evaluate((id) => {
  const el = document.querySelector(`[data-widget="${CSS.escape(id)}"]`);
  return el && { tag: el.tagName, value: el.value, inputMode: el.inputMode, invalid: el.getAttribute('aria-invalid'),
    description: el.getAttribute('aria-description') || '', focused: document.activeElement === el };
}, id).then((f) => f && { ...f, description: asHeard(f.description) });
const focusedWidget = (page) => page.evaluate(() => document.activeElement?.dataset?.widget || '');

// A textbox in the accessibility tree with this name: its value, invalid state and description.
async function axField(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const node = nodes.find((n) => n.role?.value === 'textbox' && n.name?.value === name);
  if (!node) return null;
  const property = (key) => node.properties?.find((p) => p.name === key)?.value?.value;
  return { value: node.value?.value ?? '', invalid: property('invalid'), description: asHeard(node.description?.value ?? '') };
}

async function tap(page, id) {
  await settle(page, 1);
  const r = (await widgets(page))[id];
  assert.ok(r, `${id} is drawn`);
  await page.touchscreen.tap((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await settle(page, 3);
}
// What a phone's keyboard does: delete what is in the field a letter at a time, insert the new
// text, then its Done key (Enter), which leaves the field.
async function phoneType(page, text) {
  const length = await page.evaluate(() => document.activeElement.value.length);
  for (let k = 0; k < length; ++k) {
    await page.keyboard.press('Backspace');
    await settle(page, 1);
  }
  await page.keyboard.insertText(text);
  await settle(page, 2);
  await page.keyboard.press('Enter');
  await settle(page, 3);
}

test('phone (fa): the CR rule\'s value opens the number keypad, takes Persian digits, keeps a wrong text and says why', async () => {
  const { page, context, errors } = await openPhone(browser, server.url + '?lang=fa&screen=research');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json()))['research/cr-rule-value'],
                             null, { timeout: 20000 });
  if ((await state(page)).research.cr_rule === null) await tap(page, 'research/cr-rule');
  assert.equal((await state(page)).research.cr_rule, 0.1);
  const id = 'research/cr-rule-value';
  // Each typed over the last a letter at a time ("۰٫۱۵" passes through "۰٫۱", "۰٫" and "۰"):
  // only what stands when the field is left applies.
  for (const [typed, expected] of [['۰٫۲', 0.2], ['0.15', 0.15], ['۰٫۰۸', 0.08], ['۲.۵', 2.5]]) {
    await tap(page, id);
    const f = await field(page, id);
    assert.ok(f.focused && f.tag === 'INPUT', 'the tap focused the page\'s field (the phone opens its keyboard)');
    assert.equal(f.inputMode, 'decimal', 'the keyboard opens on its number keys');
    await phoneType(page, typed);
    const s = await waitForState(page, (st) => st.research.cr_rule === expected);
    assert.equal(s.research.cr_rule, expected, `${typed} -> ${expected}`);
    assert.equal((await widgets(page))[id + '/problem'], undefined, 'no problem said');
  }
  // Once applied, the field shows the value in use as the interface writes numbers.
  await tap(page, 'research/cr-rule');
  await tap(page, 'research/cr-rule');
  assert.equal((await field(page, id)).value, '۲٫۵');

  // Wrong texts: kept in the field, said under it in Persian, not applied; twice over.
  for (const wrong of ['۰/۱', 'abc']) {
    await tap(page, id);
    await phoneType(page, wrong);
    await settle(page, 2);
    assert.equal((await state(page)).research.cr_rule, 2.5, 'the value in use is kept');
    const problem = (await widgets(page))[id + '/problem'];
    assert.ok(problem, 'the problem is drawn');
    const f = await field(page, id);
    assert.equal(f.invalid, 'true');
    assert.ok(f.description.includes(`«${wrong}»`) && f.description.includes('عددی از ۰ تا ۱۰ نیست') &&
              f.description.includes('۲٫۵'), f.description);
    // Leaving the field keeps what was typed.
    await tap(page, 'research/cr-rule');
    await tap(page, 'research/cr-rule');
    assert.equal((await field(page, id)).value, wrong, 'the typed text is not lost');
    assert.equal((await state(page)).research.cr_rule, 2.5);
  }
  await screenshot(page, 'phone-number-field-problem-fa');
  await tap(page, id);
  await phoneType(page, '۰٫۱');
  await waitForState(page, (st) => st.research.cr_rule === 0.1);
  assert.equal((await widgets(page))[id + '/problem'], undefined, 'the problem is gone with a number');
  assert.equal((await field(page, id)).invalid, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop (en), keyboard alone: Tab reaches each expert\'s weight; a wrong text is kept and heard, a number applies', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  const files = responses(model, 4, 5);
  await page.evaluate((list) => Module.ahpImportTexts(list), files);
  await waitForState(page, (s) => s.research.pending === 0 && !s.research.computing && s.research.experts.length === 4 &&
                                  s.research.group, 60000);
  // Tab from the top of the page to the first expert's weight, as a keyboard user does.
  let presses = 0;
  while ((await focusedWidget(page)) !== 'research/weight/0') {
    assert.ok(++presses < 120, 'Tab reaches the first weight field');
    await page.keyboard.press('Tab');
    await settle(page, 1);
  }
  for (const [e, typed, expected] of [[0, '3', 3], [1, '0.5', 0.5], [2, '۲٫۵', 2.5]]) {
    assert.equal(await focusedWidget(page), `research/weight/${e}`);
    const f = await field(page, `research/weight/${e}`);
    assert.equal(f.inputMode, 'decimal');
    assert.equal(f.value, '1', 'the field shows the weight in use');
    // A wrong text first: kept, said, not applied.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1/2');
    await settle(page, 3);
    let s = await state(page);
    assert.equal(s.research.experts[e].weight, 1);
    const heard = await axField(page, `Weight of Expert ${e + 1}`);
    assert.ok(heard, 'a screen reader finds the field by its name');
    assert.equal(heard.value, '1/2');
    assert.equal(heard.invalid, 'true');
    assert.match(heard.description, /“1\/2” is not a number from 0\.01 to 1000.*still 1\./);
    const problem = (await widgets(page))[`research/weight/${e}/problem`];
    assert.ok(problem, 'the problem is drawn under the table');
    if (e === 0) await screenshot(page, 'number-field-problem-en');
    // Then the number, typed over it: it applies when Tab leaves the field.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await settle(page, 2);
    assert.equal((await state(page)).research.experts[e].weight, 1, 'nothing applies while the field is edited');
    await page.keyboard.press('Tab');
    s = await waitForState(page, (st) => st.research.experts[e].weight === expected);
    assert.equal((await widgets(page))[`research/weight/${e}/problem`], undefined);
    if (e < 2) {  // on past the next expert's checkbox to its weight
      assert.equal(await focusedWidget(page), `research/include/${e + 1}`);
      await page.keyboard.press('Tab');
      await settle(page, 2);
    }
  }
  const s = await state(page);
  assert.deepEqual(s.research.group.experts.map((x) => x.weight), [3, 0.5, 2.5, 1]);
  // A wrong text left in a weight goes with the files when they are removed: the next files'
  // row shows its own weight, with no problem.
  for (let round = 0; round < 2; ++round) {
    await click(page, 'research/weight/1');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    await settle(page, 2);
    assert.ok((await widgets(page))['research/weight/1/problem'], 'the wrong text is said');
    await click(page, 'research/clear');
    await waitForState(page, (st) => st.research.experts.length === 0);
    await page.evaluate((list) => Module.ahpImportTexts(list), responses(model, 3, 11 + round));
    await waitForState(page, (st) => st.research.pending === 0 && !st.research.computing && st.research.experts.length === 3 &&
                                     st.research.group, 60000);
    await settle(page, 2);
    assert.equal((await field(page, 'research/weight/1')).value, '1', 'the new row shows its own weight');
    assert.equal((await widgets(page))['research/weight/1/problem'], undefined);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop (fa): the sensitivity weight and Monte Carlo\'s samples and spread are typed with Persian digits', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=fa&screen=research');
  await page.evaluate((list) => Module.ahpImportTexts(list), responses(model, 5, 9));
  await waitForState(page, (s) => s.research.group && s.research.experts.length === 5 && !s.research.computing, 60000);
  await click(page, 'research/section/sensitivity');
  await waitForState(page, (st) => st.research.sensitivity);
  const retype = async (id, text) => {
    await click(page, id);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await settle(page, 3);
  };
  for (const [typed, expected] of [['۰٫۷', 0.7], ['0.25', 0.25], ['۰٫۵۵۵', 0.555]]) {
    await retype('research/sensitivity-weight', typed);
    const s = await waitForState(page, (st) => st.research.sensitivity.weight === expected);
    const sum = Object.values(s.research.sensitivity.leaf_weights).reduce((x, y) => x + y, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, 'the leaves\' weights at the typed weight still sum to 1');
  }
  await retype('research/sensitivity-weight', '۱٫۵');
  assert.equal((await state(page)).research.sensitivity.weight, 0.555, 'out of range: not applied');
  assert.match((await field(page, 'research/sensitivity-weight')).description, /«۱٫۵» عددی از ۰ تا ۱ نیست/);
  await screenshot(page, 'number-field-sensitivity-fa');

  await click(page, 'research/section/uncertainty');
  for (const [samples, spread, expected] of [['۵۰۰', '۰٫۲', [500, 0.2]], ['300', '0.05', [300, 0.05]]]) {
    await retype('research/mc-samples', samples);
    await retype('research/mc-spread', spread);
    assert.equal((await field(page, 'research/mc-samples')).inputMode, 'numeric', 'samples: whole numbers');
    await click(page, 'research/mc-run');
    const s = await waitForState(page, (st) => st.research.monte_carlo?.samples === expected[0] &&
                                               st.research.monte_carlo.spread === expected[1], 60000);
    assert.ok(s.research.monte_carlo.leaves.length > 0);
  }
  // Too few samples: said, and Run runs with the value in use, as the message says.
  await retype('research/mc-samples', '۵۰');
  const said = (await field(page, 'research/mc-samples')).description;
  assert.match(said, /«۵۰» عددی از ۱۰۰ تا ۱۰۰۰۰۰ نیست.*۳۰۰/);
  assert.ok((await widgets(page))['research/mc-samples/problem']);
  await screenshot(page, 'number-field-samples-fa');
  assert.deepEqual(errors, []);
  await context.close();
});

test('editor (en): the CR threshold takes a typed number, refuses "0,15" with a message and keeps it', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=editor');
  await waitForState(page, (s) => s.editor.loaded);
  assert.equal((await state(page)).editor.cr_threshold, 0.1);
  const retype = async (text) => {
    await click(page, 'editor/cr');
    await page.keyboard.press('Control+A');
    if (text) await page.keyboard.type(text);
    else await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await settle(page, 3);
  };
  for (const [typed, expected] of [['0.15', 0.15], ['0.08', 0.08], ['.2', 0.2]]) {
    await retype(typed);
    const s = await waitForState(page, (st) => st.editor.cr_threshold === expected);
    assert.notEqual(s.editor.hash, s.model.hash, 'the model changed');
  }
  for (const wrong of ['0,15', '2', '']) {
    await retype(wrong);
    assert.equal((await state(page)).editor.cr_threshold, 0.2, `"${wrong}" is not applied`);
    const f = await field(page, 'editor/cr');
    assert.equal(f.invalid, 'true');
    assert.match(f.description, wrong ? new RegExp(`“${wrong}” is not a number from 0.01 to 1`) : /^Type a number from 0.01 to 1/);
    const problem = (await widgets(page))['editor/cr/problem'];
    assert.ok(problem, 'said under the field');
  }
  await screenshot(page, 'number-field-editor-en');
  await retype('0.1');
  await waitForState(page, (st) => st.editor.cr_threshold === 0.1);
  assert.equal((await field(page, 'editor/cr')).invalid, null);
  assert.deepEqual(errors, []);
  await context.close();
});
