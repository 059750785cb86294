// GLFW callbacks arrive between frames; Dear ImGui 1.86 reads input as per-frame *state*.
// A press and release that both land before the next frame would be lost (a fast click, a
// test driver's click), so events are queued and a button or key changes at most once a frame.
#pragma once

#include <deque>

namespace platform {

struct InputEvent {
    enum class Kind { MouseMove, MouseButton, Wheel, Key, Char, Focus } kind;
    float x = 0, y = 0;  // MouseMove: position in UI units; Wheel: offsets
    int code = 0;        // MouseButton: button; Key: GLFW key; Char: code point
    bool down = false;   // MouseButton/Key: pressed; Focus: focused
    int mods = 0;        // GLFW modifier bits at the time of the event
};

class InputQueue {
public:
    void push(const InputEvent& e) { events_.push_back(e); }
    bool empty() const { return events_.empty(); }
    // Feeds the queued events into ImGui's IO for one frame.
    void applyToImGui();

private:
    std::deque<InputEvent> events_;
};

}  // namespace platform
