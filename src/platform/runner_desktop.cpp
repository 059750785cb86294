// The desktop runner: a GLFW window with an OpenGL 3.3 core context, the mouse and wheel in
// screen coordinates, files dropped on the window, and a loop that sleeps until input.
#include "platform/gl.hpp"
#include "platform/runner.hpp"
#include "platform/services.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace {

void installPointerCallbacks(GLFWwindow* window) {
    using platform::host;
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double x, double y) {
        host().input.push({InputEvent::Kind::MouseMove, float(x), float(y)});  // screen coordinates = UI units
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int button, int action, int mods) {
        host().input.push({InputEvent::Kind::MouseButton, 0, 0, button, action == GLFW_PRESS, mods});
    });
    glfwSetScrollCallback(window, [](GLFWwindow*, double dx, double dy) {
        host().input.push({InputEvent::Kind::Wheel, float(dx), float(dy)});  // already in notches
    });
    // Response files dropped on the window.
    glfwSetDropCallback(window, [](GLFWwindow*, int count, const char** paths) {
        std::vector<std::pair<std::string, std::string>> files;
        for (int k = 0; k < count; ++k) files.emplace_back(paths[k], platform::readFile(paths[k]).value_or(""));
        host().app->importFiles(std::move(files));
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

    platform::startHost(window, &platform::makeServices);
    // Paste and copy through the system's clipboard (ImGui's own stays inside the app).
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = window;
    io.GetClipboardTextFn = [](void* w) { return glfwGetClipboardString(static_cast<GLFWwindow*>(w)); };
    io.SetClipboardTextFn = [](void* w, const char* text) { glfwSetClipboardString(static_cast<GLFWwindow*>(w), text); };
    installPointerCallbacks(window);
    if (options.modelPath) {
        options.modelSource = *options.modelPath;
        options.modelText = platform::readFile(*options.modelPath);
        if (!options.modelText) options.modelError = *options.modelPath + ": cannot read the file";
    }
    platform::applyStartOptions(options);
    if (!options.imports.empty()) {
        std::vector<std::pair<std::string, std::string>> files;
        for (const std::string& path : options.imports) {
            const auto bytes = platform::readFile(path);
            if (!bytes) std::fprintf(stderr, "ahp-app: cannot read %s\n", path.c_str());
            files.emplace_back(path, bytes.value_or(""));
        }
        platform::host().app->importFiles(std::move(files));
    }

    for (long n = 0; !glfwWindowShouldClose(window) && n != options.maxFrames; ++n) {
        glfwPollEvents();
        const bool sizeChanged = updateDisplay(platform::host());
        if (!platform::runFrame(sizeChanged)) glfwWaitEventsTimeout(0.25);  // sleep until input
    }
    platform::host().app->saveSession();  // --frames N may stop before a pending save
    platform::stopHost();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
