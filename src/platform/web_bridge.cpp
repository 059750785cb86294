#include "platform/web_bridge.hpp"

#include "ui/app.hpp"

#include <string>
#include <utility>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define AHP_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define AHP_EXPORT extern "C"
#endif

namespace {
ui::App* g_app = nullptr;
long g_frames = 0;
std::string g_buffer;  // keeps the last returned string alive for the caller
std::vector<std::pair<std::string, std::string>> g_importing;  // files of one pick or drop
}

namespace web_bridge {
void attach(ui::App* app) { g_app = app; }
void frameDrawn() {
    ++g_frames;
#ifdef __EMSCRIPTEN__
    if (g_frames == 1) EM_ASM({ if (Module.onFirstFrame) Module.onFirstFrame(); });
#endif
}
}  // namespace web_bridge

// The app's state as JSON: screen, language, answers, computed weights and CRs.
AHP_EXPORT const char* ahp_state_json() {
    g_buffer = g_app ? g_app->stateJson() : "{}";
    return g_buffer.c_str();
}
// Where each named widget was drawn in the last frame, in CSS pixels: {"id":[x0,y0,x1,y1],...}.
AHP_EXPORT const char* ahp_widgets_json() {
    g_buffer = g_app ? g_app->widgetsJson() : "{}";
    return g_buffer.c_str();
}
AHP_EXPORT long ahp_frame_count() { return g_frames; }

// Files from the page's file input or a drop, one call per file, then ahp_import_done().
AHP_EXPORT void ahp_import_add(const char* name, const char* bytes, int size) {
    g_importing.emplace_back(name, std::string(bytes, bytes + (size > 0 ? size : 0)));
}
AHP_EXPORT void ahp_import_done() {
    auto files = std::move(g_importing);
    g_importing.clear();
    if (g_app) g_app->importFiles(std::move(files));
}
// Replaces the model (JSON text); returns "" or the problem.
AHP_EXPORT const char* ahp_load_model(const char* json, const char* sourceName) {
    g_buffer = g_app ? g_app->loadModelText(json, sourceName ? sourceName : "model") : "no app";
    return g_buffer.c_str();
}
