// Page benchmark (figures, not a test): bytes of the hosted and single-file builds, time from
// navigation to the first drawn frame, the app's own CPU time per frame on a judgment screen
// and on the results page, frames drawn per second idle and while interacting, and WebAssembly
// memory. Run by scripts/bench.sh; prints a table.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, openApp, webRoot, click, widgets } from './harness.mjs';

const kb = (n) => (n / 1024).toFixed(0) + ' KiB';
const sizeOf = (files) => {
  let raw = 0, gz = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(webRoot, f));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
};
const rows = [];
const row = (what, value, target = '', ok = '') => rows.push([what, value, target, ok]);

const hosted = sizeOf(['index.html', 'ahp-app.js', 'ahp-app.wasm']);
row('hosted build (html+js+wasm), raw', kb(hosted.raw));
row('hosted build, gzip', kb(hosted.gz), '< 1.5 MB', hosted.gz < 1.5e6 ? 'yes' : 'NO');
if (fs.existsSync(path.join(webRoot, 'ahp-survey.html'))) {
  const single = sizeOf(['ahp-survey.html']);
  row('single-file build, raw', kb(single.raw));
  row('single-file build, gzip', kb(single.gz), '< 1.5 MB', single.gz < 1.5e6 ? 'yes' : 'NO');
}

const server = await serve();
const browser = await launch();
const frameStats = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ahp_frame_stats_json())));
const resetStats = (page) => page.evaluate(() => Module._ahp_frame_stats_reset());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// First frame: median of 5 fresh loads.
const firstFrames = [];
for (let i = 0; i < 5; ++i) {
  const { page, context } = await openApp(browser, server.url + '?lang=fa');
  firstFrames.push(await page.evaluate(() => window.ahpFirstFrameMs));
  await context.close();
}
firstFrames.sort((a, b) => a - b);
const ff = firstFrames[2];
row('navigation -> first frame (median of 5)', ff.toFixed(0) + ' ms', '< 500 ms', ff < 500 ? 'yes' : 'NO');

async function interactionStats(page, label, ids) {
  await resetStats(page);
  for (let round = 0; round < 3; ++round) {
    for (const id of ids) await click(page, id);
  }
  const s = await frameStats(page);
  row(`frame CPU, ${label}: mean / p95`, `${s.mean_ms.toFixed(2)} / ${s.p95_ms.toFixed(2)} ms (${s.frames} frames)`,
      '< 4 ms p95', s.p95_ms < 4 ? 'yes' : 'NO');
  return s;
}

const { page } = await openApp(browser, server.url + '?lang=fa&screen=compare&set=8');
const set = JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ahp_state_json()))).current_set;
const targets = Object.keys(await widgets(page)).filter((id) => id.startsWith(`judgment/${set}/1-`)).slice(0, 6);
await interactionStats(page, 'judgment screen (6x6 set)', targets);

// Idle: after a short settle, nothing is drawn.
await sleep(1000);
await resetStats(page);
await sleep(3000);
const idle = await frameStats(page);
row('frames drawn per second, idle', (idle.frames / 3).toFixed(1), '0', idle.frames === 0 ? 'yes' : 'NO');
await resetStats(page);
const t0 = Date.now();
for (let i = 0; i < 30; ++i) { await page.mouse.move(300 + 10 * (i % 20), 300 + 5 * (i % 7)); await sleep(16); }
const moving = await frameStats(page);
row('frames drawn per second, moving the mouse', (moving.frames / ((Date.now() - t0) / 1000)).toFixed(1));

const { page: results } = await openApp(browser, server.url + '?lang=fa&screen=results');
await interactionStats(results, 'results page', ['language', 'language']);
const memory = await results.evaluate(() => Module.HEAP8.length);
row('WebAssembly memory', kb(memory));

await browser.close();
await server.close();

const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => String(r[c]).length), ['what', 'value', 'target', 'met'][c].length));
const line = (r) => '| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |';
console.log(line(['what', 'value', 'target', 'met']));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
