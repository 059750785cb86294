// The model editor in a real browser, used like a person: select a node, add a child, rename it
// by typing, see the problems list change as you go, move a node through the "move under"
// combo (never under itself), delete a subtree after a confirmation, make the #model= share
// link and open it in a new page (the questionnaire asks the edited model), switch this page's
// questionnaire to the edited model (asking first when there are answers), and open model files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, waitForState, click, clickAndReload, settle, screenshot, widgets, clickSettled } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});


// Replaces a text field's content by typing: click it, select all, type (one key per frame).
async function retype(page, id, text) {
  await click(page, id);
  await page.keyboard.press('Control+A');
  await settle(page, 2);
  await page.keyboard.type(text);
  await settle(page, 2);
}

const problemKeys = (s) => s.editor.problems.map((p) => `${p.severity}:${p.key}:${p.node}`);

test('editor: add a node, rename it by typing, share the link; the link asks the edited model', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=editor');
  let s = await waitForState(page, (s) => s.editor.loaded);
  assert.equal(s.screen, 'editor');
  assert.equal(s.editor.nodes, 52);
  assert.equal(s.editor.hash, s.model.hash, 'the editor starts from the questionnaire\'s model, same hash');
  assert.deepEqual(s.editor.problems, []);
  assert.equal(s.editor.judgments, 78);
  await screenshot(page, 'editor-en');

  await click(page, 'editor/node/C12');
  s = await waitForState(page, (s) => s.editor.selected === 'C12');
  await click(page, 'editor/add-child');
  s = await waitForState(page, (s) => s.editor.nodes === 53);
  assert.equal(s.editor.selected, 'N1');
  assert.equal(s.editor.selected_labels.en, 'New item');
  assert.equal(s.editor.selected_labels.fa, 'گزینهٔ تازه');
  assert.equal(s.editor.judgments, 80, 'C12 now compares 3 items: 3 judgments instead of 1');
  assert.notEqual(s.editor.hash, s.model.hash);

  await retype(page, 'editor/label/en', 'Open data portal');
  s = await waitForState(page, (s) => s.editor.selected_labels.en === 'Open data portal');
  await retype(page, 'editor/id', 'I123');
  s = await waitForState(page, (s) => s.editor.selected === 'I123');
  assert.ok(s.editor.valid);

  // A duplicate id, typed: an error at once, and the share button refuses.
  await retype(page, 'editor/id', 'I122');
  s = await waitForState(page, (s) => s.editor.selected === 'I122');
  assert.ok(problemKeys(s).includes('error:editor.problem.id_duplicate:I122'), JSON.stringify(s.editor.problems));
  assert.equal(s.editor.valid, false);
  await screenshot(page, 'editor-en-duplicate');
  await retype(page, 'editor/id', 'I123');
  s = await waitForState(page, (s) => s.editor.selected === 'I123' && s.editor.valid);

  // A child under the new leaf: "one child, nothing to compare" (a remark, still valid).
  await click(page, 'editor/add-child');
  s = await waitForState(page, (s) => s.editor.nodes === 54);
  assert.deepEqual(problemKeys(s), ['info:editor.problem.one_child:I123']);
  assert.ok(s.editor.valid);
  await screenshot(page, 'editor-en-remark');
  await click(page, 'editor/delete');  // a leaf goes without a question
  s = await waitForState(page, (s) => s.editor.nodes === 53);
  assert.equal(s.editor.selected, 'I123');
  assert.deepEqual(s.editor.problems, []);

  await click(page, 'editor/share');
  s = await waitForState(page, (s) => s.editor.share_link !== '');
  assert.match(s.editor.share_link, /^http:\/\/127\.0\.0\.1:\d+\/#model=[A-Za-z0-9_-]+$/);
  await settle(page, 3);
  await screenshot(page, 'editor-en-link');
  const edited = s.editor;

  // The link, in a new page: the questionnaire of the edited model.
  const other = await openApp(browser, edited.share_link);
  const q = await waitForState(other.page, (q) => q.model.hash === edited.hash);
  assert.equal(q.screen, 'welcome');
  assert.equal(q.total, 80);
  assert.equal(q.sets.length, 14);
  assert.deepEqual(q.sets.find((set) => set.id === 'C12').items, ['I121', 'I122', 'I123']);
  assert.equal(q.link_error, '');
  assert.deepEqual(other.errors, []);
  await other.context.close();

  assert.deepEqual(errors, []);
  await context.close();
});

test('editor in Persian: mirrored layout, move under another parent (never its own subtree), a subtree is deleted after a yes', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=fa&screen=editor');
  let s = await waitForState(page, (s) => s.editor.loaded);
  await screenshot(page, 'editor-fa');
  // Mirrored: the tree is on the right, the fields on the left.
  let w = await widgets(page);
  assert.ok(w['editor/node/G'][0] > w['editor/id'][2], 'tree right of the fields in Persian');

  await click(page, 'editor/node/I111');
  await click(page, 'editor/add-child');
  s = await waitForState(page, (s) => s.editor.nodes === 53);
  assert.deepEqual(problemKeys(s), ['info:editor.problem.one_child:I111']);
  await screenshot(page, 'editor-fa-remark');

  // Move the new node under D2 with the combo.
  await click(page, 'editor/move-to');
  await clickSettled(page, 'editor/move-to/D2');
  s = await waitForState(page, (s) => s.editor.tree.find((n) => n.id === 'N1')?.parent === 'D2');
  assert.deepEqual(s.editor.problems, []);
  assert.equal(s.editor.judgments, 78 - 6 + 10, 'D2 compares 5 items now');

  // D1 cannot move under itself or anything below it.
  await click(page, 'editor/node/D1');
  await click(page, 'editor/move-to');
  await settle(page, 3);
  w = await widgets(page);
  const choices = Object.keys(w).filter((k) => k.startsWith('editor/move-to/')).map((k) => k.slice('editor/move-to/'.length));
  assert.ok(choices.includes('G') && choices.includes('D2') && choices.includes('I211'), choices.join(','));
  for (const own of ['D1', 'C11', 'C12', 'C13', 'I111', 'I133']) assert.ok(!choices.includes(own), `${own} offered`);
  await page.keyboard.press('Escape');
  await settle(page, 3);

  // Deleting D1 (13 nodes) asks first; "no" keeps it, "yes" deletes it.
  await click(page, 'editor/delete');
  s = await waitForState(page, (s) => s.editor.confirm === 'delete');
  await settle(page, 3);
  await screenshot(page, 'editor-fa-confirm');
  await clickSettled(page, 'editor/confirm-no');
  s = await waitForState(page, (s) => s.editor.confirm === '');
  assert.equal(s.editor.nodes, 53);
  // The same popup as the survey's (ConfirmPopup): the keyboard lands on the safe answer, and
  // Escape is that answer, twice in a row.
  for (let round = 0; round < 2; ++round) {
    await click(page, 'editor/delete');
    await waitForState(page, (s) => s.editor.confirm === 'delete');
    await settle(page, 3);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.widget), 'editor/confirm-no',
      'the keyboard\'s place moved to the popup\'s safe answer');
    await page.keyboard.press('Escape');
    s = await waitForState(page, (s) => s.editor.confirm === '');
    assert.equal(s.editor.nodes, 53, 'Escape keeps the subtree');
    await settle(page, 3);
  }
  await click(page, 'editor/delete');
  await waitForState(page, (s) => s.editor.confirm === 'delete');
  await clickSettled(page, 'editor/confirm-yes');
  s = await waitForState(page, (s) => s.editor.nodes === 40);
  assert.equal(s.editor.selected, 'G');
  assert.deepEqual(s.editor.tree.filter((n) => n.depth === 1).map((n) => n.id), ['D2', 'D3']);
  assert.ok(s.editor.valid);
  await screenshot(page, 'editor-fa-deleted');

  assert.deepEqual(errors, []);
  await context.close();
});

test('editor: "use this model" asks first when the expert has answers; model files open in the editor', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=compare');
  await click(page, 'judgment/G/1-2/3');
  let s = await waitForState(page, (s) => s.answered === 1);
  const original = s.model.hash;
  // The survey page has no editor: the tab reloads the page as the workbench, the answer kept.
  assert.equal(s.workbench, false);
  await clickAndReload(page, 'nav-editor');
  s = await waitForState(page, (s) => s.screen === 'editor' && s.editor.loaded);
  assert.equal(s.workbench, true);
  assert.equal(s.answered, 1);
  assert.match(page.url(), /[?&]screen=editor/);
  await click(page, 'editor/node/C12');
  await click(page, 'editor/add-child');
  s = await waitForState(page, (s) => s.editor.nodes === 53);

  await click(page, 'editor/use');
  s = await waitForState(page, (s) => s.editor.confirm === 'use-model');
  await settle(page, 3);
  await screenshot(page, 'editor-en-use-confirm');
  await clickSettled(page, 'editor/confirm-no');
  s = await waitForState(page, (s) => s.editor.confirm === '');
  assert.equal(s.model.hash, original);
  assert.equal(s.answered, 1);
  await click(page, 'editor/use');
  await waitForState(page, (s) => s.editor.confirm === 'use-model');
  await clickSettled(page, 'editor/confirm-yes');
  s = await waitForState(page, (s) => s.model.hash === s.editor.hash);
  assert.equal(s.screen, 'editor');
  assert.equal(s.total, 80);
  assert.equal(s.answered, 0, 'the edited model starts unanswered');
  assert.equal(s.editor.status.key, 'editor.status.used');

  // A model file given on the editor screen opens in the editor (after a question: the
  // editor's changes were not downloaded); a bad one says why and changes nothing.
  const small = {
    format: 'ahp-model', version: 1, id: 'tiny', title: { en: 'Tiny', fa: 'کوچک' }, languages: ['en', 'fa'],
    nodes: [
      { id: 'G', parent: null, labels: { en: 'Goal', fa: 'هدف' } },
      { id: 'A', parent: 'G', labels: { en: 'A', fa: 'الف' } },
      { id: 'B', parent: 'G', labels: { en: 'B', fa: 'ب' } },
    ],
  };
  const used = s.model.hash;
  await page.evaluate((list) => Module.ahpImportTexts(list), [{ name: 'broken.json', text: '{"format": "ahp-model",' }]);
  s = await waitForState(page, (s) => s.editor.load_error !== '');
  assert.match(s.editor.load_error, /^broken\.json: /);
  assert.equal(s.editor.nodes, 53);
  await page.evaluate((list) => Module.ahpImportTexts(list), [{ name: 'tiny.json', text: JSON.stringify(small) }]);
  s = await waitForState(page, (s) => s.editor.confirm === 'replace');
  await clickSettled(page, 'editor/confirm-yes');
  s = await waitForState(page, (s) => s.editor.nodes === 3);
  assert.equal(s.editor.model_id, 'tiny');
  assert.equal(s.editor.load_error, '');
  assert.equal(s.model.hash, used, 'the questionnaire is untouched');
  assert.equal(s.total, 80);

  assert.deepEqual(errors, []);
  await context.close();
});

test('editor: a label too long for its row is cut, the row keeps its id in view, and the mouse over it shows it whole', async () => {
  for (const [lang, long, short] of [['en', 'I112', 'I113'], ['fa', 'I132', 'I131']]) {
    const { page, context, errors } = await openApp(browser, server.url + `?lang=${lang}&screen=editor`);
    await waitForState(page, (s) => s.editor.loaded);
    // Three times over, the long row then the short one: a tooltip over the long one only.
    for (let round = 0; round < 3; ++round) {
      for (const [id, cut] of [[long, true], [short, false]]) {
        const [x0, y0, x1, y1] = (await widgets(page))['editor/node/' + id];
        await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2);
        await settle(page, 3);
        assert.equal('tooltip' in await widgets(page), cut, `${lang}: ${id}'s whole label as a tooltip: ${cut}`);
      }
    }
    await screenshot(page, `editor-${lang}-long-label`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
