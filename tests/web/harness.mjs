// Shared by the browser tests: a loopback static server for build/web, Debian's Chromium through
// playwright-core, and the app's test interface (state and widget rectangles as JSON).
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const webRoot = process.env.AHP_WEB_ROOT || path.join(repoRoot, 'build/web');
export const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };

// A static server on 127.0.0.1 (random port) that serves only `root` and logs every request.
// As a static host, on request (the page benchmark): `precompressed` sends FILE.gz beside FILE
// (build/site) to a browser that accepts gzip; `cacheHeaders` sends ETag, Last-Modified and
// Cache-Control: max-age=600 (as GitHub Pages does). `sent` lists the body bytes of each response.
export async function serve(root = webRoot, { hide = [], precompressed = false, cacheHeaders = false } = {}) {
  const requests = [];
  const sent = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (hide.some((h) => file.endsWith(h)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' };
    let body = fs.readFileSync(file);
    if (precompressed && /\bgzip\b/.test(req.headers['accept-encoding'] || '') && fs.existsSync(file + '.gz')) {
      body = fs.readFileSync(file + '.gz');
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    if (cacheHeaders) {
      const stat = fs.statSync(file);
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${headers['Content-Encoding'] ? '-gz' : ''}"`;
      Object.assign(headers, { 'Cache-Control': 'max-age=600', ETag: etag, 'Last-Modified': stat.mtime.toUTCString() });
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers); res.end(); sent.push({ path: url.pathname, bytes: 0 }); return;
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    sent.push({ path: url.pathname, bytes: body.length });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, sent, close: () => new Promise((r) => server.close(r)) };
}

// The built page `builtPage` (a path) as a survey page of `modelText`: its model element holds
// the model, each '<' written \u003c, as `ahp page` writes it (src/model/survey_page.cpp).
// Bytes in, bytes out (latin1 keeps them as they are).
export function surveyPageOf(builtPage, modelText) {
  const page = fs.readFileSync(builtPage, 'latin1');
  const empty = '<script type="application/json" id="ahp-survey-model"></script>';
  if (!page.includes(empty)) throw new Error(`${builtPage} has no empty model element`);
  const inside = Buffer.from(modelText.replace(/</g, '\\u003c')).toString('latin1');
  return Buffer.from(page.replace(empty, () => empty.replace('><', () => `>${inside}<`)), 'latin1');
}

export const chromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-extensions',
];

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: [...chromiumArgs, ...extraArgs] });
}

// Opens the app and waits for its first drawn frame.
export async function openApp(browser, url, { width = 1280, height = 800, scale = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
  return openIn(context, url);
}

// The same on a phone: touch, a phone's pixel density (its taps come as touch events followed
// by the browser's compatibility mouse events). `permissions` are granted to the page's origin.
export async function openPhone(browser, url, { width = 390, height = 844, permissions = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  return openIn(context, url);
}

async function openIn(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // An error, or a text the app has not got (ui::Strings: said on the console as a warning).
  page.on('console', (m) => { if (m.type() === 'error' || /^strings: no text for /.test(m.text())) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
  const loadError = await page.evaluate(() => window.ahpLoadError || null);
  if (loadError) throw new Error('app failed to load: ' + loadError);
  await settle(page);
  return { page, context, errors };
}

// Waits until the app has handled what was sent to it: at least `n` more passes of its main
// loop, then until it reports idle (no input waiting, the last change drawn and settled). The
// app draws nothing while idle, so counting drawn frames would wait forever.
export async function settle(page, n = 1) {
  const start = await page.evaluate(() => Module._ahp_loop_count());
  await page.waitForFunction((s) => Module._ahp_loop_count() >= s && Module._ahp_idle() === 1, start + n,
    { timeout: 20000, polling: 'raf' });
}

export async function state(page) {
  return JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ahp_state_json())));
}
// Polls the state until `predicate` holds (typing goes through one key per frame).
export async function waitForState(page, predicate, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await state(page);
    if (predicate(s)) return s;
    if (Date.now() > end) throw new Error("state never matched; last: expert " + JSON.stringify(s.expert) + " " + JSON.stringify(s).slice(0, 400));
    await settle(page, 2);
  }
}
export async function widgets(page) {
  return JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ahp_widgets_json())));
}

// Clicks the middle of a named widget like a person: scrolls it into view with the mouse
// wheel if needed, then move, press, release.
export async function click(page, id) {
  const r = await scrollIntoView(page, id);
  await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await settle(page, 1);
  await page.mouse.down();
  await page.mouse.up();
  await settle(page, 3);
}

// Clicks a widget whose action reloads the page (the page's Module goes away mid-click, so
// settling on it would race the navigation); resolves once the new page is ready.
export async function clickAndReload(page, id) {
  const r = await scrollIntoView(page, id);
  await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await settle(page, 1);
  await Promise.all([page.waitForNavigation({ timeout: 60000 }), (async () => {
    await page.mouse.down();
    await page.mouse.up();
  })()]);
  await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
  await settle(page);
}

// A widget is clickable when its whole rectangle is inside its window's clip rectangle and the
// viewport; otherwise the window is scrolled with the mouse wheel, like a person would.
// A popup is laid out over its first frames: click its buttons once they stay put.
export async function clickSettled(page, id) {
  let last = '';
  for (let k = 0; k < 20; ++k) {
    const now = JSON.stringify((await widgets(page))[id]);
    if (now === last && now !== undefined) break;
    last = now;
    await settle(page, 3);
  }
  await click(page, id);
}

export async function scrollIntoView(page, id) {
  // The rectangles are those of the last frame drawn, which may predate the state a test just
  // waited for (a frame applies its intents after drawing): one more frame shows that state,
  // as a person sees the screen before touching it.
  await settle(page, 1);
  const viewport = page.viewportSize();
  for (let attempt = 0; attempt < 60; ++attempt) {
    const all = await widgets(page);
    const r = all[id];
    if (!r) throw new Error(`widget "${id}" is not on screen; on screen: ${Object.keys(all).slice(0, 40).join(', ')}`);
    const [x0, y0, x1, y1] = r;
    const [cx0, cy0, cx1, cy1] = r.length >= 8 ? r.slice(4) : [0, 0, viewport.width, viewport.height];
    const top = Math.max(cy0, 0), bottom = Math.min(cy1, viewport.height);
    if (y0 >= top - 0.5 && y1 <= bottom + 0.5) return r;
    const dy = y0 < top ? -Math.min(300, top - y0 + 40) : Math.min(300, y1 - bottom + 40);
    const midX = Math.min(Math.max((x0 + x1) / 2, cx0 + 2), cx1 - 2);
    await page.mouse.move(midX, (top + bottom) / 2);
    await page.mouse.wheel(0, dy);
    await settle(page, 2);
  }
  throw new Error(`could not scroll widget "${id}" into view`);
}

export async function screenshot(page, name) {
  const file = path.join(artifacts, name + '.png');
  await page.screenshot({ path: file });
  return file;
}
