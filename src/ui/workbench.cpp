// The workbench linked in (workbench.hpp): each call goes to the editor's or the research
// screen's own functions.
#include "ui/workbench.hpp"

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace ui::workbench {

bool linked() { return true; }

void reset(AppState& state) { researchReset(state.research); }

void step(AppState& state, const std::string& modelText, const std::string& modelSource) {
    researchStep(state.research, state.model);                   // queued response files, a bit per frame
    if (state.screen == Screen::Editor && !state.editor.loaded)  // opens on the questionnaire's model
        editorOpen(state.editor, modelText, modelSource);
    editorPoll(state.editor);
}

bool wantsFrames(const AppState& state) {
    // Files loading, group results being recomputed; the editor's share link arrives from the
    // page between frames (PlatformServices::shareLink).
    const ResearchState& r = state.research;
    return !r.queue.empty() || (r.dirty && r.coming == 0) || r.build || state.editor.shareLinkPending;
}

void draw(Screen screen, const ScreenContext& ctx, Intents& out) {
    if (screen == Screen::Research) drawResearch(ctx, out);
    if (screen == Screen::Editor) drawEditor(ctx, out);
}

Effects applyResearch(AppState& state, const ResearchAction& action) {
    return researchApply(state.research, state.model, action, state.language);
}

Effects applyEditor(AppState& state, const EditorAction& action) {
    EditorContext context;
    context.answered = state.answered;
    context.questionnaireHash = state.model.hash;
    context.questionnaireText = state.modelText;
    context.questionnaireSource = state.modelSource;
    context.canShareLink = state.canShareLink;
    return editorApply(state.editor, action, context);
}

void addResponseFiles(AppState& state, std::vector<ImportedFile> files,
                      const std::vector<AppState::FileProblem>& refused, int coming) {
    for (const auto& problem : refused)
        researchRefuseFile(state.research, {problem.file, problem.message, problem.code, problem.args});
    researchAddFiles(state.research, std::move(files), coming);  // moved: not copied
}

void describe(const AppState& state, nlohmann::json& out) {
    out["research"] = researchJson(state.research, state.model);
    out["editor"] = editorJson(state.editor);
}

}  // namespace ui::workbench
