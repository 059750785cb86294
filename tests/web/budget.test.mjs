// Byte budgets of issue 11 ("light and fast on a phone"), checked on the build's output, so a
// change that makes the page heavier fails here. Bytes only (deterministic); the times are
// figures of scripts/bench.sh, never tests.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot, webRoot } from './harness.mjs';

const siteRoot = process.env.AHP_SITE_ROOT || path.join(repoRoot, 'build/site');
const KiB = 1024;
const size = (file) => fs.statSync(file).size;
const gz = (f) => size(path.join(siteRoot, f + '.gz'));
// What every visit loads, then what only the researcher's pages load (the workbench, its
// reading worker's file parser, the single-file page the editor copies): the service worker
// caches those the first time they are used.
const siteFiles = ['index.html', 'sw.js', 'manifest.webmanifest', 'icon.svg'];
const researcherFiles = ['ahp-workbench.js', 'ahp-workbench.wasm', 'ahp-reader.js', 'ahp-reader.wasm', 'ahp-survey.html'];
// Asked for only when the survey calls into the second part of its program before the page has
// brought it (web/index.html, loadRest).
const onDemandFiles = ['ahp-app.deferred.wasm'];

test('build/site holds exactly what a static host needs, each with its gzip copy', () => {
  const all = [...siteFiles, ...researcherFiles, ...onDemandFiles];
  const expected = new Set(all.flatMap((f) => [f, f + '.gz', f + '.br']));
  const present = fs.readdirSync(siteRoot);
  assert.deepEqual(present.filter((f) => !expected.has(f)), [], 'files that do not belong on the host');
  for (const f of all) {
    assert.ok(present.includes(f) && present.includes(f + '.gz'), `${f} and ${f}.gz`);
    // The .gz is this build's file (not a stale copy).
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(siteRoot, f + '.gz'))).equals(fs.readFileSync(path.join(siteRoot, f))), `${f}.gz`);
    if (present.includes(f + '.br')) {
      assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(siteRoot, f + '.br'))).equals(fs.readFileSync(path.join(siteRoot, f))), `${f}.br`);
    }
  }
});

// The survey page an expert opens carries the questionnaire only, its program inside
// (cmake/inline_program.py); the researcher's workbench is a second program
// (src/ui/workbench.hpp) that the Research and Editor tabs open.
test('hosted page (html + js + wasm), gzip: at most 400 KiB', () => {
  const bytes = gz('index.html');
  assert.ok(bytes <= 400 * KiB, `${(bytes / KiB).toFixed(1)} KiB`);
});

test('first visit, gzip, service worker included: at most 450 KiB', () => {
  // What a first visit downloads where the host sends cache headers: every site file once
  // (the page, its program inside, the icon and manifest; then sw.js). The worker takes the
  // page from the HTTP cache, under the address it was opened with (web/sw.js);
  // tests/web/persistence.test.mjs checks what is requested.
  const bytes = siteFiles.reduce((sum, f) => sum + gz(f), 0);
  assert.ok(bytes <= 450 * KiB, `${(bytes / KiB).toFixed(1)} KiB`);
});

test('single-file page, gzip: at most 550 KiB', () => {
  const file = path.join(webRoot, 'ahp-survey.html');
  const bytes = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  assert.ok(bytes <= 550 * KiB, `${(bytes / KiB).toFixed(1)} KiB`);
});

test('the WebAssembly stays as small as it was made (no whole font, no -O3 code, no workbench in the survey)', () => {
  // Raw, with the subset fonts, -Oz, LTO and no built-in ImGui font: the survey (below), the
  // workbench 968 KiB (2,029 KB with the whole fonts at -O3), each guarded 3% above; the file
  // parser 161 KiB (-O2: speed first, it parses thousands of files), guarded 10% above. A guard
  // against the whole fonts, -O3, the workbench or a dropped size setting coming back.
  const kib = (f) => size(path.join(fs.existsSync(path.join(siteRoot, f)) ? siteRoot : webRoot, f)) / KiB;
  // The survey in two parts (cmake/split_program.py): what a new expert's first frame runs, and
  // the arrival of input, 523 KiB, guarded 3% above (web/first-frame-functions.txt decides it),
  // and the two together, 806 KiB (the split's exports and placeholders, and the functions the
  // link no longer inlines into their one caller: cmake/App.cmake), guarded 3% above.
  assert.ok(kib('ahp-app.wasm') <= 539, `ahp-app.wasm ${kib('ahp-app.wasm').toFixed(0)} KiB`);
  const survey = kib('ahp-app.wasm') + kib('ahp-app.deferred.wasm');
  assert.ok(survey <= 830, `ahp-app.wasm + ahp-app.deferred.wasm ${survey.toFixed(0)} KiB`);
  assert.ok(kib('ahp-workbench.wasm') <= 997, `ahp-workbench.wasm ${kib('ahp-workbench.wasm').toFixed(0)} KiB`);
  assert.ok(kib('ahp-reader.wasm') <= 177, `ahp-reader.wasm ${kib('ahp-reader.wasm').toFixed(0)} KiB`);
});
