// The page's mirror of the app's widgets (a --js-library of the web runner; mirror_web.cpp sends
// the changes). One real DOM element per widget with semantics, placed over the canvas where
// the widget is drawn, so a screen reader reads the questionnaire and its focus box lands on
// the widget, and the keyboard moves through real buttons, radio groups and text fields:
//  - buttons, tabs, radios, checkboxes are transparent and let the pointer through to the
//    canvas; their click (Enter, Space, a screen reader's action) or change (arrows in a radio
//    group) comes back to the app as an activation of the same widget;
//  - links (a place to go: a set to review) are <a> elements; Enter or a screen reader's action
//    on them comes back as an activation, the page's address stays as it is;
//  - tables are real <table> elements (caption, header cells, rows of cells), rebuilt only
//    when their text changes;
//  - text fields are the browser's own <input> elements, visible over the canvas's field and
//    taking the pointer, so a tap focuses them within the gesture (a phone opens its keyboard)
//    and input methods, paste, autofill and dictation work; the whole text goes to the app as
//    it changes; Enter or leaving the field commits, Escape restores the text it had.
// Keys typed into the mirror are the page's, not GLFW's (Emscripten's GLFW listens on window in
// the capture phase and would hand them to ImGui a second time); Tab is always the browser's.
mergeInto(LibraryManager.library, {
  ahp_js_install_mirror__deps: ['$GLFW', '$ahpNewUTF8'],
  ahp_js_install_mirror: function () {
    var canvas = Module['canvas'];
    var root = document.createElement('div');
    root.id = 'ahp-mirror';
    root.style.cssText = 'position:fixed;inset:0;overflow:hidden;pointer-events:none;z-index:1;';
    var live = document.createElement('div');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;';
    root.appendChild(live);
    canvas.parentNode.insertBefore(root, canvas.nextSibling);
    // The canvas is a picture of the mirror: assistive technology reads the mirror instead.
    canvas.setAttribute('aria-hidden', 'true');
    canvas.tabIndex = -1;

    var mirror = Module['ahpMirror'] = {root: root, live: live, nodes: {}, started: false};

    function send(fn, a, b) {
      var args = [];
      [a, b].forEach(function (s) {
        if (s === undefined) return;
        if (typeof s === 'number') { args.push(s); return; }
        args.push(ahpNewUTF8(s));
      });
      fn.apply(null, args);
      args.forEach(function (p, k) { if (typeof [a, b][k] === 'string') _free(p); });
    }
    mirror.activate = function (id) { send(_ahp_mirror_activate, id); };
    mirror.text = function (id, value) { send(_ahp_mirror_text, id, value); };
    mirror.refused = function (id, characters) { send(_ahp_mirror_text_refused, id, characters); };
    mirror.focus = function (id, visible) { send(_ahp_mirror_focus, id, visible ? 1 : 0); };
    function inMirror(el) { return !!el && el !== root && root.contains(el); }
    mirror.inMirror = inMirror;

    // GLFW's key listeners, wrapped: nothing typed into the mirror reaches ImGui (Escape
    // outside a text field does: it closes popups); Tab anywhere moves the page's focus.
    [['keydown', GLFW.onKeydown], ['keypress', GLFW.onKeyPress], ['keyup', GLFW.onKeyup]].forEach(function (pair) {
      window.removeEventListener(pair[0], pair[1], true);
      window.addEventListener(pair[0], function (e) {
        if (e.key === 'Tab') return;
        if (inMirror(e.target) && !(e.key === 'Escape' && e.target.tagName !== 'INPUT')) return;
        pair[1](e);
      }, true);
    });

    root.addEventListener('focusin', function (e) {
      var id = e.target.dataset && e.target.dataset.widget;
      if (id) mirror.focus(id, !mirror.followingPointer);
    });
    root.addEventListener('focusout', function (e) {
      if (!inMirror(e.relatedTarget)) mirror.focus('', false);
    });
    // A finger's pointerdown on the canvas is default-prevented (js/pointer.js), so the
    // browser would keep the focus in a text field: a press on the canvas leaves the mirror.
    canvas.addEventListener('pointerdown', function () {
      if (inMirror(document.activeElement)) document.activeElement.blur();
    }, true);
  },

  ahp_js_update_mirror: function (changesJson) {
    var mirror = Module['ahpMirror'];
    var changes = JSON.parse(UTF8ToString(changesJson));
    var root = mirror.root, nodes = mirror.nodes;
    var hadFocus = mirror.inMirror(document.activeElement);

    if (changes.lang) {
      document.documentElement.lang = changes.lang;
      document.documentElement.dir = changes.dir;
      mirror.lang = changes.lang;
      Object.keys(nodes).forEach(function (id) {
        if (nodes[id].data.role === 'textbox') nodes[id].el.lang = changes.lang;
      });
    }
    (changes.removed || []).forEach(function (id) {
      var n = nodes[id];
      if (!n) return;
      // A group's children that stay are moved out first (order puts them back).
      if (n.data.role === 'radiogroup' || n.data.role === 'tablist') {
        [].slice.call(n.el.children).forEach(function (child) { root.appendChild(child); });
      }
      if (n.el.parentNode) n.el.parentNode.removeChild(n.el);
      delete nodes[id];
    });

    // Characters as the app counts them (code points): a surrogate pair is one.
    function characterCount(text) {
      var count = text.length;
      for (var k = 0; k < text.length; ++k) {
        var c = text.charCodeAt(k);
        if (c >= 0xDC00 && c <= 0xDFFF) --count;
      }
      return count;
    }

    function create(id, data) {
      var el;
      switch (data.role) {
        case 'button': case 'tab':
          el = document.createElement('button');
          el.type = 'button';
          if (data.role === 'tab') el.setAttribute('role', 'tab');
          el.addEventListener('click', function () { mirror.activate(id); });
          break;
        case 'link':
          el = document.createElement('a');
          el.href = '#';
          el.addEventListener('click', function (e) { e.preventDefault(); mirror.activate(id); });
          break;
        case 'table':
          el = document.createElement('table');
          break;
        case 'radio': case 'checkbox':
          el = document.createElement('input');
          el.type = data.role;
          el.addEventListener('change', function () { mirror.activate(id); });
          break;
        case 'textbox':
          el = document.createElement('input');
          el.type = 'text';
          el.dir = 'auto';
          el.autocomplete = id === 'expert-name' ? 'name' : id === 'expert-role' ? 'organization-title' : 'on';
          el.style.cssText = 'pointer-events:auto;box-sizing:border-box;margin:0;padding:0 8px;border:1px solid #b9c3d0;' +
            'border-radius:4px;background:#fff;color:#1d2a3a;font:17px "Noto Sans","Noto Sans Arabic",system-ui,sans-serif;';
          var initial = '', taken = '';
          el.addEventListener('focus', function () { initial = taken = el.value; });
          // A text over the field's limit (data-max-characters, from the app) is not taken: a
          // paste of megabytes would hold the page for many seconds and the app's memory; the
          // field keeps its text and the app says why (ahp_mirror_text_refused).
          el.addEventListener('beforeinput', function (e) {
            var most = +el.dataset.maxCharacters || 0;
            var added = e.data != null ? e.data : e.dataTransfer ? e.dataTransfer.getData('text/plain') : '';
            if (!most || !e.cancelable || added.length <= most - el.value.length) return;
            var kept = el.value.slice(0, el.selectionStart) + el.value.slice(el.selectionEnd);
            var total = characterCount(kept) + characterCount(added);
            if (total <= most) return;
            e.preventDefault();
            mirror.refused(id, total);
          });
          // The field's text to the app; one over the limit that beforeinput could not stop (an
          // input method's, autofill) is refused the same way once it is complete.
          function offer(composing) {
            var most = +el.dataset.maxCharacters || 0, total = most ? characterCount(el.value) : 0;
            if (total > most) {
              if (composing) return;
              el.value = taken;
              mirror.refused(id, total);
              return;
            }
            taken = el.value;
            mirror.text(id, el.value);
          }
          el.addEventListener('input', function (e) { offer(e.isComposing); });
          el.addEventListener('compositionend', function () { offer(false); });
          el.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && !e.isComposing) { el.blur(); e.preventDefault(); }
            if (e.key === 'Escape' && !e.isComposing) {
              el.value = initial;
              mirror.text(id, initial);
              el.blur();
              e.preventDefault();
            }
          });
          el.addEventListener('blur', function () { mirror.text(id, el.value); });
          break;
        case 'heading':
          el = document.createElement('div');
          el.setAttribute('role', 'heading');
          break;
        case 'radiogroup': case 'tablist': case 'progressbar':
          el = document.createElement('div');
          el.setAttribute('role', data.role);
          break;
        default:
          el = document.createElement('div');
      }
      el.dataset.widget = id;
      if (data.role !== 'textbox') {
        // Transparent, and the pointer goes through to the canvas.
        el.style.cssText = 'opacity:0;margin:0;padding:0;border:0;overflow:hidden;font-size:12px;';
      }
      // Groups are not positioned: their children are placed relative to the mirror.
      el.style.position = data.role === 'radiogroup' || data.role === 'tablist' ? 'static' : 'absolute';
      return el;
    }

    // A table's caption, then its rows: header cells in the header rows (and first in each row
    // when the rows have headers), data cells after them; an empty corner is a plain cell.
    // A table of the same shape keeps its cells and only the texts that changed are written:
    // a language switch changes every text of every table on the screen, and making them all
    // anew took the longest part of the page's update.
    function isHeader(data, r, c, text) {
      return text !== '' && (r < (data.headerRows || 0) || (data.rowHeaders && c === 0));
    }
    function shapeOf(data) {
      return (data.rows || []).map(function (cells, r) {
        return cells.map(function (text, c) { return isHeader(data, r, c, text) ? 'h' : 'd'; }).join('');
      }).join('/') + '/' + (data.headerRows || 0);
    }
    function fillTable(n, data, old) {
      var shape = shapeOf(data), table = n.table;
      if (table && table.shape === shape) {
        if (data.name !== old.name) table.caption.textContent = data.name;
        (data.rows || []).forEach(function (cells, r) {
          cells.forEach(function (text, c) {
            if (text !== old.rows[r][c]) table.cells[r][c].textContent = text;
          });
        });
        return;
      }
      var el = n.el;
      el.textContent = '';
      table = n.table = {shape: shape, caption: document.createElement('caption'), cells: []};
      table.caption.textContent = data.name;
      el.appendChild(table.caption);
      var head = document.createElement('thead'), body = document.createElement('tbody');
      (data.rows || []).forEach(function (cells, r) {
        var tr = document.createElement('tr');
        var inHead = r < (data.headerRows || 0);
        table.cells.push(cells.map(function (text, c) {
          var header = isHeader(data, r, c, text);
          var cell = document.createElement(header ? 'th' : 'td');
          if (header) cell.scope = inHead ? 'col' : 'row';
          cell.textContent = text;
          tr.appendChild(cell);
          return cell;
        }));
        (inHead ? head : body).appendChild(tr);
      });
      el.appendChild(head);
      el.appendChild(body);
    }
    // The same cells' texts (a table's rows came as JSON: comparing them as JSON text again
    // cost more than the rest of a language switch's update).
    function sameRows(a, b) {
      if (!a || !b || a.length !== b.length) return a === b;
      for (var r = 0; r < a.length; ++r) {
        if (a[r].length !== b[r].length) return false;
        for (var c = 0; c < a[r].length; ++c) if (a[r][c] !== b[r][c]) return false;
      }
      return true;
    }

    var announce = [], autofocus = null;
    (changes.set || []).forEach(function (data) {
      var n = nodes[data.id];
      if (n && n.data.role !== data.role) {
        if (n.el.parentNode) n.el.parentNode.removeChild(n.el);
        n = null;
      }
      if (!n) {
        n = nodes[data.id] = {el: create(data.id, data), data: {}};
        root.appendChild(n.el);
        if (data.autofocus && mirror.started) autofocus = n.el;
        if (data.live && mirror.started) announce.push(data.name);
      } else if (data.live && data.name !== n.data.name) {
        announce.push(data.name);
      }
      var el = n.el, old = n.data;
      if (data.name !== old.name) {
        if (data.role === 'text' || data.role === 'heading') el.textContent = data.name;
        else if (data.role !== 'table') el.setAttribute('aria-label', data.name);
      }
      if (data.role === 'table' && (data.name !== old.name || !sameRows(data.rows, old.rows) ||
                                    data.headerRows !== old.headerRows || data.rowHeaders !== old.rowHeaders)) {
        fillTable(n, data, old);
      }
      if (data.role === 'button' || data.role === 'tab' || data.role === 'link') {
        if (data.name !== old.name) el.textContent = data.name;
        if (data.role === 'tab') el.setAttribute('aria-selected', data.selected ? 'true' : 'false');
        else if (data.selected) el.setAttribute('aria-current', 'true');
        else el.removeAttribute('aria-current');
      }
      if (data.role === 'heading') el.setAttribute('aria-level', String(data.level || 2));
      if (data.role === 'radio' || data.role === 'checkbox') {
        el.name = data.parent || '';
        el.checked = !!data.checked;
      }
      if (data.role === 'progressbar') {
        el.setAttribute('aria-valuemin', '0');
        el.setAttribute('aria-valuemax', String(data.max));
        el.setAttribute('aria-valuenow', String(data.now));
        el.setAttribute('aria-valuetext', data.value || data.name);
      }
      if (data.role === 'textbox') {
        el.lang = mirror.lang || '';
        // The app's text replaces the field's only when it is not being edited (a caret or an
        // input method's composition would be lost).
        if (document.activeElement !== el && el.value !== (data.value || '')) el.value = data.value || '';
        if (data.maxLength) el.dataset.maxCharacters = String(data.maxLength);
        // A number field: the phone's keyboard opens on its digits (and decimal separator).
        if ((data.inputMode || '') !== el.inputMode) el.inputMode = data.inputMode || '';
        if (data.invalid) el.setAttribute('aria-invalid', 'true');
        else el.removeAttribute('aria-invalid');
      }
      // What a screen reader says after the name: a field's limit or fault, a tree row's level.
      if (data.description) el.setAttribute('aria-description', data.description);
      else el.removeAttribute('aria-description');
      el.disabled = !!data.disabled;
      if (el.style.position === 'absolute') {
        var r = data.rect, c = data.clip;
        el.style.left = r[0] + 'px';
        el.style.top = r[1] + 'px';
        el.style.width = Math.max(1, r[2] - r[0]) + 'px';
        el.style.height = Math.max(1, r[3] - r[1]) + 'px';
        if (data.role === 'textbox') {  // cut where the canvas's window cuts the field
          el.style.fontSize = '17px';
          var top = Math.max(0, c[1] - r[1]), bottom = Math.max(0, r[3] - c[3]);
          var left = Math.max(0, c[0] - r[0]), right = Math.max(0, r[2] - c[2]);
          el.style.clipPath = top || bottom || left || right
            ? 'inset(' + top + 'px ' + right + 'px ' + bottom + 'px ' + left + 'px)' : '';
        }
      }
      n.data = data;
    });

    // Reading order: each element after the one before it in its parent (moving only what is
    // out of place, so the focused element stays focused).
    if (changes.order) {
      var last = new Map();
      changes.order.forEach(function (id) {
        var n = nodes[id];
        if (!n) return;
        var parent = n.data.parent && nodes[n.data.parent] ? nodes[n.data.parent].el : root;
        var prev = last.has(parent) ? last.get(parent) : mirror.live;
        if (parent !== root && !last.has(parent)) prev = null;
        var want = prev ? prev.nextSibling : parent.firstChild;
        if (n.el.parentNode !== parent || want !== n.el) parent.insertBefore(n.el, want);
        last.set(parent, n.el);
      });
    }

    // A popup appeared: the keyboard's place goes to its safe answer.
    if (autofocus) autofocus.focus({preventScroll: true});
    // The pointer pressed a widget on the canvas: the page's focus follows (quietly: no ring).
    if (changes.focus && nodes[changes.focus]) {
      mirror.followingPointer = true;
      nodes[changes.focus].el.focus({preventScroll: true});
      mirror.followingPointer = false;
    }
    // A new screen or set: the keyboard's place goes to its first heading.
    if (changes.newPage && (hadFocus || document.activeElement === document.body) && mirror.started) {
      var heading = root.querySelector('[role=heading]');
      if (heading && hadFocus) {
        heading.tabIndex = -1;
        heading.focus({preventScroll: true});
      }
    }
    if (announce.length) {
      mirror.live.textContent = '';
      var text = announce.join('. ');
      setTimeout(function () { mirror.live.textContent = text; }, 50);
    }
    mirror.started = true;
  },
});
