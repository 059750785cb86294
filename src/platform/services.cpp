#include "platform/services.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <imgui.h>

// localStorage may be unavailable (privacy modes, storage full): saving then silently does
// nothing and the expert can still download the answers.
EM_JS(void, ahp_js_store_set, (const char* key, const char* value), {
    try { localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); }
    catch (e) { console.warn('ahp: could not save the session: ' + e); }
});
EM_JS(char*, ahp_js_store_get, (const char* key), {
    var value = null;
    try { value = localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});
EM_JS(void, ahp_js_store_remove, (const char* key), {
    try { localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});
// A Blob download through an <a download> click (works on http(s) and file://).
EM_JS(void, ahp_js_download, (const char* name, const char* mime, const char* bytes, int size), {
    var blob = new Blob([HEAPU8.slice(bytes, bytes + size)], {type: UTF8ToString(mime)});
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(url); a.remove(); }, 1000);
});
// Files chosen in the picker or dropped on the page: read as bytes, handed to the app in one
// batch (web_bridge.cpp: ahp_import_add, ahp_import_done).
EM_JS(void, ahp_js_install_file_input, (), {
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
        Promise.all(files.map(function(f) {
            return f.arrayBuffer().then(function(b) { return {name: f.name, bytes: new Uint8Array(b)}; },
                                        function(e) { return {name: f.name, bytes: new Uint8Array(0)}; });
        })).then(function(read) {
            read.forEach(function(file) {
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
    input.addEventListener('change', function() { give(input.files); input.value = ''; });
    window.addEventListener('dragover', function(e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', function(e) { e.preventDefault(); give(e.dataTransfer.files); });
    Module.ahpImportTexts = function(list) {  // [{name, text}]: the same path, for scripts
        give(list.map(function(f) { return new File([f.text], f.name, {type: 'application/json'}); }));
    };
});
EM_JS(void, ahp_js_pick_files, (), {
    var input = document.getElementById('ahp-file-input');
    if (input) input.click();
});
// ImGui's copy (Ctrl+C in a text field, e.g. the editor's share link) goes to the browser's
// clipboard too (the key press is the user's gesture the browser asks for).
EM_JS(void, ahp_js_copy_text, (const char* text), {
    try { navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {}); } catch (e) {}
});
// The page's share link (web/index.html: ahpShareLink) for a model text, without the page's
// own ?query (the link opens the questionnaire), also put on the clipboard when the browser
// allows it; the answer comes back through ahp_share_link_done with the request's number.
EM_JS(void, ahp_js_share_link, (const char* json, int request), {
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
        setTimeout(function() { give('', 'this page cannot make share links (no ahpShareLink)', false); }, 0);
        return;
    }
    var base = location.href.split('#')[0].split('?')[0];
    window.ahpShareLink(text, base).then(function(link) {
        var copy = Promise.resolve(false);
        try {
            if (navigator.clipboard && navigator.clipboard.writeText)
                copy = navigator.clipboard.writeText(link).then(function() { return true; }, function() { return false; });
        } catch (e) {}
        var late = new Promise(function(resolve) { setTimeout(function() { resolve(false); }, 1500); });
        return Promise.race([copy, late]).then(function(copied) { give(link, '', copied); });
    }, function(e) {
        give('', String((e && e.message) || e), false);
    });
});
#else
#include <filesystem>
#endif

#include <functional>
#include <map>

namespace platform {

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

#ifdef __EMSCRIPTEN__

namespace {
using ShareLinkDone = std::function<void(const std::string&, const std::string&, bool)>;
std::map<int, ShareLinkDone> g_shareLinks;  // requests waiting for the page
int g_shareLinkNext = 0;
std::string g_clipboard;  // what was last copied (ImGui pastes from here: the page cannot read)
}  // namespace

// The page's answer to ahp_js_share_link (exported: EMSCRIPTEN_KEEPALIVE).
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_share_link_done(int request, const char* link, const char* error, int copied) {
    const auto it = g_shareLinks.find(request);
    if (it == g_shareLinks.end()) return;
    const ShareLinkDone done = std::move(it->second);
    g_shareLinks.erase(it);
    done(link ? link : "", error ? error : "", copied != 0);
}

std::string sessionLocation(const std::string& modelId, const std::string& hash) {
    return "ahp:" + modelId + ":" + hash + ":session";
}

void installFileInput() { ahp_js_install_file_input(); }

ui::PlatformServices makeServices() {
    ui::PlatformServices s;
    s.saveSession = [](const std::string& id, const std::string& hash, const std::string& text) {
        ahp_js_store_set(sessionLocation(id, hash).c_str(), text.c_str());
    };
    s.loadSession = [](const std::string& id, const std::string& hash) -> std::optional<std::string> {
        char* value = ahp_js_store_get(sessionLocation(id, hash).c_str());
        if (!value) return std::nullopt;
        std::string text(value);
        std::free(value);
        return text;
    };
    s.clearSession = [](const std::string& id, const std::string& hash) {
        ahp_js_store_remove(sessionLocation(id, hash).c_str());
    };
    s.download = [](const std::string& name, const std::string& mime, const std::string& bytes) {
        ahp_js_download(name.c_str(), mime.c_str(), bytes.data(), int(bytes.size()));
        return std::string();
    };
    s.pickFiles = [] { ahp_js_pick_files(); };
    // Copying in a text field reaches the system clipboard (set here: the ImGui context exists
    // before the app and its services are made).
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) {
        g_clipboard = text ? text : "";
        ahp_js_copy_text(g_clipboard.c_str());
    };
    io.GetClipboardTextFn = [](void*) { return g_clipboard.c_str(); };
    s.shareLink = [](const std::string& json, ShareLinkDone done) {
        const int request = ++g_shareLinkNext;
        g_shareLinks[request] = std::move(done);
        ahp_js_share_link(json.c_str(), request);
    };
    return s;
}

#else

namespace fs = std::filesystem;

namespace {
fs::path dataFolder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "ahp-survey";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/ahp-survey";
    return fs::current_path() / ".ahp-survey";
}

// Writes through a temporary file and a rename, so a crash never leaves half a file.
void writeFileAtomically(const fs::path& path, const std::string& bytes) {
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error("cannot write " + temporary.string());
        file.write(bytes.data(), std::streamsize(bytes.size()));
        if (!file) throw std::runtime_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, path);
}
}  // namespace

std::string sessionLocation(const std::string& modelId, const std::string& hash) {
    return (dataFolder() / (modelId + "-" + hash + ".json")).string();
}

void installFileInput() {}

ui::PlatformServices makeServices() {
    ui::PlatformServices s;
    s.saveSession = [](const std::string& id, const std::string& hash, const std::string& text) {
        try {
            fs::create_directories(dataFolder());
            writeFileAtomically(sessionLocation(id, hash), text);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ahp-app: could not save the session: %s\n", e.what());
        }
    };
    s.loadSession = [](const std::string& id, const std::string& hash) {
        return readFile(sessionLocation(id, hash));
    };
    s.clearSession = [](const std::string& id, const std::string& hash) {
        std::error_code ignored;
        fs::remove(sessionLocation(id, hash), ignored);
    };
    s.download = [](const std::string& name, const std::string& mime, const std::string& bytes) {
        (void)mime;
        fs::path folder = fs::current_path();
        if (const char* home = std::getenv("HOME"); home && *home) {
            std::error_code ec;
            if (fs::is_directory(fs::path(home) / "Downloads", ec)) folder = fs::path(home) / "Downloads";
        }
        const fs::path path = folder / fs::u8path(name);
        writeFileAtomically(path, bytes);
        return path.string();
    };
    return s;  // no picker: --import FILE and drops on the window
}

#endif

}  // namespace platform
