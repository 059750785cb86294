// The page's window into the app: functions exported to JavaScript (for the page and for the
// end-to-end tests, which read the state and widget positions, then click like a person).
#pragma once

namespace ui {
class App;
}

namespace platform::web_bridge {
void attach(ui::App* app);
// Frame accounting, for the tests and the benchmark: `startSeconds` is when the frame began
// (glfwGetTime); `cpuMs` the app's own time for the frame (input, UI, draw calls); `uiMs` the part
// before the draw calls (input, intents, UI), which the GL implementation does not change
// (software WebGL in headless tests slows the rest).
void frameDrawn(double startSeconds, double cpuMs, double uiMs);
long framesDrawn();
void frameSkipped();
// Something outside the input queue changed the app (files from the page, a model from a
// link): the next frames must be drawn.
void wake();
bool wakePending();
bool consumeWake();
// No input waiting, nothing left to settle: what the tests wait for after acting.
void setIdle(bool idle);
}  // namespace platform::web_bridge
