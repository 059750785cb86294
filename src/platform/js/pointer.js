// Pointer input for the canvas through Pointer Events (a --js-library of the web runner).
// A mouse or a pen moves, presses and releases as it is. A finger is a gesture: nothing is
// pressed while it is down; lifted within a few pixels of where it landed it is a tap (a press
// and a release at its own position), moved further it scrolls, and held still for a while it
// becomes a press that can drag (a slider). A second finger hands the gesture to the browser
// (pinch zoom stays possible: the canvas has touch-action: pinch-zoom). Touch never leaves a
// hover behind. Calling preventDefault on a touch's pointerdown suppresses the browser's
// compatibility mouse events, so a tap is never delivered twice.
mergeInto(LibraryManager.library, {
  ahp_js_install_pointer: function () {
    var canvas = Module['canvas'];
    // What C++ receives (runner_web.cpp: ahp_pointer_event).
    var HOVER = 0, PRESS = 1, DRAG = 2, RELEASE = 3, TAP = 4, SCROLL = 5, LEAVE = 6;
    var SLOP = 8;         // CSS px a finger may wander and still tap
    var HOLD_MS = 450;    // a still finger held this long presses
    var finger = null;    // {id, x0, y0, x, y, mode: 'pending'|'scroll'|'press', timer}

    function kindOf(e) { return e.pointerType === 'touch' ? 2 : e.pointerType === 'pen' ? 1 : 0; }
    function position(e) {
      var r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    }
    var type = 0;         // of the event being handled: 0 mouse, 1 pen, 2 touch
    function send(what, x, y, button) {
      _ahp_pointer_event(what, x, y, button || 0, type);
    }
    function endFinger() {
      if (finger && finger.timer) clearTimeout(finger.timer);
      finger = null;
    }

    canvas.addEventListener('pointerdown', function (e) {
      var p = position(e);
      type = kindOf(e);
      if (e.pointerType !== 'touch') {
        try { canvas.setPointerCapture(e.pointerId); } catch (x) {}
        send(PRESS, p[0], p[1], e.button);
        return;
      }
      e.preventDefault();  // no compatibility mouse events, no focus change by the browser
      if (finger) {        // a second finger: a pinch, the browser's
        if (finger.mode === 'press') send(RELEASE, -1e6, -1e6, 0);
        endFinger();
        send(LEAVE, 0, 0, 0);
        return;
      }
      finger = {id: e.pointerId, x0: p[0], y0: p[1], x: p[0], y: p[1], mode: 'pending', timer: 0};
      finger.timer = setTimeout(function () {
        if (finger && finger.mode === 'pending') {
          finger.mode = 'press';
          send(PRESS, finger.x, finger.y, 0);
        }
      }, HOLD_MS);
    }, {passive: false});

    canvas.addEventListener('pointermove', function (e) {
      var p = position(e);
      type = kindOf(e);
      if (e.pointerType !== 'touch') {
        send(e.buttons ? DRAG : HOVER, p[0], p[1], 0);
        return;
      }
      if (!finger || finger.id !== e.pointerId) return;
      if (finger.mode === 'pending' && Math.hypot(p[0] - finger.x0, p[1] - finger.y0) > SLOP) {
        finger.mode = 'scroll';
        clearTimeout(finger.timer);
        send(HOVER, finger.x0, finger.y0, 0);  // the wheel goes to the window under the finger
      }
      if (finger.mode === 'scroll') send(SCROLL, p[0] - finger.x, p[1] - finger.y, 0);
      else if (finger.mode === 'press') send(DRAG, p[0], p[1], 0);
      finger.x = p[0];
      finger.y = p[1];
    });

    function up(e, cancelled) {
      var p = position(e);
      type = kindOf(e);
      if (e.pointerType !== 'touch') {
        send(RELEASE, p[0], p[1], e.button);
        return;
      }
      if (!finger || finger.id !== e.pointerId) return;
      if (finger.mode === 'pending' && !cancelled) send(TAP, finger.x0, finger.y0, 0);
      else if (finger.mode === 'press') send(RELEASE, cancelled ? -1e6 : p[0], cancelled ? -1e6 : p[1], 0);
      send(LEAVE, 0, 0, 0);
      endFinger();
    }
    canvas.addEventListener('pointerup', function (e) { up(e, false); });
    canvas.addEventListener('pointercancel', function (e) { up(e, true); });
    canvas.addEventListener('pointerleave', function (e) {
      type = kindOf(e);
      if (e.pointerType !== 'touch' && !e.buttons) send(LEAVE, 0, 0, 0);  // a mouse that left hovers nothing
    });
  },
});
