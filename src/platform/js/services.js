// The browser's side of the platform services (services_web.cpp): session storage, downloads,
// the file input and drops, the clipboard, share links, and the page's hooks for the first
// frame and the program's second part.
// A --js-library: C++ calls these by name.
mergeInto(LibraryManager.library, {
  // A JavaScript string as malloc'ed UTF-8, for C++ (which frees it).
  $ahpNewUTF8: function (text) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  // localStorage may be unavailable (privacy modes, storage full): saving then does nothing
  // and the expert can still download the answers.
  // Returns 1 when stored, 0 when the browser refused (the app then shows a lasting notice and
  // tries again on the next change).
  // Each value also goes to IndexedDB (web/index.html: ahpDurableStore), which is on disk at
  // once where localStorage is written seconds late.
  ahp_js_store_set: function (key, value) {
    var k = UTF8ToString(key), v = UTF8ToString(value), stored = 1;
    try { localStorage.setItem(k, v); }
    catch (e) { console.warn('ahp: could not save the session: ' + e); stored = 0; }
    if (window.ahpDurableStore) window.ahpDurableStore.put(k, v);
    return stored;
  },
  ahp_js_store_get__deps: ['$ahpNewUTF8'],
  ahp_js_store_get: function (key) {
    var value = null;
    try { value = localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    return ahpNewUTF8(value);
  },
  // The model text the page read from its address (web/index.html), handed over once:
  // malloc'ed UTF-8, or 0 when there is none. The page's copy is dropped.
  ahp_js_take_page_model__deps: ['$ahpNewUTF8'],
  ahp_js_take_page_model: function () {
    var text = window.ahpPageModel;
    delete window.ahpPageModel;
    if (typeof text !== 'string') return 0;
    return ahpNewUTF8(text);
  },
  ahp_js_store_remove: function (key) {
    var k = UTF8ToString(key);
    if (window.ahpDurableStore) window.ahpDurableStore.remove(k);
    try { localStorage.removeItem(k); } catch (e) {}
  },
  // The stored keys that start with `prefix`, one per line (malloc'ed UTF-8; "" when none or
  // when storage is unavailable).
  ahp_js_store_keys__deps: ['$ahpNewUTF8'],
  ahp_js_store_keys: function (prefix) {
    var start = UTF8ToString(prefix), keys = [];
    try {
      for (var k = 0; k < localStorage.length; ++k) {
        var key = localStorage.key(k);
        if (key !== null && key.indexOf(start) === 0) keys.push(key);
      }
    } catch (e) { keys = []; }
    var text = keys.join('\n');
    return ahpNewUTF8(text);
  },
  // This tab's own values (sessionStorage: kept across reloads of the tab, gone when it
  // closes): which expert's session the tab writes. "" clears.
  ahp_js_tab_get__deps: ['$ahpNewUTF8'],
  ahp_js_tab_get: function (key) {
    var value = null;
    try { value = sessionStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    return ahpNewUTF8(value);
  },
  ahp_js_tab_set: function (key, value) {
    try {
      var v = UTF8ToString(value);
      if (v === '') sessionStorage.removeItem(UTF8ToString(key));
      else sessionStorage.setItem(UTF8ToString(key), v);
    } catch (e) {}
  },

  // Saves `blob` as `fileName` through an <a download> click (works on http(s) and file://):
  // every download of the page goes this way.
  $ahpSaveBlob: function (blob, fileName) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  },
  ahp_js_download__deps: ['$ahpSaveBlob'],
  ahp_js_download: function (name, mime, bytes, size) {
    ahpSaveBlob(new Blob([HEAPU8.slice(bytes, bytes + size)], {type: UTF8ToString(mime)}), UTF8ToString(name));
  },

  // Files chosen in the picker or dropped on the page: read as bytes and handed to the app
  // (web_bridge.cpp: ahp_import_add, then ahp_import_done(coming) for each part). A file over the
  // app's limit for the screen (ahp_import_limit: model/limits.hpp) is never read: only its
  // name and size go (ahp_import_too_large), and the app reports it as it reports any file too
  // large. A worker asks the sizes and reads the files, and hands the bytes over without a
  // copy: for a file from the disk, File.size waits for the browser's process, and reading
  // costs the thread that asks (10,000 files: 9.4 s of the page's thread, 2.6 s with the
  // worker; tests/web/bench_research.mjs). Without a worker the page does it itself. On the
  // Research tab the worker also parses each response file (ahp-reader.wasm), and the app
  // takes the parsed response (ahp_import_add_parsed) instead of parsing the bytes itself.
  // Giving a File to the worker costs the page the same round trip (the browser fixes its size
  // and date then: about 0.3 ms a file), so the files go to it 8 a message, all of them before
  // the worker reads any (while it read, each round trip took 2-3 times as long).
  // Thousands of files (10,000 responses are 170 MB) are handed over in order at the page's
  // animation frames, at most kTaskMs of each, as they arrive: the page keeps drawing (work
  // in tasks between frames held the painting back by 100 ms and more), the Research tab
  // starts on the first files while the worker reads the rest, and the worker reads no more
  // than 4 x kReading files ahead of what was handed over.
  ahp_js_install_file_input__deps: ['$ahpNewUTF8'],
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
    function withName(text, use) {
      var name = ahpNewUTF8(text);
      var result = use(name);
      _free(name);
      return result;
    }
    // `use` given a copy of `bytes` in the app's memory, for as long as it runs; its result.
    function withCopy(bytes, use) {
      var copy = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, copy);
      var result = use(copy);
      _free(copy);
      return result;
    }
    var kReading = 32;  // files being read at once by the page itself, without a worker
    var kPosting = 8;   // files a message to the worker holds
    // Of an animation frame for the hand-over; the rest goes at the next frame (10,000 files,
    // bench_research.mjs: 24 ms, the longest gap between frames 83-117 ms; 16 ms, 67 ms, and 100
    // with the mouse moving).
    var kTaskMs = 16;
    // The reading worker's code. First, when the app takes parsed response files (the
    // workbench's Research tab), {reader, model}: it loads the file parser (ahp-reader.js:
    // src/platform/reader_web.cpp) with the model. Then for {from, files, limit}, one message
    // a file: {at, bytes, record} (record: the parsed response, or null when the file did not
    // parse or there is no parser), or {at, size} for a file over the limit, which is not read.
    function readingWorker() {  // its own code: it sees nothing of this file's
      // Files read at once: more reads the files sooner and holds the page's painting back
      // longer, as the browser serves them (10,000 files, tests/web/bench_research.mjs, with
      // the app drawing at every frame: 8: 20 s, no frame later than 100 ms; 16: 14-15 s;
      // 24: 12-14 s, 2-6 frames at 117 ms; 32: 12-13 s, 6-10 frames up to 150 ms late).
      var kReading = 24;
      var parser = Promise.resolve(null);
      function copyIn(reader, bytes) {
        var at = reader._malloc(bytes.length + 1);
        reader.HEAPU8.set(bytes, at);
        return at;
      }
      function recordOf(reader, bytes) {
        if (!reader) return null;
        var at = copyIn(reader, new Uint8Array(bytes)), record = reader._ahp_reader_parse(at, bytes.byteLength);
        reader._free(at);
        return record ? reader.HEAPU8.slice(record, record + reader._ahp_reader_record_size()).buffer : null;
      }
      function loadParser(url, model) {
        var loaded = new Promise(function (resolve) {
          importScripts(url);
          AhpReader({locateFile: function (file) { return new URL(file, url).href; }}).then(function (reader) {
            var at = copyIn(reader, new Uint8Array(model)), ok = reader._ahp_reader_set_model(at, model.byteLength);
            reader._free(at);
            resolve(ok ? reader : null);
          }, function () { resolve(null); });
        }).catch(function () { return null; });
        // A parser that never comes (its download stalls) holds no file back for long.
        var late = new Promise(function (resolve) { setTimeout(function () { resolve(null); }, 15000); });
        return Promise.race([loaded, late]);
      }
      onmessage = function (e) {
        if (e.data.reader) {
          parser = loadParser(e.data.reader, e.data.model);
          return;
        }
        if (e.data.handed !== undefined) {
          handed = e.data.handed;
          return readMore();
        }
        limit = e.data.limit;
        e.data.files.forEach(function (file, k) { files[e.data.from + k] = file; });
        if (e.data.last) started = true;
        readMore();
      };
      // The files, read kReading at a time once all are here: asking a file's size (the page
      // does, to hand it over) while others were read made each ask 2-3 times slower on the
      // page's thread (tests/web/bench_research.mjs: the page's thread busy 12 -> 8 s).
      var files = [], limit = 0, nextRead = 0, reading = 0, handed = 0, started = false;
      function readMore() {
        for (; started && reading < kReading && nextRead - handed < 4 * kReading && nextRead < files.length; ++nextRead) {
          var at = nextRead, file = files[at], size = file.size;
          files[at] = null;
          if (size > limit) {
            postMessage({at: at, size: size});
            continue;
          }
          ++reading;
          Promise.all([file.arrayBuffer().catch(function () { return new ArrayBuffer(0); }), parser])
            .then(function (at, got) {
              var bytes = got[0], record = null;
              try { record = recordOf(got[1], bytes); } catch (error) { record = null; }
              --reading;
              postMessage({at: at, bytes: bytes, record: record}, record ? [bytes, record] : [bytes]);
              readMore();
            }.bind(null, at));
        }
      }
    }
    // The model the app parses response files against off its thread, as UTF-8 bytes, or null
    // (the survey page has no such export; the workbench says "" off the Research tab).
    function parsingModel() {
      if (typeof _ahp_import_model_text !== 'function') return null;
      var text = _ahp_import_model_text(), end = text;
      while (HEAPU8[end]) ++end;
      return end > text ? HEAPU8.slice(text, end).buffer : null;
    }
    function give(files) {
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return;
      var limit = _ahp_import_limit();
      // read[k]: the bytes of file k, or 'too large' (its size in sizes[k]); null once handed.
      var read = new Array(files.length), sizes = new Array(files.length), records = new Array(files.length);
      var next = 0, handed = 0, received = 0, scheduled = false;
      var url = URL.createObjectURL(new Blob(['(' + readingWorker + ')()'], {type: 'text/javascript'}));
      var worker = null;
      try {
        worker = new Worker(url);
        var model = parsingModel();
        if (model) worker.postMessage({reader: new URL('ahp-reader.js', document.baseURI).href, model: model}, [model]);
        worker.onmessage = function (e) {
          var at = e.data.at;
          if (e.data.bytes) {
            read[at] = new Uint8Array(e.data.bytes);
            records[at] = e.data.record;
          } else {
            sizes[at] = e.data.size;
            read[at] = 'too large';
          }
          if (++received === files.length) endWorker();
          schedule();
        };
        worker.onerror = function () {  // no worker after all: what it has not given is read here
          endWorker();
          next = handed;
          readMore(performance.now());
        };
      } catch (e) {
        endWorker();
      }
      function endWorker() {
        if (worker) worker.terminate();
        worker = null;
        URL.revokeObjectURL(url);
      }
      // A file's size is asked only when its turn comes (a round trip to the browser), a few
      // files a frame: from `start`, the frame's beginning, for kTaskMs, then at the next.
      function readMore(start) {
        if (worker) {
          for (; next < files.length; next += kPosting) {
            if (performance.now() - start >= kTaskMs) return schedule();
            worker.postMessage({from: next, files: files.slice(next, next + kPosting), limit: limit,
                                last: next + kPosting >= files.length});
          }
          return;
        }
        for (; next < files.length && next - handed < kReading; ++next) {
          if (read[next] !== undefined) continue;  // given by the worker before it failed
          if (performance.now() - start >= kTaskMs) return schedule();
          (function (k) {
            var keep = function (bytes) { read[k] = bytes; schedule(); };
            if ((sizes[k] = files[k].size) > limit) keep('too large');
            else files[k].arrayBuffer().then(function (b) { keep(new Uint8Array(b)); },
                                             function () { keep(new Uint8Array(0)); });
          })(next);
        }
      }
      function schedule() {
        if (!scheduled) { scheduled = true; requestAnimationFrame(handOver); }
      }
      // A file the worker parsed: its record, which the app takes, or not (then its bytes go).
      function handParsed(fileName, record) {
        return withCopy(record, function (copy) {
          return withName(fileName, function (name) { return _ahp_import_add_parsed(name, copy, record.length); });
        }) === 1;
      }
      function handOver() {
        scheduled = false;
        var start = performance.now(), first = handed;
        while (handed < files.length && read[handed] && performance.now() - start < kTaskMs) {
          var file = files[handed], bytes = read[handed], size = sizes[handed], record = records[handed];
          read[handed] = records[handed] = null;
          ++handed;
          if (bytes === 'too large') {
            withName(file.name, function (name) { _ahp_import_too_large(name, size); });
            continue;
          }
          if (record && handParsed(file.name, new Uint8Array(record))) continue;
          withCopy(bytes, function (copy) {
            withName(file.name, function (name) { _ahp_import_add(name, copy, bytes.length); });
          });
        }
        if (handed > first) _ahp_import_done(files.length - handed);
        if (handed > first && worker) worker.postMessage({handed: handed});
        readMore(start);
        if (handed < files.length && read[handed]) schedule();
      }
      readMore(performance.now());
    }
    input.addEventListener('change', function () { give(input.files); input.value = ''; });
    window.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    // A dropped folder gives every .json file inside it, at any depth (the researcher's folder
    // of answers); dropped files come as they are.
    function filesOfEntry(entry) {
      if (entry.isFile) return new Promise(function (resolve) { entry.file(function (f) { resolve([f]); }, function () { resolve([]); }); });
      return new Promise(function (resolve) {
        var reader = entry.createReader(), all = [];
        (function more() {
          reader.readEntries(function (batch) {
            if (!batch.length) {
              Promise.all(all.map(filesOfEntry)).then(function (lists) {
                resolve([].concat.apply([], lists).filter(function (f) { return /\.json$/i.test(f.name); }));
              });
              return;
            }
            all = all.concat(batch);
            more();
          }, function () { resolve([]); });
        })();
      });
    }
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      var items = Array.prototype.slice.call(e.dataTransfer.items || []);
      var entries = items.map(function (i) { return i.webkitGetAsEntry ? i.webkitGetAsEntry() : null; });
      if (!entries.some(function (x) { return x && x.isDirectory; })) { give(e.dataTransfer.files); return; }
      Promise.all(entries.filter(Boolean).map(filesOfEntry)).then(function (lists) { give([].concat.apply([], lists)); });
    });
    // A whole folder from the picker (the Researcher tab's "Load a folder").
    var folder = document.createElement('input');
    folder.type = 'file';
    folder.webkitdirectory = true;
    folder.multiple = true;
    folder.id = 'ahp-folder-input';
    folder.style.display = 'none';
    var oldFolder = document.getElementById('ahp-folder-input');
    if (oldFolder) oldFolder.remove();
    document.body.appendChild(folder);
    folder.addEventListener('change', function () {
      give(Array.prototype.filter.call(folder.files, function (f) { return /\.json$/i.test(f.name); }));
      folder.value = '';
    });
    Module['ahpImportTexts'] = function (list) {  // [{name, text}]: the same path, for scripts
      give(list.map(function (f) { return new File([f.text], f.name, {type: 'application/json'}); }));
    };
  },
  ahp_js_pick_folder: function () {
    var input = document.getElementById('ahp-folder-input');
    if (input) input.click();
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
  ahp_js_share_link__deps: ['$ahpNewUTF8'],
  ahp_js_share_link: function (json, request) {
    var text = UTF8ToString(json);
    function give(link, error, copied) {
      var linkPtr = ahpNewUTF8(link), errorPtr = ahpNewUTF8(error);
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

  // The survey page has no workbench (src/ui/workbench.hpp): it reloads as the workbench page
  // (index.html loads ahp-workbench for ?screen=research|editor), in the same language, the
  // model link (#model=) kept. 1 where there is a workbench page (not in the single file).
  ahp_js_has_workbench_page: function () {
    return window.ahpHasWorkbenchPage === true ? 1 : 0;
  },
  ahp_js_open_workbench: function (screen, language) {
    var url = new URL(location.href);
    url.searchParams.set('screen', UTF8ToString(screen));
    url.searchParams.set('lang', UTF8ToString(language));
    url.searchParams.delete('set');
    location.assign(url.href);
  },

  // The first frame is drawn: the page hides its loading message.
  ahp_js_first_frame: function () {
    if (Module['onFirstFrame']) Module['onFirstFrame']();
  },
  // The page's mirror of the first frame is made: the page is ready to use.
  ahp_js_page_ready: function () {
    if (Module['onPageReady']) Module['onPageReady']();
  },

  // Whether the page is still bringing the rest of the program (web/index.html); asked while a
  // frame waits for it (input, a returning expert's first frame), which the page then shows.
  ahp_js_rest_arriving: function () {
    return Module['restArriving'] && Module['restArriving']() ? 1 : 0;
  },

  // The autosave, off the frame of the click that changed something: when the browser is idle
  // (at the latest 500 ms later), and at once when the page is hidden or closed (pagehide,
  // visibilitychange), so nothing is lost.
  ahp_js_save_when_idle: function () {
    if (!Module['ahpSaveFlush']) {
      Module['ahpSaveFlush'] = function () { Module['ahpSavePending'] = false; _ahp_save_session(); };
      window.addEventListener('pagehide', Module['ahpSaveFlush']);
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'hidden') Module['ahpSaveFlush']();
      });
    }
    if (Module['ahpSavePending']) return;
    Module['ahpSavePending'] = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(Module['ahpSaveFlush'], {timeout: 500});
    else setTimeout(Module['ahpSaveFlush'], 100);
  },
});
