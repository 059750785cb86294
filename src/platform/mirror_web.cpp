// The page's mirror of the widgets (js/mirror.js): real DOM elements over the canvas, one per
// widget with semantics (ui::Semantics), for screen readers and the keyboard, and the browser's
// own text fields. After each drawn frame only what changed is sent (new, changed and removed
// widgets, the order when it changed, the language); a frame that is not drawn sends nothing.
// What the elements do comes back as the canvas would do it (ui::App::mirror*).
#include "platform/mirror.hpp"

#include "platform/runner.hpp"
#include "platform/web_bridge.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <string>
#include <vector>

extern "C" {
void ahp_js_install_mirror();
void ahp_js_update_mirror(const char* changesJson);
}

namespace {

const char* roleName(ui::Role role) {
    switch (role) {
    case ui::Role::Button: return "button";
    case ui::Role::TabList: return "tablist";
    case ui::Role::Tab: return "tab";
    case ui::Role::RadioGroup: return "radiogroup";
    case ui::Role::Radio: return "radio";
    case ui::Role::Checkbox: return "checkbox";
    case ui::Role::TextField: return "textbox";
    case ui::Role::Heading: return "heading";
    case ui::Role::ProgressBar: return "progressbar";
    case ui::Role::Table: return "table";
    case ui::Role::Link: return "link";
    case ui::Role::Text: return "text";
    case ui::Role::None: break;
    }
    return "";
}

nlohmann::json nodeJson(const std::string& id, const ui::WidgetRect& r) {
    const ui::Semantics& s = r.semantics;
    nlohmann::json j = {{"id", id},
                        {"role", roleName(s.role)},
                        {"name", s.name},
                        {"rect", {r.x0, r.y0, r.x1, r.y1}},
                        {"clip", {r.clipX0, r.clipY0, r.clipX1, r.clipY1}}};
    if (!s.parent.empty()) j["parent"] = s.parent;
    if (!s.value.empty() || s.role == ui::Role::TextField) j["value"] = s.value;
    if (s.role == ui::Role::ProgressBar) j["now"] = s.valueNow, j["max"] = s.valueMax;
    if (s.checked) j["checked"] = true;
    if (s.selected) j["selected"] = true;
    if (s.disabled) j["disabled"] = true;
    if (s.expanded) j["expanded"] = true;
    if (s.live) j["live"] = true;
    if (s.invalid) j["invalid"] = true;
    if (s.maxLength) j["maxLength"] = s.maxLength;
    if (s.inputMode) j["inputMode"] = s.inputMode;
    if (!s.description.empty()) j["description"] = s.description;
    if (s.level) j["level"] = s.level;
    if (s.autofocus) j["autofocus"] = true;
    if (s.role == ui::Role::Table) j["rows"] = s.rows, j["headerRows"] = s.headerRows, j["rowHeaders"] = s.rowHeaders;
    return j;
}

long g_synced = 0;                           // the widget registry's revision the page has
std::set<std::string, std::less<>> g_shown;  // the widgets the page has an element for
std::vector<std::string> g_order;
std::string g_language;
std::deque<std::string> g_activations;  // one reaches the app per frame, in order

}  // namespace

// From js/mirror.js.
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_mirror_activate(const char* id) {
    g_activations.emplace_back(id);
    if (g_activations.size() == 1) platform::host().app->mirrorActivate(g_activations.front());
    platform::web_bridge::wake();
}
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_mirror_text(const char* id, const char* text) {
    platform::host().app->mirrorText(id, text);
    platform::web_bridge::wake();
}
// A text the field did not take (over its maxLength, counted in characters): a double, exact
// for any length JavaScript can hold.
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_mirror_text_refused(const char* id, double characters) {
    platform::host().app->mirrorTextRefused(id, characters > 0 ? std::size_t(characters) : 0);
    platform::web_bridge::wake();
}
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_mirror_focus(const char* id, int visible) {
    platform::host().app->mirrorFocus(id, visible != 0);
    platform::web_bridge::wake();
}

namespace platform {

void installMirror() { ahp_js_install_mirror(); }

void updateMirror() {
    ui::App& app = *host().app;
    if (!g_activations.empty()) {  // the frame just drawn took the first one
        g_activations.pop_front();
        if (!g_activations.empty()) {
            app.mirrorActivate(g_activations.front());
            platform::web_bridge::wake();
        }
    }
    nlohmann::json changes = nlohmann::json::object();
    nlohmann::json set = nlohmann::json::array(), removed = nlohmann::json::array();
    const ui::WidgetRegistry& widgets = app.widgets();
    if (widgets.revision() != g_synced) {
        for (const auto& [id, r] : widgets) {
            if (r.revision <= g_synced) continue;  // the page has it as it is
            if (r.semantics.role != ui::Role::None) {
                set.push_back(nodeJson(id, r));
                g_shown.insert(id);
            } else if (g_shown.erase(id)) {
                removed.push_back(id);
            }
        }
        if (widgets.removalRevision() > g_synced) {
            for (auto it = g_shown.begin(); it != g_shown.end();) {
                if (widgets.entries().count(*it) == 0) {
                    removed.push_back(*it);
                    it = g_shown.erase(it);
                } else {
                    ++it;
                }
            }
        }
        if (widgets.orderRevision() > g_synced) {
            std::vector<std::pair<int, const std::string*>> ordered;
            for (const auto& [id, r] : widgets)
                if (r.semantics.role != ui::Role::None) ordered.emplace_back(r.order, &id);
            std::sort(ordered.begin(), ordered.end());
            std::vector<std::string> order;
            order.reserve(ordered.size());
            for (const auto& [k, id] : ordered) order.push_back(*id);
            if (order != g_order) {
                changes["order"] = order;
                g_order = std::move(order);
            }
        }
        g_synced = widgets.revision();
    }
    if (!set.empty()) changes["set"] = std::move(set);
    if (!removed.empty()) changes["removed"] = std::move(removed);
    if (app.language() != g_language) {
        g_language = app.language();
        changes["lang"] = g_language;
        changes["dir"] = g_language == "fa" ? "rtl" : "ltr";
    }
    if (app.takeNewPage()) changes["newPage"] = true;
    if (std::string pressed = app.takePressedOnCanvas(); !pressed.empty()) changes["focus"] = pressed;
    if (!changes.empty()) ahp_js_update_mirror(changes.dump().c_str());
}

}  // namespace platform
