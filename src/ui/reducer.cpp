#include "ui/reducer.hpp"

#include "ui/session.hpp"
#include "ui/workbench.hpp"

#include "model/response.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#ifndef AHP_APP_VERSION
#define AHP_APP_VERSION "0.0.0"
#endif

namespace ui {

namespace {

// The response file to write now, or nullopt after asking for a name at the field (every file
// the app writes must read back, and a response file needs a name).
std::optional<model::Response> responseToWrite(AppState& state, const std::string& time, Effects& effects) {
    std::optional<model::Response> response = responseForDownload(state, time, AHP_APP_VERSION);
    if (!response) {
        state.status = {"status.need_name", ""};
        state.askName = true;
        state.screen = Screen::Welcome;
        effects.push_back(effect::NewPage{});
    }
    return response;
}

void download(AppState& state, bool csv, const ReduceContext& context, Effects& effects) {
    if (!state.canDownload) return;
    const std::optional<model::Response> response = responseToWrite(state, context.now, effects);
    if (!response) return;
    const std::string name = exportFileName(state.model.id, response->expert.name, context.now, csv ? "csv" : "json");
    if (csv)
        effects.push_back(effect::Download{Requester::Questionnaire, name, "text/csv",
                                           model::judgmentsCsv(state.model, *response, state.language)});
    else
        effects.push_back(effect::Download{Requester::Questionnaire, name, "application/json",
                                           model::writeResponse(state.model, *response)});
}

// The response file goes to the researcher: through the share sheet (phones) or as a download
// with a mail to the model's contact, subject and body filled in (the file is to be attached).
void send(AppState& state, const ReduceContext& context, Effects& effects) {
    if (!state.canSend) return;
    const std::optional<model::Response> response = responseToWrite(state, context.now, effects);
    if (!response) return;
    const std::string name = exportFileName(state.model.id, response->expert.name, context.now, "json");
    std::string title;
    for (const std::string& language : {state.language, state.model.languages.front()})
        if (title.empty() && state.model.title.count(language)) title = state.model.title.at(language);
    const Strings none;
    const Strings& strings = context.strings ? *context.strings : none;
    const std::string mailto = mailtoLink(
        state.model.contact, format(strings.get(state.language, "send.subject"), title, response->expert.name),
        format(strings.get(state.language, "send.body"), title, name));
    effects.push_back(
        effect::SendAnswers{name, "application/json", model::writeResponse(state.model, *response), mailto});
}

void setJudgment(AppState& state, int set, int i, int j, const double* value, const ReduceContext& context) {
    const std::string& parent = state.sets.at(set).parentId;
    if (value)
        state.judgments.at(parent).set(i, j, *value);
    else
        state.judgments.at(parent).clear(i, j);
    state.changeTimes[judgmentKey(state.model, parent, i, j)] = nextChangeTime(state, context.clockMs);
    recompute(state, set);
}

}  // namespace

std::int64_t nextChangeTime(AppState& state, std::int64_t clockMs) {
    state.lastChangeMs = std::max(clockMs, state.lastChangeMs + 1);
    return state.lastChangeMs;
}

SetView setView(const AppState& state, int parent) {
    const ahp::Hierarchy& h = state.model.hierarchy;
    const ahp::Settings& settings = state.model.settings;
    SetView view;
    view.parent = parent;
    view.parentId = h.node(parent).id;
    view.items = h.node(parent).children;
    const ahp::PairwiseMatrix& m = state.judgments.at(view.parentId);
    view.answered = m.knownCount();
    view.total = m.judgmentCount();
    if (m.isConnected()) {
        view.solvable = true;
        view.weights = ahp::priorities(m, settings.method);
        view.consistency = ahp::consistency(m, view.weights, settings.method, settings.riTable);
        const double threshold = ahp::graduatedCrThreshold(m.size());
        view.aboveThreshold = m.size() >= 3 && view.consistency.cr > threshold;
        if (view.aboveThreshold) view.suggestion = ahp::suggestChange(m, settings.method, settings.riTable, threshold);
    }
    if (state.model.adaptiveQuestioning) {
        const ahp::QuestionAdvice question = ahp::nextQuestion(m, settings.method);
        view.adaptive = true;
        view.next = question.next;
        view.settled = question.settled;
    }
    return view;
}

void recompute(AppState& state, int changedSet) {
    const std::vector<int> parents = state.model.hierarchy.comparisonSets();
    if (changedSet >= 0 && changedSet < int(state.sets.size()) && state.sets.size() == parents.size()) {
        state.sets[changedSet] = setView(state, parents[changedSet]);
    } else {
        state.sets.clear();
        for (int parent : parents) state.sets.push_back(setView(state, parent));
    }
    state.answered = state.total = 0;
    for (const SetView& view : state.sets) {
        state.answered += view.answered;
        state.total += view.total;
    }
    state.result = ahp::synthesize(state.model.hierarchy, state.judgments, state.model.settings);
}

Effects acceptImport(AppState& state) {
    if (!state.pendingImport) return {};
    applyResponse(state, *state.pendingImport);
    state.pendingImport.reset();
    recompute(state);
    state.status = {"status.imported", state.confirmFile};
    state.confirmFile.clear();
    return {effect::SessionChanged{}};
}

Effects reduce(AppState& state, const Intent& intent, const ReduceContext& context) {
    Effects effects;
    std::visit(
        [&](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, intent::SetLanguage>) {
                state.language = i.language;
                effects.push_back(effect::SessionChanged{});
            } else if constexpr (std::is_same_v<T, intent::TogglePersianDigits>) {
                state.persianDigits = !state.persianDigits;
                effects.push_back(effect::SessionChanged{});
            } else if constexpr (std::is_same_v<T, intent::SetExpert>) {
                state.expertName = i.name;
                state.expertRole = i.role;
                state.changeTimes["expert"] = nextChangeTime(state, context.clockMs);
                if (!model::trimmedName(i.name).empty()) state.askName = false;
                effects.push_back(effect::SessionChanged{});
            } else if constexpr (std::is_same_v<T, intent::GoTo>) {
                if ((i.screen == Screen::Research || i.screen == Screen::Editor) && !workbench::linked()) {
                    // The survey page has no workbench: the workbench page opens instead, on
                    // the answers saved first.
                    effects.push_back(effect::OpenWorkbench{screenName(i.screen), state.language});
                    return;
                }
                state.screen = i.screen;
                effects.push_back(effect::SessionChanged{});
                effects.push_back(effect::NewPage{});
            } else if constexpr (std::is_same_v<T, intent::GoToSet>) {
                state.currentSet = std::clamp(i.set, 0, int(state.sets.size()) - 1);
                state.screen = Screen::Compare;
                effects.push_back(effect::SessionChanged{});
                effects.push_back(effect::NewPage{});
            } else if constexpr (std::is_same_v<T, intent::SetJudgment>) {
                setJudgment(state, i.set, i.i, i.j, &i.value, context);
                effects.push_back(effect::SessionChanged{});
            } else if constexpr (std::is_same_v<T, intent::ClearJudgment>) {
                setJudgment(state, i.set, i.i, i.j, nullptr, context);
                effects.push_back(effect::SessionChanged{});
            } else if constexpr (std::is_same_v<T, intent::RequestStartOver>) {
                state.confirm = AppState::Confirm::StartOver;
            } else if constexpr (std::is_same_v<T, intent::Answer>) {
                const AppState::Confirm question = state.confirm;
                state.confirm = AppState::Confirm::None;
                if (question == AppState::Confirm::StartOver && i.yes) {
                    // The answers given so far stay restorable (Restore on the welcome screen).
                    if (state.canSaveSession && state.answered + int(!state.expertName.empty()) > 0)
                        effects.push_back(effect::StoreSession{state.sessionSlot + kPreviousSuffix,
                                                               sessionText(state, context.now, AHP_APP_VERSION)});
                    state.canRestorePrevious = state.canSaveSession;
                    clearAnswers(state);
                    recompute(state);
                    effects.push_back(effect::ClearSession{state.sessionSlot});
                    state.status = {"status.cleared", ""};
                    effects.push_back(effect::SessionChanged{});
                    effects.push_back(effect::NewPage{});
                } else if (question == AppState::Confirm::ReplaceAnswers) {
                    if (i.yes) effects = acceptImport(state);
                    state.pendingImport.reset();
                    state.confirmFile.clear();
                }
            } else if constexpr (std::is_same_v<T, intent::Download>) {
                download(state, i.csv, context, effects);
            } else if constexpr (std::is_same_v<T, intent::SendAnswers>) {
                send(state, context, effects);
            } else if constexpr (std::is_same_v<T, intent::RestorePrevious>) {
                effects.push_back(effect::RestorePrevious{});
                effects.push_back(effect::SessionChanged{});
            } else if constexpr (std::is_same_v<T, intent::ContinueExpert>) {
                effects.push_back(effect::SwitchExpert{i.slot});
            } else if constexpr (std::is_same_v<T, intent::NewExpert>) {
                effects.push_back(effect::SwitchExpert{""});
            } else if constexpr (std::is_same_v<T, intent::BackToPageSurvey>) {
                effects.push_back(effect::ChooseModel{""});
            } else if constexpr (std::is_same_v<T, intent::PickFiles>) {
                effects.push_back(effect::PickFiles{i.folder});
            } else if constexpr (std::is_same_v<T, intent::DismissImportProblems>) {
                state.importProblems.clear();
            } else if constexpr (std::is_same_v<T, intent::DismissLinkError>) {
                state.linkError.clear();
            } else if constexpr (std::is_same_v<T, intent::Research>) {
                effects = workbench::applyResearch(state, i.action);
            } else if constexpr (std::is_same_v<T, intent::Editor>) {
                effects = workbench::applyEditor(state, i.action);
            }
        },
        intent);
    return effects;
}

void reportOutcome(AppState& state, const Effect& effect, const Outcome& outcome) {
    if (const auto* download = std::get_if<effect::Download>(&effect)) {
        const std::string& name = download->filename;
        const std::string& where = outcome.value;
        switch (download->requester) {
        case Requester::Questionnaire:
            state.status = !outcome.ok     ? AppState::Status{"status.save_failed", outcome.error}
                           : where.empty() ? AppState::Status{"status.downloaded", name}
                                           : AppState::Status{"status.saved_to", where};
            break;
        case Requester::Research:
            state.research.status = !outcome.ok     ? ResearchState::Status{"research.status.failed", outcome.error}
                                    : where.empty() ? ResearchState::Status{"research.status.downloaded", name}
                                                    : ResearchState::Status{"research.status.saved_to", where};
            break;
        case Requester::Editor:
            state.editor.status = !outcome.ok     ? EditorState::Status{"editor.status.save_failed", outcome.error}
                                  : where.empty() ? EditorState::Status{"editor.status.downloaded", name}
                                                  : EditorState::Status{"editor.status.saved_to", where};
            if (outcome.ok) state.editor.dirty = false;
            break;
        case Requester::EditorLinkFile:
            if (outcome.ok) {
                state.editor.shareLinkFile = where.empty() ? name : where;
                state.editor.status = {"editor.status.link_file", state.editor.shareLinkFile};
            } else {
                state.editor.status = {"editor.status.save_failed", outcome.error};
            }
            break;
        }
    } else if (const auto* sent = std::get_if<effect::SendAnswers>(&effect)) {
        state.status =
            !outcome.ok ? AppState::Status{"status.save_failed", outcome.error}
                        : AppState::Status{sent->mailto.empty() ? "status.downloaded" : "status.sent", sent->filename};
    } else if (const auto* page = std::get_if<effect::DownloadSurveyPage>(&effect)) {
        if (outcome.ok) state.editor.status = {"editor.status.page", page->filename};
    } else if (std::holds_alternative<effect::UseModel>(effect)) {
        state.editor.status = outcome.ok ? EditorState::Status{"editor.status.used", ""}
                                         : EditorState::Status{"editor.status.use_failed", outcome.error};
    }
}

}  // namespace ui
