#include "platform/runner.hpp"

#include "platform/embedded.hpp"
#include "platform/gl.hpp"
#include "platform/web_bridge.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

extern const EmbeddedFile model_egov_qom;
extern const EmbeddedFile strings_en;
extern const EmbeddedFile strings_fa;
extern const EmbeddedFile font_latin;
extern const EmbeddedFile font_arabic;

namespace platform {

namespace {

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

// Keys, typed characters and window focus arrive the same way on both targets; the pointer and
// the wheel are the runners' (their units and sources differ).
void installKeyboardCallbacks(GLFWwindow* window) {
    glfwSetKeyCallback(window, [](GLFWwindow*, int key, int, int action, int mods) {
        if (action == GLFW_REPEAT) {  // a held key repeats: release then press again
            host().input.push({InputEvent::Kind::Key, 0, 0, key, false, mods});
            host().input.push({InputEvent::Kind::Key, 0, 0, key, true, mods});
            return;
        }
        host().input.push({InputEvent::Kind::Key, 0, 0, key, action == GLFW_PRESS, mods});
    });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int c) {
        host().input.push({InputEvent::Kind::Char, 0, 0, int(c)});
    });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int focused) {
        host().input.push({InputEvent::Kind::Focus, 0, 0, 0, focused != 0});
    });
}

// ImGui redraws every frame by default; here a frame is drawn only when something can have
// changed: input, a resize, work the app asked frames for, or a few frames after any of these
// (hover states and popups settle a frame late). An idle page costs next to nothing.
constexpr int kSettleFrames = 4;

// The app's own work (response files loading, group results recomputed) is drawn at most every
// kWorkFrameSeconds while nothing else changes: a drawn frame costs the browser its compositing
// (software on many machines) on the cores that also read the files. 10,000 files
// (tests/web/bench_research.mjs): drawn at every animation frame, 2-6 frames came 117-133 ms
// late; 20 a second, none over 100 ms. Input, a resize and a wake from the page are drawn at once.
constexpr double kWorkFrameSeconds = 0.05;

bool isInput(const Host& h, bool sizeChanged) { return sizeChanged || !h.input.empty(); }

// Only the app's own work is new, and its next frame is not due yet.
bool workFrameLater(const Host& h, bool sizeChanged) {
    return !isInput(h, sizeChanged) && !web_bridge::wakePending() && h.app->wantsFrames() &&
           glfwGetTime() - h.lastDrawTime < kWorkFrameSeconds;
}

bool needsFrame(Host& h, bool sizeChanged) {
    if (isInput(h, sizeChanged) || web_bridge::consumeWake() || h.app->wantsFrames()) {
        h.idleFrames = 0;
        return true;
    }
    if (h.idleFrames < kSettleFrames) return true;
    // A text field being edited blinks its cursor: a couple of frames a second is enough.
    if (ImGui::GetIO().WantTextInput) return glfwGetTime() - h.lastDrawTime > 0.5;
    return false;
}

}  // namespace

Host& host() {
    static Host instance;
    return instance;
}

RunnerOptions parseOptions(int argc, char** argv) {
    RunnerOptions o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--size")
            std::sscanf(value.c_str(), "%dx%d", &o.width, &o.height);
        else if (key == "--frames")
            o.maxFrames = std::atol(value.c_str());
        else if (key == "--model-text")
            o.modelText = value;
        else if (key == "--model-source")
            o.modelSource = value;
        else if (key == "--model-error")
            o.modelError = value;
        else if (key == "--model")
            o.modelPath = value;
        else if (key == "--import")
            o.imports.push_back(value);
        else if (key == "--state-file")
            o.stateFile = value;
        else if (key.rfind("--", 0) == 0)
            o.appOptions.emplace_back(key.substr(2), value);
    }
    return o;
}

void startHost(GLFWwindow* window, ui::PlatformServices (*makeServices)(), const RunnerOptions& options) {
    Host& h = host();
    h.window = window;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not a file's
    // No ImGui keyboard navigation: the keyboard's place is the page's elements on the web
    // (js/mirror.js) and the app's on the desktop (App::keyPressed), in one reading order; ImGui's
    // would act a second time on whatever the mouse last touched (a stray Space pressing the
    // language button).
    io.BackendPlatformName = "ahp_glfw";
    mapKeys();
    installKeyboardCallbacks(window);

    ui::Resources resources;
    resources.modelJson = model_egov_qom.text();
    resources.stringsEn = strings_en.text();
    resources.stringsFa = strings_fa.text();
    resources.fontLatin = font_latin.text();
    resources.fontArabic = font_arabic.text();
    std::optional<ui::FirstModel> first;
    if (options.modelText) first = ui::FirstModel{*options.modelText, options.modelSource};
    h.app = std::make_unique<ui::App>(resources, makeServices(), first ? &*first : nullptr);
    h.renderer = std::make_unique<GlRenderer>();
    web_bridge::attach(h.app.get());
}

void applyStartOptions(const RunnerOptions& options) {
    Host& h = host();
    // A model that could not be read (a link the page could not decode, a file) or opened.
    const std::string& modelError = options.modelError.empty() ? h.app->firstModelError() : options.modelError;
    if (!modelError.empty()) {
        std::fprintf(stderr, "ahp-app: %s\n", modelError.c_str());
        h.app->setOption("model-error", modelError);
    }
    for (const auto& [key, value] : options.appOptions) h.app->setOption(key, value);
}

bool runFrame(bool sizeChanged) {
    Host& h = host();
    if (workFrameLater(h, sizeChanged)) {  // not idle: the work goes on
        web_bridge::frameSkipped();
        return false;
    }
    if (!needsFrame(h, sizeChanged)) {
        web_bridge::setIdle(true);
        web_bridge::frameSkipped();
        return false;
    }
    web_bridge::setIdle(false);
    const double started = glfwGetTime();
    if (h.fontPixelRatio != h.pixelRatio) {  // moved to a screen of another density
        h.app->buildFonts(h.pixelRatio);
        h.renderer->uploadFontAtlas();
        h.fontPixelRatio = h.pixelRatio;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplayFramebufferScale = ImVec2(h.pixelRatio, h.pixelRatio);
    h.input.applyToImGui();
    const double now = glfwGetTime();
    // After an idle stretch, animations resume from where they were, not with a long step.
    io.DeltaTime = now > h.lastDrawTime ? float(std::min(now - h.lastDrawTime, 0.1)) : 1.0f / 60.0f;
    h.lastDrawTime = now;

    ImGui::NewFrame();
    h.app->frame();
    ImGui::Render();
    const double uiDone = glfwGetTime();

    glViewport(0, 0, int(io.DisplaySize.x * h.pixelRatio), int(io.DisplaySize.y * h.pixelRatio));
    glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    h.renderer->render(ImGui::GetDrawData());
    glfwSwapBuffers(h.window);
    ++h.idleFrames;
    web_bridge::frameDrawn(started, (glfwGetTime() - started) * 1000.0, (uiDone - started) * 1000.0);
    if (h.app->hasUnsavedChanges()) scheduleSave();
    return true;
}

double secondsToNextPass() {
    const Host& h = host();
    if (!h.app->wantsFrames()) return 0.25;
    return std::max(0.001, kWorkFrameSeconds - (glfwGetTime() - h.lastDrawTime));
}

void stopHost() {
    Host& h = host();
    h.renderer.reset();
    h.app.reset();
    ImGui::DestroyContext();
}

}  // namespace platform
