// What applying an intent asks of the world outside the state (ui/reducer.hpp): saving the
// session, offering a file, opening a page, asking for a share link... The reducer, the editor
// and the researcher's desk return these as data and perform none of them; the App carries
// them out with the platform's services (PlatformServices, ui/app.hpp) and hands each one's
// Outcome back to the reducer (reportOutcome), which is where the state learns what happened.
// An effect the platform cannot carry out (it has no such service) is dropped: nothing changes.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ui {

// The one error convention at the UI/platform seam: every call that can fail answers with an
// Outcome (an asynchronous one hands it to its callback); nothing throws across the seam.
// `value` is what a success gives back ("" when nothing: the browser's downloads), `error` the
// problem in words (the platform's or the parser's, English), shown as a status line's {0}.
struct Outcome {
    bool ok = true;
    std::string value;
    std::string error;
    static Outcome success(std::string value = {}) { return {true, std::move(value), {}}; }
    static Outcome failure(std::string problem) { return {false, {}, std::move(problem)}; }
};

// Who asked for a file to be offered: the status line the outcome goes to.
enum class Requester {
    Questionnaire,  // the expert's answers (JSON or CSV)
    Research,       // the group's tables
    Editor,         // the edited model
    EditorLinkFile  // the edited model instead of a share link (no page to build one)
};

// The answer to a share link being made, filled in by the platform's callback, which holds only
// a weak reference: a newer request or a changed document drops this one, and the late answer
// with it; the editor takes it in between frames (editorPoll).
struct ShareLinkReply {
    bool done = false;
    Outcome link;  // value: the link
    bool copied = false;
};

namespace effect {
struct SessionChanged {};  // what the saved session holds changed: autosave it (App::saveSession)
struct NewPage {};         // a new screen or set: it starts at its top, the mirror's focus goes there
struct Download {          // PlatformServices::download
    Requester requester;
    std::string filename, mime, bytes;
};
struct SendAnswers {  // PlatformServices::sendAnswers
    std::string filename, mime, bytes, mailto;
};
struct DownloadSurveyPage {  // PlatformServices::downloadSurveyPage
    std::string filename, pageData;
};
struct ShareLink {  // PlatformServices::shareLink; the answer arrives in `reply`
    std::string modelJson;
    std::weak_ptr<ShareLinkReply> reply;
};
struct UseModel {  // the questionnaire takes the editor's model (and the page remembers it)
    std::string json, sourceName;
};
struct PickFiles {
    bool folder = false;
};
struct ChooseModel {  // PlatformServices::chooseModel; "" forgets the chosen model
    std::string json;
};
struct OpenWorkbench {  // the workbench page, the answers saved first
    std::string screen, language;
};
struct StoreSession {  // a session document stored in `slot` (Start over's copy)
    std::string slot, text;
};
struct ClearSession {
    std::string slot;
};
struct RestorePrevious {};  // Start over's copy back (read from storage)
struct SwitchExpert {       // another saved session of this device; "" a new expert
    std::string slot;
};
}  // namespace effect

using Effect = std::variant<effect::SessionChanged, effect::NewPage, effect::Download, effect::SendAnswers,
                            effect::DownloadSurveyPage, effect::ShareLink, effect::UseModel, effect::PickFiles,
                            effect::ChooseModel, effect::OpenWorkbench, effect::StoreSession, effect::ClearSession,
                            effect::RestorePrevious, effect::SwitchExpert>;
using Effects = std::vector<Effect>;

}  // namespace ui
