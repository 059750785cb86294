// The page's DOM mirror of the widgets (web only: mirror_web.cpp, js/mirror.js).
#pragma once

namespace platform {
// Creates the mirror's root in the page and routes the keyboard (after GLFW is initialised).
void installMirror();
// After a drawn frame: sends the page what changed in the widgets' semantics.
void updateMirror();
}  // namespace platform
