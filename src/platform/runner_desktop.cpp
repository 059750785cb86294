// The desktop runner: a GLFW window with an OpenGL 3.3 core context, the mouse and wheel in
// screen coordinates, files dropped on the window, and a loop that sleeps until input.
#include "platform/gl.hpp"
#include "platform/runner.hpp"
#include "platform/services.hpp"
#include "platform/web_bridge.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

// Files dropped or named with --import: one over the app's limit (App::importByteLimit) is not
// read, only reported with its size, as the browser does.
void importPaths(const std::vector<std::string>& paths) {
    ui::App& app = *platform::host().app;
    const std::uint64_t limit = app.importByteLimit();
    std::vector<ui::ImportedFile> files;
    std::vector<std::pair<std::string, std::uint64_t>> tooLarge;
    for (const std::string& path : paths) {
        std::error_code error;
        const std::uintmax_t size = std::filesystem::file_size(path, error);
        if (!error && size > limit) {
            tooLarge.emplace_back(path, std::uint64_t(size));
            continue;
        }
        const auto bytes = platform::readFile(path);
        if (!bytes) std::fprintf(stderr, "ahp-app: cannot read %s\n", path.c_str());
        files.push_back({path, bytes.value_or(""), std::nullopt});
    }
    app.importFiles(std::move(files), tooLarge);
}

void installPointerCallbacks(GLFWwindow* window) {
    using platform::host;
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double x, double y) {
        host().input.push(
            {platform::InputEvent::Kind::MouseMove, float(x), float(y)});  // screen coordinates = UI units
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int button, int action, int mods) {
        host().input.push({platform::InputEvent::Kind::MouseButton, 0, 0, button, action == GLFW_PRESS, mods});
    });
    glfwSetScrollCallback(window, [](GLFWwindow*, double dx, double dy) {
        host().input.push({platform::InputEvent::Kind::Wheel, float(dx), float(dy)});  // already in notches
    });
    // Response files dropped on the window.
    glfwSetDropCallback(window, [](GLFWwindow*, int count, const char** paths) {
        importPaths(std::vector<std::string>(paths, paths + count));
    });
}

// The keyboard's place is the app's (ui::App::keyPressed: the order the page's elements have on
// the web), not ImGui's navigation: Tab, Space, Enter and the arrows go there unless a text
// field being edited takes them; every other key, and every release, goes on to ImGui.
GLFWkeyfun g_keysToImGui = nullptr;

void installKeyboardFocus(GLFWwindow* window) {
    g_keysToImGui = glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        using Key = ui::App::Key;
        std::optional<Key> move;
        switch (key) {
        case GLFW_KEY_TAB: move = mods & GLFW_MOD_SHIFT ? Key::ShiftTab : Key::Tab; break;
        case GLFW_KEY_SPACE: move = Key::Space; break;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER: move = Key::Enter; break;
        case GLFW_KEY_LEFT: move = Key::Left; break;
        case GLFW_KEY_RIGHT: move = Key::Right; break;
        case GLFW_KEY_UP: move = Key::Up; break;
        case GLFW_KEY_DOWN: move = Key::Down; break;
        default: break;
        }
        ui::App& app = *platform::host().app;
        if (move && action != GLFW_RELEASE && app.takesKey(*move)) {
            app.keyPressed(*move);
            platform::web_bridge::wake();
            return;
        }
        if (g_keysToImGui) g_keysToImGui(w, key, scancode, action, mods);
    });
}

// Display size in screen coordinates, and the framebuffer's pixels per coordinate.
bool updateDisplay(platform::Host& h) {
    int w = 0, h0 = 0, fbw = 0, fbh = 0;
    glfwGetWindowSize(h.window, &w, &h0);
    glfwGetFramebufferSize(h.window, &fbw, &fbh);
    ImGuiIO& io = ImGui::GetIO();
    const float ratio = w > 0 ? float(fbw) / float(w) : 1.0f;
    const bool changed = io.DisplaySize.x != float(w) || io.DisplaySize.y != float(h0) || h.pixelRatio != ratio;
    io.DisplaySize = ImVec2(float(w), float(h0));
    h.pixelRatio = ratio;
    return changed;
}

}  // namespace

// The desktop saves right after the frame that changed something (the frame is already shown).
void platform::scheduleSave() { platform::host().app->saveSession(); }

int main(int argc, char** argv) {
    platform::RunnerOptions options = platform::parseOptions(argc, argv);
    if (!glfwInit()) {
        std::fprintf(stderr, "ahp-app: could not initialise GLFW (no display?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "AHP survey", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "ahp-app: could not create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    if (options.modelPath) {
        options.modelSource = *options.modelPath;
        options.modelText = platform::readFile(*options.modelPath);
        if (!options.modelText) options.modelError = *options.modelPath + ": cannot read the file";
    }
    platform::startHost(window, &platform::makeServices, options);
    // Paste and copy through the system's clipboard (ImGui's own stays inside the app).
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = window;
    io.GetClipboardTextFn = [](void* w) { return glfwGetClipboardString(static_cast<GLFWwindow*>(w)); };
    io.SetClipboardTextFn = [](void* w, const char* text) {
        glfwSetClipboardString(static_cast<GLFWwindow*>(w), text);
    };
    installPointerCallbacks(window);
    installKeyboardFocus(window);
    platform::applyStartOptions(options);
    if (!options.imports.empty()) importPaths(options.imports);

    std::string stateWritten;
    for (long n = 0; !glfwWindowShouldClose(window) && n != options.maxFrames; ++n) {
        glfwPollEvents();
        const bool sizeChanged = updateDisplay(platform::host());
        if (!platform::runFrame(sizeChanged)) {
            glfwWaitEventsTimeout(platform::secondsToNextPass());  // sleep until input
            continue;
        }
        // The keyboard's place follows the pointer (as the page's focus follows it on the web).
        ui::App& app = *platform::host().app;
        if (std::string pressed = app.takePressedOnCanvas(); !pressed.empty()) app.mirrorFocus(pressed, false);
        if (options.stateFile) {  // what the browser tests read from the page, for the desktop's
            std::string state = platform::host().app->stateJson();
            if (state != stateWritten) try {
                    platform::writeFileAtomically(*options.stateFile, stateWritten = std::move(state));
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "ahp-app: %s\n", e.what());
                }
        }
    }
    platform::host().app->saveSession();  // --frames N may stop before a pending save
    platform::stopHost();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
