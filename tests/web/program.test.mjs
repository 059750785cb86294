// The survey's program inside its page, in two parts (cmake/inline_program.py,
// cmake/split_program.py, web/index.html): a new expert's first frame is drawn from the first
// part alone, before the rest has arrived, whichever model the page opens (the built-in study,
// a shared link's, a survey page's own); the rest is added as soon as it is read; a press
// before then waits for it (a bar at the top shows it); a page that reopens where a returning
// expert left starts its program only once the rest is in; only a page cut short asks for
// ahp-app.deferred.wasm beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, state, waitForState, click, settle, screenshot, webRoot, surveyPageOf } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// A host on a slow line, as far as the page is concerned: index.html stops inside the first
// block of the second part of the program (the app then starts, and adds its elements to the
// page mid-block) and goes on only at release(); every other file is served whole. After
// hold(), the next loads of the page stop there again.
// With `dropAt` (a fraction of the second part), the page ends there instead, as a dropped
// connection leaves it. With `holdAt`, it stops just before that text instead; `page` replaces
// index.html's bytes.
async function holdingServer({ dropAt = null, holdAt = null, page = fs.readFileSync(path.join(webRoot, 'index.html')) } = {}) {
  const first = page.indexOf('<script>ahpProgram.begin(');
  const second = page.indexOf('<script>ahpProgram.begin(', first + 1);
  assert.ok(first > 0 && second > first, 'the page carries a program in two parts');
  const cut = holdAt === null ? page.indexOf('<script type="text/x-ahp-wasm">', second) + 1000 : page.indexOf(holdAt);
  assert.ok(cut > 0, 'the page holds where asked');
  const end = dropAt === null ? page.length : second + Math.floor((page.length - second) * dropAt);
  let holding = true, waiting = [];
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const name = new URL(req.url, 'http://127.0.0.1').pathname;
    requests.push(name);
    if (name === '/' || name === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write(page.subarray(0, cut));
      if (holding) await new Promise((resolve) => waiting.push(resolve));
      res.end(page.subarray(cut, end));
      return;
    }
    const file = path.join(webRoot, path.normalize(name));
    if (!file.startsWith(webRoot) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    const types = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.svg': 'image/svg+xml',
      '.webmanifest': 'application/manifest+json' };
    res.writeHead(200, { 'Content-Type': types[path.extname(name)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const release = () => { holding = false; for (const resolve of waiting.splice(0)) resolve(); };
  const hold = () => { holding = true; };
  return { url: `http://127.0.0.1:${server.address().port}/`, requests, release, hold,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

// The page as a slow line brings it: with no service worker, which would serve a reload from
// its copy, whole, at once.
async function open(server, query, options) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || /placeholder/.test(m.text())) problems.push(m.text()); });
  page.goto(server.url + query).catch(() => {});  // the page's load ends only at release()
  await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.ahpLoadError || null), null);
  return { context, page, problems };
}

// Start, pressed as a person does (a finger on a phone, else the mouse), without waiting for the
// frame that answers it: click() would, and here the press is meant to wait. Where it is comes
// from the page's mirror of the canvas, not from the program: asking the program would run code
// of the rest.
async function pressStart(page, options) {
  const box = await page.locator('#ahp-mirror [data-widget="start"]').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  if (options.hasTouch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 800 } };

test('a new expert\'s first frame is drawn from the first part alone, a returning expert\'s page starts once the rest is in; the rest is used from then on', async () => {
  for (const [query, options, lang] of [['?lang=fa', phone, 'fa'], ['?lang=en', desktop, 'en'], ['?lang=en', phone, 'en']]) {
    const server = await holdingServer();
    const { context, page, problems } = await open(server, query, options);
    await page.waitForTimeout(300);  // drawn, and a moment after (the test's own calls wait)
    assert.deepEqual(problems, [], 'the first frame called nothing of the rest ' +
      '(else list its functions afresh: node tests/web/first_frame_functions.mjs)');
    assert.deepEqual(server.requests.filter((r) => r.startsWith('/ahp-')), [], 'no program file asked for beside the page');
    server.release();
    await page.waitForFunction(() => document.readyState === 'complete');
    // The same tab again, nothing answered (the tab's expert is known): still the first part alone.
    server.hold();
    page.reload().catch(() => {});
    await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.readyState), 'loading', 'drawn while the rest is held back');
    assert.deepEqual(problems, [], 'the reloaded first frame called nothing of the rest');
    assert.deepEqual(server.requests.filter((r) => r.startsWith('/ahp-')), [], 'no program file asked for beside the page');
    server.release();
    await page.waitForFunction(() => document.readyState === 'complete');
    await settle(page, 3);
    let s = await state(page);
    assert.equal(s.screen, 'welcome');
    assert.equal(s.language, lang);
    // A person starts and answers three judgments, then reads the results.
    await click(page, 'start');
    for (const id of ['judgment/G/1-2/5', 'judgment/G/1-3/7', 'judgment/G/2-3/3']) await click(page, id);
    s = await waitForState(page, (st) => st.answered === 3);
    await click(page, 'nav-results');
    s = await waitForState(page, (st) => st.screen === 'results');
    assert.deepEqual(problems, [], 'every call went to the code added, none through a placeholder');
    // The expert comes back: the page reopens on the results, whose code is in the rest, so
    // the program starts only once the rest is in (the page's own welcome and the bar showing
    // meanwhile).
    server.hold();
    page.reload().catch(() => {});
    await page.waitForFunction(() => document.getElementById('rest-progress')?.hidden === false, null, { timeout: 60000 });
    await page.waitForTimeout(800);
    const waiting = await page.evaluate(() => ({
      started: window.Module !== undefined,
      drawn: window.ahpReady === true,
      overlay: !document.getElementById('overlay').classList.contains('hidden'),
      bar: !document.getElementById('rest-progress').hidden,
    }));
    assert.deepEqual(waiting, { started: false, drawn: false, overlay: true, bar: true }, 'the program waits for the rest');
    await screenshot(page, `program-reopen-waits-${lang}-${options.hasTouch ? 'phone' : 'desktop'}`);
    assert.deepEqual(problems, [], 'nothing of the rest was called while it was coming');
    server.release();
    await page.waitForFunction(() => window.ahpReady === true, null, { timeout: 60000 });
    assert.ok(await page.evaluate(() => document.querySelector('#ahp-mirror [data-widget="nav-results"][aria-current], #ahp-mirror [data-widget="nav-results"][aria-selected="true"]') !== null),
      'the page opened on the results');
    assert.equal(await page.evaluate(() => document.getElementById('rest-progress').hidden), true, 'the bar goes once the rest is in');
    assert.deepEqual(problems, [], 'the results were drawn with the rest added, none through a placeholder');
    await page.waitForFunction(() => document.readyState === 'complete');
    await click(page, 'nav-questions');
    s = await waitForState(page, (st) => st.screen === 'compare' && st.answered === 3);
    assert.ok(!server.requests.includes('/ahp-app.deferred.wasm'), 'the rest came with the page');
    await context.close();
    await server.close();
  }
});

test('a press before the rest has come waits for it, a bar at the top showing it, and is answered when it is in', async () => {
  for (const [query, options, lang] of [['?lang=fa', phone, 'fa'], ['?lang=en', desktop, 'en']]) {
    const server = await holdingServer();
    const { context, page, problems } = await open(server, query, options);
    await settle(page, 3);
    await pressStart(page, options);
    await page.waitForTimeout(600);
    // Read from the page, not the program: the test's own state call would run code of the rest.
    const waiting = await page.evaluate(() => ({
      welcome: document.querySelector('#ahp-mirror [data-widget="start"]') !== null,
      questions: document.querySelectorAll('#ahp-mirror [data-widget^="judgment/"]').length,
      bar: !document.getElementById('rest-progress').hidden,
    }));
    assert.deepEqual(waiting, { welcome: true, questions: 0, bar: true }, 'the press waits for the rest, the bar showing it');
    // A screen reader hears what the wait is, in the app's language, and finds the bar a
    // progress bar named by it.
    const told = lang === 'fa' ? 'در حال بارگذاری بقیهٔ پرسشنامه…' : 'Loading the rest of the questionnaire…';
    const { nodes } = await (await context.newCDPSession(page)).send('Accessibility.getFullAXTree');
    const named = (role) => nodes.filter((n) => n.role?.value === role && !n.ignored).map((n) => n.name?.value);
    assert.equal(await page.evaluate(() => document.getElementById('rest-status').getAttribute('role')), 'status');
    assert.ok(named('StaticText').includes(told), `the status's text "${told}" is read: ${JSON.stringify(named('StaticText').slice(-5))}`);
    assert.ok(named('progressbar').includes(told), `the bar is a progress bar named "${told}": ${JSON.stringify(named('progressbar'))}`);
    await screenshot(page, `program-press-waits-${lang}`);
    server.release();
    await page.waitForFunction(() => document.querySelector('#ahp-mirror [data-widget^="judgment/"]') !== null, null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => document.getElementById('rest-progress').hidden), true, 'the bar goes once the rest is in');
    assert.equal(await page.evaluate(() => document.getElementById('rest-status').textContent), '', 'and its word with it');
    let s = await state(page);
    assert.equal(s.screen, 'compare', 'the press was answered');
    for (const id of ['judgment/G/1-2/6', 'judgment/G/1-3/4', 'judgment/G/2-3/2']) await click(page, id);
    s = await waitForState(page, (st) => st.answered === 3);
    assert.deepEqual(problems, [], 'no call went through a placeholder');
    assert.deepEqual(server.requests.filter((r) => r.startsWith('/ahp-')), [], 'nothing asked for beside the page');
    await context.close();
    await server.close();
  }
});

// A model of its own, for a survey page, a link or a choice made on the page before.
const ownModel = {
  format: 'ahp-model', version: 1, id: 'own-model', title: { en: 'Own model', fa: 'مدل خود' }, languages: ['en', 'fa'],
  nodes: [
    { id: 'G', parent: null, labels: { en: 'Goal', fa: 'هدف' } },
    { id: 'A', parent: 'G', labels: { en: 'Cost', fa: 'هزینه' } },
    { id: 'B', parent: 'G', labels: { en: 'Speed', fa: 'سرعت' } },
  ],
};

// The built page as a survey page of the researcher's model, as `ahp page` writes it.
const ownSurveyPage = () => surveyPageOf(path.join(webRoot, 'index.html'), JSON.stringify(ownModel));

test('an expert opening a researcher\'s model, by a shared link or a survey page, gets the first frame from the first part alone', async () => {
  const linkServer = await holdingServer();
  linkServer.release();
  const linkPage = await browser.newPage();
  await linkPage.goto(linkServer.url);
  await linkPage.waitForFunction(() => typeof window.ahpShareLink === 'function');
  const linkHash = (await linkPage.evaluate((text) => window.ahpShareLink(text, 'x'), JSON.stringify(ownModel))).slice(1);
  await linkPage.context().close();
  await linkServer.close();
  assert.match(linkHash, /^#model=/);
  for (const [query, options, pageBytes, title] of [['?lang=fa' + linkHash, phone, undefined, 'مدل خود'],
    ['?lang=en', desktop, ownSurveyPage(), 'Own model'], ['?lang=en' + linkHash, phone, undefined, 'Own model']]) {
    const server = await holdingServer({ page: pageBytes });
    const { context, page, problems } = await open(server, query, options);
    await page.waitForTimeout(300);
    assert.deepEqual(problems, [], 'the first frame called nothing of the rest ' +
      '(else list its functions afresh: node tests/web/first_frame_functions.mjs)');
    assert.deepEqual(server.requests.filter((r) => r.startsWith('/ahp-')), [], 'no program file asked for beside the page');
    assert.ok(await page.evaluate((t) => document.getElementById('ahp-mirror').textContent.includes(t), title),
      `the welcome is the model's: "${title}"`);
    server.release();
    await page.waitForFunction(() => document.readyState === 'complete');
    assert.equal((await state(page)).model.id, 'own-model');
    for (const id of ['start', 'judgment/G/1-2/5', 'judgment/G/1-2/3']) await click(page, id);
    const s = await waitForState(page, (st) => st.answered === 1 && st.screen === 'compare');
    assert.equal(s.model.id, 'own-model');
    assert.deepEqual(problems, []);
    assert.ok(!server.requests.includes('/ahp-app.deferred.wasm'), 'the rest came with the page');
    await context.close();
    await server.close();
  }
});

test('the page paints the study\'s welcome before its scripts have come, in its language, and never for another model', async () => {
  const surveyPage = ownSurveyPage();
  const chooseOwn = (model) => localStorage.setItem('ahp:chosen-model:/', model);
  const cases = [
    { query: '?lang=fa', welcome: 'fa', model: 'egov-qom' },
    { query: '?lang=en', welcome: 'en', model: 'egov-qom' },
    { query: '?lang=fa', page: surveyPage, welcome: null, model: 'own-model' },
    { query: '?lang=en', chosen: JSON.stringify(ownModel), welcome: null, model: 'own-model' },
    { query: '?lang=fa#model=not-a-link', welcome: null, model: 'egov-qom' },
  ];
  for (const { query, page: pageBytes, chosen, welcome, model } of cases) {
    // Held before the runtime's text: the main script has not come.
    const server = await holdingServer({ holdAt: '<script type="text/x-ahp-runtime"', page: pageBytes });
    const context = await browser.newContext({ ...phone, serviceWorkers: 'block' });
    if (chosen) await context.addInitScript(chooseOwn, chosen);
    const page = await context.newPage();
    page.goto(server.url + query).catch(() => {});
    await page.waitForFunction(() => window.ahpModelSources !== undefined, null, { timeout: 30000 });
    const painted = await page.evaluate(() => ({
      main: window.ahpProgram !== undefined,
      shown: [...document.querySelectorAll('.welcome')].filter((w) => !w.hidden && w.getBoundingClientRect().height > 0)
        .map((w) => w.lang),
    }));
    assert.deepEqual(painted, { main: false, shown: welcome ? [welcome] : [] }, query);
    if (welcome) await screenshot(page, `page-welcome-${welcome}`);
    server.release();
    await page.waitForFunction(() => window.ahpReady === true || window.ahpLoadError, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.ahpLoadError || null), null);
    assert.equal((await state(page)).model.id, model, query);
    await context.close();
    await server.close();
  }
});

test('a page whose second part is cut short still works: the rest is asked for when it is needed', async () => {
  const server = await holdingServer({ dropAt: 0.5 });
  const { context, page } = await open(server, '?lang=en', phone);
  server.release();
  await page.waitForFunction(() => document.readyState !== 'loading');
  await settle(page, 3);
  for (const id of ['start', 'judgment/G/1-2/3', 'judgment/G/1-3/7']) await click(page, id);
  const s = await waitForState(page, (st) => st.answered === 2);
  assert.equal(s.screen, 'compare');
  assert.equal(server.requests.filter((r) => r === '/ahp-app.deferred.wasm').length, 1);
  assert.equal(await page.evaluate(() => window.ahpLoadError || null), null);
  await context.close();
  await server.close();
});

test('without the browser\'s inflater (Safari before 16.4) the page inflates its program itself; a call into the rest before it is compiled inflates it at once', async () => {
  for (const [query, options, lang] of [['?lang=fa', phone, 'fa'], ['?lang=en', desktop, 'en']]) {
    const server = await holdingServer();
    server.release();
    const context = await browser.newContext(options);
    await context.addInitScript(() => {
      delete window.DecompressionStream;
      // The rest's compile (the second) waits for the test.
      const compile = WebAssembly.compile.bind(WebAssembly);
      let calls = 0;
      WebAssembly.compile = (bytes) => (++calls !== 2 ? compile(bytes)
        : new Promise((resolve) => { window.ahpTestReleaseRest = () => resolve(compile(bytes)); }));
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(server.url + query);
    await page.waitForFunction(() => (window.ahpReady === true && typeof window.ahpTestReleaseRest === 'function')
      || window.ahpLoadError, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.ahpLoadError || null), null);
    assert.equal(await page.evaluate(() => typeof window.DecompressionStream), 'undefined');
    await page.waitForFunction(() => document.readyState === 'complete');
    // A press waits for the rest's compile...
    await pressStart(page, options);
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => document.querySelector('#ahp-mirror [data-widget="start"]') !== null), true);
    // ...until a call into the rest (the test reading the state) needs it at once: inflated here
    // and now from the page's blocks. The press is then answered.
    assert.equal((await state(page)).language, lang);
    let s = await waitForState(page, (st) => st.screen === 'compare');
    for (const id of ['judgment/G/1-2/5', 'judgment/G/1-3/7', 'judgment/G/2-3/3']) await click(page, id);
    s = await waitForState(page, (st) => st.answered === 3);
    await page.evaluate(() => window.ahpTestReleaseRest());
    await click(page, 'nav-results');
    s = await waitForState(page, (st) => st.screen === 'results');
    assert.deepEqual(problems, []);
    assert.ok(!server.requests.includes('/ahp-app.deferred.wasm'), 'the rest came from the page\'s own blocks');
    await context.close();
    await server.close();
  }
});
