// The web runner: Emscripten's GLFW on a WebGL2 canvas that the page sizes with CSS, a backing
// store of CSS size x devicePixelRatio, the pointer through Pointer Events (js/pointer.js), the
// wheel in notches, and the browser's animation frames as the main loop.
#include "platform/gl.hpp"
#include "platform/mirror.hpp"
#include "platform/runner.hpp"
#include "platform/services.hpp"
#include "platform/web_bridge.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" {
char* ahp_js_take_page_model();  // malloc'ed UTF-8, or null (src/platform/js/services.js)
void ahp_js_install_pointer();
void ahp_js_first_frame();
void ahp_js_page_ready();
int ahp_js_rest_arriving();  // asked only while a frame waits for it: the page then shows the wait
void ahp_js_save_when_idle();
}

namespace {

constexpr float kOffCanvas = -1e6f;  // where a pointer that hovers nothing is

// ImGui scrolls 5 lines of the current font per wheel notch (imgui.cpp, UpdateMouseWheel).
float pixelsPerNotch() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->Fonts.empty()) return 85.0f;
    return 5.0f * io.Fonts->Fonts[0]->FontSize * io.FontGlobalScale;
}

int glfwButton(int domButton) { return domButton == 1 ? 2 : domButton == 2 ? 1 : domButton; }

}  // namespace

// Pointer events from js/pointer.js, in CSS pixels relative to the canvas. The input queue
// keeps their order and lets a button change at most once a frame, so a tap's press and
// release land in two frames at the finger's own position, and the move away after it waits.
// `type` is 0 for a mouse, 1 for a pen, 2 for a finger (which hovers nothing: no tooltips).
extern "C" EMSCRIPTEN_KEEPALIVE void ahp_pointer_event(int what, double x, double y, int button, int type) {
    enum { Hover, Press, Drag, Release, Tap, Scroll, Leave };
    platform::host().app->setPointerHovers(type != 2);
    platform::InputQueue& input = platform::host().input;
    const float fx = float(x), fy = float(y);
    switch (what) {
    case Hover:
    case Drag: input.push({platform::InputEvent::Kind::MouseMove, fx, fy}); break;
    case Press:
        input.push({platform::InputEvent::Kind::MouseMove, fx, fy});
        input.push({platform::InputEvent::Kind::MouseButton, 0, 0, glfwButton(button), true});
        break;
    case Release:
        if (fx > kOffCanvas / 2)
            input.push({platform::InputEvent::Kind::MouseMove, fx, fy});
        else
            input.push({platform::InputEvent::Kind::MouseMove, kOffCanvas, kOffCanvas});
        input.push({platform::InputEvent::Kind::MouseButton, 0, 0, glfwButton(button), false});
        break;
    case Tap:
        input.push({platform::InputEvent::Kind::MouseMove, fx, fy});
        input.push({platform::InputEvent::Kind::MouseButton, 0, 0, 0, true});
        input.push({platform::InputEvent::Kind::MouseButton, 0, 0, 0, false});
        break;
    case Scroll: {  // a finger moving the content: the wheel turns the other way
        const float notch = pixelsPerNotch();
        input.push({platform::InputEvent::Kind::Wheel, fx / notch, fy / notch});
        break;
    }
    case Leave: input.push({platform::InputEvent::Kind::MouseMove, kOffCanvas, kOffCanvas}); break;
    default: break;
    }
}

namespace {

void installPointer(GLFWwindow* window) {
    ahp_js_install_pointer();
    // The wheel stays GLFW's: the browser's deltas are pixels (about 100 a notch) or, in line
    // mode, about 3 a notch, with the page's sign; ImGui wants notches.
    glfwSetScrollCallback(window, [](GLFWwindow*, double dx, double dy) {
        auto notches = [](double d) { return -(std::fabs(d) >= 10 ? d / 100.0 : d / 3.0); };
        platform::host().input.push({platform::InputEvent::Kind::Wheel, float(notches(dx)), float(notches(dy))});
    });
}

// The page sizes the canvas with CSS (full window); its backing store is CSS size x
// devicePixelRatio so text is crisp on HiDPI screens. The UI works in CSS pixels.
// web/index.html gives the canvas this size before it makes the WebGL context, so that the
// drawing buffer is not made twice.
struct DisplaySize {
    double cssWidth = 0, cssHeight = 0, ratio = 1;
    int fbWidth() const { return int(std::lround(cssWidth * ratio)); }
    int fbHeight() const { return int(std::lround(cssHeight * ratio)); }
};
DisplaySize displaySize() {
    DisplaySize d;
    emscripten_get_element_css_size("#canvas", &d.cssWidth, &d.cssHeight);
    d.ratio = emscripten_get_device_pixel_ratio();
    return d;
}

bool updateDisplay(platform::Host& h) {
    const DisplaySize d = displaySize();
    int curWidth = 0, curHeight = 0;
    emscripten_get_canvas_element_size("#canvas", &curWidth, &curHeight);
    if (curWidth != d.fbWidth() || curHeight != d.fbHeight())
        emscripten_set_canvas_element_size("#canvas", d.fbWidth(), d.fbHeight());
    ImGuiIO& io = ImGui::GetIO();
    const bool changed = io.DisplaySize.x != float(d.cssWidth) || io.DisplaySize.y != float(d.cssHeight) ||
                         h.pixelRatio != float(d.ratio);
    io.DisplaySize = ImVec2(float(d.cssWidth), float(d.cssHeight));
    h.pixelRatio = float(d.ratio);
    return changed;
}

// Until the page has brought the second part of the program (web/index.html), a frame that may
// need its code waits for it: one answering input (a press may run any screen's code), and the
// first frame of a page that reopens where a returning expert left (the questions, the
// results, the experts saved on this device; the page starts such a program only once the
// rest is in, programWanted, and this holds where it could not tell). The page brings that
// part sooner than a second download would, and offline only the page has it. The first part
// holds what a new expert's first frame runs, whatever model the page opens, and the arrival
// of input (web/first-frame-functions.txt).
bool frameWaitsForProgram() {
    const platform::Host& h = platform::host();
    const bool input = !h.input.empty() || platform::web_bridge::wakePending();
    const bool drawn = platform::web_bridge::framesDrawn() > 0;
    return (drawn ? input : !h.app->isFreshStart()) && ahp_js_rest_arriving();
}

// One frame at each of the browser's animation frames, computing or not (thousands of response
// files loading: ui::kResearchFrameBudgetMs of the work a frame). Run back to back as message
// tasks between animation frames, frames kept the page from painting for 150 ms at a time
// (Chromium paints between tasks when it likes: at the latest about 100 ms late, then after
// the task under way); tests/web/bench_research.mjs measures the longest gap.
void frame(void*) {
    if (frameWaitsForProgram()) return;
    if (!platform::runFrame(updateDisplay(platform::host()))) return;
    if (platform::web_bridge::framesDrawn() == 1) {
        // The first frame reaches the screen before the page's mirror of it is made (a task
        // later: its elements took a tenth of a phone's way to the first frame, issue 11).
        ahp_js_first_frame();
        emscripten_async_call(
            [](void*) {
                platform::updateMirror();
                ahp_js_page_ready();
            },
            nullptr, 0);
        return;
    }
    platform::updateMirror();
}

}  // namespace

// The browser saves when it is idle after the frame, and at once when the page is hidden or
// closed (js/services.js), so a click's frame never waits for localStorage.
void platform::scheduleSave() { ahp_js_save_when_idle(); }

int main(int argc, char** argv) {
    platform::RunnerOptions options = platform::parseOptions(argc, argv);
    if (char* text = ahp_js_take_page_model()) {  // a model from the page's address (#model=, ?model=)
        options.modelText = std::string(text);
        std::free(text);
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "ahp-app: could not initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws with neither depth nor stencil, onto an opaque canvas: the same attributes as
    // the context web/index.html makes while the files download, which GLFW gets back here.
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    const DisplaySize display = displaySize();  // the canvas as the page sized it: nothing to resize
    GLFWwindow* window = glfwCreateWindow(display.fbWidth(), display.fbHeight(), "AHP survey", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "ahp-app: could not create a WebGL2 context\n");
        return 1;
    }
    glfwMakeContextCurrent(window);

    platform::startHost(window, &platform::makeServices, options);
    installPointer(window);
    platform::installMirror();
    platform::installFileInput();
    platform::applyStartOptions(options);
    emscripten_set_main_loop_arg(frame, nullptr, 0, true);
    return 0;
}
