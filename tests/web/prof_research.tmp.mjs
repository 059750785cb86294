import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openApp, repoRoot } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
const count = Number(process.argv[2] || 1000);

const server = await serve('/tmp/profsite');
const browser = await launch();
const { page } = await openApp(browser, server.url + '?lang=en&screen=research');
const dir = fs.mkdtempSync('/tmp/pr-'); spawnSync('/work/main/build/native/load_bench', ['--write', dir, String(count)]); const files = fs.readdirSync(dir).map((name) => ({ name }));
const paths = files.map((f) => path.join(dir, f.name));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const ms = await (async () => {
  const p = page.evaluate(() => new Promise((resolve) => {
    const widgets = () => JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json()));
    let start = 0, saw = false;
    document.getElementById('ahp-file-input').addEventListener('change', () => { start = performance.now(); }, true);
    const poll = setInterval(() => { const p = 'research/progress' in widgets(); if (p) saw = true; if (saw && !p) { clearInterval(poll); resolve(performance.now() - start); } }, 20);
  }));
  await new Promise((r) => setTimeout(r, 200));
  await page.setInputFiles('#ahp-file-input', paths);
  return p;
})();
const { profile } = await cdp.send('Profiler.stop');
console.log('ms', ms);
// self time per function
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ':' + n.callFrame.lineNumber + ')'; self.set(k, (self.get(k) || 0) + t); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total sampled ms', (total / 1000).toFixed(0));
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((t / 1000).toFixed(0).padStart(7), k.slice(0, 150));
// inclusive for chosen
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); for (let x = id; x; x = parent.get(x)) { const n = byId.get(x); const k = n.callFrame.functionName; if (seen.has(k)) continue; seen.add(k); incl.set(k, (incl.get(k) || 0) + t); } }
console.log('--- inclusive');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((t / 1000).toFixed(0).padStart(7), k.slice(0, 150));
await browser.close(); await server.close();
