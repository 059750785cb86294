// Does a browser killed soon after a write keep it? (issue 14: "a kill of the browser a second
// after an answer loses nothing, if the platform allows it — measure it".) Figures, not a test.
//
// Headless Chromium with a profile folder of its own (as a person's browser has), started by
// this script so that it can be killed like a crash or a power cut: SIGKILL to the browser
// process, no shutdown. Then the same profile is started again and read.
//
//   node durability.mjs storage [ROUNDS]  localStorage and IndexedDB written by a page, killed
//                                         after 0.25 / 1 / 2 / 5 s: how many writes survived
//   node durability.mjs app [ROUNDS]      the questionnaire: one judgment clicked, killed 1 s
//                                         (and 3 s) later: is the answer in the expert's stored
//                                         session after the restart?
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, chromiumArgs, click } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Chromium on a profile folder, driven over CDP; kill() is SIGKILL to its main process.
export async function startBrowser(profile) {
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium',
    ['--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', ...chromiumArgs, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });  // its own process group: killed whole
  const endpoint = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('chromium did not start: ' + text)), 30000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${text}`)));
  });
  child.stderr.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || await context.newPage();
  const exited = new Promise((r) => child.on('exit', r));
  return {
    page,
    // The browser and its helpers (renderers, GPU) at once, as a crash or power cut does.
    kill: async () => { process.kill(-child.pid, 'SIGKILL'); await exited; await sleep(200); },
    close: async () => {
      await browser.close().catch(() => {});
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone already */ }
      await exited;
      await sleep(200);
    },
  };
}

async function storageRound(url, delayMs, round, durability) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-durable-'));
  try {
    let b = await startBrowser(profile);
    await b.page.goto(url);
    const value = `round ${round} at ${Date.now()}`;
    await b.page.evaluate(([v, durability]) => new Promise((resolve, reject) => {
      localStorage.setItem('durable', v);
      const open = indexedDB.open('durable', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('kv');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        // 'strict': the transaction completes once the write is on disk; 'relaxed' (Chromium's
        // default since version 121): when the browser has it.
        const tx = open.result.transaction('kv', 'readwrite', { durability });
        tx.objectStore('kv').put(v, 'durable');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    }), [value, durability]);
    await sleep(delayMs);
    await b.kill();
    b = await startBrowser(profile);
    await b.page.goto(url);
    const found = await b.page.evaluate(() => new Promise((resolve) => {
      const local = localStorage.getItem('durable');
      const open = indexedDB.open('durable', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('kv');
      open.onsuccess = () => {
        const get = open.result.transaction('kv').objectStore('kv').get('durable');
        get.onsuccess = () => resolve({ local, indexed: get.result ?? null });
        get.onerror = () => resolve({ local, indexed: null });
      };
      open.onerror = () => resolve({ local, indexed: null });
    }));
    await b.close();
    return { local: found.local === value, indexed: found.indexed === value };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

async function measureStorage(rounds) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-durable-site-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>durability</title>');
  const server = await serve(root);
  const url = server.url + 'index.html';
  for (const delayMs of [250, 1000, 2000, 5000]) {
    let local = 0, strict = 0, relaxed = 0;
    for (let k = 0; k < rounds; ++k) {
      const r = await storageRound(url, delayMs, k, 'strict');
      local += r.local;
      strict += r.indexed;
      relaxed += (await storageRound(url, delayMs, k, 'relaxed')).indexed;
    }
    console.log(`killed ${delayMs} ms after the write: localStorage kept ${local}/${rounds}, ` +
      `IndexedDB kept ${strict}/${rounds} (durability 'strict'), ${relaxed}/${rounds} ('relaxed')`);
  }
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
}

// The questionnaire: the first judgment of the first set clicked, SIGKILL `delayMs` later,
// started again on the same profile: is the judgment there?
export async function appRound(serverUrl, delayMs) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ahp-durable-'));
  const state = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ahp_state_json())));
  const widgets = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ahp_widgets_json())));
  const ready = (page) => page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
  try {
    let b = await startBrowser(profile);
    await b.page.setViewportSize({ width: 1280, height: 800 });
    await b.page.goto(serverUrl + '?lang=en&screen=compare');
    await ready(b.page);
    await sleep(500);
    const before = await state(b.page);
    // A position of the first pair's scale (not the middle, "equal"), clicked like a person.
    const id = Object.keys(await widgets(b.page)).find((w) => /^judgment\/[^/]+\/1-2\/6$/.test(w));
    await click(b.page, id);
    await b.page.waitForFunction((n) => JSON.parse(Module.UTF8ToString(Module._ahp_state_json())).answered > n,
      before.answered, { timeout: 10000 });
    const { answered, session_slot: slot, model } = await state(b.page);
    const key = `ahp:${model.id}:${slot}:session`;  // this expert's autosave (docs/formats.md)
    await sleep(delayMs);
    await b.kill();
    b = await startBrowser(profile);
    await b.page.setViewportSize({ width: 1280, height: 800 });
    await b.page.goto(serverUrl + '?lang=en&screen=compare');
    await ready(b.page);
    await sleep(500);
    // A restarted browser is a new tab: a new expert, offered to continue the stored session.
    const stored = await b.page.evaluate((k) => localStorage.getItem(k), key);
    const after = stored === null ? 0 : JSON.parse(stored).judgments.length;
    await b.close();
    return { kept: after === answered, answered, after, id };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [what = 'storage', rounds = '3'] = process.argv.slice(2);
  if (what === 'storage') await measureStorage(Number(rounds));
  else {
    const server = await serve();
    for (const delayMs of [1000, 3000]) {
      let kept = 0;
      for (let k = 0; k < Number(rounds); ++k) kept += (await appRound(server.url, delayMs)).kept;
      console.log(`questionnaire, killed ${delayMs} ms after a click: the answer was there ${kept}/${rounds} times`);
    }
    await server.close();
  }
}
