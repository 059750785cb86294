// The reducer (src/ui/reducer.hpp) without a window: what each intent changes, and the effects
// it returns instead of calling the platform. "The session changed" comes only from intents that
// change what the saved session holds.
#include "ui/reducer.hpp"
#include "../model/test_support.hpp"
#include "string_tables.hpp"

#include <catch2/catch.hpp>

#include "ui/session.hpp"

#include <algorithm>

using namespace ui;

namespace {

AppState freshState() {
    static const std::string kModelText = test::readSourceFile("assets/models/egov-qom.json");
    AppState state;
    state.model = model::parseModel(kModelText, "egov-qom.json");
    state.modelText = kModelText;
    state.modelSource = "egov-qom.json";
    for (int parent : state.model.hierarchy.comparisonSets()) {
        const ahp::Node& node = state.model.hierarchy.node(parent);
        state.judgments.emplace(node.id, ahp::PairwiseMatrix(int(node.children.size())));
    }
    state.canDownload = state.canSend = state.canSaveSession = true;
    state.sessionSlot = state.model.hash + ".tab1";
    recompute(state);
    return state;
}

struct Reducer {
    AppState state = freshState();
    Strings strings;
    std::int64_t clock = 1000;  // a coarse clock: it does not move between intents
    Reducer() {
        strings.addLanguage("en", test::builtStringTable("en"));
        strings.addLanguage("fa", test::builtStringTable("fa"));
    }
    Effects operator()(const Intent& intent) {
        ReduceContext context;
        context.clockMs = clock;
        context.now = "2026-11-27T12:00:00Z";
        context.strings = &strings;
        return reduce(state, intent, context);
    }
};

template <typename T>
int count(const Effects& effects) {
    return int(
        std::count_if(effects.begin(), effects.end(), [](const Effect& e) { return std::holds_alternative<T>(e); }));
}
template <typename T>
T only(const Effects& effects) {
    REQUIRE(count<T>(effects) == 1);
    for (const Effect& e : effects)
        if (const T* found = std::get_if<T>(&e)) return *found;
    return T{};
}
bool sessionChanged(const Effects& effects) { return count<effect::SessionChanged>(effects) > 0; }

}  // namespace

TEST_CASE("reducer, compare screen: each judgment changes the session; the set's view follows") {
    Reducer reduce;
    const std::string set = reduce.state.sets[0].parentId;
    std::int64_t last = 0;
    for (int k = 0; k < 3; ++k) {  // several clicks in a row, one clock reading
        const Effects effects = reduce(intent::SetJudgment{0, 0, 1, double(k + 2)});
        CHECK(sessionChanged(effects));
        CHECK(count<effect::Download>(effects) == 0);
        CHECK(reduce.state.judgments.at(set).get(0, 1) == Approx(k + 2));
        const std::int64_t time = reduce.state.changeTimes.at(judgmentKey(reduce.state.model, set, 0, 1));
        CHECK(time > last);  // strictly later though the clock stood still
        last = time;
    }
    CHECK(reduce.state.answered == 1);
    CHECK(reduce.state.sets[0].answered == 1);
    CHECK(sessionChanged(reduce(intent::ClearJudgment{0, 0, 1})));
    CHECK(reduce.state.answered == 0);
    CHECK_FALSE(reduce.state.judgments.at(set).get(0, 1));

    const Effects moved = reduce(intent::GoToSet{3});
    CHECK(sessionChanged(moved));
    CHECK(count<effect::NewPage>(moved) == 1);
    CHECK(reduce.state.currentSet == 3);
    CHECK(reduce.state.screen == Screen::Compare);
}

TEST_CASE("reducer, research screen: the sensitivity slider and the desk never change the session") {
    Reducer reduce;
    reduce.state.screen = Screen::Research;
    for (double w = 0; w <= 1.0; w += 0.05) {  // a drag: a frame per step
        const Effects effects = reduce(intent::Research{research_action::SensitivityWeight{w}});
        CHECK(effects.empty());
    }
    CHECK(reduce(intent::Research{research_action::Section{ResearchSection::Uncertainty}}).empty());
    CHECK(reduce(intent::Research{research_action::MonteCarloDraft{500, 0.2}}).empty());
    CHECK(reduce.state.research.section == ResearchSection::Uncertainty);
    // No group loaded: nothing to download, and the status says so.
    CHECK(reduce(intent::Research{research_action::Download{0}}).empty());
    CHECK(reduce.state.research.status.key == "research.status.no_results");
}

TEST_CASE("reducer, welcome screen: the expert and the language change the session; a download asks for a name") {
    Reducer reduce;
    CHECK(sessionChanged(reduce(intent::SetLanguage{"en"})));
    CHECK(reduce.state.language == "en");
    CHECK(sessionChanged(reduce(intent::TogglePersianDigits{})));

    // No name: nothing is offered; the name field asks, on the welcome screen.
    reduce.state.screen = Screen::Results;
    Effects effects = reduce(intent::Download{false});
    CHECK(count<effect::Download>(effects) == 0);
    CHECK(count<effect::NewPage>(effects) == 1);
    CHECK_FALSE(sessionChanged(effects));
    CHECK(reduce.state.askName);
    CHECK(reduce.state.screen == Screen::Welcome);
    CHECK(reduce.state.status.key == "status.need_name");

    CHECK(sessionChanged(reduce(intent::SetExpert{"Zahra Ahmadi", "IT"})));
    CHECK_FALSE(reduce.state.askName);
    reduce(intent::SetJudgment{0, 0, 1, 3.0});
    effects = reduce(intent::Download{true});
    const effect::Download csv = only<effect::Download>(effects);
    CHECK_FALSE(sessionChanged(effects));
    CHECK(csv.requester == Requester::Questionnaire);
    CHECK(csv.filename == "ahp-egov-qom-Zahra-Ahmadi-2026-11-27.csv");
    CHECK(csv.mime == "text/csv");
    // The platform's answer reaches the status line, whatever it was.
    reportOutcome(reduce.state, csv, Outcome::success());
    CHECK(reduce.state.status.key == "status.downloaded");
    CHECK(reduce.state.status.argument == csv.filename);
    reportOutcome(reduce.state, csv, Outcome::success("/home/z/Downloads/" + csv.filename));
    CHECK(reduce.state.status.key == "status.saved_to");
    reportOutcome(reduce.state, csv, Outcome::failure("disk full"));
    CHECK(reduce.state.status.key == "status.save_failed");
    CHECK(reduce.state.status.argument == "disk full");

    // The JSON file reads back as this expert's answers.
    const effect::Download json = only<effect::Download>(reduce(intent::Download{false}));
    const model::Response back = model::parseResponse(reduce.state.model, json.bytes, json.filename);
    CHECK(back.expert.name == "Zahra Ahmadi");

    // Sending: the file and a mail to the model's contact, if it has one.
    const effect::SendAnswers sent = only<effect::SendAnswers>(reduce(intent::SendAnswers{}));
    CHECK(sent.filename == json.filename);
    reportOutcome(reduce.state, sent, Outcome::success());
    CHECK(reduce.state.status.key == (sent.mailto.empty() ? "status.downloaded" : "status.sent"));

    // Nothing the platform cannot do is asked for.
    reduce.state.canDownload = false;
    CHECK(count<effect::Download>(reduce(intent::Download{false})) == 0);
}

TEST_CASE("reducer: start over asks first, keeps a copy and clears the stored session") {
    Reducer reduce;
    reduce(intent::SetExpert{"Ali", ""});
    reduce(intent::SetJudgment{1, 0, 1, 5.0});
    CHECK(reduce(intent::RequestStartOver{}).empty());
    CHECK(reduce.state.confirm == AppState::Confirm::StartOver);
    CHECK(reduce(intent::Answer{false}).empty());  // no: nothing changed
    CHECK(reduce.state.answered == 1);

    reduce(intent::RequestStartOver{});
    const Effects effects = reduce(intent::Answer{true});
    CHECK(sessionChanged(effects));
    const effect::StoreSession copy = only<effect::StoreSession>(effects);
    CHECK(copy.slot == reduce.state.sessionSlot + kPreviousSuffix);
    CHECK(copy.text.find("Ali") != std::string::npos);
    CHECK(only<effect::ClearSession>(effects).slot == reduce.state.sessionSlot);
    // The copy is stored before the session is cleared.
    CHECK(std::holds_alternative<effect::StoreSession>(effects.front()));
    CHECK(reduce.state.answered == 0);
    CHECK(reduce.state.expertName.empty());
    CHECK(reduce.state.canRestorePrevious);
    CHECK(reduce.state.status.key == "status.cleared");

    const Effects restore = reduce(intent::RestorePrevious{});
    CHECK(count<effect::RestorePrevious>(restore) == 1);
    CHECK(sessionChanged(restore));
}

TEST_CASE("reducer: a confirmed import replaces the answers and changes the session; a refused one does not") {
    Reducer reduce;
    reduce(intent::SetJudgment{0, 0, 1, 2.0});
    AppState other = freshState();
    other.expertName = "Sara";
    other.judgments.at(other.sets[0].parentId).set(0, 1, 7.0);
    const model::Response response = *responseForDownload(other, "2026-11-27T11:00:00Z", "0.1.0");

    reduce.state.pendingImport = response;
    reduce.state.confirmFile = "sara.json";
    reduce.state.confirm = AppState::Confirm::ReplaceAnswers;
    CHECK(reduce(intent::Answer{false}).empty());
    CHECK_FALSE(reduce.state.pendingImport);
    CHECK(reduce.state.expertName.empty());

    reduce.state.pendingImport = response;
    reduce.state.confirmFile = "sara.json";
    reduce.state.confirm = AppState::Confirm::ReplaceAnswers;
    CHECK(sessionChanged(reduce(intent::Answer{true})));
    CHECK(reduce.state.expertName == "Sara");
    CHECK(reduce.state.judgments.at(reduce.state.sets[0].parentId).get(0, 1) == Approx(7.0));
    CHECK(reduce.state.status.key == "status.imported");
    CHECK(reduce.state.status.argument == "sara.json");
}

TEST_CASE("reducer: pickers, notices, other experts and pages are effects, not session changes") {
    Reducer reduce;
    CHECK(only<effect::PickFiles>(reduce(intent::PickFiles{true})).folder);
    CHECK_FALSE(sessionChanged(reduce(intent::PickFiles{false})));
    reduce.state.importProblems.push_back({"bad.json", "not JSON", "json", {}});
    CHECK(reduce(intent::DismissImportProblems{}).empty());
    CHECK(reduce.state.importProblems.empty());
    reduce.state.linkError = "bad link";
    CHECK(reduce(intent::DismissLinkError{}).empty());
    CHECK(reduce.state.linkError.empty());
    CHECK(only<effect::SwitchExpert>(reduce(intent::ContinueExpert{"abc.def"})).slot == "abc.def");
    CHECK(only<effect::SwitchExpert>(reduce(intent::NewExpert{})).slot.empty());
    CHECK(only<effect::ChooseModel>(reduce(intent::BackToPageSurvey{})).json.empty());
    // This program has the workbench (the tests link it): Research is a screen here.
    const Effects effects = reduce(intent::GoTo{Screen::Research});
    CHECK(reduce.state.screen == Screen::Research);
    CHECK(sessionChanged(effects));
    CHECK(count<effect::OpenWorkbench>(effects) == 0);
}

TEST_CASE("reducer, editor screen: editing never changes the session; its download's outcome reaches the editor") {
    Reducer reduce;
    reduce.state.screen = Screen::Editor;
    editorOpen(reduce.state.editor, reduce.state.modelText, reduce.state.modelSource);
    const int goal = reduce.state.editor.selected;
    CHECK(reduce(intent::Editor{editor_action::AddChild{goal, {{"en", "New"}, {"fa", "تازه"}}}}).empty());
    CHECK(reduce.state.editor.dirty);
    CHECK(reduce(intent::Editor{editor_action::Select{goal}}).empty());

    const effect::Download file = only<effect::Download>(reduce(intent::Editor{editor_action::Download{}}));
    CHECK(file.requester == Requester::Editor);
    reportOutcome(reduce.state, file, Outcome::failure("no space"));
    CHECK(reduce.state.editor.status.key == "editor.status.save_failed");
    CHECK(reduce.state.editor.dirty);
    reportOutcome(reduce.state, file, Outcome::success());
    CHECK(reduce.state.editor.status.key == "editor.status.downloaded");
    CHECK_FALSE(reduce.state.editor.dirty);

    // The edited model for the questionnaire: the expert has answers, so after a yes.
    reduce(intent::SetJudgment{0, 0, 1, 2.0});
    REQUIRE(reduce.state.editor.valid);
    CHECK(reduce(intent::Editor{editor_action::UseForQuestionnaire{}}).empty());
    CHECK(reduce.state.editor.confirm == EditorState::Confirm::UseModel);
    const effect::UseModel use = only<effect::UseModel>(reduce(intent::Editor{editor_action::Answer{true}}));
    CHECK(model::parseModel(use.json, "edited").hash == reduce.state.editor.hash);
    reportOutcome(reduce.state, use, Outcome::failure("the model has no sets"));
    CHECK(reduce.state.editor.status.key == "editor.status.use_failed");
    CHECK(reduce.state.editor.status.argument == "the model has no sets");
}
