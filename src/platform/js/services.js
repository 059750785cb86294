// The browser's side of the platform services (services_web.cpp): session storage, downloads,
// the file input and drops, the clipboard, share links, and the page's first-frame hook.
// A --js-library: C++ calls these by name.
mergeInto(LibraryManager.library, {
  // localStorage may be unavailable (privacy modes, storage full): saving then does nothing
  // and the expert can still download the answers.
  // Returns 1 when stored, 0 when the browser refused (the app then shows a lasting notice and
  // tries again on the next change).
  ahp_js_store_set: function (key, value) {
    try { localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; }
    catch (e) { console.warn('ahp: could not save the session: ' + e); return 0; }
  },
  ahp_js_store_get: function (key) {
    var value = null;
    try { value = localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
  },
  // The model text the page read from its address (web/index.html), handed over once:
  // malloc'ed UTF-8, or 0 when there is none. The page's copy is dropped.
  ahp_js_take_page_model: function () {
    var text = window.ahpPageModel;
    delete window.ahpPageModel;
    if (typeof text !== 'string') return 0;
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  ahp_js_store_remove: function (key) {
    try { localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
  },

  // A Blob download through an <a download> click (works on http(s) and file://).
  ahp_js_download: function (name, mime, bytes, size) {
    var blob = new Blob([HEAPU8.slice(bytes, bytes + size)], {type: UTF8ToString(mime)});
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  },

  // Files chosen in the picker or dropped on the page: read as bytes, handed to the app in one
  // batch (web_bridge.cpp: ahp_import_add, ahp_import_done).
  ahp_js_install_file_input: function () {
    var old = document.getElementById('ahp-file-input');  // e.g. from a page saved with "Save as"
    if (old) old.remove();
    var input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.json,application/json';
    input.id = 'ahp-file-input';
    input.style.display = 'none';
    document.body.appendChild(input);
    function give(files) {
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return;
      Promise.all(files.map(function (f) {
        return f.arrayBuffer().then(function (b) { return {name: f.name, bytes: new Uint8Array(b)}; },
                                    function (e) { return {name: f.name, bytes: new Uint8Array(0)}; });
      })).then(function (read) {
        read.forEach(function (file) {
          var nameSize = lengthBytesUTF8(file.name) + 1;
          var name = _malloc(nameSize);
          stringToUTF8(file.name, name, nameSize);
          var bytes = _malloc(file.bytes.length + 1);
          HEAPU8.set(file.bytes, bytes);
          _ahp_import_add(name, bytes, file.bytes.length);
          _free(name);
          _free(bytes);
        });
        _ahp_import_done();
      });
    }
    input.addEventListener('change', function () { give(input.files); input.value = ''; });
    window.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', function (e) { e.preventDefault(); give(e.dataTransfer.files); });
    Module['ahpImportTexts'] = function (list) {  // [{name, text}]: the same path, for scripts
      give(list.map(function (f) { return new File([f.text], f.name, {type: 'application/json'}); }));
    };
  },
  ahp_js_pick_files: function () {
    var input = document.getElementById('ahp-file-input');
    if (input) input.click();
  },

  // ImGui's copy (Ctrl+C in a text field, e.g. the editor's share link) goes to the browser's
  // clipboard too (the key press is the user's gesture the browser asks for).
  ahp_js_copy_text: function (text) {
    try { navigator.clipboard.writeText(UTF8ToString(text)).catch(function () {}); } catch (e) {}
  },

  // The page's share link (web/index.html: ahpShareLink) for a model text, without the page's
  // own ?query (the link opens the questionnaire), also put on the clipboard when the browser
  // allows it; the answer comes back through ahp_share_link_done with the request's number.
  ahp_js_share_link: function (json, request) {
    var text = UTF8ToString(json);
    function give(link, error, copied) {
      var linkSize = lengthBytesUTF8(link) + 1, linkPtr = _malloc(linkSize);
      stringToUTF8(link, linkPtr, linkSize);
      var errorSize = lengthBytesUTF8(error) + 1, errorPtr = _malloc(errorSize);
      stringToUTF8(error, errorPtr, errorSize);
      _ahp_share_link_done(request, linkPtr, errorPtr, copied ? 1 : 0);
      _free(linkPtr);
      _free(errorPtr);
    }
    if (typeof window.ahpShareLink !== 'function') {
      setTimeout(function () { give('', 'this page cannot make share links (no ahpShareLink)', false); }, 0);
      return;
    }
    var base = location.href.split('#')[0].split('?')[0];
    window.ahpShareLink(text, base).then(function (link) {
      var copy = Promise.resolve(false);
      try {
        if (navigator.clipboard && navigator.clipboard.writeText)
          copy = navigator.clipboard.writeText(link).then(function () { return true; }, function () { return false; });
      } catch (e) {}
      var late = new Promise(function (resolve) { setTimeout(function () { resolve(false); }, 1500); });
      return Promise.race([copy, late]).then(function (copied) { give(link, '', copied); });
    }, function (e) {
      give('', String((e && e.message) || e), false);
    });
  },

  // The first frame is on the screen: the page hides its loading message.
  ahp_js_first_frame: function () {
    if (Module['onFirstFrame']) Module['onFirstFrame']();
  },
});
