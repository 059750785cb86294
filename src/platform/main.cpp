// The platform layer's entry point: a GLFW window (Emscripten's GLFW on a WebGL2 canvas in the
// browser, real GLFW + OpenGL 3.3 core on the desktop), input, the frame loop, and the hand-off
// of embedded resources to the app. Nothing here knows about AHP.
#include "platform/embedded.hpp"
#include "platform/gl.hpp"
#include "platform/gl_renderer.hpp"
#include "platform/input_queue.hpp"
#include "platform/services.hpp"
#include "platform/web_bridge.hpp"
#include "ui/app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <cstdlib>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#endif

extern const EmbeddedFile model_egov_qom;
extern const EmbeddedFile strings_en;
extern const EmbeddedFile strings_fa;
extern const EmbeddedFile font_latin;
extern const EmbeddedFile font_arabic;

namespace {

struct Platform {
    GLFWwindow* window = nullptr;
    std::unique_ptr<GlRenderer> renderer;
    std::unique_ptr<ui::App> app;
    InputQueue input;
    float pixelRatio = 1;  // framebuffer pixels per UI unit
    float fontPixelRatio = 0;
    int idleFrames = 0;       // frames drawn since the last input or change
    double lastDrawTime = 0;  // glfwGetTime() of the last drawn frame
};
Platform* g_platform = nullptr;  // GLFW callbacks carry no user pointer on every platform

void mapKeys() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = GLFW_KEY_PAGE_UP;
    io.KeyMap[ImGuiKey_PageDown] = GLFW_KEY_PAGE_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Insert] = GLFW_KEY_INSERT;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
    io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
    io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
    io.KeyMap[ImGuiKey_Y] = GLFW_KEY_Y;
    io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
}

#ifdef __EMSCRIPTEN__
// Touch: Emscripten's GLFW turns a finger into the mouse (a tap is a click), but ImGui does not
// scroll when the mouse drags. A finger that moves more than a few pixels vertically becomes a
// scroll: the press is released (no click lands) and the movement is sent as wheel notches
// (ImGui scrolls 5 lines of 17 px per notch).
struct TouchScroll {
    bool down = false, scrolling = false;
    double startY = 0, lastY = 0;
};
TouchScroll g_touch;

EM_BOOL onTouch(int type, const EmscriptenTouchEvent* event, void*) {
    const double y = event->numTouches > 0 ? event->touches[0].targetY : g_touch.lastY;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        g_touch = {true, false, y, y};
    } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && g_touch.down) {
        if (!g_touch.scrolling && std::fabs(y - g_touch.startY) > 8) {
            g_touch.scrolling = true;
            g_platform->input.push({InputEvent::Kind::MouseButton, 0, 0, 0, false, 0});
        }
        if (g_touch.scrolling) g_platform->input.push({InputEvent::Kind::Wheel, 0, float((y - g_touch.lastY) / 85.0)});
        g_touch.lastY = y;
    } else {
        g_touch.down = false;
        // A finger leaves no pointer behind: without this, whatever was tapped stays hovered
        // and its tooltip covers the screen.
        g_platform->input.push({InputEvent::Kind::MouseMove, -1e6f, -1e6f});
    }
    return EM_FALSE;  // GLFW's own touch handlers still run
}
#endif

void installCallbacks(GLFWwindow* window) {
#ifdef __EMSCRIPTEN__
    emscripten_set_touchstart_callback("#canvas", nullptr, true, onTouch);
    emscripten_set_touchmove_callback("#canvas", nullptr, true, onTouch);
    emscripten_set_touchend_callback("#canvas", nullptr, true, onTouch);
    emscripten_set_touchcancel_callback("#canvas", nullptr, true, onTouch);
#endif
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double x, double y) {
#ifdef __EMSCRIPTEN__
        // Emscripten's GLFW reports canvas pixels; the UI works in CSS pixels.
        const float scale = 1.0f / g_platform->pixelRatio;
#else
        const float scale = 1.0f;  // desktop GLFW reports screen coordinates already
#endif
        g_platform->input.push({InputEvent::Kind::MouseMove, float(x) * scale, float(y) * scale});
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int button, int action, int mods) {
        g_platform->input.push({InputEvent::Kind::MouseButton, 0, 0, button, action == GLFW_PRESS, mods});
    });
    glfwSetScrollCallback(window, [](GLFWwindow*, double dx, double dy) {
#ifdef __EMSCRIPTEN__
        // Emscripten's GLFW passes the browser's wheel deltas through: pixels (about 100 a
        // notch) or, in line mode, about 3 a notch, with the page's sign. ImGui wants notches.
        auto notches = [](double d) { return -(std::fabs(d) >= 10 ? d / 100.0 : d / 3.0); };
        dx = notches(dx);
        dy = notches(dy);
#endif
        g_platform->input.push({InputEvent::Kind::Wheel, float(dx), float(dy)});
    });
    glfwSetKeyCallback(window, [](GLFWwindow*, int key, int, int action, int mods) {
        if (action == GLFW_REPEAT) {  // a held key repeats: release then press again
            g_platform->input.push({InputEvent::Kind::Key, 0, 0, key, false, mods});
            g_platform->input.push({InputEvent::Kind::Key, 0, 0, key, true, mods});
            return;
        }
        g_platform->input.push({InputEvent::Kind::Key, 0, 0, key, action == GLFW_PRESS, mods});
    });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int c) {
        g_platform->input.push({InputEvent::Kind::Char, 0, 0, int(c)});
    });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int focused) {
        g_platform->input.push({InputEvent::Kind::Focus, 0, 0, 0, focused != 0});
    });
#ifndef __EMSCRIPTEN__
    // Response files dropped on the window (the browser's drops are the page's: services.cpp).
    glfwSetDropCallback(window, [](GLFWwindow*, int count, const char** paths) {
        std::vector<std::pair<std::string, std::string>> files;
        for (int k = 0; k < count; ++k) files.emplace_back(paths[k], platform::readFile(paths[k]).value_or(""));
        g_platform->app->importFiles(std::move(files));
    });
#endif
}

// Display size in UI units and the framebuffer's pixel ratio.
void updateDisplay(Platform& p) {
    ImGuiIO& io = ImGui::GetIO();
#ifdef __EMSCRIPTEN__
    // The page sizes the canvas with CSS (full window); we give it a backing store of
    // CSS size x devicePixelRatio so text is crisp on HiDPI screens.
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    const double ratio = emscripten_get_device_pixel_ratio();
    const int fbWidth = int(std::lround(cssWidth * ratio)), fbHeight = int(std::lround(cssHeight * ratio));
    int curWidth = 0, curHeight = 0;
    emscripten_get_canvas_element_size("#canvas", &curWidth, &curHeight);
    if (curWidth != fbWidth || curHeight != fbHeight)
        emscripten_set_canvas_element_size("#canvas", fbWidth, fbHeight);
    io.DisplaySize = ImVec2(float(cssWidth), float(cssHeight));
    p.pixelRatio = float(ratio);
#else
    int w = 0, h = 0, fbw = 0, fbh = 0;
    glfwGetWindowSize(p.window, &w, &h);
    glfwGetFramebufferSize(p.window, &fbw, &fbh);
    io.DisplaySize = ImVec2(float(w), float(h));
    p.pixelRatio = w > 0 ? float(fbw) / float(w) : 1.0f;
#endif
    io.DisplayFramebufferScale = ImVec2(p.pixelRatio, p.pixelRatio);
}

// ImGui redraws every frame by default; here a frame is drawn only when something can have
// changed: input, a resize, work the app asked frames for, or a few frames after any of these
// (hover states and popups settle a frame late). An idle page costs next to nothing.
constexpr int kSettleFrames = 4;

bool needsFrame(Platform& p, bool sizeChanged) {
    if (sizeChanged || !p.input.empty() || web_bridge::consumeWake() || p.app->wantsFrames()) {
        p.idleFrames = 0;
        return true;
    }
    if (p.idleFrames < kSettleFrames) return true;
    // A text field being edited blinks its cursor: a couple of frames a second is enough.
    if (ImGui::GetIO().WantTextInput) return glfwGetTime() - p.lastDrawTime > 0.5;
    return false;
}

void frame(void*) {
    Platform& p = *g_platform;
    glfwPollEvents();
    const ImVec2 oldSize = ImGui::GetIO().DisplaySize;
    const float oldRatio = p.pixelRatio;
    updateDisplay(p);
    ImGuiIO& io = ImGui::GetIO();
    const bool sizeChanged = oldSize.x != io.DisplaySize.x || oldSize.y != io.DisplaySize.y || oldRatio != p.pixelRatio;
    if (!needsFrame(p, sizeChanged)) {
        web_bridge::setIdle(true);
        web_bridge::frameSkipped();
#ifndef __EMSCRIPTEN__
        glfwWaitEventsTimeout(0.25);  // the desktop sleeps until input (the browser's rAF just returns)
#endif
        return;
    }
    web_bridge::setIdle(false);
    const double started = glfwGetTime();
    if (p.fontPixelRatio != p.pixelRatio) {  // moved to a screen of another density
        p.app->buildFonts(p.pixelRatio);
        p.renderer->uploadFontAtlas();
        p.fontPixelRatio = p.pixelRatio;
    }
    p.input.applyToImGui();
    const double now = glfwGetTime();
    // After an idle stretch, animations resume from where they were, not with a long step.
    io.DeltaTime = now > p.lastDrawTime ? float(std::min(now - p.lastDrawTime, 0.1)) : 1.0f / 60.0f;
    p.lastDrawTime = now;

    ImGui::NewFrame();
    p.app->frame();
    ImGui::Render();

    const ImDrawData* draw = ImGui::GetDrawData();
    glViewport(0, 0, int(io.DisplaySize.x * p.pixelRatio), int(io.DisplaySize.y * p.pixelRatio));
    glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    p.renderer->render(draw);
    glfwSwapBuffers(p.window);
    ++p.idleFrames;
    web_bridge::frameDrawn((glfwGetTime() - started) * 1000.0);
}

}  // namespace

int main(int argc, char** argv) {
    if (!glfwInit()) {
        std::fprintf(stderr, "ahp-app: could not initialise GLFW (no display?)\n");
        return 1;
    }
#ifdef __EMSCRIPTEN__
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
#endif
    // Options (the page passes its URL's query the same way): --size WxH, --frames N (quit
    // after N frames, for smoke tests), --model FILE (natively) or --model-text JSON with
    // --model-source NAME (the page, from a shared link), --model-error MESSAGE (the page could
    // not decode the link), --import FILE (repeatable), and the app's own --lang, --screen, --set.
    int width = 1280, height = 800;
    long maxFrames = -1;
    std::vector<std::pair<std::string, std::string>> appOptions;
    std::optional<std::string> modelText;
    std::string modelSource = "model", modelError;
    std::vector<std::string> imports;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--size") std::sscanf(value.c_str(), "%dx%d", &width, &height);
        else if (key == "--frames") maxFrames = std::atol(value.c_str());
        else if (key == "--model-text") modelText = value;
        else if (key == "--model-source") modelSource = value;
        else if (key == "--model-error") modelError = value;
        else if (key == "--model") {
            modelSource = value;
            modelText = platform::readFile(value);
            if (!modelText) modelError = value + ": cannot read the file";
        }
        else if (key == "--import") imports.push_back(value);
        else if (key.rfind("--", 0) == 0) appOptions.emplace_back(key.substr(2), value);
    }
    static Platform platform;
    g_platform = &platform;
    platform.window = glfwCreateWindow(width, height, "AHP survey", nullptr, nullptr);
    if (!platform.window) {
        std::fprintf(stderr, "ahp-app: could not create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(platform.window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "ahp_glfw";
    mapKeys();
    installCallbacks(platform.window);

    ui::Resources resources;
    resources.modelJson = model_egov_qom.text();
    resources.stringsEn = strings_en.text();
    resources.stringsFa = strings_fa.text();
    resources.fontLatin = font_latin.text();
    resources.fontArabic = font_arabic.text();
    platform.app = std::make_unique<ui::App>(resources, platform::makeServices());
    platform.renderer = std::make_unique<GlRenderer>();
    web_bridge::attach(platform.app.get());
    platform::installFileInput();
    // A model from a link or a file first (it restores its own session), then the options.
    if (modelText) {
        const std::string problem = platform.app->loadModelText(*modelText, modelSource);
        if (!problem.empty()) modelError = problem;
    }
    if (!modelError.empty()) {
        std::fprintf(stderr, "ahp-app: %s\n", modelError.c_str());
        platform.app->setOption("model-error", modelError);
    }
    for (const auto& [key, value] : appOptions) platform.app->setOption(key, value);
    if (!imports.empty()) {
        std::vector<std::pair<std::string, std::string>> files;
        for (const std::string& path : imports) {
            const auto bytes = platform::readFile(path);
            if (!bytes) std::fprintf(stderr, "ahp-app: cannot read %s\n", path.c_str());
            files.emplace_back(path, bytes.value_or(""));
        }
        platform.app->importFiles(std::move(files));
    }

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, nullptr, 0, true);
#else
    for (long n = 0; !glfwWindowShouldClose(platform.window) && n != maxFrames; ++n) frame(nullptr);
    platform.renderer.reset();
    ImGui::DestroyContext();
    glfwDestroyWindow(platform.window);
    glfwTerminate();
#endif
    return 0;
}
