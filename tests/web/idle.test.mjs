// An idle page costs nothing: once input stops and the last change has settled, the app draws
// no frames at all; input wakes it at once. (Counts of frames, not timings.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, settle, click, state } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const drawn = (page) => page.evaluate(() => Module._ahp_frame_count());
const loops = (page) => page.evaluate(() => Module._ahp_loop_count());

test('no frames are drawn while nothing happens; a click draws and is handled', async () => {
  const { page } = await openApp(browser, server.url + '?lang=fa&screen=compare&set=1');
  await settle(page);
  const before = await drawn(page);
  const loopsBefore = await loops(page);
  await page.waitForFunction((l) => Module._ahp_loop_count() > l + 60, loopsBefore);  // 60+ main-loop passes
  assert.equal(await drawn(page), before, 'idle: the main loop ran but drew nothing');

  await click(page, 'judgment/G/1-2/4');
  assert.ok((await drawn(page)) > before, 'input wakes the page');
  assert.equal((await state(page)).sets[0].judgments[0], 5);

  const afterClick = await drawn(page);
  const loopsAfter = await loops(page);
  await page.waitForFunction((l) => Module._ahp_loop_count() > l + 60, loopsAfter);
  assert.equal(await drawn(page), afterClick, 'idle again after the click settled');

  await page.setViewportSize({ width: 900, height: 700 });
  await page.waitForFunction((d) => Module._ahp_frame_count() > d, afterClick);
});
