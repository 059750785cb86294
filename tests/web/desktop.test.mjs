// The desktop build (GLFW + OpenGL 3.3) opens a real window under Xvfb and draws the
// questionnaire: a screenshot of the window must show the UI, not an empty or black frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { repoRoot, artifacts } from './harness.mjs';

const app = path.join(repoRoot, 'build/native/ahp-app');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function withXvfb(display, fn) {
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  try {
    await sleep(800);
    return await fn({ ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1' });
  } finally {
    xvfb.kill();
  }
}

// Standard deviation of the screenshot's grey levels: a drawn UI has contrast, a blank one not.
function contrast(file) {
  const r = spawnSync('convert', [file, '-colorspace', 'gray', '-format', '%[fx:standard_deviation]', 'info:'], { encoding: 'utf8' });
  return Number(r.stdout);
}

for (const [lang, screen] of [['en', 'compare'], ['fa', 'compare'], ['fa', 'welcome']]) {
  test(`desktop app draws the ${screen} screen in ${lang} under Xvfb`, async () => {
    assert.ok(fs.existsSync(app), 'build/native/ahp-app exists');
    await withXvfb(':97', async (env) => {
      const child = spawn(app, ['--lang', lang, '--screen', screen, '--set', '3', '--frames', '600', '--size', '1280x800'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      await sleep(2500);
      const file = path.join(artifacts, `desktop-${screen}-${lang}.png`);
      const shot = spawnSync('import', ['-window', 'root', file], { env });
      child.kill();
      assert.equal(shot.status, 0, 'screenshot taken');
      assert.equal(stderr, '', 'no errors on stderr');
      assert.ok(contrast(file) > 0.05, `the window shows a UI (contrast ${contrast(file)})`);
    });
  });
}
