// The app's answers <-> documents: the autosaved session, the downloadable response file and
// CSV, and the check of imported response files. Pure functions over AppState (no ImGui, no
// storage): the App calls them, the platform stores and offers the bytes.
#pragma once

#include "model/response.hpp"
#include "ui/state.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ui {

// "welcome", "compare", "results", "research", "editor" (start-up options, the test state,
// saved sessions), and back.
const char* screenName(Screen screen);
std::optional<Screen> screenFromName(std::string_view name);

// The state's answers as a response (model id and hash, expert, judgments); with `withSession`
// also where the expert is (screen, set, interface language).
model::Response responseFromState(const AppState& state, const std::string& savedAt, const std::string& appVersion,
                                  bool withSession);

// The response a download writes (no session member), or nullopt when the expert's name,
// trimmed (model::trimmedName), is empty, or the name or role is one a file may not carry
// (model::isStorableName): then nothing may be written (the app asks at the field).
std::optional<model::Response> responseForDownload(const AppState& state, const std::string& savedAt,
                                                   const std::string& appVersion);

// The autosaved session document: the response file format with its "session" member.
std::string sessionText(const AppState& state, const std::string& savedAt, const std::string& appVersion);

// Restores answers, expert, interface language, screen and set from a session document of
// state.model. Throws model::ModelError (and leaves `state` untouched) when it does not parse,
// belongs to another model, or holds values off the scale. The caller recomputes.
void restoreSession(AppState& state, const std::string& text, const std::string& sourceName = "session");

// The session slot of a new expert: the model's hash, '.', and `unique` (letters and digits);
// the first version kept one session per model under the bare hash, which stays readable.
std::string sessionSlotFor(const std::string& modelHash, const std::string& unique);
// Start over's copy of the answers: the session's slot + this suffix.
inline constexpr const char* kPreviousSuffix = "-before-start-over";
// What the welcome screen lists of a saved session of `model` (name, role, judgments given,
// when saved), or nullopt when it is unreadable or holds nothing (no answer, no name).
std::optional<AppState::SavedExpert> savedExpertFrom(const model::Model& model, const std::string& slot,
                                                     const std::string& text);

// The key of a judgment in AppState::changeTimes: "SET/ROW/COL" (ids).
std::string judgmentKey(const model::Model& model, const std::string& set, int i, int j);

// Takes from `other` (the same session as saved by another tab) every judgment, and the
// expert, that changed there later than here; a judgment cleared later is cleared. Returns
// true when `state` changed (the caller recomputes). Nothing changed later here is lost.
bool mergeSession(AppState& state, const model::Response& other);

// Replaces the answers and the expert with a response's (a parsed file of state.model).
void applyResponse(AppState& state, const model::Response& response);

// Clears every answer and the expert; back to the welcome screen, first set.
void clearAnswers(AppState& state);

// "ahp-<model>-<expert>-<YYYY-MM-DD>.<extension>", with the expert's name reduced to letters,
// digits and '-' (any script; other characters become '-'); "expert" when nothing is left.
std::string exportFileName(const std::string& modelId, const std::string& expertName, const std::string& savedAt,
                           const std::string& extension);

// A mailto: link to `address` with subject and body (UTF-8, percent-encoded); "" when
// `address` is empty or not a plausible e-mail address (model::isPlausibleEmail).
std::string mailtoLink(const std::string& address, const std::string& subject, const std::string& body);

// Imported response files checked against `model`: each bad file with its message (naming the
// file and what is wrong), and the good ones parsed. Nothing here changes any state.
struct ImportCheck {
    struct Problem {
        std::string file, message, code;
        std::vector<std::string> args;
    };
    struct Good {
        std::string file;
        model::Response response;
    };
    std::vector<Problem> problems;
    std::vector<Good> good;
};
ImportCheck checkImports(const model::Model& model,
                         const std::vector<std::pair<std::string, std::string>>& nameAndBytes);

// Files not read because each is over `limit` bytes (model/limits.hpp): the problem each would
// get if read (code "too_large.<kind>", naming the file, its size and the limit).
std::vector<AppState::FileProblem> tooLargeFiles(const std::vector<std::pair<std::string, std::uint64_t>>& nameAndSize,
                                                 std::uint64_t limit, const std::string& kind);

}  // namespace ui
