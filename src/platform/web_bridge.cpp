#include "platform/web_bridge.hpp"

#include "model/response_record.hpp"
#include "ui/app.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define AHP_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define AHP_EXPORT extern "C"
#endif
// Exported by the workbench's link only (cmake/App.cmake): the survey page leaves them out.
#define AHP_WORKBENCH_EXPORT extern "C"

namespace {
ui::App* g_app = nullptr;
long g_frames = 0, g_skipped = 0;
bool g_wake = false, g_idle = false;
std::vector<double> g_frameMs, g_uiMs;  // recent drawn frames' CPU time, and its UI part (rings of 600)
std::size_t g_frameNext = 0;
double g_lastFrameStart = -1, g_longestBetweenMs = 0;           // the longest time between two drawn frames' starts
std::string g_buffer;                                           // keeps the last returned string alive for the caller
std::vector<ui::ImportedFile> g_importing;                      // files of one pick or drop
std::vector<std::pair<std::string, std::uint64_t>> g_tooLarge;  // ...not read: name, size
}  // namespace

namespace platform::web_bridge {
void attach(ui::App* app) { g_app = app; }
void frameDrawn(double startSeconds, double cpuMs, double uiMs) {
    ++g_frames;
    if (g_lastFrameStart >= 0)
        g_longestBetweenMs = std::max(g_longestBetweenMs, (startSeconds - g_lastFrameStart) * 1000.0);
    g_lastFrameStart = startSeconds;
    if (g_frameMs.size() < 600) {
        g_frameMs.push_back(cpuMs);
        g_uiMs.push_back(uiMs);
    } else {
        g_uiMs[g_frameNext % 600] = uiMs;
        g_frameMs[g_frameNext++ % 600] = cpuMs;
    }
}
long framesDrawn() { return g_frames; }
void frameSkipped() { ++g_skipped; }
void wake() { g_wake = true; }
bool wakePending() { return g_wake; }
bool consumeWake() {
    const bool w = g_wake;
    g_wake = false;
    return w;
}
void setIdle(bool idle) { g_idle = idle; }
}  // namespace platform::web_bridge

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
// Main-loop passes, drawn or skipped (a skipped pass draws nothing: the page is idle).
AHP_EXPORT long ahp_loop_count() { return g_frames + g_skipped; }
// Idle: nothing to draw and nothing waiting to be saved.
AHP_EXPORT int ahp_idle() { return g_idle && !g_wake && !(g_app && g_app->hasUnsavedChanges()) ? 1 : 0; }
// Saves the session if it changed (js/services.js calls it when idle and on pagehide).
AHP_EXPORT void ahp_save_session() {
    if (g_app) g_app->saveSession();
}
namespace {
// Mean and 95th percentile of a ring of frame times.
std::pair<double, double> meanAndP95(std::vector<double> sorted) {
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double v : sorted) sum += v;
    const std::size_t n = sorted.size();
    return {n ? sum / double(n) : 0, n ? sorted[std::min(n - 1, n * 95 / 100)] : 0};
}
}  // namespace

// {"frames":N,"skipped":N,"mean_ms":x,"p95_ms":x,"max_ms":x,"ui_mean_ms":x,"ui_p95_ms":x,
// "longest_between_ms":x,"ms":[x,...]} since the last reset; "ui_" the frames' UI part;
// "longest_between_ms" the longest time from one drawn frame's start to the next, both after
// the reset; "ms" the frames in the order they were drawn
// (the last 600).
AHP_EXPORT const char* ahp_frame_stats_json() {
    const auto [mean, p95] = meanAndP95(g_frameMs);
    const auto [uiMean, uiP95] = meanAndP95(g_uiMs);
    const std::size_t n = g_frameMs.size();
    const double max = n ? *std::max_element(g_frameMs.begin(), g_frameMs.end()) : 0.0;
    char buffer[320];
    std::snprintf(buffer, sizeof buffer,
                  "{\"frames\":%zu,\"skipped\":%ld,\"mean_ms\":%.4f,\"p95_ms\":%.4f,\"max_ms\":%.4f,"
                  "\"ui_mean_ms\":%.4f,\"ui_p95_ms\":%.4f,\"longest_between_ms\":%.4f,\"ms\":[",
                  n, g_skipped, mean, p95, max, uiMean, uiP95, g_longestBetweenMs);
    g_buffer = buffer;
    for (std::size_t k = 0; k < n; ++k) {
        std::snprintf(buffer, sizeof buffer, "%s%.2f", k ? "," : "", g_frameMs[(g_frameNext + k) % n]);
        g_buffer += buffer;
    }
    g_buffer += "]}";
    return g_buffer.c_str();
}
AHP_EXPORT void ahp_frame_stats_reset() {
    g_frameMs.clear();
    g_uiMs.clear();
    g_frameNext = 0;
    g_skipped = 0;
    g_longestBetweenMs = 0;
    g_lastFrameStart = -1;
}

// The largest file the app takes now (App::importByteLimit): the page reads no file over it.
// A double: JavaScript's number, exact for any file size.
AHP_EXPORT double ahp_import_limit() { return g_app ? double(g_app->importByteLimit()) : 0.0; }
// Files from the page's file input or a drop, one call per file, then ahp_import_done(coming)
// for each part of the choice, with the number of its files still to come (App::importFiles).
AHP_EXPORT void ahp_import_add(const char* name, const char* bytes, int size) {
    g_importing.push_back({name, std::string(bytes, bytes + (size > 0 ? size : 0)), std::nullopt});
}
// The model the page's reading worker parses response files against (src/platform/reader_web.cpp),
// or "" when files are to come as bytes (App::takesParsedResponses).
AHP_WORKBENCH_EXPORT const char* ahp_import_model_text() {
    return g_app && g_app->takesParsedResponses() ? g_app->modelText().c_str() : "";
}
// A file the worker parsed: its response record (model/response_record.hpp) in its place among
// the files. 1 when taken; 0 when the app wants the file's bytes instead (ahp_import_add):
// the record does not read, or the model or the screen changed meanwhile.
AHP_WORKBENCH_EXPORT int ahp_import_add_parsed(const char* name, const char* record, int size) {
    std::optional<model::Response> response =
        model::decodeResponseRecord(std::string_view(record, size > 0 ? std::size_t(size) : 0));
    if (!response || !g_app || !g_app->takesParsedResponse(*response)) return 0;
    g_importing.push_back({name, "", std::move(response)});
    return 1;
}
// A file of the same pick or drop that the page did not read: over ahp_import_limit().
AHP_EXPORT void ahp_import_too_large(const char* name, double size) {
    g_tooLarge.emplace_back(name, size > 0 ? std::uint64_t(size) : 0);
}
AHP_EXPORT void ahp_import_done(int coming) {
    auto files = std::move(g_importing);
    auto tooLarge = std::move(g_tooLarge);
    g_importing.clear();
    g_tooLarge.clear();
    if (g_app) g_app->importFiles(std::move(files), tooLarge, coming);
    // Files queued for the Research tab are the app's own work, drawn at its pace (runner.cpp);
    // any other change they made is drawn at once.
    if (!g_app || !g_app->wantsFrames()) platform::web_bridge::wake();
}
// Replaces the model (JSON text); returns "" or the problem (App::loadModelText's Outcome).
AHP_EXPORT const char* ahp_load_model(const char* json, const char* sourceName) {
    g_buffer = g_app ? g_app->loadModelText(json, sourceName ? sourceName : "model").error : "no app";
    platform::web_bridge::wake();
    return g_buffer.c_str();
}

// Another tab saved a session (the page's storage event, js/survey.js): merge its later changes.
AHP_EXPORT void ahp_session_changed() {
    if (g_app) g_app->sessionChangedElsewhere();
    platform::web_bridge::wake();
}
