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
    // Waits for the server to go: the next test starts one on the same display, which fails
    // while this one still holds it (a screenshot then failed now and then under load).
    if (xvfb.exitCode === null && xvfb.signalCode === null) {
      const gone = new Promise((resolve) => xvfb.once('exit', resolve));
      xvfb.kill();
      await gone;
    }
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
// to left; Tab from the clicked field goes on to the role. Where the field is comes from the web build at the same size (same layout code).
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
      // The click put the keyboard's place in the field: Tab goes on to the next one, the role.
      await sleep(300);
      assert.equal(spawnSync('xdotool', ['key', 'Tab'], { env }).status, 0);
      await sleep(500);
      assert.equal(spawnSync('xdotool', ['type', '--delay', '80', 'مدیر'], { env }).status, 0);
      await sleep(1500);
      const file = path.join(artifacts, 'desktop-name-fa.png');
      assert.equal(spawnSync('import', ['-window', 'root', file], { env }).status, 0);
      spawnSync('convert', [file, '-crop', `${Math.round(field[2] - field[0] + 16)}x${Math.round(field[3] - field[1] + 16)}+${Math.round(field[0] - 8)}+${Math.round(field[1] - 8)}`,
        path.join(artifacts, 'desktop-name-field-fa.png')]);
      const sessions = fs.readdirSync(path.join(data, 'ahp-survey')).filter((f) => f.endsWith('.json'));
      assert.equal(sessions.length, 1, 'the session was saved');
      const session = JSON.parse(fs.readFileSync(path.join(data, 'ahp-survey', sessions[0]), 'utf8'));
      assert.equal(session.expert?.name ?? JSON.stringify(session).match(/"name":"([^"]*)"/)?.[1], 'مریم احمدی', 'the typed Persian name is in the session');
      assert.equal(session.expert?.role ?? JSON.stringify(session).match(/"role":"([^"]*)"/)?.[1], 'مدیر', 'Tab from the name, then the role typed');
    } finally {
      child.kill();
    }
    assert.equal(stderr, '', 'no errors on stderr');
  });
  fs.rmSync(data, { recursive: true, force: true });
});

// The keyboard alone on the desktop (xdotool under Xvfb): Tab visits the widgets in the order the
// page's elements have on the web (top bar, the groups, each judgment as one stop, Back, Next),
// Shift+Tab goes back, the arrows choose within a judgment (mirrored in Persian), and Space and
// Enter press buttons. The app's state comes from --state-file after every frame.
for (const lang of ['en', 'fa']) {
  test(`desktop app: the keyboard alone answers and moves on, in the reading order (${lang})`, async (t) => {
    if (spawnSync('which', ['xdotool']).status !== 0) { t.skip('xdotool is not installed (scripts/setup.sh installs it)'); return; }
    const data = fs.mkdtempSync(path.join(artifacts, 'desktop-keys-'));
    const stateFile = path.join(data, 'state.json');
    await withXvfb(':95', async (env) => {
      env = { ...env, XDG_DATA_HOME: data };
      const child = spawn(app, ['--lang', lang, '--screen', 'compare', '--set', '1', '--size', '1280x800', '--state-file', stateFile],
        { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      const state = () => JSON.parse(fs.readFileSync(stateFile, 'utf8'));
      // Every key here moves the keyboard's place or changes an answer: wait for the frame that shows it.
      const press = async (key) => {
        const before = fs.readFileSync(stateFile, 'utf8');
        assert.equal(spawnSync('xdotool', ['key', key], { env }).status, 0, `xdotool key ${key}`);
        for (let waited = 0; waited < 3000 && fs.readFileSync(stateFile, 'utf8') === before; waited += 50) await sleep(50);
        await sleep(50);
        return state();
      };
      try {
        await sleep(2500);
        // Tab from the start to the first judgment: everything before it is the top bar or the groups.
        const visited = [];
        let s = state();
        for (let k = 0; k < 60 && !s.keyboard_focus.startsWith('judgment/'); ++k) visited.push((s = await press('Tab')).keyboard_focus);
        assert.ok(s.keyboard_focus.startsWith('judgment/G/1-2/'), `Tab reached the first judgment (visited ${visited.join(' ')})`);
        const topBar = (id) => id === 'language' || id === 'digits' || id.startsWith('nav-');
        assert.ok(visited.slice(0, -1).every((id) => topBar(id) || id.startsWith('tree/')),
          `only the top bar and the groups come before it: ${visited.join(' ')}`);
        // The groups are first in reading order in both languages: left in English, right in Persian.
        assert.ok(visited.some((id) => id.startsWith('tree/')), `the groups before the first judgment: ${visited.join(' ')}`);
        assert.ok(visited.findLastIndex(topBar) < visited.findIndex((id) => id.startsWith('tree/')), 'the top bar before the groups');
        // Each judgment is one stop, in order, then Back and Next; Shift+Tab comes back.
        const rows = [s.keyboard_focus.split('/').slice(0, 3).join('/')];
        for (const expected of ['judgment/G/1-3', 'judgment/G/2-3', 'back', 'next']) {
          s = await press('Tab');
          assert.ok(s.keyboard_focus.startsWith(expected), `Tab: ${expected} (got ${s.keyboard_focus})`);
          rows.push(expected);
        }
        assert.ok((await press('shift+Tab')).keyboard_focus === 'back', 'Shift+Tab goes back');
        for (let k = 0; k < 3; ++k) await press('shift+Tab');
        s = state();
        assert.ok(s.keyboard_focus.startsWith('judgment/G/1-2/'), `three more Shift+Tab: the first judgment (${s.keyboard_focus})`);
        // The arrows choose within the judgment, in reading order: Right in English, Left in Persian.
        const forward = lang === 'fa' ? 'Left' : 'Right';
        for (let k = 1; k <= 3; ++k) {
          s = await press(forward);
          assert.equal(s.keyboard_focus, `judgment/G/1-2/${k}`, `${forward} moves to position ${k}`);
          assert.equal(s.sets[0].judgments[0], 9 - k, `${forward} chooses position ${k} (${9 - k} for the row item)`);
        }
        assert.equal(s.answered, 1, 'one judgment answered');
        // The other two, then Next with Enter and Space.
        await press('Tab');
        await press(forward);
        await press('Tab');
        s = await press(lang === 'fa' ? 'Right' : 'Left');  // backwards from the first position: the last
        assert.equal(s.answered, 3, 'all three judgments of the group answered from the keyboard');
        const after = [];  // the panel's actions (a suggestion, once the group is complete), Back, Next
        for (let k = 0; k < 8 && s.keyboard_focus !== 'next'; ++k) after.push((s = await press('Tab')).keyboard_focus);
        assert.equal(s.keyboard_focus, 'next', `Tab reaches Next (${after.join(' ')})`);
        assert.ok(after.indexOf('back') === after.length - 2 && !after.some((id) => id.startsWith('judgment/')),
          `after the judgments: the panel, then Back, then Next (${after.join(' ')})`);
        s = await press('Return');
        assert.notEqual(s.current_set, 'G', 'Enter on Next moved to the next group');
        assert.equal(s.answered, 3, 'nothing changed by accident');
        spawnSync('import', ['-window', 'root', path.join(artifacts, `desktop-keys-${lang}.png`)], { env });
      } finally {
        child.kill();
      }
      assert.equal(stderr, '', 'no errors on stderr');
    });
    fs.rmSync(data, { recursive: true, force: true });
  });
}

// The number fields on the desktop, keyboard alone (xdotool under Xvfb): Tab reaches each
// expert's weight in the Research tab, what is typed replaces it and applies when Tab leaves
// the field; a text that is not a number is kept in the field and not applied.
test('desktop app: the keyboard alone types the experts\' weights; a wrong text is kept, not applied', async (t) => {
  if (spawnSync('which', ['xdotool']).status !== 0) { t.skip('xdotool is not installed (scripts/setup.sh installs it)'); return; }
  const { modelInfo, responses } = await import('./research-data.mjs');
  const cli = process.env.AHP_BIN || path.join(repoRoot, 'build/native/ahp');
  const model = modelInfo(cli, path.join(repoRoot, 'assets/models/egov-qom.json'));
  const data = fs.mkdtempSync(path.join(artifacts, 'desktop-weights-'));
  const imports = responses(model, 4, 5).flatMap((f) => {
    fs.writeFileSync(path.join(data, f.name), f.text);
    return ['--import', path.join(data, f.name)];
  });
  const stateFile = path.join(data, 'state.json');
  await withXvfb(':94', async (env) => {
    env = { ...env, XDG_DATA_HOME: data };
    const child = spawn(app, ['--lang', 'en', '--screen', 'research', '--size', '1280x800', '--state-file', stateFile, ...imports],
      { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const state = () => JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    const until = async (predicate) => {
      for (let waited = 0; waited < 5000; waited += 50) {
        const s = state();
        if (predicate(s)) return s;
        await sleep(50);
      }
      return state();
    };
    const xdotool = (...args) => assert.equal(spawnSync('xdotool', args, { env }).status, 0, `xdotool ${args.join(' ')}`);
    try {
      await sleep(2500);
      let s = await until((st) => st.research.experts.length === 4 && st.research.group);
      for (let k = 0; k < 80 && s.keyboard_focus !== 'research/weight/0'; ++k) {
        const before = s.keyboard_focus;
        xdotool('key', 'Tab');
        s = await until((st) => st.keyboard_focus !== before);
      }
      assert.equal(s.keyboard_focus, 'research/weight/0', 'Tab reached the first expert\'s weight');
      for (const [e, typed, expected] of [[0, '3', 3], [1, '0.5', 0.5], [2, 'abc', 1], [3, '2.5', 2.5]]) {
        if (e > 0) {  // on past this expert's checkbox to its weight
          assert.equal(s.keyboard_focus, `research/include/${e}`);
          xdotool('key', 'Tab');
          s = await until((st) => st.keyboard_focus === `research/weight/${e}`);
          assert.equal(s.keyboard_focus, `research/weight/${e}`);
        }
        xdotool('type', '--delay', '80', typed);
        xdotool('key', 'Tab');  // what is typed applies when the field is left
        s = await until((st) => st.keyboard_focus !== `research/weight/${e}`);
        if (typed === 'abc') await sleep(1000);  // nothing to wait for: the weight must stay
        s = await until((st) => st.research.experts[e].weight === expected);
        assert.equal(s.research.experts[e].weight, expected, `expert ${e + 1}: "${typed}"`);
      }
      assert.deepEqual(s.research.experts.map((x) => x.weight), [3, 0.5, 1, 2.5]);
      spawnSync('import', ['-window', 'root', path.join(artifacts, 'desktop-weights-en.png')], { env });
    } finally {
      child.kill();
    }
    assert.equal(stderr, '', 'no errors on stderr');
  });
  fs.rmSync(data, { recursive: true, force: true });
});
