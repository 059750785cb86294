// Researcher tab benchmark (figures, not a test; issue 14's target: 10,000 response files in
// under 15 s with no frame over 100 ms): N response files chosen at once in the page's file
// picker (its <input type=file>, given the files as a person's choice gives them), then the
// time until every file is read and the group results are computed, the longest gap between
// two animation frames meanwhile, the longest task of the page's thread (a gap also holds the
// browser's own painting, which lags when the machine is loaded), and the app's own frames
// (drawn at most 20 a second while only its work changes: src/platform/runner.cpp). Each count
// is loaded twice: the second time a person moves the mouse over the table every 200 ms, and
// the line adds the time from each move to the app's next drawn frame.
// The files are the app's own (model::writeResponse, results included: about 17 KB each),
// written to a temporary folder by bench/load_bench (AHP_LOAD_BENCH, default
// build/native/load_bench).
// The figures depend on the machine's load: the line ends with the load average.
// Run by scripts/bench.sh:  node bench_research.mjs [N ...]   (default 1000 10000)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openApp, repoRoot } from './harness.mjs';

const writer = process.env.AHP_LOAD_BENCH || path.join(repoRoot, 'build/native/load_bench');
function writeResponses(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-bench-'));
  const written = spawnSync(writer, ['--write', dir, String(count)], { encoding: 'utf8' });
  if (written.status !== 0) throw new Error(`${writer} --write failed: ${written.stderr}`);
  const paths = fs.readdirSync(dir).sort().map((name) => path.join(dir, name));
  const bytes = paths.reduce((sum, p) => sum + fs.statSync(p).size, 0);
  return { dir, paths, megabytes: bytes / 1048576 };
}

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const server = await serve();
const browser = await launch();

// One load of `count` files; with `moving`, a person moves the mouse over the table meanwhile,
// every 200 ms, and the figures add the time from each move to the app's next drawn frame.
async function load(count, moving) {
  const { page, context } = await openApp(browser, server.url + '?lang=en&screen=research');
  const { dir, paths, megabytes } = writeResponses(count);
  // Timed from the moment the page has the files (the input's change event) until the
  // progress bar is gone: before it, the browser (here Playwright's setInputFiles, seconds for
  // 10,000 paths) makes the File objects, which is reported apart.
  await page.evaluate(() => {
    window.benchDone = new Promise((resolve) => {
      const widgets = () => JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json()));
      let start = 0, last = 0, maxGap = 0, maxGapAt = 0, frames = 0, late = 0, sawProgress = false, done = false;
      let longestTask = 0;  // the Long Tasks API: tasks of 50 ms and more
      new PerformanceObserver((list) => {
        for (const task of list.getEntries())
          if (start && !done && task.startTime >= start) longestTask = Math.max(longestTask, task.duration);
      }).observe({ type: 'longtask' });
      const tick = (t) => {
        // A frame's time stamp is when it began: the first one's can be from before the
        // browser's hand-over of the choice (one long task that fires the change event), which
        // is not counted.
        if (t - last > maxGap) { maxGap = t - last; maxGapAt = last - start; }
        if (t - last > 100) ++late;
        last = Math.max(t, start);
        ++frames;
        if (!done) requestAnimationFrame(tick);
      };
      // A pointer move, until the app has drawn a frame after it (a frame takes the input
      // waiting then): the app's frame count, polled between tasks.
      const replies = [];
      let movedAt = 0, countAtMove = 0;
      window.addEventListener('pointermove', () => {
        if (movedAt || !start || done) return;
        movedAt = performance.now();
        countAtMove = Module._ahp_frame_count();
      }, { capture: true });
      const answered = setInterval(() => {
        if (movedAt && Module._ahp_frame_count() > countAtMove) {
          replies.push(performance.now() - movedAt);
          movedAt = 0;
        }
      }, 2);
      document.getElementById('ahp-file-input').addEventListener('change', () => {
        start = last = performance.now();
        Module._ahp_frame_stats_reset();
        requestAnimationFrame(tick);
      }, { capture: true, once: true });
      const poll = setInterval(() => {
        const progress = 'research/progress' in widgets();
        if (progress) sawProgress = true;
        if (sawProgress && !progress) {
          done = true;
          clearInterval(poll);
          clearInterval(answered);
          // The app's own time per frame (the gaps also hold the browser's work and the machine's load).
          const app = JSON.parse(Module.UTF8ToString(Module._ahp_frame_stats_json()));
          resolve({ ms: performance.now() - start, longestTask, picked: start, maxGap, maxGapAt, frames, late, appMax: app.max_ms, appP95: app.p95_ms,
                    drawn: app.frames, drawnApart: app.longest_between_ms, replies });
        }
      }, 20);
    });
  });
  // The main thread's own time (Chromium's TaskDuration, ScriptDuration) from the choice to the
  // end, hand-over included: less at the mercy of the machine's load than the wall clock.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .map((m) => [m.name, m.value]));
  const before = await metrics();
  const choosing = await page.evaluate(() => performance.now());
  const chosen = page.setInputFiles('#ahp-file-input', paths);
  const finished = chosen.then(() => page.evaluate(() => window.benchDone));
  let loading = true;
  finished.finally(() => { loading = false; });
  if (moving) {
    await chosen;
    for (let k = 0; loading; ++k) {
      await page.mouse.move(600 + 40 * (k % 2), 400 + 20 * (k % 3));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const figures = await finished;
  const after = await metrics();
  const busy = after.TaskDuration - before.TaskDuration, script = after.ScriptDuration - before.ScriptDuration;
  figures.picker = figures.picked - choosing;
  fs.rmSync(dir, { recursive: true });
  const s = JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ahp_state_json())));
  const sets = s.research.group ? s.research.group.sets.length : 0;
  const replies = figures.replies.sort((a, b) => a - b);
  const moves = moving ? `; the mouse moved ${replies.length} times: from a move to the app's next drawn frame ` +
    `median ${replies[replies.length >> 1].toFixed(0)} ms, longest ${replies[replies.length - 1].toFixed(0)} ms` : '';
  console.log(`Researcher tab, ${count} files (${megabytes.toFixed(1)} MB)${moving ? ', the mouse moving' : ''}: ${(figures.ms / 1000).toFixed(1)} s ` +
    `(target < 15 s at 10,000), longest frame gap ${figures.maxGap.toFixed(0)} ms (target < 100 ms) ` +
    `${(figures.maxGapAt / 1000).toFixed(1)} s in, ${figures.late} gaps over 100 ms, ` +
    `longest task ${figures.longestTask ? figures.longestTask.toFixed(0) + ' ms' : 'under 50 ms'}, ` +
    `main thread busy ${busy.toFixed(1)} s (script ${script.toFixed(1)} s), ` +
    `${figures.frames} frames, of which the app drew ${figures.drawn} (at most 20 a second while only its ` +
    `own work changes; the longest between two, times with nothing new included: ${figures.drawnApart.toFixed(0)} ms; the app's own time per ` +
    `frame: longest ${figures.appMax.toFixed(0)} ms, p95 ${figures.appP95.toFixed(0)} ms); the browser's hand-over of the choice before that ` +
    `${(figures.picker / 1000).toFixed(1)} s; ` +
    `${s.research.experts.length} experts, ${sets} sets${moves}; load average ${os.loadavg()[0].toFixed(1)}`);
  await context.close();
}

for (const count of counts.length ? counts : [1000, 10000]) {
  await load(count, false);
  await load(count, true);
}
await browser.close();
await server.close();
