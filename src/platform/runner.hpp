// What the two runners (runner_web.cpp, runner_desktop.cpp) share: the command-line options,
// the app with its ImGui context, renderer and input queue, and one frame of it. A runner owns
// the window's creation, the display size, target-specific input and the main loop; it calls
// runFrame() once per pass. Nothing here knows about AHP.
#pragma once

#include "platform/gl_renderer.hpp"
#include "platform/input_queue.hpp"
#include "ui/app.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct GLFWwindow;

namespace platform {

// Options (the page passes its URL's query the same way): --size WxH, --frames N (quit after N
// frames, for smoke tests), --model FILE (desktop) or --model-text JSON with --model-source
// NAME (the page, from a shared link), --model-error MESSAGE (the page could not decode the
// link), --import FILE (repeatable, desktop), and the app's own --lang, --screen, --set.
struct RunnerOptions {
    int width = 1280, height = 800;
    long maxFrames = -1;
    std::optional<std::string> modelText;
    std::string modelSource = "model", modelError;
    std::optional<std::string> modelPath;  // --model FILE
    std::vector<std::string> imports;      // --import FILE
    std::optional<std::string> stateFile;  // --state-file FILE: the app's state after each frame (tests)
    std::vector<std::pair<std::string, std::string>> appOptions;
};
RunnerOptions parseOptions(int argc, char** argv);

// The one app a runner drives (GLFW callbacks carry no user pointer on every platform).
struct Host {
    GLFWwindow* window = nullptr;
    std::unique_ptr<GlRenderer> renderer;
    std::unique_ptr<ui::App> app;
    InputQueue input;
    float pixelRatio = 1;  // framebuffer pixels per UI unit (the runner sets it)
    float fontPixelRatio = 0;
    int idleFrames = 0;       // frames drawn since the last input or change
    double lastDrawTime = 0;  // glfwGetTime() of the last drawn frame
};
Host& host();

// Creates the ImGui context, the app (embedded resources, the services `makeServices` returns
// once the context exists, the model `options` give, else the built-in study) and the renderer
// for the current GL context of `window`; installs the keyboard, text and focus callbacks.
void startHost(GLFWwindow* window, ui::PlatformServices (*makeServices)(), const RunnerOptions& options);
// Tells of a model given at start-up that did not open, then the app's own options.
void applyStartOptions(const RunnerOptions& options);
// One pass of the main loop after the runner has set io.DisplaySize and host().pixelRatio:
// draws a frame if anything can have changed (`sizeChanged`, input, app work, settling) and
// returns whether it drew. The app's own work alone draws at most 20 frames a second.
bool runFrame(bool sizeChanged);
// After a pass that drew nothing, how long the runner may wait for input before the next:
// less when the app's own work is under way (its next frame is due then).
double secondsToNextPass();
// Asks for the session to be saved after this frame (App::saveSession): each runner decides when.
void scheduleSave();
void stopHost();

}  // namespace platform
