// Synthetic experts' response files (docs/formats.md) for the researcher screen's tests.
// `model` is the output of `ahp model MODEL --format json` (id, hash, sets with items).
// Run directly to write files: node research-data.mjs OUT_DIR COUNT [SEED]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scale = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export function* random(seed) { let s = seed >>> 0; for (;;) { s = (s * 1664525 + 1013904223) >>> 0; yield s / 2 ** 32; } }

// The nearest scale value to a ratio (log distance).
export function nearest(ratio) {
  let best = 1;
  for (const v of scale) if (Math.abs(Math.log(v / ratio)) < Math.abs(Math.log(best / ratio))) best = v;
  return best;
}

// One expert: hidden true weights per set, answered with the nearest scale value and an
// occasional slip. `fixed` maps set id -> upper-triangle judgments to use as given.
export function response(model, name, rand, { role = 'expert', fixed = {}, slip = 0.15, skip = 0 } = {}) {
  const judgments = [];
  for (const set of model.sets) {
    const n = set.items.length;
    const truth = set.items.map(() => 0.2 + rand.next().value);
    let k = 0;
    for (let i = 0; i < n; ++i) {
      for (let j = i + 1; j < n; ++j, ++k) {
        let value;
        if (fixed[set.set]) value = fixed[set.set][k];
        else {
          value = nearest(truth[i] / truth[j]);
          if (rand.next().value < slip) value = scale[Math.min(16, Math.max(0, scale.indexOf(value) + (rand.next().value < 0.5 ? -3 : 3)))];
          if (rand.next().value < skip) continue;
        }
        judgments.push({ set: set.set, row: set.items[i], col: set.items[j], value });
      }
    }
  }
  return JSON.stringify({
    format: 'ahp-response', version: 1, model: { id: model.id, hash: model.hash },
    expert: { name, role }, saved_at: '2024-05-01T09:30:00Z', app_version: 'test', language: 'en', judgments,
  }, null, 1);
}

export function responses(model, count, seed = 7, options = {}) {
  const rand = random(seed);
  const files = [];
  for (let e = 0; e < count; ++e)
    files.push({ name: `expert-${String(e + 1).padStart(4, '0')}.json`, text: response(model, `Expert ${e + 1}`, rand, options) });
  return files;
}

export function modelInfo(cli, modelPath) {
  const r = spawnSync(cli, ['model', modelPath, '--format', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('ahp model failed: ' + r.stderr);
  return JSON.parse(r.stdout);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, count, seed] = process.argv.slice(2);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const cli = process.env.AHP_BIN || path.join(root, 'build/native/ahp');
  const model = modelInfo(cli, path.join(root, 'assets/models/egov-qom.json'));
  fs.mkdirSync(out, { recursive: true });
  for (const f of responses(model, Number(count || 9), Number(seed || 7), { skip: 0.02 })) fs.writeFileSync(path.join(out, f.name), f.text);
}
