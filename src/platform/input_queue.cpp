#include "platform/input_queue.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace platform {

void InputQueue::applyToImGui() {
    ImGuiIO& io = ImGui::GetIO();
    bool buttonChanged[5] = {};
    bool keyChanged[GLFW_KEY_LAST + 1] = {};
    while (!events_.empty()) {
        const InputEvent& e = events_.front();
        switch (e.kind) {
        case InputEvent::Kind::MouseMove:
            // A move after a button change this frame waits, so the click lands where it was.
            for (bool changed : buttonChanged)
                if (changed) return;
            io.MousePos = ImVec2(e.x, e.y);
            break;
        case InputEvent::Kind::MouseButton:
            if (e.code < 0 || e.code >= 5) break;
            if (buttonChanged[e.code]) return;
            buttonChanged[e.code] = true;
            io.MouseDown[e.code] = e.down;
            break;
        case InputEvent::Kind::Wheel:
            io.MouseWheelH += e.x;
            io.MouseWheel += e.y;
            break;
        case InputEvent::Kind::Key:
            if (e.code < 0 || e.code > GLFW_KEY_LAST) break;
            if (keyChanged[e.code]) return;
            keyChanged[e.code] = true;
            io.KeysDown[e.code] = e.down;
            io.KeyCtrl = (e.mods & GLFW_MOD_CONTROL) != 0;
            io.KeyShift = (e.mods & GLFW_MOD_SHIFT) != 0;
            io.KeyAlt = (e.mods & GLFW_MOD_ALT) != 0;
            io.KeySuper = (e.mods & GLFW_MOD_SUPER) != 0;
            break;
        case InputEvent::Kind::Char: io.AddInputCharacter(static_cast<unsigned>(e.code)); break;
        case InputEvent::Kind::Focus:
            if (!e.down) {
                for (bool& k : io.KeysDown) k = false;
                io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
            }
            break;
        }
        events_.pop_front();
    }
}

}  // namespace platform
