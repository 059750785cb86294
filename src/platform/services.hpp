// The platform's side of ui::PlatformServices: where sessions are kept, how files are offered
// and picked. Browser: localStorage, Blob downloads, an <input type=file> and drag and drop on
// the page. Desktop: a file in the user's data folder, files written to ~/Downloads (or the
// current folder), --import and drops on the window (main.cpp).
#pragma once

#include "ui/app.hpp"

#include <optional>
#include <string>

namespace platform {

ui::PlatformServices makeServices();

// Browser: the localStorage key of a model's session. Desktop: the session file's path.
std::string sessionLocation(const std::string& modelId, const std::string& hash);

// Reads a whole file (desktop); nullopt when it cannot be read.
std::optional<std::string> readFile(const std::string& path);

// Browser: installs the page's file input and drop handlers (files go to App::importFiles
// through web_bridge). Desktop: nothing.
void installFileInput();

}  // namespace platform
