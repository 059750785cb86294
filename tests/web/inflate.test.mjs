// web/inflate.js, the page's own inflater (for browsers without DecompressionStream's
// 'deflate-raw', and for the program's second part when it is needed at once), against Node's
// zlib: every block type zlib and zopfli write, the survey's own program, and damaged data.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { repoRoot, webRoot } from './harness.mjs';

const { inflate, InflateError } = createRequire(import.meta.url)(path.join(repoRoot, 'web/inflate.js'));

// splitmix-like seeded bytes: the same inputs on every run.
function randomBytes(count, seed, alphabet = 256) {
  const bytes = new Uint8Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; ++i) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    bytes[i] = (state >>> 8) % alphabet;
  }
  return bytes;
}

const inputs = {
  empty: new Uint8Array(0),
  'one byte': new Uint8Array([42]),
  'random (incompressible)': randomBytes(70000, 1),
  'random over 4 values': randomBytes(100000, 2, 4),
  'long runs': Uint8Array.from({ length: 200000 }, (_, i) => (i >> 12) & 0xff),
  text: new TextEncoder().encode('وزن‌ها و سازگاری؛ weights and consistency. '.repeat(3000)),
  'the survey program': fs.readFileSync(path.join(webRoot, 'ahp-app.deferred.wasm')),
};

test('inflates what zlib deflates, at every level and with fixed codes only', () => {
  for (const [name, bytes] of Object.entries(inputs)) {
    for (const options of [{ level: 0 }, { level: 1 }, { level: 6 }, { level: 9 }, { strategy: zlib.constants.Z_FIXED },
                           { strategy: zlib.constants.Z_HUFFMAN_ONLY }, { strategy: zlib.constants.Z_RLE }]) {
      const deflated = zlib.deflateRawSync(bytes, options);
      assert.deepEqual(inflate(deflated, bytes.length), new Uint8Array(bytes), `${name} ${JSON.stringify(options)}`);
    }
  }
});

test('inflates what zopfli deflates (as the build writes the program into the page)', () => {
  const file = path.join(webRoot, 'ahp-app.wasm');
  const zopfli = spawnSync('zopfli', ['--deflate', '-c', file], { maxBuffer: 1 << 26 });
  assert.equal(zopfli.status, 0, 'zopfli runs');
  const bytes = fs.readFileSync(file);
  assert.deepEqual(inflate(new Uint8Array(zopfli.stdout), bytes.length), new Uint8Array(bytes));
});

test('damaged, cut-short or wrongly sized data is an InflateError, never wrong bytes', () => {
  const bytes = inputs['the survey program'];
  const deflated = zlib.deflateRawSync(bytes, { level: 9 });
  const cases = {
    'cut short by one byte': [deflated.subarray(0, deflated.length - 1), bytes.length],
    'cut in half': [deflated.subarray(0, deflated.length >> 1), bytes.length],
    'no data': [new Uint8Array(0), bytes.length],
    'a size too small': [deflated, bytes.length - 1],
    'a size too large': [deflated, bytes.length + 1],
    'block type 3': [new Uint8Array([0x07, 0, 0, 0]), 10],
    'stored length damaged': [new Uint8Array([0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5]), 5],
  };
  for (const [name, [data, size]] of Object.entries(cases))
    assert.throws(() => inflate(data, size), InflateError, name);
  // Flipped bits: either an error, or (rarely, where a flip lands in a literal) other bytes of
  // the right length; never a crash or an endless loop.
  for (let k = 0; k < 200; ++k) {
    const damaged = Uint8Array.from(deflated);
    const at = (k * 7919) % damaged.length;
    damaged[at] ^= 1 << (k % 8);
    try {
      assert.equal(inflate(damaged, bytes.length).length, bytes.length);
    } catch (error) {
      assert.ok(error instanceof InflateError, `flip at ${at}: ${error}`);
    }
  }
});
