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

// Persian typed into the name field of the desktop app (xdotool under Xvfb): the letters reach
// the answers (the autosaved session holds the name) and the field shows them joined and right
// to left. Where the field is comes from the web build at the same size (same layout code).
test('desktop app: Persian typed into the name field is kept and drawn joined', async (t) => {
  const xdotool = spawnSync('which', ['xdotool']).status === 0;
  if (!xdotool) { t.skip('xdotool is not installed (scripts/setup.sh installs it)'); return; }
  const { serve, launch, openApp, widgets } = await import('./harness.mjs');
  const server = await serve();
  const browser = await launch();
  let field;
  try {
    const { page } = await openApp(browser, server.url + '?lang=fa&screen=welcome', { width: 1280, height: 800 });
    field = (await widgets(page))['expert-name'];
  } finally {
    await browser.close();
    await server.close();
  }
  assert.ok(field, 'the web build shows where the name field is');
  const data = fs.mkdtempSync(path.join(artifacts, 'desktop-data-'));
  await withXvfb(':96', async (env) => {
    env = { ...env, XDG_DATA_HOME: data };
    const child = spawn(app, ['--lang', 'fa', '--screen', 'welcome', '--size', '1280x800'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    try {
      await sleep(2500);
      const x = String(Math.round((field[0] + field[2]) / 2)), y = String(Math.round((field[1] + field[3]) / 2));
      assert.equal(spawnSync('xdotool', ['mousemove', x, y, 'click', '1'], { env }).status, 0);
      await sleep(500);
      // A Persian keyboard layout, as an expert in Iran has: the letters are keys of the layout
      // (xdotool would otherwise remap spare key codes per letter, and GLFW can miss a remap).
      assert.equal(spawnSync('setxkbmap', ['ir'], { env }).status, 0, 'the Persian layout is set');
      const typed = spawnSync('xdotool', ['type', '--delay', '80', 'مریم احمدی'], { env });
      assert.equal(typed.status, 0, String(typed.stderr));
      await sleep(1500);
      const file = path.join(artifacts, 'desktop-name-fa.png');
      assert.equal(spawnSync('import', ['-window', 'root', file], { env }).status, 0);
      spawnSync('convert', [file, '-crop', `${Math.round(field[2] - field[0] + 16)}x${Math.round(field[3] - field[1] + 16)}+${Math.round(field[0] - 8)}+${Math.round(field[1] - 8)}`,
        path.join(artifacts, 'desktop-name-field-fa.png')]);
      const sessions = fs.readdirSync(path.join(data, 'ahp-survey')).filter((f) => f.endsWith('.json'));
      assert.equal(sessions.length, 1, 'the session was saved');
      const session = JSON.parse(fs.readFileSync(path.join(data, 'ahp-survey', sessions[0]), 'utf8'));
      assert.equal(session.expert?.name ?? JSON.stringify(session).match(/"name":"([^"]*)"/)?.[1], 'مریم احمدی', 'the typed Persian name is in the session');
    } finally {
      child.kill();
    }
    assert.equal(stderr, '', 'no errors on stderr');
  });
  fs.rmSync(data, { recursive: true, force: true });
});
