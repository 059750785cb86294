// Researcher tab benchmark (figures, not a test; issue 14's target: 10,000 response files in
// under 15 s with no frame over 100 ms): N synthetic response files given to the page at once
// (as a drop of N files does), then the time until every file is read and the group results
// are computed, the longest gap between two animation frames meanwhile, and the app's frames.
// The figures depend on the machine's load: the line ends with the load average.
// Run by scripts/bench.sh:  node bench_research.mjs [N ...]   (default 1000 10000)
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, repoRoot } from './harness.mjs';
import { modelInfo, responses } from './research-data.mjs';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const cli = process.env.AHP_BIN || path.join(repoRoot, 'build/native/ahp');
const model = modelInfo(cli, path.join(repoRoot, 'assets/models/egov-qom.json'));
const server = await serve();
const browser = await launch();

for (const count of counts.length ? counts : [1000, 10000]) {
  const { page, context } = await openApp(browser, server.url + '?lang=en&screen=research');
  const files = responses(model, count, 2024, { skip: 0.01 });
  const megabytes = files.reduce((sum, f) => sum + f.text.length, 0) / 1048576;
  // The files reach the page first (the test's hand-over, not the app's work) ...
  await page.evaluate(() => { window.benchFiles = []; });
  for (let k = 0; k < files.length; k += 500)
    await page.evaluate((chunk) => { window.benchFiles.push(...chunk); }, files.slice(k, k + 500));
  // ... then are given all at once; frames are timed from there until the progress bar is gone.
  const figures = await page.evaluate(() => new Promise((resolve) => {
    const widgets = () => JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json()));
    let last = performance.now(), maxGap = 0, frames = 0, sawProgress = false, done = false, handedOver = false;
    const start = performance.now();
    const tick = (t) => {
      // The first gap holds the hand-over (the script making File objects): reported apart.
      if (handedOver) maxGap = Math.max(maxGap, t - last);
      handedOver = true;
      last = t;
      ++frames;
      if (!done) requestAnimationFrame(tick);
    };
    Module._ahp_frame_stats_reset();
    Module.ahpImportTexts(window.benchFiles);
    window.benchFiles = null;
    const handOver = performance.now() - start;
    requestAnimationFrame(tick);
    const poll = setInterval(() => {
      const progress = 'research/progress' in widgets();
      if (progress) sawProgress = true;
      if (sawProgress && !progress) {
        done = true;
        clearInterval(poll);
        // The app's own time per frame (the gaps also hold the browser's work and the machine's load).
        const app = JSON.parse(Module.UTF8ToString(Module._ahp_frame_stats_json()));
        resolve({ ms: performance.now() - start, handOver, maxGap, frames, appMax: app.max_ms, appP95: app.p95_ms });
      }
    }, 20);
  }));
  const s = JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ahp_state_json())));
  const sets = s.research.group ? s.research.group.sets.length : 0;
  console.log(`Researcher tab, ${count} files (${megabytes.toFixed(1)} MB): ${(figures.ms / 1000).toFixed(1)} s ` +
    `(target < 15 s at 10,000), longest frame gap ${figures.maxGap.toFixed(0)} ms (target < 100 ms), ` +
    `${figures.frames} frames (the app's own time per frame: longest ${figures.appMax.toFixed(0)} ms, ` +
    `p95 ${figures.appP95.toFixed(0)} ms), handing the files over ${figures.handOver.toFixed(0)} ms; ` +
    `${s.research.experts.length} experts, ${sets} sets; load average ${os.loadavg()[0].toFixed(1)}`);
  await context.close();
}
await browser.close();
await server.close();
