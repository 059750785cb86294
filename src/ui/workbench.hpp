// The researcher's workbench: the model editor and the group analysis (editor.hpp, research.hpp,
// screen_editor.cpp, screen_research*.cpp). The App reaches them only through these calls, so a
// program can be linked without them: the survey page an expert opens (a phone, often a slow
// network) carries only the questionnaire, and the workbench page is a second build of the same
// code (docs/hosting.md). Each program links one of:
//   workbench.cpp         the workbench (the desktop app, the workbench page, the tests);
//   workbench_absent.cpp  none: Research and Editor open the workbench page, where there is one.
// The reducer (ui_core, no ImGui) calls the logic below; draw() alone draws.
#pragma once

#include "ui/effects.hpp"
#include "ui/state.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace ui {
struct ScreenContext;  // widgets.hpp
}

namespace ui::workbench {

// False where this program has no workbench.
bool linked();

// A new questionnaire model: the group loaded for the old one is dropped.
void reset(AppState& state);
// Work between frames: response files queued a few per frame, the editor opening on the
// questionnaire's model, a share link arriving from the page.
void step(AppState& state, const std::string& modelText, const std::string& modelSource);
// True while step() has work without input.
bool wantsFrames(const AppState& state);
// Draws the Research or Editor screen.
void draw(Screen screen, const ScreenContext& ctx, Intents& out);
// The reducer's share of the Research and Editor intents (reducer.hpp).
Effects applyResearch(AppState& state, const ResearchAction& action);
Effects applyEditor(AppState& state, const EditorAction& action);
// Response files given on the Research screen: the group. `refused`: files of the same pick or
// drop that were not read (too large), listed with the files skipped. `coming`: files of the
// same choice still to be handed over.
void addResponseFiles(AppState& state, std::vector<ImportedFile> files,
                      const std::vector<AppState::FileProblem>& refused = {}, int coming = 0);
// The state's "research" and "editor" members (App::stateJson), or nothing.
void describe(const AppState& state, nlohmann::json& out);

}  // namespace ui::workbench
