// A questionnaire that a screen reader and the keyboard alone can complete (issue 12): the
// page's accessibility tree (CDP), the keyboard from a fresh page to a downloaded answer file,
// axe-core on every screen in both languages, and the live region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serve, launch, openApp, settle, state, waitForState, click, screenshot, repoRoot } from './harness.mjs';
import { modelInfo, responses } from './research-data.mjs';

const require = createRequire(import.meta.url);
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  return { nodes, byId, role: (n) => n.role && n.role.value, name: (n) => (n.name && n.name.value) || '' };
}

const items = {  // set 1 (G) in the built-in model: its three items' labels
  en: ['E-administration', 'E-service delivery', 'E-participation'],
};

for (const lang of ['en', 'fa']) {
  test(`the accessibility tree of set 1 in ${lang}: three named radio groups of 17 named radios`, async () => {
    const { page } = await openApp(browser, server.url + `?lang=${lang}&screen=compare&set=1`);
    const s = await state(page);
    const ax = await axTree(page);
    const groups = ax.nodes.filter((n) => ax.role(n) === 'radiogroup');
    assert.equal(groups.length, 3, 'three judgments, three radio groups');
    for (const g of groups) {
      const radios = (g.childIds || []).map((id) => ax.byId.get(id)).filter((n) => ax.role(n) === 'radio');
      assert.equal(radios.length, 17, `${ax.name(g)}: 17 radios`);
      const name = ax.name(g);
      if (lang === 'en') {
        assert.match(name, /^(E-[a-z ]+|[A-Z][^:]+) or .+: which is more important, and how much\?$/, name);
        assert.ok(radios.some((r) => / strongly more important, 5$/.test(ax.name(r))), 'a radio is named with its meaning');
        assert.ok(radios.some((r) => ax.name(r) === 'Equally important, 1'));
      } else {
        assert.match(name, / یا .+: کدام مهم‌تر است و چه اندازه؟$/, name);
        assert.ok(radios.some((r) => / به‌شدت مهم‌تر، ۵$/.test(ax.name(r))), 'a radio is named with its meaning in Persian');
      }
      assert.equal(new Set(radios.map(ax.name)).size, 17, 'every radio has its own name');
    }
    if (lang === 'en') {
      const names = groups.map(ax.name).join('\n');
      for (const item of items.en) assert.ok(names.includes(item), `${item} is named`);
      assert.ok(names.includes('E-administration or E-service delivery: which is more important, and how much?'));
      const r = ax.nodes.find((n) => ax.name(n) === 'E-administration strongly more important, 5');
      assert.ok(r && ax.role(r) === 'radio', 'the issue\'s example radio name');
    }
    assert.ok(ax.nodes.some((n) => ax.role(n) === 'tablist'), 'the top bar is a tab list');
    assert.ok(ax.nodes.filter((n) => ax.role(n) === 'tab').length >= 5);
    const progress = ax.nodes.find((n) => ax.role(n) === 'progressbar');
    assert.ok(progress, 'a progress bar');
    const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
    assert.deepEqual(html, [lang, lang === 'fa' ? 'rtl' : 'ltr']);
    assert.equal(s.sets[0].answered, 0, 'reading the tree changed no answer');
    await page.context().close();
  });
}

// Tab (or Shift+Tab) until `predicate` holds for the focused widget's id.
async function tabTo(page, predicate, what, shift = false) {
  const active = () => page.evaluate(() => (document.activeElement.dataset ? document.activeElement.dataset.widget || '' : ''));
  for (let k = 0; k < 150; ++k) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    await settle(page, 1);
    const id = await active();
    if (predicate(id)) return id;
  }
  throw new Error('Tab never reached ' + what + '; last: ' + (await active()));
}

// The keyboard alone, from a fresh page: Tab to the name, type it, Enter on Start, answer set 1
// with Tab, Space and arrows, Next, the Results tab, Download.
test('keyboard only: a fresh page through set 1 to the results and a downloaded answer file', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en');
  await tabTo(page, (id) => id === 'expert-name', 'the name field');
  await page.keyboard.type('Keyboard Expert');
  await waitForState(page, (s) => s.expert.name === 'Keyboard Expert');
  await tabTo(page, (id) => id === 'start', 'Start');
  await page.keyboard.press('Enter');
  await waitForState(page, (s) => s.screen === 'compare' && s.current_set === 'G');

  // Each judgment is one Tab stop; Space picks the focused position, arrows move it.
  const pairs = ['1-2', '1-3', '2-3'];
  const arrows = [3, 10, 6];
  for (let k = 0; k < pairs.length; ++k) {
    const id = await tabTo(page, (w) => w.startsWith(`judgment/G/${pairs[k]}/`), `judgment ${pairs[k]}`);
    assert.match(id, new RegExp(`^judgment/G/${pairs[k]}/0$`), 'Tab enters an unanswered group at its first position');
    await page.keyboard.press('Space');
    for (let a = 0; a < arrows[k]; ++a) await page.keyboard.press('ArrowRight');
    await settle(page, 3);
    await waitForState(page, (s) => s.sets[0].judgments[k] !== null);
    await screenshot(page, 'keyboard-compare-en');
  }
  let s = await waitForState(page, (st) => st.sets[0].answered === 3);
  assert.deepEqual(s.sets[0].judgments, [9 - 3, 1 / 3, 9 - 6], 'the positions the arrows reached');
  // Tab reaches Next after the judgments (weights, the CR panel's actions in between).
  await tabTo(page, (id) => id === 'next', 'Next');
  await page.keyboard.press('Enter');
  s = await waitForState(page, (st) => st.current_set !== 'G');
  assert.equal(s.screen, 'compare');
  assert.equal(s.sets[0].answered, 3, 'moving on changed no answer');
  // The focus went to the new set's top: Tab from there reaches its first judgment.
  const next = await tabTo(page, (id) => id.startsWith('judgment/'), 'a judgment of set 2');
  assert.ok(next.startsWith(`judgment/${s.current_set}/1-2/`), next);
  // Results through the top bar's tab list (Shift+Tab back to it).
  await tabTo(page, (id) => id === 'nav-results', 'the Results tab', true);
  await page.keyboard.press('Enter');
  await waitForState(page, (st) => st.screen === 'results');
  await settle(page, 3);
  const download = page.waitForEvent('download');
  await tabTo(page, (id) => id === 'download-json', 'Download');
  await page.keyboard.press('Enter');
  const file = await download;
  const saved = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.equal(JSON.stringify(saved).includes('Keyboard Expert'), true, 'the downloaded answers carry the name');
  // The mirror shows nothing itself (after three screens came and went): only the text fields
  // are visible, the rest is transparent.
  const shown = await page.evaluate(() => {
    const root = document.getElementById('ahp-mirror');
    const strayText = [...root.childNodes].filter((n) => n.nodeType !== 1).map((n) => n.textContent);
    const visible = [...root.querySelectorAll('*')].filter((el) => el.tagName !== 'INPUT' || el.type !== 'text')
      .filter((el) => el.getAttribute('aria-live') === null && getComputedStyle(el).opacity !== '0' && el.parentNode === root)
      .map((el) => el.dataset.widget || el.tagName);
    return { strayText, visible };
  });
  assert.deepEqual(shown, { strayText: [], visible: [] });
  s = await state(page);
  assert.equal(s.language, 'en', 'the keyboard never switched the language');
  assert.equal(s.answered, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Escape closes the confirmation popup; Space on the focused language tab does not change anything by accident', async () => {
  const { page, context } = await openApp(browser, server.url + '?lang=fa&screen=compare&set=1');
  await click(page, 'judgment/G/1-2/3');
  await click(page, 'nav-welcome');
  await waitForState(page, (s) => s.screen === 'welcome');
  await click(page, 'start-over');
  await waitForState(page, (s) => s.confirm === 'start-over');
  await settle(page, 3);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.widget), 'confirm-no',
    'the keyboard\'s place moved to the popup\'s safe answer');
  await page.keyboard.press('Escape');
  let s = await waitForState(page, (st) => st.confirm === '');
  assert.equal(s.answered, 1, 'Escape is the safe answer');
  // The keyboard alone: Start over, then Enter on the focused safe answer keeps the answers.
  await click(page, 'start-over');
  await waitForState(page, (st) => st.confirm === 'start-over');
  await settle(page, 3);
  await page.keyboard.press('Enter');
  s = await waitForState(page, (st) => st.confirm === '');
  assert.equal(s.answered, 1, 'Enter on the safe answer keeps the answers');
  // A click on the language button leaves the page's focus there, quietly; a stray Space on
  // the canvas afterwards must not press anything.
  await page.mouse.click(5, 700);  // an empty spot of the canvas
  await page.keyboard.press('Space');
  await settle(page, 3);
  s = await state(page);
  assert.equal(s.language, 'fa');
  assert.equal(s.answered, 1);
  await context.close();
});

test('the CR verdict and the suggested value are announced in a polite live region', async () => {
  const { page, context } = await openApp(browser, server.url + '?lang=en&screen=compare&set=1');
  const live = () => page.evaluate(() => document.querySelector('#ahp-mirror [aria-live=polite]').textContent);
  await click(page, 'judgment/G/1-2/0');
  await click(page, 'judgment/G/1-3/16');
  await click(page, 'judgment/G/2-3/0');
  await page.waitForFunction(() => /Inconsistent/.test(document.querySelector('#ahp-mirror [aria-live=polite]').textContent));
  const text = await live();
  assert.match(text, /Consistency ratio/);
  assert.match(text, /Use suggested value/);
  await context.close();
});

// The tables the canvas draws, as tables: caption, header cells, rows of cells (CDP's tree).
function tables(ax) {
  const text = (n) => {
    if (ax.name(n)) return ax.name(n);
    return (n.childIds || []).map((id) => ax.byId.get(id)).filter(Boolean).map(text).join('');
  };
  const found = [];
  for (const t of ax.nodes.filter((n) => ax.role(n) === 'table')) {
    const rows = [];
    const walk = (n) => {
      if (ax.role(n) === 'row') {
        rows.push((n.childIds || []).map((id) => ax.byId.get(id))
          .filter((c) => c && ['cell', 'gridcell', 'columnheader', 'rowheader'].includes(ax.role(c)))
          .map((c) => ({ role: ax.role(c), text: text(c) })));
        return;
      }
      (n.childIds || []).forEach((id) => ax.byId.has(id) && walk(ax.byId.get(id)));
    };
    walk(t);
    found.push({ name: ax.name(t), rows });
  }
  return found;
}
const strings = {
  en: JSON.parse(fs.readFileSync(new URL('../../assets/strings/en.json', import.meta.url), 'utf8')),
  fa: JSON.parse(fs.readFileSync(new URL('../../assets/strings/fa.json', import.meta.url), 'utf8')),
};
const persianDigits = (t) => t.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]).replace(/\./g, '٫');  // and the decimal separator
// The page's elements that are loose text (not in a table) and say `text`.
const looseTexts = (page, text) => page.evaluate((t) => [...document.querySelectorAll('#ahp-mirror [data-widget]')]
  .filter((el) => el.tagName !== 'TABLE' && !el.closest('table') && el.textContent.trim() === t)
  .map((el) => el.dataset.widget), text);

for (const lang of ['en', 'fa']) {
  test(`the matrix of your comparisons is a table in ${lang}: caption, item ids as headers, the answers in their cells`, async () => {
    const { page, context, errors } = await openApp(browser, server.url + `?lang=${lang}&screen=compare&set=1`);
    // Two judgments, clicked as a person would; the third stays open.
    await click(page, 'judgment/G/1-2/3');
    await click(page, 'judgment/G/2-3/10');
    const s = await waitForState(page, (st) => st.sets[0].answered === 2);
    const set = s.sets[0];
    const digits = (t) => (lang === 'fa' && s.persian_digits ? persianDigits(t) : t);
    // What each cell must say, from the answers the app holds: a_ij, 1/a_ji, 1 on the diagonal.
    const [a12, a13, a23] = set.judgments;
    assert.equal(a13, null);
    const show = (v) => (v === null ? '-' : v >= 1 ? digits(String(Math.round(v))) : digits('1') + '/' + digits(String(Math.round(1 / v))));
    const upper = { '0,1': a12, '0,2': a13, '1,2': a23 };
    const value = (i, j) => (i === j ? 1 : i < j ? upper[`${i},${j}`] : upper[`${j},${i}`] === null ? null : 1 / upper[`${j},${i}`]);
    const ax = await axTree(page);
    const caption = strings[lang]['compare.matrix'];
    const matrix = tables(ax).find((t) => t.name === caption);
    assert.ok(matrix, `a table named "${caption}"; tables: ${JSON.stringify(tables(ax).map((t) => t.name))}`);
    assert.equal(matrix.rows.length, 4, 'a header row and a row per item');
    assert.deepEqual(matrix.rows[0].filter((c) => c.role === 'columnheader').map((c) => c.text), set.items,
      'the header row: the item ids in logical order');
    for (let i = 0; i < 3; ++i) {
      const row = matrix.rows[i + 1];
      assert.deepEqual(row[0], { role: 'rowheader', text: set.items[i] }, `row ${i + 1} is headed by its item`);
      assert.deepEqual(row.slice(1).map((c) => c.text), [0, 1, 2].map((j) => show(value(i, j))), `row ${set.items[i]}`);
    }
    assert.equal(matrix.rows[1][2].text, digits('6'), 'position 3 of the first judgment is 6');
    assert.equal(matrix.rows[3][2].text, digits('3'), 'the second judgment (1/3) read from the other side');
    // Read once, not twice: the caption and the cells are not also loose text.
    assert.deepEqual(await looseTexts(page, caption), []);
    assert.deepEqual(await looseTexts(page, set.items[0]), []);
    // An answer changed: the table follows.
    await click(page, 'judgment/G/1-3/8');
    const after = tables(await axTree(page)).find((t) => t.name === caption);
    assert.equal(after.rows[1][3].text, digits('1'), 'the new answer is in its cell');
    await screenshot(page, `a11y-matrix-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`the Results screen's weights within each group are tables in ${lang}`, async () => {
    const { page, context, errors } = await openApp(browser, server.url + `?lang=${lang}&screen=compare&set=1`);
    await click(page, 'judgment/G/1-2/3');
    await click(page, 'judgment/G/1-3/5');
    await click(page, 'judgment/G/2-3/10');
    await click(page, 'nav-results');
    const s = await waitForState(page, (st) => st.screen === 'results');
    const set = s.sets[0];
    const digits = (t) => (lang === 'fa' && s.persian_digits ? persianDigits(t) : t);
    const all = tables(await axTree(page));
    const heads = ['results.col_item', 'results.col_weight', 'results.col_rank', 'results.col_study', 'results.col_study_rank']
      .map((k) => strings[lang][k]);
    const local = all.filter((t) => t.rows.length && JSON.stringify(t.rows[0].map((c) => c.text)) === JSON.stringify(heads));
    assert.equal(local.length, s.sets.length, 'one table per group, each with the column headers');
    const g = local[0];
    assert.match(g.name, lang === 'en' ? /CR / : /CR /, 'the caption is the group with its CR');
    assert.equal(g.rows.length, 1 + set.items.length);
    const order = [...set.weights].map((w, k) => [w, k]).sort((a, b) => b[0] - a[0]).map(([, k]) => k);
    for (let k = 0; k < set.items.length; ++k) {
      const row = g.rows[k + 1];
      assert.equal(row[0].role, 'rowheader');
      assert.equal(row[1].text, digits(set.weights[k].toFixed(4)), `the weight of item ${k + 1}`);
      assert.equal(row[2].text, digits(String(order.indexOf(k) + 1)), `the rank of item ${k + 1}`);
    }
    assert.deepEqual(await looseTexts(page, heads[0]), [], 'the header cells are not loose text');
    assert.deepEqual(await looseTexts(page, g.name), [], 'the caption is not loose text');
    await screenshot(page, `a11y-results-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The page's language and direction change in the same update as its texts: a screen reader
// never meets Persian texts marked English, or the reverse; the tables (their cells kept from
// one language to the other) read the new language's headers and the new digits.
test('switching the language four times: the page\'s lang and dir change with its texts, and the tables follow', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=fa&screen=compare&set=1');
  await click(page, 'judgment/G/1-2/3');
  await click(page, 'judgment/G/1-3/5');
  await click(page, 'judgment/G/2-3/10');
  await click(page, 'nav-results');
  await waitForState(page, (st) => st.screen === 'results');
  await page.evaluate(() => {
    // At each change of <html lang>: which language the mirror's texts were in.
    window.langChanges = [];
    new MutationObserver(() => {
      const texts = [...document.querySelectorAll('#ahp-mirror th')].map((th) => th.textContent);
      window.langChanges.push({ lang: document.documentElement.lang, dir: document.documentElement.dir, texts });
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  });
  const heads = (lang) => ['results.col_item', 'results.col_weight', 'results.col_rank'].map((k) => strings[lang][k]);
  for (const lang of ['en', 'fa', 'en', 'fa']) {
    await click(page, 'language');
    const s = await waitForState(page, (st) => st.language === lang);
    await settle(page, 2);
    const change = (await page.evaluate(() => window.langChanges)).at(-1);
    assert.equal(change.lang, lang);
    assert.equal(change.dir, lang === 'fa' ? 'rtl' : 'ltr');
    for (const head of heads(lang)) assert.ok(change.texts.includes(head), `"${head}" was on the page when its lang became ${lang}`);
    for (const head of heads(lang === 'fa' ? 'en' : 'fa')) assert.ok(!change.texts.includes(head), `"${head}" was gone`);

    const local = tables(await axTree(page)).filter((t) => t.rows.length && heads(lang).every((h, k) => t.rows[0][k]?.text === h));
    assert.equal(local.length, s.sets.length, `one table per group in ${lang}`);
    const set = s.sets[0];
    const digits = (t) => (lang === 'fa' && s.persian_digits ? persianDigits(t) : t);
    for (let k = 0; k < set.items.length; ++k) {
      assert.equal(local[0].rows[k + 1][0].role, 'rowheader');
      assert.equal(local[0].rows[k + 1][1].text, digits(set.weights[k].toFixed(4)), `item ${k + 1}'s weight in ${lang}`);
    }
  }
  assert.equal((await page.evaluate(() => window.langChanges)).length, 4, 'one change of lang per switch');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the notice of sets above the threshold offers links; Enter on one goes to its set, twice in a row', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=compare&set=1');
  for (const id of ['G', 'D1']) {  // two inconsistent sets (cycles)
    await click(page, `tree/${id}`);
    await click(page, `judgment/${id}/1-2/0`);
    await click(page, `judgment/${id}/1-3/16`);
    await click(page, `judgment/${id}/2-3/0`);
  }
  assert.deepEqual((await state(page)).above_threshold, ['G', 'D1']);
  for (const id of ['D1', 'G']) {
    await click(page, 'nav-results');
    await waitForState(page, (st) => st.screen === 'results');
    const ax = await axTree(page);
    const links = ax.nodes.filter((n) => ax.role(n) === 'link' && /^! /.test(ax.name(n)));
    assert.equal(links.length, 2, 'a link to each set above the threshold: ' + links.map(ax.name));
    const tag = await page.evaluate((w) => {
      const el = document.querySelector(`#ahp-mirror [data-widget="review/${w}"]`);
      return el && el.tagName;
    }, id);
    assert.equal(tag, 'A', `review/${id} is a link element`);
    await tabTo(page, (w) => w === `review/${id}`, `the link to ${id}`);
    await page.keyboard.press('Enter');
    const s = await waitForState(page, (st) => st.screen === 'compare');
    assert.equal(s.current_set, id, `Enter on the link went to ${id}`);
    assert.equal(s.language, 'en');
    assert.deepEqual(s.above_threshold, ['G', 'D1'], 'following a link changed no answer');
  }
  assert.equal(new URL(page.url()).hash, '', 'the page\'s address did not change');
  assert.deepEqual(errors, []);
  await context.close();
});

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
async function axeSerious(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('the researcher\'s tables are tables: experts, the group matrices, the global weights, Monte Carlo (en, fa)', async () => {
  const cli = process.env.AHP_BIN || path.join(repoRoot, 'build/native/ahp');
  const model = modelInfo(cli, path.join(repoRoot, 'assets/models/egov-qom.json'));
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  await page.evaluate((list) => Module.ahpImportTexts(list), responses(model, 4, 5));
  let s = await waitForState(page, (st) => st.research.pending === 0 && st.research.experts.length === 4 && st.research.group, 60000);
  const en = strings.en;
  let all = tables(await axTree(page));
  const experts = all.find((t) => t.name === en['research.section.experts']);
  assert.ok(experts, 'the experts table; tables: ' + JSON.stringify(all.map((t) => t.name)));
  assert.deepEqual(experts.rows[0].slice(0, 4).map((c) => [c.role, c.text]),
    [['columnheader', '#'], ['columnheader', en['research.col.name']], ['columnheader', en['research.col.role']],
     ['columnheader', en['research.col.answered']]]);
  assert.equal(experts.rows.length, 1 + 4, 'a row per expert');
  assert.deepEqual(experts.rows.slice(1).map((r) => r[1].text), s.research.experts.map((e) => e.name), 'their names, in order');
  assert.deepEqual(experts.rows.slice(1).map((r) => r.slice(-2).map((c) => c.text)),
    s.research.experts.map((e) => [e.included ? en['research.used'] : en['research.not_used'], e.weight.toFixed(2)]),
    'the checkbox and the weight field say what they show');
  assert.deepEqual(await axeSerious(page), [], 'axe on the experts table');

  await click(page, 'research/section/group');
  s = await state(page);
  const first = s.research.group.sets.find((t) => t.set === s.research.set) || s.research.group.sets[0];
  all = tables(await axTree(page));
  for (const key of ['research.aij_matrix', 'research.normalized_matrix', 'research.consistency_table', 'research.global'])
    assert.ok(all.some((t) => t.name === en[key]), `a table named "${en[key]}"`);
  const aij = all.find((t) => t.name === en['research.aij_matrix']);
  assert.equal(aij.rows.length, 1 + first.items.length, 'a header row and a row per item');
  assert.ok(aij.rows.slice(1).every((r) => r[0].role === 'rowheader'), 'each row headed by its item');
  assert.equal(aij.rows[1][1].text, '1.000', 'the diagonal');
  assert.deepEqual(await axeSerious(page), [], 'axe on the group tables');

  await click(page, 'research/section/uncertainty');
  await click(page, 'research/mc-run');
  s = await waitForState(page, (st) => st.research.monte_carlo !== null, 60000);
  await settle(page, 3);
  const mc = tables(await axTree(page)).find((t) => t.name === en['research.section.uncertainty']);
  assert.ok(mc, 'the Monte Carlo table');
  assert.equal(mc.rows.length, 1 + s.research.monte_carlo.leaves.length, 'a row per indicator');
  assert.deepEqual(await axeSerious(page), [], 'axe on the Monte Carlo table');

  // Persian: the same tables, named and filled in Persian.
  await click(page, 'language');
  await settle(page, 5);
  all = tables(await axTree(page));
  const fa = all.find((t) => t.name === strings.fa['research.section.uncertainty']);
  assert.ok(fa, 'the Monte Carlo table in Persian; tables: ' + JSON.stringify(all.map((t) => t.name)));
  assert.equal(fa.rows[0][1].text, strings.fa['research.col.node'], 'headers in logical order');
  assert.equal(fa.rows[1][0].text, '۱', 'rank 1 first, in Persian digits');
  assert.deepEqual(await axeSerious(page), [], 'axe in Persian');
  await click(page, 'research/section/group');
  all = tables(await axTree(page));
  assert.ok(all.some((t) => t.name === strings.fa['research.aij_matrix']));
  assert.deepEqual(await axeSerious(page), [], 'axe on the group tables in Persian');
  assert.deepEqual(errors, []);
  await context.close();
});
for (const lang of ['fa', 'en']) {
  for (const screen of ['welcome', 'compare', 'results', 'research', 'editor']) {
    test(`axe-core: no serious or critical violations on ${screen} in ${lang}`, async () => {
      const { page, context } = await openApp(browser, server.url + `?lang=${lang}&screen=${screen}&set=1`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
      await context.close();
    });
  }
}

for (const lang of ['en', 'fa']) {
  test(`the model editor's tree by keyboard and screen reader (${lang}): Tab reaches its rows, Enter selects one, three in a row`, async () => {
    const { page, context, errors } = await openApp(browser, server.url + `?lang=${lang}&screen=editor`);
    for (const id of ['D2', 'G', 'D1']) {
      await tabTo(page, (w) => w === `editor/node/${id}`, `the tree's row ${id}`);
      await page.keyboard.press('Enter');
      await waitForState(page, (st) => st.editor.selected === id);
    }
    // Each row a named button; the selected one is the current one, and says its level. The mirror
    // follows the frame that draws the new state, one after the frame that took the key.
    const follows = await page.waitForFunction(() => document.querySelector('#ahp-mirror [data-widget="editor/node/D1"]')
      ?.getAttribute('aria-current') === 'true', null, { timeout: 5000 }).then(() => true, () => false);
    assert.ok(follows, 'the mirror marks the selected row D1 as the current one');
    const ax = await axTree(page);
    const rows = ax.nodes.filter((n) => ax.role(n) === 'button' && /\((G|D1|D2|D3)\)$/.test(ax.name(n)));
    assert.deepEqual(rows.map((n) => ax.name(n).match(/\((\w+)\)$/)[1]), ['G', 'D1', 'D2', 'D3'], 'rows in the tree\'s order');
    const current = await page.evaluate(() => {
      const el = document.querySelector('#ahp-mirror [data-widget="editor/node/D1"]');
      return { current: el.getAttribute('aria-current'), description: el.getAttribute('aria-description') };
    });
    assert.equal(current.current, 'true');
    assert.match(current.description, lang === 'en' ? /^level 2, \d+ items below it$/ : /^سطح ۲، [۰-۹]+ زیرشاخه$/);
    await screenshot(page, `a11y-editor-tree-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const lang of ['en', 'fa']) {
  test(`the Research tab's CR rule by keyboard and screen reader (${lang}): a named checkbox that Space turns on and off`, async () => {
    const { page, context, errors } = await openApp(browser, server.url + `?lang=${lang}&screen=research`);
    const first = (await state(page)).research.cr_rule;
    await tabTo(page, (w) => w === 'research/cr-rule', 'the CR rule\'s checkbox');
    for (let k = 1; k <= 3; ++k) {
      await page.keyboard.press('Space');
      const s = await waitForState(page, (st) => (st.research.cr_rule === null) === ((first === null) === (k % 2 === 0)));
      // The mirror follows the frame that draws the new state, one after the frame that took the key.
      const on = s.research.cr_rule !== null;
      const follows = await page.waitForFunction((want) => document.querySelector('#ahp-mirror [data-widget="research/cr-rule"]').checked === want,
        on, { timeout: 5000 }).then(() => true, () => false);
      assert.ok(follows, `Space ${k}: the mirror's box follows the rule (${on ? 'on' : 'off'})`);
    }
    const ax = await axTree(page);
    const box = ax.nodes.find((n) => ax.role(n) === 'checkbox' && ax.name(n) === strings[lang]['research.cr_rule']);
    assert.ok(box, 'a checkbox named by the rule\'s sentence');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
