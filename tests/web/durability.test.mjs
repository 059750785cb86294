// A browser killed a second after an answer keeps it (issue 14): headless Chromium on a profile
// folder of its own, one judgment clicked, the browser and its helpers killed (SIGKILL) a
// second later, started again on the same profile: the answer is there. Before the IndexedDB
// copy (docs/durability.md) localStorage lost it every time. The figures for other delays and
// for the storages alone: node durability.mjs storage|app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './harness.mjs';
import { appRound } from './durability.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

test('an answer survives the browser being killed one second later, twice in a row', async () => {
  for (let round = 0; round < 2; ++round) {
    const r = await appRound(server.url, 1000);
    assert.ok(r.answered > 0, 'the click answered a judgment');
    assert.ok(r.kept, `round ${round + 1}: ${r.answered} answered before the kill, ${r.after} after the restart (${r.id})`);
  }
});
