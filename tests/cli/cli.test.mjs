// End-to-end tests of the `ahp` command-line tool: node --test tests/cli/
// AHP_BIN: the native binary (default build/native/ahp). AHP_WASM_CLI: optional path to the
// Emscripten build (ahp.js); when set, the same inputs must give the same numbers (1e-12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AHP_BIN = path.resolve(ROOT, process.env.AHP_BIN ?? 'build/native/ahp');
const WASM_CLI = process.env.AHP_WASM_CLI ? path.resolve(ROOT, process.env.AHP_WASM_CLI) : null;
const STUDY = path.join(ROOT, 'assets/models/egov-qom.json');

function run(args, input = '') {
  return spawnSync(AHP_BIN, args, { input, encoding: 'utf8' });
}
function runWasm(args, input = '') {
  return spawnSync(process.execPath, ['--no-experimental-fetch', WASM_CLI, ...args], { input, encoding: 'utf8' });
}
function ok(result) {
  assert.equal(result.status, 0, `exit ${result.status}: ${result.stderr}`);
  assert.doesNotMatch(result.stdout, /(?<![A-Za-z])(nan|-?inf(inity)?)(?![A-Za-z])/i, 'no NaN or infinity in output');
  return result.stdout;
}
function runJson(args, input) {
  return JSON.parse(ok(run(args, input)));
}
// Exit 2, one line on stderr matching every pattern.
function fails(args, input, ...patterns) {
  const result = run(args, input);
  assert.equal(result.status, 2, `expected exit 2, got ${result.status}: ${result.stdout}`);
  const lines = result.stderr.split('\n').filter((l) => l.length > 0);
  assert.equal(lines.length, 1, `one stderr line, got: ${result.stderr}`);
  assert.match(lines[0], /^ahp: /);
  for (const pattern of patterns) assert.ok(lines[0].includes(pattern), `"${lines[0]}" lacks "${pattern}"`);
  return lines[0];
}
function close(actual, expected, tolerance = 1e-12, what = '') {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} != ${expected}`);
}
function closeAll(actual, expected, tolerance = 1e-12) {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, k) => close(v, expected[k], tolerance, `[${k}]`));
}

test('the binary exists', () => {
  assert.ok(fs.existsSync(AHP_BIN), `no ahp binary at ${AHP_BIN} (set AHP_BIN)`);
});

test('a consistent matrix gives exact weights and CR 0, any method', () => {
  for (const method of ['eigen', 'geometric', 'normalized']) {
    for (const input of ['2 4 2\n', '1 2 4\n1/2 1 2\n0.25 0.5 1\n']) {
      const out = runJson(['priorities', '--method', method], input);
      assert.equal(out.n, 3);
      assert.equal(out.method, method);
      closeAll(out.weights, [4 / 7, 2 / 7, 1 / 7]);
      close(out.lambda_max, 3, 1e-12, 'lambda_max');
      close(out.cr, 0, 1e-12, 'cr');
      assert.equal(out.ri, 0.58);
      assert.equal(out.consistent, true);
      assert.deepEqual(out.worst, []);
    }
  }
});

test('priorities reports consistency and the worst judgments', () => {
  const out = runJson(['priorities'], '1 3 1/5\n');
  assert.equal(out.method, 'eigen');
  assert.equal(out.ri_table, 'saaty');
  close(out.weights.reduce((a, b) => a + b, 0), 1);
  assert.ok(out.cr > 0.1, 'a12=1, a13=3, a23=1/5 is inconsistent');
  assert.equal(out.consistent, false);
  assert.equal(out.cr_threshold, 0.05);
  assert.ok(out.worst.length >= 1 && out.worst.length <= 3);
  const first = out.worst[0];
  assert.ok(first.i >= 1 && first.j > first.i && first.j <= 3, '1-based i < j');
  assert.ok(first.cr_if_changed < out.cr);
  for (const key of ['gci', 'koczkodaj', 'ci', 'gci_threshold']) assert.equal(typeof out[key], 'number');
});

test('--ri picks the random index table', () => {
  const saaty = runJson(['priorities', '--ri', 'saaty'], '3 5 2 1/2 4 3\n');
  const alonso = runJson(['priorities', '--ri', 'alonso-lamata'], '3 5 2 1/2 4 3\n');
  assert.equal(saaty.ri, 0.9);
  assert.notEqual(alonso.ri, saaty.ri);
  close(alonso.ci, saaty.ci);
});

test('an incomplete but connected matrix is solved', () => {
  const out = runJson(['priorities'], '2 - 2\n');
  assert.equal(out.complete, false);
  assert.equal(out.known, 2);
  closeAll(out.weights, [4 / 7, 2 / 7, 1 / 7], 1e-9);
});

// Issue 15: one suggestion rule, adaptive questioning, random-index ranges.
const SCALE17 = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const scaleText = (v) => (v >= 1 ? String(Math.round(v)) : `1/${Math.round(1 / v)}`);

test('a consistent matrix gets no suggestion and no advice that raises CR', () => {
  const out = runJson(['priorities'], '3 5 2\n');
  assert.ok(out.cr < out.cr_threshold);
  assert.equal(out.suggestion, null);
  for (const w of out.worst) if (w.cr_if_changed !== null) assert.ok(w.cr_if_changed < out.cr, JSON.stringify(w));
});

test('the suggestion lowers CR every time it is applied, until none is left', () => {
  let values = [1 / 7, 9, 9];
  let out = runJson(['priorities'], values.map(scaleText).join(' ') + '\n');
  assert.deepEqual(Object.keys(out.suggestion), ['i', 'j', 'value', 'suggested', 'steps', 'cr_if_changed', 'reaches_threshold']);
  assert.notEqual(out.suggestion.suggested, out.suggestion.value, 'not "9 -> 9"');
  for (let step = 0; out.suggestion && step < 20; ++step) {
    const s = out.suggestion;
    assert.ok(s.cr_if_changed < out.cr, `step ${step}: ${JSON.stringify(s)} with CR ${out.cr}`);
    assert.ok(s.steps >= 1);
    const k = [[1, 2], [1, 3], [2, 3]].findIndex(([i, j]) => i === s.i && j === s.j);
    values[k] = s.suggested;
    const next = runJson(['priorities'], values.map(scaleText).join(' ') + '\n');
    close(next.cr, s.cr_if_changed, 1e-9, 'cr_if_changed is the CR after the change');
    assert.equal(next.consistent, s.reaches_threshold);
    out = next;
  }
  assert.equal(out.suggestion, null);
});

test('property: over random matrices the suggestion never raises CR', () => {
  let seed = 15;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let seen = 0;
  for (let trial = 0; trial < 40; ++trial) {
    const n = 3 + (trial % 4);
    const values = Array.from({ length: (n * (n - 1)) / 2 }, () => SCALE17[Math.floor(random() * 17)]);
    const method = ['eigen', 'geometric', 'normalized'][trial % 3];
    const out = runJson(['priorities', '--method', method], values.map(scaleText).join(' ') + '\n');
    if (out.cr <= out.cr_threshold) {
      assert.equal(out.suggestion, null);
      continue;
    }
    if (!out.suggestion) continue;
    ++seen;
    const s = out.suggestion;
    let k = 0;
    for (let i = 1; i <= n; ++i) for (let j = i + 1; j <= n; ++j, ++k) if (i === s.i && j === s.j) values[k] = s.suggested;
    const after = runJson(['priorities', '--method', method], values.map(scaleText).join(' ') + '\n');
    assert.ok(after.cr < out.cr, `${method} ${JSON.stringify(s)}: CR ${out.cr} -> ${after.cr}`);
  }
  assert.ok(seen > 10);
});

test('next and settled: an empty, a partial and a complete matrix', () => {
  const empty = runJson(['priorities'], '- - - - - -\n');
  assert.equal(empty.weights, null);
  assert.equal(empty.cr, null);
  assert.deepEqual(empty.next, { i: 1, j: 2 });
  assert.equal(empty.settled, false);
  const partial = runJson(['priorities'], '2 - - - - -\n');
  assert.equal(partial.weights, null, 'item 3 and 4 not connected yet');
  assert.deepEqual(partial.next, { i: 1, j: 3 });
  const star = runJson(['priorities'], '2 4 8 - - -\n');
  assert.equal(star.weights.length, 4);
  assert.ok(star.next.i >= 2 && star.next.j > star.next.i, 'a pair not yet answered');
  assert.equal(typeof star.settled, 'boolean');
  const complete = runJson(['priorities'], '2 4 8 2 4 2\n');
  assert.equal(complete.next, null);
  assert.equal(complete.settled, true);
});

test('ri_extrapolated is printed when a table\'s own range is left', () => {
  const sixteen = Array.from({ length: 120 }, () => '2').join(' ') + '\n';
  assert.equal(runJson(['priorities'], '3 5 2\n').ri_extrapolated, false);
  assert.equal(runJson(['priorities', '--ri', 'saaty'], sixteen).ri_extrapolated, true);
  assert.equal(runJson(['priorities', '--ri', 'alonso-lamata'], sixteen).ri_extrapolated, true);
  const dd = runJson(['priorities', '--ri', 'donegan-dodd'], sixteen);
  assert.equal(dd.ri_extrapolated, false);
  assert.equal(dd.ri, 1.5078);
  assert.equal(runJson(['priorities', '--ri', 'donegan-dodd'], '3 5 2\n').ri, 0.4914);
});

test('bad matrix input exits 2 naming the line and value', () => {
  fails(['priorities'], '3 abc 2\n', 'line 1, value 2', '"abc" is not a number');
  fails(['priorities'], '3 5\n', 'line 1', '2 values', 'n(n-1)/2');
  fails(['priorities'], '3 0 2\n', 'line 1, value 2', '"0" is zero');
  fails(['priorities'], '3 -2 2\n', 'line 1, value 2', '"-2" is negative');
  fails(['priorities'], '3 nan 2\n', 'line 1, value 2', '"nan" is not a number');
  fails(['priorities'], '3 inf 2\n', 'line 1, value 2', '"inf" is not a number');
  fails(['priorities'], '1 2 4\n1/2 1 2\n4 1/2 1\n', 'line 3, value 1', '"4" is not the reciprocal');
  fails(['priorities'], '1 2 4\n1/2 1\n1/4 1/2 1\n', 'line 2', '2 values, expected 3');
  fails(['priorities'], '', 'no input');
});

test('usage errors and --help exit 2', () => {
  const help = run(['--help']);
  assert.equal(help.status, 2);
  assert.match(help.stdout, /usage: ahp/);
  fails([], '', 'no command');
  fails(['frobnicate'], '', 'unknown command "frobnicate"');
  fails(['priorities', '--method', 'power'], '2 4 2\n', '--method', '"power"');
  fails(['priorities', '--color', 'red'], '2 4 2\n', 'unknown option --color');
  fails(['priorities', '--method'], '2 4 2\n', '--method needs a value');
  fails(['model'], '', 'model needs exactly one FILE');
});

test('aggregate combines experts by geometric mean (AIJ)', () => {
  const out = runJson(['aggregate', '--method', 'geometric'], '# two experts\n2 4 2\n\n8 1 0.5\n');
  assert.equal(out.experts_count, 2);
  const m = out.matrix;
  closeAll(m[0], [1, 4, 2]);
  closeAll(m[1], [0.25, 1, 1]);
  closeAll(m[2], [0.5, 1, 1]);
  const r = [2, Math.cbrt(0.25), Math.cbrt(0.5)];
  const sum = r[0] + r[1] + r[2];
  closeAll(out.weights, r.map((x) => x / sum));
  assert.equal(out.experts.length, 2);
  assert.equal(out.experts[0].line, 2);
  close(out.experts[0].cr, 0);
  assert.ok(out.experts[1].cr > 0.1);
  assert.ok(out.consensus.s_star > 0 && out.consensus.s_star < 1);

  const weighted = runJson(['aggregate', '--weights', '3,1'], '2 4 2\n8 1 0.5\n');
  close(weighted.matrix[0][1], 2 ** 1.5);
  close(weighted.matrix[1][2], Math.SQRT2);
});

test('aggregate rejects bad input', () => {
  fails(['aggregate'], '2 4 2\n1 2 3 4 5 6\n', 'line 2', 'n = 4', 'line 1 has n = 3');
  fails(['aggregate'], '2 4 2\n2 x 2\n', 'line 2, value 2', '"x" is not a number');
  fails(['aggregate', '--weights', '1,2,3'], '2 4 2\n8 1 0.5\n', '--weights', '3 weights for 2 experts');
  fails(['aggregate', '--weights', '1,-2'], '2 4 2\n8 1 0.5\n', '--weights value 2');
});

function studyModel() {
  return runJson(['model', STUDY]);
}

test('model describes the study', () => {
  const m = studyModel();
  assert.equal(m.id, 'egov-qom');
  assert.match(m.hash, /^[0-9a-f]{16}$/);
  assert.equal(m.node_count, 52);
  assert.equal(m.leaf_count, 38);
  assert.equal(m.set_count, 14);
  assert.equal(m.judgment_count, 78);
  assert.deepEqual(m.sets.map((s) => s.size), [3, 3, 4, 2, 3, 4, 4, 6, 5, 3, 3, 2, 3, 6]);
  assert.equal(m.settings.method, 'normalized');
  assert.equal(m.nodes.find((n) => n.id === 'I231').reported_local_weight, 0.5609);
  const md = ok(run(['model', STUDY, '--format', 'markdown']));
  assert.match(md, /\*\*D2\*\* E-service delivery/);
  const fa = ok(run(['model', STUDY, '--format', 'markdown', '--language', 'fa']));
  assert.match(fa, /ارائه خدمات الکترونیکی/);
  const csv = ok(run(['model', STUDY, '--format', 'csv']));
  assert.equal(csv.split('\r\n')[0], 'id,parent,depth,set_size,reported_local_weight,label_fa,label_en');
});

test('model rejects a bad file naming the field', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-model-'));
  const doc = JSON.parse(fs.readFileSync(STUDY, 'utf8'));
  doc.nodes[4].parent = 'D9';
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify(doc));
  fails(['model', bad], '', `${bad}: nodes[4].parent: unknown node id "D9"`);
  fs.writeFileSync(bad, '{"format": "ahp-model",');
  fails(['model', bad], '', 'line 1', 'truncated');
  fails(['model', path.join(dir, 'missing.json')], '', 'cannot open');
});

// A response file for the study: every judgment, values from a fixed pattern per expert.
const SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9];
function studyResponse(model, name, seed, hash = model.hash) {
  const judgments = [];
  for (const set of model.sets) {
    for (let i = 0; i < set.items.length; i++) {
      for (let j = i + 1; j < set.items.length; j++) {
        const value = SCALE[(seed * 7 + i * 3 + j * 5 + set.items.length) % SCALE.length];
        judgments.push({ set: set.set, row: set.items[i], col: set.items[j], value });
      }
    }
  }
  return {
    format: 'ahp-response', version: 1, model: { id: model.id, hash },
    expert: { name, role: 'manager' }, saved_at: '2024-05-01T09:30:00Z', app_version: 'test',
    language: 'fa', judgments,
  };
}

test('group combines response files and skips bad ones', () => {
  const model = studyModel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-group-'));
  const experts = [studyResponse(model, 'A', 1), studyResponse(model, 'B', 2), studyResponse(model, 'C', 3)];
  const files = experts.map((doc, k) => {
    const file = path.join(dir, `expert${k + 1}.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  });
  const oldModel = path.join(dir, 'old.json');
  fs.writeFileSync(oldModel, JSON.stringify(studyResponse(model, 'D', 4, 'ffffffffffffffff')));
  const junk = path.join(dir, 'junk.json');
  fs.writeFileSync(junk, '{"format": "ahp-response", "version": 1, "judg');

  const result = run(['group', STUDY, ...files, oldModel, junk]);
  const out = JSON.parse(ok(result));
  assert.match(result.stderr, /skipped .*old\.json: model\.hash: expected "[0-9a-f]{16}", found "ffffffffffffffff"/);
  assert.match(result.stderr, /skipped .*junk\.json: line 1/);
  assert.deepEqual(out.files.used, files);
  assert.equal(out.files.skipped.length, 2);
  assert.equal(out.experts.length, 3);
  assert.equal(out.sets.length, 14);
  assert.equal(out.method, 'normalized');

  // AIJ of every cell of every set = geometric mean of the three experts' values.
  for (const set of out.sets) {
    assert.equal(set.solved, true);
    const n = set.items.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const values = experts.map((e) => e.judgments.find((x) => x.set === set.set && x.row === set.items[i] && x.col === set.items[j]).value);
        close(set.matrix[i][j], Math.cbrt(values[0] * values[1] * values[2]), 1e-12, `${set.set} ${i},${j}`);
      }
    }
    close(set.weights.reduce((a, b) => a + b, 0), 1);
    assert.equal(set.expert_cr.length, 3);
  }
  assert.equal(out.ranking.length, 38);
  close(out.ranking.reduce((a, r) => a + r.global_weight, 0), 1, 1e-12);

  const csv = ok(run(['group', STUDY, ...files, '--format', 'csv']));
  assert.equal(csv.split('\r\n')[0], '\uFEFFtable,expert,role,set,set_label,row,row_label,col,col_label,value');
  const md = ok(run(['group', STUDY, ...files, '--format', 'markdown', '--exclude-above', '0.1']));
  assert.match(md, /## Ranking of the leaves/);
  const weighted = runJson(['group', STUDY, ...files, '--weights', '1,1,2']);
  assert.deepEqual(weighted.experts.map((e) => e.weight), [1, 1, 2]);

  // A copy of an expert under another name is a duplicate, reported and left out, unless asked.
  const copy = path.join(dir, 'copy.json');
  fs.writeFileSync(copy, JSON.stringify({ ...experts[0], expert: { name: 'Z', role: '' } }));
  const dup = run(['group', STUDY, files[0], copy]);
  const dupOut = JSON.parse(ok(dup));
  assert.equal(dupOut.experts.length, 1);
  assert.match(dup.stderr, /copy\.json: duplicate expert, identical judgments/);
  assert.deepEqual(dupOut.files.duplicates, [{ file: copy, duplicate_of: files[0], reason: dupOut.files.duplicates[0].reason, included: false }]);
  const both = JSON.parse(ok(run(['group', STUDY, files[0], copy, '--include-identical'])));
  assert.deepEqual(both.experts.map((e) => e.name), ['A', 'Z']);
  assert.equal(both.files.duplicates[0].included, true);

  fails(['group', STUDY, oldModel, junk], '', 'no usable response files');
  fails(['group', STUDY, ...files, '--weights', '1,2'], '', '--weights: 2 weights for 3 response files');
});

// RFC 4180 records of a CSV text (quoted fields unquoted), after its byte-order mark.
function csvRecords(text) {
  assert.ok(text.startsWith('\uFEFF'), 'a UTF-8 byte-order mark first');
  const records = [];
  let fields = [], field = '', quoted = false;
  for (let k = 1; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[k + 1] === '"') field += text[++k];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\r' && text[k + 1] === '\n') { ++k; fields.push(field); records.push(fields); fields = []; field = ''; }
    else field += c;
  }
  assert.equal(field + fields.join(''), '', 'the last line ends with CRLF');
  return records;
}

test('group CSV for spreadsheets: byte-order mark, labels in --language beside the ids, experts by name and role', () => {
  const model = studyModel();
  const doc = JSON.parse(fs.readFileSync(STUDY, 'utf8'));
  const labels = Object.fromEntries(doc.nodes.map((n) => [n.id, n.labels]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-group-csv-'));
  const names = [['Doe, "Jo"', 'head, "IT"'], ['مریم رضایی', 'کارشناس'], ['Sam', '']];
  const files = names.map(([name, role], k) => {
    const file = path.join(dir, `expert${k + 1}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...studyResponse(model, name, k + 1), expert: { name, role } }));
    return file;
  });
  const json = runJson(['group', STUDY, ...files, '--weights', '1,2,3']);
  // Without --language: English when the model has it (as the Markdown report), here with fa first.
  const byLanguage = { en: ok(run(['group', STUDY, ...files, '--weights', '1,2,3', '--format', 'csv'])) };
  assert.equal(ok(run(['group', STUDY, ...files, '--weights', '1,2,3', '--format', 'csv', '--language', 'en'])), byLanguage.en);
  byLanguage.fa = ok(run(['group', STUDY, ...files, '--weights', '1,2,3', '--format', 'csv', '--language', 'fa']));
  for (const [language, csv] of Object.entries(byLanguage)) {
    const [header, ...rows] = csvRecords(csv);
    assert.deepEqual(header, ['table', 'expert', 'role', 'set', 'set_label', 'row', 'row_label', 'col', 'col_label', 'value']);
    const count = {};
    for (const row of rows) {
      assert.equal(row.length, 10, `one field each, even with commas and quotes: ${row}`);
      const [table, expert, role, set, setLabel, item, itemLabel, col, colLabel, value] = row;
      count[table] = (count[table] ?? 0) + 1;
      assert.equal(setLabel, set ? labels[set][language] : '', `${table} ${set} label`);
      assert.equal(itemLabel, item ? labels[item][language] : '', `${table} ${item} label`);
      assert.equal(colLabel, col ? labels[col][language] : '', `${table} ${col} label`);
      if (!table.startsWith('expert_')) { assert.equal(expert + role, ''); continue; }
      const e = names.findIndex(([n, r]) => n === expert && r === role);
      assert.ok(e >= 0, `${expert} (${role}) is one of the experts`);
      if (table === 'expert_weight') assert.equal(Number(value), e + 1);
      if (table === 'expert_cr') close(Number(value), json.sets.find((s) => s.set === set).expert_cr[e], 1e-12, `CR of ${expert} in ${set}`);
      if (table === 'expert_included') assert.equal(value, '1');
    }
    assert.equal(count.expert_weight, 3);
    assert.equal(count.expert_cr, 3 * json.sets.length);
    assert.equal(count.expert_included, 3 * json.sets.length);
    assert.equal(count.global_weight, json.nodes.length);
    for (const { id, global_weight: w } of json.nodes)
      close(Number(rows.find((r) => r[0] === 'global_weight' && r[5] === id)[9]), w, 1e-12, `global weight of ${id}`);
  }
  assert.ok(byLanguage.fa.includes(`\r\nweight,,,G,${labels.G.fa},D1,${labels.D1.fa},,,`), 'Persian labels');
  assert.match(byLanguage.fa, /\r\nexpert_cr,"Doe, ""Jo""","head, ""IT""",G,/);
  assert.match(byLanguage.en, /\r\nexpert_cr,مریم رضایی,کارشناس,D1,E-administration,,,,,/);
  fails(['group', STUDY, ...files, '--format', 'csv', '--language', 'de'], '', '--language: model "egov-qom" has no "de" labels');
});

test('group: of one expert\'s files the newest is used, the others are listed as superseded', () => {
  const model = studyModel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-revisions-'));
  const write = (name, doc) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  };
  // Persian names: the same expert (name and role) three times, saved at different times.
  const first = write('نخست.json', { ...studyResponse(model, 'مریم', 1), saved_at: '2024-05-01T09:00:00Z' });
  const other = write('other.json', studyResponse(model, 'B', 2));
  const latest = write('latest.json', { ...studyResponse(model, 'مریم', 3), saved_at: '2024-05-03T09:00:00.25Z' });
  const middle = write('middle.json', { ...studyResponse(model, 'مریم', 4), saved_at: '2024-05-02T09:00:00Z' });
  const result = run(['group', STUDY, first, other, latest, middle]);
  const out = JSON.parse(ok(result));
  assert.deepEqual(out.files.used, [latest, other]);  // the expert's place is where she first came
  assert.deepEqual(out.files.superseded, [
    { file: first, superseded_by: latest },
    { file: middle, superseded_by: latest },
  ]);
  assert.deepEqual(out.experts.map((e) => e.name), ['مریم', 'B']);
  assert.match(result.stderr, /skipped .*middle\.json: an older revision of the same expert's answers \(using .*latest\.json\)/);
  // The expert weights follow the files.
  const weighted = JSON.parse(ok(run(['group', STUDY, first, other, latest, middle, '--weights', '1,2,3,4'])));
  assert.deepEqual(weighted.experts.map((e) => e.weight), [3, 2]);
});

test('hostile input: stated limits, binary files, duplicate keys, HTML; never a crash, always valid JSON', () => {
  const model = studyModel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-hostile-'));
  const write = (name, content) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const node = (id, parent, label = id) => ({ id, parent, labels: { en: label } });
  const modelDoc = (nodes) => JSON.stringify({ format: 'ahp-model', version: 1, id: 'h', title: { en: 'H' }, languages: ['en'], nodes });

  // A chain 40,000 deep: refused by its node count, exit 2, no crash.
  const chain = [node('C0', null)];
  for (let k = 1; k < 40000; k++) chain.push(node(`C${k}`, `C${k - 1}`));
  fails(['model', write('chain.json', modelDoc(chain))], '', 'nodes: lists 40000 nodes; a model may have at most 2000');
  // 600 deep (under the node count): the depth limit.
  fails(['model', write('deep.json', modelDoc(chain.slice(0, 600)))], '', 'is more than 500 levels below the goal');
  fails(['group', write('deep2.json', modelDoc(chain.slice(0, 600).reverse())), STUDY], '', 'levels below the goal');
  // 50 MB: refused by its size before it is read.
  const huge = path.join(dir, 'huge.json');
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 50 * 1024 * 1024);
  fails(['model', huge], '', 'the file is 50 MB; a model file is at most 5 MB');
  // Duplicate keys, named.
  fails(['model', write('dupkey.json', '{"format": "ahp-model", "version": 1, "version": 1}')], '', 'version: the key "version" appears twice');
  // HTML in labels: the Markdown holds it as text.
  const html = write('html.json', modelDoc([node('G', null, '<script>x</script>'), node('A', 'G', '<img src=x onerror=alert(1)>'), node('B', 'G')]));
  const md = ok(run(['model', html, '--format', 'markdown']));
  assert.doesNotMatch(md, /<(script|img)/);
  assert.match(md, /&lt;img src=x onerror=alert\(1\)&gt;/);

  // ahp group with a picture, random bytes, Latin-1 text, /dev/zero and a huge file beside a
  // good response: valid JSON out, every bad file skipped with its code.
  const good = write('good.json', JSON.stringify(studyResponse(model, 'A', 1)));
  let seed = 7;
  const random = Buffer.alloc(300000);
  for (let k = 0; k < random.length; k++) random[k] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const png = write('stray.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random]));
  const noise = write('noise.json', Buffer.concat([Buffer.from('{"a": "'), random]));
  const latin1 = write('latin1.json', Buffer.from('{"format": "ahp-response", "x": "caf\xe9"}', 'latin1'));
  const name = write('name.json', JSON.stringify(studyResponse(model, 'Alice\u0000Mallory', 5)));
  const bidi = write('bidi.json', JSON.stringify(studyResponse(model, 'Alice\u202Eevil', 6)));
  const longName = write('long.json', JSON.stringify(studyResponse(model, 'N'.repeat(5000), 7)));
  const result = run(['group', STUDY, good, png, noise, latin1, '/dev/zero', huge, name, bidi, longName]);
  const out = JSON.parse(ok(result));
  assert.deepEqual(out.files.used, [good]);
  const codes = Object.fromEntries(out.files.skipped.map((s) => [path.basename(s.file), s.code]));
  assert.deepEqual(codes, {
    'stray.png': 'not_json', 'noise.json': 'not_json', 'latin1.json': 'syntax', zero: 'too_large.response',
    'huge.json': 'too_large.response', 'name.json': 'characters', 'bidi.json': 'characters', 'long.json': 'limit.name',
  });
  for (const s of out.files.skipped) assert.ok(!s.message.includes('\uFFFD'), s.message);
  assert.match(out.files.skipped.find((s) => s.file === name).message, /expert\.name: holds the character U\+0000/);
  assert.equal(result.stderr.split('\n').filter((l) => l).length, 8);
});

test('the WebAssembly build gives the same numbers', { skip: !WASM_CLI && 'AHP_WASM_CLI not set' }, () => {
  const cases = [
    [['priorities'], '3 5 2\n'],
    [['priorities', '--method', 'normalized'], '1 3 1/5 2 - 4\n'],
    [['priorities', '--method', 'geometric', '--ri', 'donegan-dodd'], '1 2 4 3\n1/2 1 3 2\n1/4 1/3 1 1/2\n1/3 1/2 2 1\n'],
    [['aggregate'], '2 4 2\n8 1 0.5\n3 3 1/3\n'],
    [['aggregate', '--method', 'normalized', '--weights', '2,1'], '3 5 7 1 2 3\n1/3 5 2 2 1/2 4\n'],
  ];
  const compare = (a, b, where) => {
    if (typeof a === 'number') return close(b, a, 1e-12, where);
    if (Array.isArray(a) || (a && typeof a === 'object')) {
      assert.deepEqual(Object.keys(b), Object.keys(a), where);
      for (const key of Object.keys(a)) compare(a[key], b[key], `${where}.${key}`);
      return;
    }
    assert.equal(b, a, where);
  };
  for (const [args, input] of cases) {
    const native = JSON.parse(ok(run(args, input)));
    const wasm = JSON.parse(ok(runWasm(args, input)));
    compare(native, wasm, args.join(' '));
  }
  // The group CSV (files read through Node): the same lines, numbers to 1e-12.
  const model = studyModel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-wasm-group-'));
  const files = [1, 2, 3].map((k) => {
    const file = path.join(dir, `expert${k}.json`);
    fs.writeFileSync(file, JSON.stringify(studyResponse(model, `کارشناس ${k}, "${k}"`, k)));
    return file;
  });
  const args = ['group', STUDY, ...files, '--format', 'csv', '--language', 'fa'];
  const native = csvRecords(ok(run(args))), wasm = csvRecords(ok(runWasm(args)));
  assert.equal(wasm.length, native.length);
  native.forEach((row, k) => {
    assert.deepEqual(wasm[k].slice(0, -1), row.slice(0, -1), `CSV line ${k + 1}`);
    if (wasm[k].at(-1) !== row.at(-1)) close(Number(wasm[k].at(-1)), Number(row.at(-1)), 1e-12 * Math.max(1, Math.abs(Number(row.at(-1)))), `CSV line ${k + 1}`);
  });

  const bad = runWasm(['priorities'], '3 abc 2\n');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /line 1, value 2: "abc" is not a number/);
});
