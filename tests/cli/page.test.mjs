// `ahp page`: a survey page with a model inside, and the QR code of its link.
// AHP_BIN: the native binary (default build/native/ahp). The page template is web/index.html
// (it carries the empty model element like build/web/ahp-survey.html does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AHP_BIN = path.resolve(ROOT, process.env.AHP_BIN ?? 'build/native/ahp');
const STUDY = path.join(ROOT, 'assets/models/egov-qom.json');
const TEMPLATE = path.join(ROOT, 'web/index.html');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-page-'));
const OPEN = '<script type="application/json" id="ahp-survey-model">';

const run = (args, env = {}) => spawnSync(AHP_BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } });
function fails(result, ...patterns) {
  assert.equal(result.status, 2, `expected exit 2, got ${result.status}: ${result.stdout}`);
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, result.stderr);
  for (const p of patterns) assert.ok(lines[0].includes(p), `"${lines[0]}" lacks "${p}"`);
}
// The model element's text in a page.
function embedded(html) {
  const begin = html.indexOf(OPEN) + OPEN.length;
  return html.slice(begin, html.indexOf('</script>', begin));
}

test('ahp page: the template with the model inside, the rest unchanged, the same model hash', () => {
  const out = path.join(tmp, 'study.html');
  const result = run(['page', STUDY, '--out', out, '--template', TEMPLATE]);
  assert.equal(result.status, 0, result.stderr);
  const summary = JSON.parse(result.stdout);
  const model = JSON.parse(run(['model', STUDY]).stdout);
  assert.deepEqual([summary.page, summary.model, summary.hash], [out, 'egov-qom', model.hash]);
  const html = fs.readFileSync(out, 'utf8');
  assert.equal(summary.bytes, Buffer.byteLength(html));
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  assert.equal(html.replace(embedded(html), ''), template, 'only the model element changed');
  fs.writeFileSync(path.join(tmp, 'back.json'), embedded(html));
  assert.equal(JSON.parse(run(['model', path.join(tmp, 'back.json')]).stdout).hash, model.hash);

  // A page made from a survey page gets the new model, not two.
  const again = path.join(tmp, 'again.html');
  assert.equal(run(['page', STUDY, '--out', again, '--template', out]).status, 0);
  assert.equal(fs.readFileSync(again, 'utf8'), html);
  // The template from the environment.
  assert.equal(run(['page', STUDY, '--out', again], { AHP_SURVEY_HTML: TEMPLATE }).status, 0);
});

test('ahp page: labels holding </script>, <!-- and onerror stay data', () => {
  const doc = JSON.parse(fs.readFileSync(STUDY, 'utf8'));
  doc.nodes[1].labels.en = '</script><script>globalThis.pwned = 1</script><!--';
  doc.nodes[2].labels.en = '<img src=x onerror="globalThis.pwned = 2"> & </SCRIPT >';
  const modelPath = path.join(tmp, 'evil.json');
  fs.writeFileSync(modelPath, JSON.stringify(doc, null, 2));
  const out = path.join(tmp, 'evil.html');
  assert.equal(run(['page', modelPath, '--out', out, '--template', TEMPLATE]).status, 0);
  const data = embedded(fs.readFileSync(out, 'utf8'));
  assert.doesNotMatch(data, /[<>]/);
  assert.deepEqual(JSON.parse(data), doc, 'the same JSON value');
});

test('ahp page --link --qr: an SVG QR code of the link', () => {
  const out = path.join(tmp, 'q.html'), qr = path.join(tmp, 'q.svg');
  const link = 'https://example.org/surveys/egov-qom.html';
  const result = run(['page', STUDY, '--out', out, '--template', TEMPLATE, '--link', link, '--qr', qr]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).qr, qr);
  const svg = fs.readFileSync(qr, 'utf8');
  const [, size] = svg.match(/viewBox="0 0 (\d+) \d+"/);
  // Version 3 (29 modules) or more for a 42-byte link at medium correction, plus a 4-module border each side.
  assert.ok(Number(size) >= 29 + 8 && (Number(size) - 8 - 17) % 4 === 0, `size ${size}`);
  const squares = svg.match(/M\d+,\d+h1v1h-1z/g).length;
  assert.ok(squares > 200, `${squares} dark modules`);
  // The three finder patterns: the corner modules are dark.
  for (const [x, y] of [[4, 4], [Number(size) - 5, 4], [4, Number(size) - 5]])
    assert.ok(svg.includes(`M${x},${y}h1v1h-1z`), `finder module at ${x},${y}`);
  // A longer link gives a larger code.
  run(['page', STUDY, '--out', out, '--template', TEMPLATE, '--link', link + '?' + 'x'.repeat(200), '--qr', qr]);
  assert.ok(Number(fs.readFileSync(qr, 'utf8').match(/viewBox="0 0 (\d+)/)[1]) > Number(size));
});

test('ahp page: bad uses fail with one line, and write nothing', () => {
  const out = path.join(tmp, 'none.html');
  fails(run(['page', STUDY, '--template', TEMPLATE]), '--out');
  fails(run(['page', '--out', out, '--template', TEMPLATE]), 'MODEL');
  fails(run(['page', STUDY, '--out', out, '--template', TEMPLATE, '--qr', 'x.svg']), '--link');
  fails(run(['page', STUDY, '--out', out, '--template', STUDY]), STUDY, 'not a survey page');
  fails(run(['page', path.join(tmp, 'missing.json'), '--out', out, '--template', TEMPLATE]), 'missing.json');
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, '{"format":"ahp-model","version":1,"id":"x","contact":"not mail","languages":["en"],"title":{"en":"x"},"nodes":[{"id":"G","parent":null,"labels":{"en":"G"}}]}');
  fails(run(['page', bad, '--out', out, '--template', TEMPLATE]), 'bad.json', 'contact');
  fails(run(['page', STUDY, '--out', out, '--template', TEMPLATE, '--link', 'x'.repeat(5000), '--qr', path.join(tmp, 'big.svg')]), 'too long');
  assert.ok(!fs.existsSync(out), 'no page written');
});
