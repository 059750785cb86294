// Text entry through the browser (issue 10, points 2 and 4): on a phone, a tap on the name
// field lands on a real <input> over it (so the phone's keyboard opens); what the keyboard's
// input method inserts, a paste, Enter, Escape and leaving the field all reach the app's state;
// too long or multi-line text gets a message at the field and is kept as typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPhone, settle, state, waitForState, widgets, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const openPhoneAt = (query) => openPhone(browser, server.url + query, { permissions: ['clipboard-read', 'clipboard-write'] });

// A tap in the middle of a widget's rectangle (it is on screen at the top of the welcome page
// or after the caller scrolled it there).
async function tap(page, id) {
  await settle(page, 1);  // the rectangles of a frame that shows the latest state
  const r = (await widgets(page))[id];
  assert.ok(r, `${id} is drawn`);
  await page.touchscreen.tap((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await settle(page, 2);
}
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, widget: el.dataset ? el.dataset.widget : undefined, editable: el.isContentEditable ||
    (el.tagName === 'INPUT' && !el.readOnly && !el.disabled), dir: getComputedStyle(el).direction, lang: el.lang,
    invalid: el.getAttribute('aria-invalid'), value: el.value };
});

// Drags the welcome page up with a finger until `id` is on screen below the top bar.
async function fingerScrollTo(page, context, id) {
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 195, y }] });
  for (let k = 0; k < 10; ++k) {
    const r = (await widgets(page))[id];
    if (r && r[1] > 80 && r[3] < 780) return;  // on screen, clear of the top bar
    await touch('touchStart', 600);
    for (let y = 580; y >= 400; y -= 20) await touch('touchMove', y);
    await touch('touchEnd', 400);
    await settle(page, 2);
  }
}

test('phone: a tap on the name field focuses a real text field; insertText and paste reach the state', async () => {
  for (let round = 0; round < 2; ++round) {  // twice in a row, as a person would retry
    const { page, context, errors } = await openPhoneAt('?lang=fa');
    await fingerScrollTo(page, context, 'expert-role');
    await tap(page, 'expert-name');
    let f = await focused(page);
    assert.equal(f.widget, 'expert-name', 'the tap focused the name field\'s element');
    assert.ok(f.editable, 'the focused element is editable (a phone opens its keyboard)');
    assert.equal(f.lang, 'fa');
    await page.keyboard.insertText('مریم احمدی');
    await waitForState(page, (s) => s.expert.name === 'مریم احمدی');
    f = await focused(page);
    assert.equal(f.dir, 'rtl', 'the browser lays the Persian name out right to left (dir=auto)');
    await page.keyboard.press('Enter');  // commits and leaves the field
    await settle(page, 2);
    assert.notEqual((await focused(page)).widget, 'expert-name', 'Enter left the field');
    assert.equal((await state(page)).expert.name, 'مریم احمدی');

    // Copy the name, paste it into the role field (the browser's own clipboard commands).
    await tap(page, 'expert-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await tap(page, 'expert-role');
    assert.equal((await focused(page)).widget, 'expert-role');
    await page.keyboard.press('Control+V');
    await waitForState(page, (s) => s.expert.role === 'مریم احمدی');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('کارشناس فناوری اطلاعات');
    await waitForState(page, (s) => s.expert.role === 'کارشناس فناوری اطلاعات');
    await page.keyboard.press('Enter');
    await settle(page, 2);

    // Escape restores the text the field had when it was entered.
    await tap(page, 'expert-role');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' ارشد');
    await waitForState(page, (s) => s.expert.role === 'کارشناس فناوری اطلاعات ارشد');
    await page.keyboard.press('Escape');
    await waitForState(page, (s) => s.expert.role === 'کارشناس فناوری اطلاعات');
    assert.equal((await state(page)).expert.name, 'مریم احمدی', 'nothing else changed');
    if (round === 0) {
      // The field shows the name joined and right to left: the browser draws it.
      const r = (await widgets(page))['expert-name'];
      await page.screenshot({ path: (await screenshot(page, 'phone-name-fa')).replace('.png', '-full.png') });
      await page.screenshot({ path: await screenshot(page, 'phone-name-field-fa'),
        clip: { x: r[0] - 4, y: r[1] - 4, width: r[2] - r[0] + 8, height: r[3] - r[1] + 8 } });
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a name over 200 characters, or with a line break, gets a message at the field and is kept', async () => {
  const { page, context } = await openPhoneAt('?lang=en');
  await fingerScrollTo(page, context, 'expert-role');
  await tap(page, 'expert-name');
  const long = 'A'.repeat(150) + ' ' + 'B'.repeat(60);  // 211 characters
  await page.keyboard.insertText(long);
  await waitForState(page, (s) => s.expert.name === long);
  await settle(page, 2);
  let f = await focused(page);
  assert.equal(f.invalid, 'true', 'the field is marked invalid');
  const message = await page.evaluate(() => document.activeElement.getAttribute('aria-description'));
  assert.match(message, /200/);
  const texts = await page.evaluate(() => [...document.querySelectorAll('#ahp-mirror div')].map((d) => d.textContent));
  assert.ok(texts.some((t) => /At most 200 characters/.test(t) && /211/.test(t)), 'the message is shown at the field');
  // Shortened: the message goes.
  await page.evaluate(() => { const el = document.activeElement; el.select(); });
  await page.keyboard.insertText('Maryam Ahmadi');
  await waitForState(page, (s) => s.expert.name === 'Maryam Ahmadi');
  await settle(page, 2);
  f = await focused(page);
  assert.equal(f.invalid, null);
  // A tab inserted into the role (as a paste from a spreadsheet would): kept, and a message.
  await tap(page, 'expert-role');
  await page.keyboard.insertText('Head of IT\tTehran');
  const role = (await waitForState(page, (s) => s.expert.role.includes('Tehran'))).expert.role;
  await settle(page, 2);
  assert.equal(role, 'Head of IT\tTehran', 'the tab is kept as typed');
  f = await focused(page);
  assert.equal(f.invalid, 'true', 'a tab in the role is flagged');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-description')), /single line/);
  await screenshot(page, 'phone-name-limits-en');
  await context.close();
});
