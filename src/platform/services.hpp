// The platform's side of ui::PlatformServices: where sessions are kept, how files are offered
// and picked. One implementation per target: services_web.cpp (localStorage, Blob downloads, an
// <input type=file> and drag and drop on the page; JavaScript in js/services.js) and
// services_desktop.cpp (a file in the user's data folder, files written to ~/Downloads or the
// current folder, --import and drops on the window).
#pragma once

#include "ui/app.hpp"

#include <optional>
#include <string>

namespace platform {

// Made once the ImGui context exists (the web's services set its clipboard functions).
ui::PlatformServices makeServices();

// Browser: the localStorage key of a model's session. Desktop: the session file's path.
std::string sessionLocation(const std::string& modelId, const std::string& hash);

// Desktop: reads a whole file; nullopt when it cannot be read.
std::optional<std::string> readFile(const std::string& path);
// Desktop: writes through a temporary file and a rename, so a crash never leaves half a file;
// throws std::runtime_error when it cannot.
void writeFileAtomically(const std::string& path, const std::string& bytes);

// Browser: installs the page's file input and drop handlers (files go to App::importFiles
// through web_bridge).
void installFileInput();

}  // namespace platform
