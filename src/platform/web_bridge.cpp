#include "platform/web_bridge.hpp"

#include "ui/app.hpp"

#include <string>

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
