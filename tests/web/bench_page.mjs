// Page benchmark (figures, not a test): every row of issue 11's table beside its target, then
// the page's other figures. Run by scripts/bench.sh; prints a table. Nothing here fails on a
// slow figure (tests/web/budget.test.mjs checks the byte budgets, which are deterministic).
//
// Loads are throttled as Lighthouse's mobile profile (DevTools "Slow 4G": 562.5 ms round trip,
// 1,474.56 kbit/s down, 675 kbit/s up, CPU slowed 4x, set through CDP) at 390x844, from
// build/site served by a loopback static server, median of 3 fresh loads of ?lang=fa.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, openApp, repoRoot, webRoot, click, widgets } from './harness.mjs';

const siteRoot = process.env.AHP_SITE_ROOT || path.join(repoRoot, 'build/site');
const KiB = 1024;
const kib = (n) => (n / KiB).toFixed(0) + ' KiB';
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const rows = [];
const row = (what, value, target = '', ok = '') => rows.push([what, value, target, ok === '' ? '' : ok ? 'yes' : 'NO']);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Number(process.env.AHP_BENCH_RUNS || 3);

const browser = await launch();

// One fresh load (a new profile: empty HTTP cache, no service worker) under throttling:
// milliseconds from navigation to the app's first drawn frame, to the page's own first paint
// (the welcome text, painted while the program downloads) and to the page's last byte (the
// program is inside it; the first frame needs only its first part: cmake/split_program.py).
async function throttledFirstFrame(url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 120000, polling: 100 });
  await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 120000, polling: 100 });
  const times = await page.evaluate(() => ({
    frame: window.ahpLoadError ? NaN : window.ahpFirstFrameMs,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    last: performance.getEntriesByType('navigation')[0]?.responseEnd || NaN,
  }));
  await context.close();
  return times;
}

async function firstFrameRow(label, options, target) {
  const server = await serve(siteRoot, options);
  const loads = [];
  for (let i = 0; i < runs; ++i) loads.push(await throttledFirstFrame(server.url + '?lang=fa'));
  await server.close();
  const seconds = (ms) => (ms / 1000).toFixed(2);
  const times = loads.map((l) => l.frame);
  const ms = median(times);
  row(`navigation -> first frame, ${label} (Slow 4G, CPU 4x, median of ${runs})`,
      `${seconds(ms)} s [${times.map(seconds).join(', ')}]`, `<= ${target} s`, ms <= target * 1000);
  row(`  the page's welcome painted / the page's last byte`,
      `${seconds(median(loads.map((l) => l.paint)))} s / ${seconds(median(loads.map((l) => l.last)))} s`);
}

// A first visit, unthrottled, until the service worker has cached the app: every byte the
// server sent (the page's requests and the worker's).
async function firstVisitBytes(cacheHeaders) {
  const server = await serve(siteRoot, { precompressed: true, cacheHeaders });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.url + '?lang=fa');
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith('ahp-survey-'));
    return key && (await (await caches.open(key)).keys()).length >= 4;
  }, null, { timeout: 60000, polling: 200 });
  await sleep(500);
  const bytes = server.sent.reduce((sum, s) => sum + s.bytes, 0);
  const detail = server.sent.map((s) => `${s.path} ${kib(s.bytes)}`).join(', ');
  await context.close();
  await server.close();
  return { bytes, detail };
}

// ---- issue 11's table --------------------------------------------------------------------
await firstFrameRow('served gzip-compressed (build/site .gz)', { precompressed: true, cacheHeaders: true }, 2.5);
await firstFrameRow('served uncompressed', { precompressed: false, cacheHeaders: false }, 4);

const withHeaders = await firstVisitBytes(true);
row('bytes of a first visit, gzip, service worker included, static host cache headers', kib(withHeaders.bytes),
    '<= 450 KiB', withHeaders.bytes <= 450 * KiB);
const noHeaders = await firstVisitBytes(false);
row('  the same from a server that sends no cache headers', kib(noHeaders.bytes), '(450 KiB)', noHeaders.bytes <= 450 * KiB);

const hostedFiles = ['index.html'];  // the survey's program is inside the page (cmake/inline_program.py)
const hostedGz = hostedFiles.reduce((s, f) => s + fs.statSync(path.join(siteRoot, f + '.gz')).size, 0);
const hostedRaw = hostedFiles.reduce((s, f) => s + fs.statSync(path.join(siteRoot, f)).size, 0);
row('hosted html+js+wasm, gzip (raw)', `${kib(hostedGz)} (${kib(hostedRaw)})`, '<= 400 KiB', hostedGz <= 400 * KiB);
if (hostedFiles.every((f) => fs.existsSync(path.join(siteRoot, f + '.br')))) {
  const hostedBr = hostedFiles.reduce((s, f) => s + fs.statSync(path.join(siteRoot, f + '.br')).size, 0);
  row('  the same, brotli', kib(hostedBr));
}
const singleFile = path.join(webRoot, 'ahp-survey.html');
if (fs.existsSync(singleFile)) {
  const single = gzipSize(singleFile);
  row('single-file page, gzip (raw)', `${kib(single)} (${kib(fs.statSync(singleFile).size)})`, '<= 550 KiB', single <= 550 * KiB);
}

// Frame CPU, no throttling: the page's thread's CPU time per drawn frame (Chromium's trace),
// beside the app's own clock (ahp_frame_stats_json).
const server = await serve(siteRoot, { precompressed: true });
const frameStats = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ahp_frame_stats_json())));
const resetStats = (page) => page.evaluate(() => Module._ahp_frame_stats_reset());
// The main thread's CPU time in each animation frame that drew (Chromium's trace: a
// FireAnimationFrame's thread duration), beside the app's own wall-clock times: on this 2-core
// machine the software GPU process takes the core from the page now and then, which the
// wall-clock times count and the thread times do not.
async function traced(page, work) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  // Frames that drew: a skipped frame (nothing changed) takes a few microseconds.
  return events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.dur > 300)
    .map((e) => e.tdur / 1000).sort((a, b) => a - b);
}
async function interactionStats(page, label, ids, rounds = 3) {
  await resetStats(page);
  const cpu = await traced(page, async () => {
    for (let round = 0; round < rounds; ++round) {
      for (const id of ids) await click(page, id);
    }
  });
  const s = await frameStats(page);
  // The "frame CPU": the page's thread's CPU time in each drawn frame.
  const p95 = cpu.length ? cpu[Math.min(cpu.length - 1, Math.floor(cpu.length * 0.95))] : NaN;
  const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  row(`frame CPU p95, ${label}: the page's thread, CPU time per drawn frame (mean)`,
      `${p95.toFixed(2)} ms (${mean.toFixed(2)} ms, ${cpu.length} frames)`, '< 4 ms', p95 < 4);
  // The app's own clock around its frame counts the time the thread waited for a core too:
  // software WebGL (SwiftShader, in the GPU process) draws each frame on this machine's 2 cores,
  // which a phone's GPU does not; the same click's frame reads 1.1 ms or 10 ms from run to run.
  row(`  the app's own wall-clock time per frame, p95 (mean; not CPU: waits for a core count)`,
      `${s.p95_ms.toFixed(2)} ms (${s.mean_ms.toFixed(2)} ms, ${s.frames} frames)`);
  row(`    of it the UI part: input, intents, UI, without the draw calls (mean)`,
      `${s.ui_p95_ms.toFixed(2)} ms (${s.ui_mean_ms.toFixed(2)} ms)`);
  return s;
}
const { page } = await openApp(browser, server.url + '?lang=fa&screen=compare&set=8');
const set = JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ahp_state_json()))).current_set;
const targets = Object.keys(await widgets(page)).filter((id) => id.startsWith(`judgment/${set}/1-`)).slice(0, 6);
await interactionStats(page, 'judgment clicks (6x6 set)', targets, 5);

// ---- the page's other figures ---------------------------------------------------------------
await sleep(1000);
await resetStats(page);
await sleep(3000);
const idle = await frameStats(page);
row('frames drawn per second, idle', (idle.frames / 3).toFixed(1), '0', idle.frames === 0);
await resetStats(page);
const t0 = Date.now();
for (let i = 0; i < 30; ++i) { await page.mouse.move(300 + 10 * (i % 20), 300 + 5 * (i % 7)); await sleep(16); }
const moving = await frameStats(page);
row('frames drawn per second, moving the mouse', (moving.frames / ((Date.now() - t0) / 1000)).toFixed(1));

const { page: results } = await openApp(browser, server.url + '?lang=fa&screen=results');
await interactionStats(results, 'results page, language switch', ['language', 'language']);
const memory = await results.evaluate(() => Module.HEAP8.length);
row('WebAssembly memory', kib(memory));

await browser.close();
await server.close();

const head = ['measure', 'value', 'target', 'met'];
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => String(r[c]).length), head[c].length));
const line = (r) => '| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log(`\nfirst visit, static host headers: ${withHeaders.detail}`);
console.log(`first visit, no cache headers:    ${noHeaders.detail}`);
