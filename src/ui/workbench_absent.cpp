// No workbench (workbench.hpp): the survey page. The Research and Editor screens are never
// shown here; the App opens the workbench page instead (PlatformServices::openWorkbench).
#include "ui/workbench.hpp"

namespace ui::workbench {

bool linked() { return false; }
void reset(AppState&) {}
void step(AppState&, const std::string&, const std::string&) {}
bool wantsFrames(const AppState&) { return false; }
void draw(Screen, const ScreenContext&, Intents&) {}
Effects applyResearch(AppState&, const ResearchAction&) { return {}; }
Effects applyEditor(AppState&, const EditorAction&) { return {}; }
void addResponseFiles(AppState&, std::vector<ImportedFile>, const std::vector<AppState::FileProblem>&, int) {}
void describe(const AppState&, nlohmann::json&) {}

}  // namespace ui::workbench
