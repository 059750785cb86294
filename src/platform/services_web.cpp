// The browser's platform services: the session in localStorage, Blob downloads, the page's
// file input and drops, the clipboard and share links (JavaScript in js/services.js).
#include "platform/services.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

extern "C" {
int ahp_js_store_set(const char* key, const char* value);  // 1 stored, 0 refused
char* ahp_js_store_get(const char* key);                   // malloc'ed, or null
void ahp_js_store_remove(const char* key);
char* ahp_js_store_keys(const char* prefix);  // malloc'ed, one key per line
char* ahp_js_tab_get(const char* key);        // malloc'ed, or null
void ahp_js_tab_set(const char* key, const char* value);
void ahp_js_download(const char* name, const char* mime, const char* bytes, int size);
void ahp_js_install_file_input();
void ahp_js_pick_files();
void ahp_js_pick_folder();
void ahp_js_copy_text(const char* text);
void ahp_js_share_link(const char* json, int request);
void ahp_js_choose_model(const char* json);
void ahp_js_watch_sessions();
void ahp_js_download_survey_page(const char* name, const char* data);
int ahp_js_has_workbench_page();
void ahp_js_open_workbench(const char* screen, const char* language);
void ahp_js_send_answers(const char* name, const char* mime, const char* bytes, int size, const char* mailto);
}

namespace platform {

namespace {
using ShareLinkDone = std::function<void(const ui::Outcome& link, bool copied)>;
std::map<int, ShareLinkDone> g_shareLinks;  // requests waiting for the page
int g_shareLinkNext = 0;
std::string g_clipboard;  // what was last copied (ImGui pastes from here: the page cannot read)
}  // namespace

}  // namespace platform

// The page's answer to ahp_js_share_link.
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_share_link_done(int request, const char* link, const char* error, int copied) {
    using platform::g_shareLinks;
    const auto it = g_shareLinks.find(request);
    if (it == g_shareLinks.end()) return;
    const platform::ShareLinkDone done = std::move(it->second);
    g_shareLinks.erase(it);
    done(error && *error ? ui::Outcome::failure(error) : ui::Outcome::success(link ? link : ""), copied != 0);
}

namespace platform {

std::string sessionLocation(const std::string& modelId, const std::string& hash) {
    return "ahp:" + modelId + ":" + hash + ":session";
}

void installFileInput() { ahp_js_install_file_input(); }

ui::PlatformServices makeServices() {
    ui::PlatformServices s;
    s.saveSession = [](const std::string& id, const std::string& hash, const std::string& text) {
        if (!ahp_js_store_set(sessionLocation(id, hash).c_str(), text.c_str()))
            return ui::Outcome::failure("the browser refused to store the answers (storage full or blocked)");
        return ui::Outcome::success();
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
    s.listSessions = [](const std::string& id, const std::string& prefix) {
        const std::string start = "ahp:" + id + ":", end = ":session";
        char* keys = ahp_js_store_keys((start + prefix).c_str());
        std::vector<std::string> slots;
        std::string line;
        for (const char* c = keys;; ++c) {
            if (*c == '\n' || *c == '\0') {
                if (line.size() > start.size() + end.size() &&
                    line.compare(line.size() - end.size(), end.size(), end) == 0)
                    slots.push_back(line.substr(start.size(), line.size() - start.size() - end.size()));
                line.clear();
                if (*c == '\0') break;
            } else {
                line += *c;
            }
        }
        std::free(keys);
        return slots;
    };
    s.tabSlot = [](const std::string& key) {
        char* value = ahp_js_tab_get(("ahp:tab-expert:" + key).c_str());
        std::string slot = value ? value : "";
        std::free(value);
        return slot;
    };
    s.setTabSlot = [](const std::string& key, const std::string& slot) {
        ahp_js_tab_set(("ahp:tab-expert:" + key).c_str(), slot.c_str());
    };
    s.download = [](const std::string& name, const std::string& mime, const std::string& bytes) {
        ahp_js_download(name.c_str(), mime.c_str(), bytes.data(), int(bytes.size()));
        return ui::Outcome::success();  // the browser's downloads: no path
    };
    s.pickFiles = [] { ahp_js_pick_files(); };
    s.pickFolder = [] { ahp_js_pick_folder(); };
    // Copying in a text field reaches the system clipboard (the ImGui context exists before
    // the services are made: runner.cpp).
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
    s.chooseModel = [](const std::string& json) { ahp_js_choose_model(json.c_str()); };
    ahp_js_watch_sessions();
    s.downloadSurveyPage = [](const std::string& name, const std::string& data) {
        ahp_js_download_survey_page(name.c_str(), data.c_str());
    };
    s.sendAnswers = [](const std::string& name, const std::string& mime, const std::string& bytes,
                       const std::string& mailto) {
        ahp_js_send_answers(name.c_str(), mime.c_str(), bytes.data(), int(bytes.size()), mailto.c_str());
        return ui::Outcome::success();
    };
    if (ahp_js_has_workbench_page()) {
        s.openWorkbench = [](const std::string& screen, const std::string& language) {
            ahp_js_open_workbench(screen.c_str(), language.c_str());
        };
    }
    return s;
}

}  // namespace platform
