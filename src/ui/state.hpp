// Everything the screens draw from, and everything they can ask for. Screens read AppState and
// push Intents; the reducer (reducer.hpp) applies them and recomputes what derives from the
// answers, and returns what needs the platform as effects (effects.hpp) for the App to carry out.
#pragma once

#include <ahp/ahp.hpp>
#include "model/model.hpp"
#include "model/response.hpp"
#include "ui/editor.hpp"
#include "ui/research.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ui {

enum class Screen { Welcome, Compare, Results, Research, Editor };

// What the questionnaire shows about one comparison set, derived from the answers.
struct SetView {
    std::string parentId;
    int parent = 0;          // node index
    std::vector<int> items;  // child node indices
    int answered = 0, total = 0;
    bool solvable = false;    // enough judgments to compute weights
    Eigen::VectorXd weights;  // when solvable
    ahp::ConsistencyReport consistency;
    // The engine's one suggestion rule (ahp::suggestChange) against the graduated threshold.
    std::optional<ahp::Suggestion> suggestion;
    bool aboveThreshold = false;  // solvable, n >= 3 and CR above graduatedCrThreshold(n)
    // Adaptive questioning (model setting "questioning": "adaptive"): the pair to ask next
    // (0-based, none when complete) and whether the set is settled (ahp::nextQuestion).
    bool adaptive = false;
    std::optional<std::pair<int, int>> next;
    bool settled = false;
};

struct AppState {
    Screen screen = Screen::Welcome;
    std::string language = "fa";
    bool persianDigits = true;
    std::string expertName, expertRole;
    // A download was asked for without a name (blanks alone are none): the name field says so
    // and is brought into view.
    bool askName = false;

    // When each judgment ("SET/ROW/COL") and the expert ("expert") last changed (ms since 1970):
    // what two tabs of one session merge by (session.hpp: mergeSession).
    std::map<std::string, std::int64_t> changeTimes;
    std::int64_t lastChangeMs = 0;  // the latest change time given (reducer.hpp: nextChangeTime)

    model::Model model;                  // the questionnaire: hierarchy, labels, settings
    std::string modelText, modelSource;  // ...as given (the editor opens it) and where it came from
    ahp::HierarchyJudgments judgments;   // parent id -> matrix over its children
    int currentSet = 0;                  // index into sets

    // Derived from the answers by recompute() (reducer.hpp).
    std::vector<SetView> sets;
    ahp::HierarchyResult result;
    int answered = 0, total = 0;
    std::string error;  // shown in a banner, e.g. a model that failed to load

    // Saving and loading answers (the reducer and the App fill these; screens only show them).
    enum class Confirm { None, StartOver, ReplaceAnswers };
    Confirm confirm = Confirm::None;               // a question in a modal popup
    std::string confirmFile;                       // ReplaceAnswers: the file whose answers would be loaded
    std::optional<model::Response> pendingImport;  // ...and its answers, until the expert confirms
    struct FileProblem {
        std::string file, message, code;
        std::vector<std::string> args;
    };
    std::vector<FileProblem> importProblems;  // bad files, until dismissed
    struct Status {
        std::string key, argument;
    };  // one line: strings key + its {0}
    Status status;
    std::string linkError;            // the shared link's model could not be read
    bool canPickFiles = false;        // the platform has a file picker
    bool canDownload = false;         // the platform offers files (downloads, or files written natively)
    bool canShareLink = false;        // the platform makes share links (the page)
    bool canSaveSession = false;      // the platform keeps answers between visits
    std::string autosaveProblem;      // the last autosave failed (why); "" when it works
    bool canPickFolder = false;       // ...and a folder picker
    bool canSend = false;             // the platform can share or mail the answers
    bool hasWorkbench = false;        // the Research and Editor screens are here or a page away (workbench.hpp)
    bool canMakeSurveyPage = false;   // the platform can offer a survey page (the browser)
    bool modelChosen = false;         // the model was chosen on this page, not the page's own
    bool canRestorePrevious = false;  // Start over kept a copy of the answers before it
    // One saved session per expert (a shared computer: the next person starts fresh): the slot
    // this tab's answers are saved in, and the other experts' sessions saved on this device
    // for this model, newest first (the welcome screen offers to continue one).
    std::string sessionSlot;
    struct SavedExpert {
        std::string slot, name, role, savedAt;  // savedAt: ISO-8601 UTC
        int answered = 0;
    };
    std::vector<SavedExpert> savedExperts;
    bool pointerHovers = true;  // the last pointer was a mouse or a pen (a finger cannot hover)

    ResearchState research;  // the researcher's desk (research.hpp)
    EditorState editor;      // the model editor (editor.hpp)
};

// --- Intents: what a screen asks the App to do --------------------------------------------------
namespace intent {
struct SetLanguage {
    std::string language;
};
struct TogglePersianDigits {};
struct SetExpert {
    std::string name, role;
};
struct GoTo {
    Screen screen;
};
struct GoToSet {
    int set;
};
struct SetJudgment {
    int set;
    int i, j;
    double value;
};  // value = a_ij, i < j
struct ClearJudgment {
    int set;
    int i, j;
};
struct RequestStartOver {};
struct Answer {
    bool yes;
};  // to the modal question in AppState::confirm
struct Download {
    bool csv;
};                      // the response file (JSON) or the judgments CSV
struct SendAnswers {};  // the response file to the researcher (share sheet or mail)
struct BackToPageSurvey {};
struct RestorePrevious {
};  // Start over's copy back             // forget the chosen model: the page's own survey again
struct ContinueExpert {
    std::string slot;
};                    // another saved session of this device (AppState::savedExperts)
struct NewExpert {};  // a fresh session; the current one stays saved and listed
struct PickFiles {
    bool folder = false;
};  // files, or a whole folder
struct DismissImportProblems {};
struct DismissLinkError {};
struct Research {
    ResearchAction action;
};  // the researcher's desk (research.hpp)
struct Editor {
    EditorAction action;
};  // the model editor (editor.hpp)
}  // namespace intent

using Intent = std::variant<intent::SetLanguage, intent::TogglePersianDigits, intent::SetExpert, intent::GoTo,
                            intent::GoToSet, intent::SetJudgment, intent::ClearJudgment, intent::RequestStartOver,
                            intent::Answer, intent::Download, intent::SendAnswers, intent::BackToPageSurvey,
                            intent::RestorePrevious, intent::ContinueExpert, intent::NewExpert, intent::PickFiles,
                            intent::DismissImportProblems, intent::DismissLinkError, intent::Research, intent::Editor>;
using Intents = std::vector<Intent>;

}  // namespace ui
