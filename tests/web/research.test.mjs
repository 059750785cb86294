// The researcher's desk in a real browser: load many experts' response files, check the group
// tables the page computes against the native `ahp group` on the same files (1e-12), exclude and
// weight experts by clicking and typing, the CR rule, consensus, sensitivity, Monte Carlo, the
// downloads, and 3,000 files loading while the page keeps drawing (their figures: bench_research.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, state, waitForState, click, settle, screenshot, repoRoot, widgets } from './harness.mjs';
import { modelInfo, responses, response, random } from './research-data.mjs';

const cli = process.env.AHP_BIN || path.join(repoRoot, 'build/native/ahp');
const modelPath = path.join(repoRoot, 'assets/models/egov-qom.json');
let server, browser, model, tmp;
before(async () => {
  server = await serve();
  browser = await launch();
  model = modelInfo(cli, modelPath);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-research-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// `ahp group` on the same files (written to a folder under their names).
function cliGroup(files, args = [], format = 'json') {
  const dir = fs.mkdtempSync(path.join(tmp, 'g-'));
  const paths = files.map((f) => { const p = path.join(dir, f.name); fs.writeFileSync(p, f.text); return p; });
  const r = spawnSync(cli, ['group', modelPath, ...paths, '--format', format, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `ahp group failed: ${r.stderr}`);
  return format === 'json' ? JSON.parse(r.stdout) : r.stdout;
}

// Same structure, same strings, numbers within 1e-12 (keys in `skip` ignored at the top).
function assertClose(actual, expected, where = '', skip = ['files']) {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${where}: ${actual} is not a number`);
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${where}: browser ${actual}, CLI ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: not an array`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, k) => assertClose(actual[k], e, `${where}[${k}]`, []));
  } else if (expected && typeof expected === 'object') {
    for (const key of Object.keys(expected)) if (!skip.includes(key)) assertClose(actual[key], expected[key], `${where}.${key}`, []);
  } else {
    assert.equal(actual, expected, where);
  }
}

async function give(page, files) {
  await page.evaluate((list) => Module.ahpImportTexts(list), files);
}
async function loaded(page, experts) {
  return waitForState(page, (s) => s.research.pending === 0 && !s.research.computing && s.research.experts.length === experts && s.research.group, 60000);
}
// Types into a numeric field like a person: click, clear, type, Enter.
async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.press('End');
  for (let k = 0; k < 8; ++k) { await page.keyboard.press('Backspace'); await settle(page, 1); }
  await page.keyboard.type(text);
  await settle(page, 2);
  await page.keyboard.press('Enter');
  await settle(page, 3);
}

test('group results in the browser equal `ahp group` on the same files; exclusion, weights and the CR rule', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  let s = await state(page);
  assert.equal(s.screen, 'research');
  assert.equal(s.research.experts.length, 0);

  const files = responses(model, 9, 11, { skip: 0.03 });
  const bad = [
    { name: 'other-model.json', text: files[0].text.replace(model.hash, '0000000000000000') },
    { name: 'broken.json', text: '{"format": "ahp-response", "version": 1, ' },
    { name: 'copy-of-1.json', text: files[0].text },
  ];
  await give(page, [...files, ...bad]);
  s = await loaded(page, 9);
  // Each bad file is named with what is wrong; nothing else changed.
  const problems = s.research.problems;
  assert.equal(problems.length, 2);
  assert.equal(problems[0].file, 'other-model.json');
  assert.match(problems[0].message, /other-model\.json.*hash/);
  assert.equal(problems[1].file, 'broken.json');
  // The same expert's file again (the same saved_at): a revision that is not newer, so the
  // first one stays in use and the copy is listed as superseded by it.
  assert.equal(s.research.duplicates.length, 0);
  assert.equal(s.research.superseded.length, 1);
  assert.equal(s.research.superseded[0].file, 'copy-of-1.json');
  assert.equal(s.research.superseded[0].superseded_by, files[0].name);
  assert.equal(s.answered, 0, "the questionnaire's own answers are untouched");
  await screenshot(page, 'research-experts-en');

  assertClose(s.research.group, cliGroup(files), 'all experts');
  assert.equal(s.research.group.experts.length, 9);
  // Each expert's CR per set is the one the CLI reports.
  s.research.experts.forEach((e, k) => e.cr.forEach((cr, set) => {
    const expected = s.research.group.sets[set].expert_cr[k];
    if (expected === null) assert.equal(cr, null); else assert.ok(Math.abs(cr - expected) < 1e-12);
  }));

  // Leave expert 2 out by clicking its checkbox.
  await click(page, 'research/include/1');
  s = await waitForState(page, (st) => st.research.experts[1].included === false && st.research.group?.experts.length === 8);
  const without2 = files.filter((_, k) => k !== 1);
  assertClose(s.research.group, cliGroup(without2), 'expert 2 excluded');

  // Expert 1 counts three times: type 3 into the weight field.
  await typeInto(page, 'research/weight/0', '3');
  s = await waitForState(page, (st) => st.research.experts[0].weight === 3);
  assert.deepEqual(s.research.group.experts.map((e) => e.weight), [3, 1, 1, 1, 1, 1, 1, 1]);
  assertClose(s.research.group, cliGroup(without2, ['--weights', '3,1,1,1,1,1,1,1']), 'weighted');
  const aij = s.research.group.sets[0].matrix[0][1];
  // The weighted geometric mean of the experts' a12 in G, by hand.
  const a12 = without2.map((f) => JSON.parse(f.text).judgments.find((j) => j.set === 'G' && j.row === 'D1' && j.col === 'D2')?.value);
  const w = [3, 1, 1, 1, 1, 1, 1, 1];
  let num = 0, den = 0;
  a12.forEach((v, k) => { if (v !== undefined) { num += w[k] * Math.log(v); den += w[k]; } });
  assert.ok(Math.abs(aij - Math.exp(num / den)) < 1e-12, `AIJ a12 ${aij} vs ${Math.exp(num / den)}`);

  // The CR rule.
  await click(page, 'research/cr-rule');
  s = await waitForState(page, (st) => st.research.cr_rule === 0.1);
  assertClose(s.research.group, cliGroup(without2, ['--weights', '3,1,1,1,1,1,1,1', '--exclude-above', '0.1']), 'CR rule');
  assert.ok(s.research.group.sets.some((set) => set.expert_included.includes(false)), 'some matrix is left out');
  await screenshot(page, 'research-experts-rule-en');

  // AIP beside AIJ: a weighted geometric mean of the experts' priorities, renormalised.
  const aip = s.research.aip[0];
  assert.equal(aip.weights.length, 3);
  assert.ok(Math.abs(aip.weights.reduce((a, b) => a + b, 0) - 1) < 1e-12);

  // The group section in both languages.
  await click(page, 'research/section/group');
  s = await state(page);
  assert.equal(s.research.section, 'group');
  await screenshot(page, 'research-group-en');
  await click(page, 'language');
  await settle(page, 5);
  await screenshot(page, 'research-group-fa');
  await click(page, 'research/section/experts');
  await screenshot(page, 'research-experts-fa');
  // Percentages in Persian: Persian digits and the Arabic percent sign (the mirror's table
  // cells hold what the canvas draws).
  const cells = await page.evaluate(() => [...document.querySelectorAll('#ahp-mirror table td')].map((td) => td.textContent.trim()));
  assert.ok(cells.some((t) => /^[۰-۹]+٪$/.test(t)), 'the answered column reads like ۱۰۰٪: ' + cells.slice(0, 12).join(' | '));
  assert.ok(!cells.some((t) => /%$/.test(t)), 'no Latin % after Persian digits');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('identical experts in a set agree completely (S* = 1); sensitivity finds a constructed reversal; Monte Carlo; downloads', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  // Five experts who answer every set but G identically (so they are not duplicates), and
  // whose D1 judgments put C11 far above C12 and C13.
  const fixed = {};
  for (const set of model.sets) if (set.set !== 'G') {
    const n = set.items.length;
    const values = [];
    for (let i = 0; i < n; ++i) for (let j = i + 1; j < n; ++j) values.push(set.set === 'D1' ? (i === 0 ? 7 : 1) : (i + j) % 2 ? 2 : 1 / 3);
    fixed[set.set] = values;
  }
  const rand = random(5);
  const files = [];
  for (let e = 0; e < 5; ++e) {
    const f = { ...fixed, G: [[1 / 3, 1 / 2, 2], [1 / 4, 1 / 3, 1], [1 / 2, 1, 2], [1 / 5, 1 / 2, 3], [1 / 3, 1 / 3, 1]][e] };
    files.push({ name: `same-${e + 1}.json`, text: response(model, `Same ${e + 1}`, rand, { fixed: f }) });
  }
  await give(page, files);
  let s = await loaded(page, 5);
  assertClose(s.research.group, cliGroup(files), 'identical experts');
  for (const set of s.research.group.sets) {
    if (set.set === 'G') { assert.ok(set.consensus.s_star < 1); continue; }
    assert.ok(Math.abs(set.consensus.s_star - 1) < 1e-12, `${set.set}: S* ${set.consensus.s_star}`);
    assert.equal(set.consensus.level, 'very high');
  }
  // Distances: identical outside G, so each expert's distance is its G distance / number of sets.
  for (const e of s.research.experts) assert.ok(e.mean_distance >= 0);

  // Sensitivity on D1 (the default node): leaves under D1 gain as it grows. From the CLI's
  // local weights, the crossing of C11's first indicator with the top leaf outside D1 is where
  // their straight lines meet; the page must list that reversal.
  await click(page, 'research/section/sensitivity');
  s = await waitForState(page, (st) => st.research.sensitivity && st.research.sensitivity.node === 'D1');
  const group = cliGroup(files);
  const node = Object.fromEntries(group.nodes.map((n) => [n.id, n]));
  const leafIds = group.nodes.filter((n) => n.leaf_rank !== null).map((n) => n.id);
  const base = node.D1.local_weight;
  const underD1 = (id) => { for (let k = id; k; k = node[k]?.parent) if (k === 'D1') return true; return false; };
  const at = (id, x) => {  // global weight with D1's local weight at x (siblings keep their proportions)
    const scale = underD1(id) ? x / base : (node[id] && !underD1(id) ? (1 - x) / (1 - base) : 1);
    return node[id].global_weight * scale;
  };
  const a = leafIds.filter(underD1).sort((p, q) => node[q].global_weight - node[p].global_weight)[0];
  const b = leafIds.filter((id) => !underD1(id)).sort((p, q) => node[q].global_weight - node[p].global_weight)[0];
  // at(a, x) = ga x / base; at(b, x) = gb (1 - x) / (1 - base): equal at x*.
  const ga = node[a].global_weight / base, gb = node[b].global_weight / (1 - base);
  const xStar = gb / (ga + gb);
  const found = s.research.sensitivity.reversals.find((r) => (r.above === a && r.below === b) || (r.above === b && r.below === a));
  assert.ok(found, `reversal of ${a} and ${b} listed`);
  assert.ok(Math.abs(found.weight - xStar) < 1e-12, `reversal at ${found.weight}, expected ${xStar}`);
  // Drag the slider to either side of x*: the page's ranking flips a and b.
  const slider = (await widgets(page))['research/slider'];
  const grab = 20;
  const xAt = (v) => slider[0] + grab / 2 + v * (slider[2] - slider[0] - grab);
  for (const v of [Math.max(0.02, xStar - 0.15), Math.min(0.98, xStar + 0.15)]) {
    await page.mouse.move(xAt(base), (slider[1] + slider[3]) / 2);
    await page.mouse.down();
    await settle(page, 2);
    await page.mouse.move(xAt(v), (slider[1] + slider[3]) / 2, { steps: 5 });
    await settle(page, 2);
    await page.mouse.up();
    s = await waitForState(page, (st) => Math.abs(st.research.sensitivity.weight - v) < 0.05);
    const x = s.research.sensitivity.weight;
    const ranking = s.research.sensitivity.ranking;
    assert.equal(ranking.indexOf(a) < ranking.indexOf(b), x > xStar, `at ${x}: ${a} vs ${b}`);
    for (const id of leafIds) assert.ok(Math.abs(s.research.sensitivity.leaf_weights[id] - at(id, x)) < 1e-12, `${id} at ${x}`);
    await screenshot(page, x > xStar ? 'research-sensitivity-after-en' : 'research-sensitivity-before-en');
  }
  await click(page, 'language');
  await settle(page, 5);
  await screenshot(page, 'research-sensitivity-fa');

  // Monte Carlo on demand.
  await click(page, 'research/section/uncertainty');
  s = await state(page);
  assert.equal(s.research.monte_carlo, null);
  await click(page, 'research/mc-run');
  s = await waitForState(page, (st) => st.research.monte_carlo !== null, 60000);
  assert.equal(s.research.monte_carlo.samples, 2000);
  for (const leaf of s.research.monte_carlo.leaves) {
    assert.ok(leaf.p05 <= leaf.mean + 1e-15 && leaf.mean <= leaf.p95 + 1e-15, leaf.id);
    assert.ok(Math.abs(leaf.rank_probability.reduce((x, y) => x + y, 0) - 1) < 1e-9);
  }
  await screenshot(page, 'research-uncertainty-fa');
  await click(page, 'language');
  await settle(page, 5);
  await screenshot(page, 'research-uncertainty-en');

  // Downloads: the CLI's Markdown byte for byte, its CSV and JSON to 1e-12.
  const download = async (id) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click(page, `research/download-${id}`)]);
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
  };
  // The same lines; numbers may differ in the last bits (WebAssembly's libm vs the native one).
  const assertSameCsv = (text, expected, where) => {
    const a = text.split('\r\n'), b = expected.split('\r\n');
    assert.equal(a.length, b.length, where);
    a.forEach((line, k) => {
      const x = line.split(','), y = b[k].split(',');
      assert.deepEqual(x.slice(0, -1), y.slice(0, -1), `${where} line ${k + 1}`);
      const u = x.at(-1), v = y.at(-1);
      if (u !== v) assert.ok(Math.abs(Number(u) - Number(v)) <= 1e-12 * Math.max(1, Math.abs(Number(v))), `${where} line ${k + 1}: ${u} vs ${v}`);
    });
  };
  await click(page, 'research/section/reports');
  for (const [id, format, name] of [['csv', 'csv', 'egov-qom-group.csv'], ['md', 'markdown', 'egov-qom-group.md'], ['json', 'json', 'egov-qom-group.json']]) {
    const { name: suggested, text } = await download(id);
    assert.equal(suggested, name);
    if (format === 'json') assertClose(JSON.parse(text), group, 'downloaded JSON');
    else {
      const expected = cliGroup(files, ['--language', 'en'], format);
      if (format === 'markdown') assert.equal(text, expected, 'the Markdown report equals the CLI\'s');
      else assertSameCsv(text, expected, 'English CSV');
    }
  }
  // The CSV is for spreadsheets: a byte-order mark, and the labels in the interface's language.
  const labels = Object.fromEntries(JSON.parse(fs.readFileSync(modelPath, 'utf8')).nodes.map((n) => [n.id, n.labels]));
  const english = (await download('csv')).text;
  assert.ok(english.startsWith('\uFEFFtable,expert,role,set,set_label,row,row_label,col,col_label,value\r\n'), 'BOM and header');
  assert.ok(english.includes(`\r\nweight,,,G,${labels.G.en},D1,${labels.D1.en},,,`), 'English labels beside the ids');
  assert.ok(english.includes('\r\nexpert_cr,Same 1,'), 'the expert\'s name on the expert rows');
  await click(page, 'language');
  await waitForState(page, (st) => st.language === 'fa');
  const persian = await download('csv');
  assert.equal(persian.name, 'egov-qom-group.csv');
  assert.ok(persian.text.startsWith('\uFEFFtable,expert,role,set,set_label,row,row_label,col,col_label,value\r\n'), 'BOM and header in Persian too');
  assert.ok(persian.text.includes(`\r\nweight,,,G,${labels.G.fa},D1,${labels.D1.fa},,,`), 'Persian labels beside the ids');
  assert.ok(!persian.text.includes(labels.D1.en), 'no English label in the Persian CSV');
  assertSameCsv(persian.text, cliGroup(files, ['--language', 'fa'], 'csv'), 'Persian CSV');
  await click(page, 'language');
  await waitForState(page, (st) => st.language === 'en');
  s = await state(page);
  assert.equal(s.research.status.key, 'research.status.downloaded');
  await screenshot(page, 'research-reports-en');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('3,000 response files load in the browser while it keeps drawing, and agree with the CLI', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=fa&screen=research');
  const files = responses(model, 3000, 2024, { skip: 0.01 });
  // Longest gap between two animation frames while loading.
  await page.evaluate(() => {
    window.maxGap = 0; window.frames = 0; let last = performance.now();
    const tick = (t) => {  // a screenshot stalls the page: its frames are not counted
      if (!window.pauseGaps) window.maxGap = Math.max(window.maxGap, t - last);
      last = t; ++window.frames;
      if (!window.stopTicks) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const start = Date.now();
  await give(page, files);
  // Polls only the widgets' rectangles (cheap) so the frame gaps are the app's own.
  let sawProgress = false;
  for (const end = Date.now() + 120000; Date.now() < end;) {
    const w = await widgets(page);
    if (w['research/progress']) {
      if (!sawProgress) {
        await page.evaluate(() => { window.pauseGaps = true; });
        await screenshot(page, 'research-loading-fa');
        // Two more passes of the app's loop (not settle(): the app is busy until the end).
        const passes = await page.evaluate(() => Module._ahp_loop_count());
        await page.waitForFunction((n) => Module._ahp_loop_count() >= n, passes + 2, { polling: 'raf' });
        // From here on the files are queued: the gaps are the app's processing, not the
        // 50 MB hand-over from the test to the page.
        await page.evaluate(() => { window.deliveryGap = window.maxGap; window.maxGap = 0; window.pauseGaps = false; });
      }
      sawProgress = true;
    } else if (sawProgress) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(sawProgress, 'a progress bar was shown while loading');
  const seconds = (Date.now() - start) / 1000;
  const gapInfo = await page.evaluate(() => { window.stopTicks = true; return { maxGap: window.maxGap, frames: window.frames, deliveryGap: window.deliveryGap }; });
  const { maxGap, frames } = gapInfo;
  const s = await loaded(page, 3000);
  // Figures for the log only (scripts/bench.sh measures them: bench_research.mjs).
  console.log(`3000 files: ${seconds.toFixed(1)} s, ${frames} frames, longest frame gap while processing ${maxGap.toFixed(0)} ms (handing the files over: ${gapInfo.deliveryGap.toFixed(0)} ms)`);
  assert.ok(frames > 10, 'the page kept drawing while loading');
  assert.equal(s.research.computing, false);
  assert.equal(s.research.parsed_ahead, 3000, 'every file was parsed by the reading worker, off the page\'s thread');
  assertClose(s.research.group, cliGroup(files), '3000 experts');
  await screenshot(page, 'research-3000-fa');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('while files load, the app draws its own progress at most 20 times a second, and a moved pointer at the next frame', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  const files = responses(model, 2500, 77, { skip: 0.01 });
  // At each animation frame: did the app draw since the last (its frame count), and was it for
  // a pointer move (answered: how many animation frames after the move)?
  await page.evaluate(() => {
    const watch = window.watch = { measuring: false, closest: Infinity, drawn: 0, answers: [], ticks: 0, stop: false };
    let count = Module._ahp_frame_count(), at = 0, move = null;
    window.addEventListener('pointermove', () => {
      if (!move) move = { ticks: watch.ticks, count: Module._ahp_frame_count() };
    }, { capture: true });
    const tick = (t) => {
      ++watch.ticks;
      const now = Module._ahp_frame_count();
      if (move && now > move.count) {
        watch.answers.push(watch.ticks - move.ticks);
        move = null;
      } else if (now > count && watch.measuring) {
        if (at) watch.closest = Math.min(watch.closest, t - at);
        ++watch.drawn;
      }
      if (now > count) { at = t; count = now; }
      if (!watch.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await give(page, files);
  await page.waitForFunction(() => 'research/progress' in JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json())),
                             null, { polling: 100, timeout: 30000 });
  await page.evaluate(() => { window.watch.measuring = true; });
  // A person moves the mouse over the table five times while it fills.
  for (let k = 0; k < 5; ++k) {
    await page.mouse.move(500 + 30 * k, 350 + 10 * k);
    await page.waitForFunction((n) => window.watch.answers.length > n, k, { polling: 'raf' });
    await new Promise((r) => setTimeout(r, 150));
  }
  const watch = await page.evaluate(() => { window.watch.measuring = false; return window.watch; });
  const stillLoading = 'research/progress' in await widgets(page);
  await page.evaluate(() => { window.watch.stop = true; });
  const s = await loaded(page, 2500);
  console.log(`while loading: ${watch.drawn} frames of the app's own work, the closest ${watch.closest.toFixed(0)} ms apart; ` +
              `pointer moves answered ${watch.answers.join(', ')} animation frames later`);
  assert.ok(stillLoading, 'the files were still loading when the watch ended (else the watch saw the end too)');
  assert.ok(watch.drawn >= 5, `the progress was drawn while loading (${watch.drawn} frames)`);
  // 50 ms apart by the app's clock; the animation frames' time stamps can be a few ms closer.
  assert.ok(watch.closest >= 40, `frames of the app's own work at most 20 a second: two came ${watch.closest.toFixed(0)} ms apart`);
  assert.equal(watch.answers.length, 5);
  for (const a of watch.answers) assert.ok(a <= 2, `a pointer move drawn at once, not at the work's pace: ${watch.answers}`);
  assertClose(s.research.group, cliGroup(files), '2500 experts');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a role longer than its column is cut at its reading end, and the mouse over it shows it whole', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  const rand = random(5);
  const long = 'معاون فناوری اطلاعات و ارتباطات شهرداری';
  await give(page, [{ name: 'ava.json', text: response(model, 'Ava', rand, { role: long }) },
                    { name: 'ben.json', text: response(model, 'Ben', rand, { role: 'IT' }) }]);
  const s = await loaded(page, 2);
  const row = (name) => s.research.experts.findIndex((x) => x.name === name);
  // Three times over, the long role then the short one: a tooltip over the long one only.
  for (let round = 0; round < 3; ++round) {
    for (const [name, cut] of [['Ava', true], ['Ben', false]]) {
      const [x0, y0, x1, y1] = (await widgets(page))['research/role/' + row(name)];
      await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2);
      await settle(page, 3);
      assert.equal('tooltip' in await widgets(page), cut, `${name}'s role as a tooltip: ${cut}`);
    }
  }
  await screenshot(page, 'research-long-role-en');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('without a worker to read them (none in the browser, or one that fails), chosen files load all the same', async () => {
  const { page, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  const files = responses(model, 12, 77);
  // No Worker at all: the page sizes and reads the files itself.
  await page.evaluate(() => { window.RealWorker = window.Worker; window.Worker = undefined; });
  await give(page, files.slice(0, 6));
  let s = await loaded(page, 6);
  assertClose(s.research.group, cliGroup(files.slice(0, 6)), 'read by the page');
  // A worker that fails as it starts: what it has not given is read by the page.
  await page.evaluate(() => {
    window.Worker = function () {
      return new window.RealWorker(URL.createObjectURL(new Blob(['throw new Error("no worker here")'], { type: 'text/javascript' })));
    };
  });
  await give(page, files.slice(6));
  s = await loaded(page, 12);
  assertClose(s.research.group, cliGroup(files), 'after a failed worker');
  assert.equal(s.research.parsed_ahead, 0, 'no worker, nothing parsed by one');
  assert.deepEqual(errors.filter((e) => !/no worker here/.test(e)), []);
  await page.context().close();
});

test('a worker without its file parser (not downloaded, or not a response) hands the bytes over and the app reads them', async () => {
  const { page, context, errors } = await openApp(browser, server.url + '?lang=en&screen=research');
  await context.route(/ahp-reader\.(js|wasm)$/, (route) => route.abort());
  const files = responses(model, 8, 91);
  await give(page, files.slice(0, 4));
  let s = await loaded(page, 4);
  assert.equal(s.research.parsed_ahead, 0);
  assertClose(s.research.group, cliGroup(files.slice(0, 4)), 'read by the app');
  // With the parser: good files come parsed; a bad one comes as bytes, and the app says why.
  await context.unroute(/ahp-reader\.(js|wasm)$/);
  await give(page, [...files.slice(4), { name: 'broken.json', text: '{"format": "ahp-response", "version": 1' }]);
  s = await loaded(page, 8);
  assert.equal(s.research.parsed_ahead, 4);
  assertClose(s.research.group, cliGroup(files), 'parsed and read');
  assert.ok(s.research.problems.some((p) => p.file === 'broken.json'), JSON.stringify(s.research.problems));
  assert.deepEqual(errors.filter((e) => !/ahp-reader|ERR_FAILED|importScripts/.test(e)), []);
  await context.close();
});
