// Fuzzes the share-link decoder (web/share-link.js, the page's own code) under Node for a
// bounded time: random and mutated #model= texts (mutations of the base64url text and of the
// deflate-raw bytes under it, compression bombs). Each must either decode to text no longer
// than the cap or fail with the decoder's own ShareLinkError; anything else (another error, a
// longer text, a decode that takes over 10 s) is a failure, saved to
// tests/fuzz/share_link/regressions/ (replayed first on every run) and the exit status is 1.
//
//   node tests/fuzz/share_link_fuzz.mjs [seconds, default 20] [seed]
//
// Prints one line: executions, exec/s, how many decoded / were refused, result.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const links = require(path.join(root, 'web/share-link.js'));
const regressions = path.join(root, 'tests/fuzz/share_link/regressions');
const seconds = Number(process.argv[2] || 20);
let state = (Number(process.argv[3]) || Date.now()) >>> 0;
const random = () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 2 ** 32; };
const below = (n) => Math.floor(random() * n);

// A small cap keeps each run fast; the bombs below also go through the real 5 MB one.
const kCap = 64 * 1024;
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes) { return Buffer.from(bytes).toString('base64url'); }

// Seeds: the study models and small texts, packed as the page packs them.
const texts = fs.readdirSync(path.join(root, 'assets/models')).filter((f) => f.endsWith('.json'))
  .map((f) => fs.readFileSync(path.join(root, 'assets/models', f), 'utf8'));
texts.push('', '{}', 'ü→ف', '{"format":"ahp-model"}', 'x'.repeat(kCap), 'x'.repeat(kCap + 1));
const seeds = texts.map((t) => zlib.deflateRawSync(Buffer.from(t, 'utf8'), { level: 9 }));
const bombs = [zlib.deflateRawSync(Buffer.alloc(6 * 1024 * 1024, 32), { level: 9 }),
  zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 32), { level: 9 })];

function mutateBytes(bytes) {
  const b = Array.from(bytes);
  for (let n = 1 + below(4); n > 0; --n) {
    const at = below(b.length + 1);
    switch (below(6)) {
    case 0: if (b.length) b[Math.min(at, b.length - 1)] ^= 1 << below(8); break;
    case 1: b.splice(at, 0, below(256)); break;
    case 2: b.splice(at, 1 + below(8)); break;
    case 3: b.length = at; break;  // cut short
    case 4: { const from = below(b.length + 1); b.splice(at, 0, ...b.slice(from, from + below(64))); break; }
    default: if (b.length) b[Math.min(at, b.length - 1)] = below(256);
    }
  }
  return Uint8Array.from(b);
}
function mutateText(text) {
  const c = text.split('');
  for (let n = 1 + below(3); n > 0; --n) {
    const at = below(c.length + 1);
    const ch = random() < 0.9 ? alphabet[below(64)] : String.fromCharCode(below(0x3000));  // now and then outside base64url
    switch (below(4)) {
    case 0: c.splice(at, 1, ch); break;
    case 1: c.splice(at, 0, ch); break;
    case 2: c.splice(at, 1 + below(4)); break;
    default: c.length = at;
    }
  }
  return c.join('');
}
function input() {
  const r = random();
  if (r < 0.1) return Array.from({ length: below(200) }, () => alphabet[below(64)]).join('');
  if (r < 0.15) return base64url(Uint8Array.from({ length: below(400) }, () => below(256)));
  const seed = seeds[below(seeds.length)];
  if (r < 0.6) return base64url(mutateBytes(seed));
  return mutateText(base64url(seed));
}

// One input: null when the decoder behaved, else what went wrong.
async function check(packed, cap = kCap) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 10000); });
  const outcome = links.unpackModel(packed, cap).then(
    (text) => (Buffer.byteLength(text, 'utf8') <= cap ? 'decoded' : `decoded ${Buffer.byteLength(text)} bytes, over the cap ${cap}`),
    (e) => (e instanceof links.ShareLinkError ? 'refused' : `threw ${e && e.constructor && e.constructor.name}: ${e && e.message}`));
  const result = await Promise.race([outcome, timeout]);
  clearTimeout(timer);
  return result;
}

function save(packed, why) {
  fs.mkdirSync(regressions, { recursive: true });
  const file = path.join(regressions, `crash-${Date.now()}-${below(1e9)}.txt`);
  fs.writeFileSync(file, packed);
  console.error(`share_link: ${why}; input saved to ${path.relative(root, file)}`);
}

let failures = 0;
const counts = { decoded: 0, refused: 0 };
// 1. Saved inputs and the fixed cases.
const saved = fs.existsSync(regressions) ? fs.readdirSync(regressions).filter((f) => f.endsWith('.txt')) : [];
for (const f of saved) {
  const why = await check(fs.readFileSync(path.join(regressions, f), 'utf8'));
  if (why !== 'decoded' && why !== 'refused') { console.error(`share_link: saved ${f} still fails: ${why}`); ++failures; }
}
for (const text of texts) {  // what the page packs, it unpacks (under the real cap)
  const back = await links.unpackModel(await links.packModel(text));
  if (back !== text) { console.error(`share_link: a ${text.length}-character text did not come back`); ++failures; }
}
for (const bomb of bombs) {  // stopped at the real 5 MB cap, as a TooLarge
  const why = await links.unpackModel(base64url(bomb)).then(() => 'decoded', (e) => e);
  if (!(why instanceof links.TooLarge)) { console.error(`share_link: a bomb gave ${why}`); ++failures; }
}

// 2. Random and mutated inputs for the time given.
const start = Date.now();
let execs = 0;
while (Date.now() - start < seconds * 1000) {
  const packed = input();
  const why = await check(packed);
  ++execs;
  if (why === 'decoded' || why === 'refused') ++counts[why];
  else { save(packed, why); ++failures; if (failures > 5) break; }
}
const elapsed = (Date.now() - start) / 1000;
console.log(`share_link: ${execs} inputs in ${elapsed.toFixed(0)} s (${(execs / elapsed).toFixed(0)}/s), ` +
  `${counts.decoded} decoded, ${counts.refused} refused, ${saved.length} saved replayed: ${failures ? 'FAILED' : 'ok'}`);
process.exit(failures ? 1 : 0);
