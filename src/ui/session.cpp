#include "ui/session.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace ui {

namespace {
constexpr const char* kScreenNames[] = {"welcome", "compare", "results", "research", "editor"};
}

const char* screenName(Screen screen) { return kScreenNames[int(screen)]; }

std::optional<Screen> screenFromName(std::string_view name) {
    for (int k = 0; k < int(std::size(kScreenNames)); ++k)
        if (name == kScreenNames[k]) return Screen(k);
    return std::nullopt;
}

model::Response responseFromState(const AppState& state, const std::string& savedAt,
                                  const std::string& appVersion, bool withSession) {
    model::Response response = model::emptyResponse(state.model);
    response.expert = {state.expertName, state.expertRole};
    response.savedAt = savedAt;
    response.appVersion = appVersion;
    // The response's language must be one the model declares; the interface's own language
    // goes into the session.
    if (std::find(state.model.languages.begin(), state.model.languages.end(), state.language) !=
        state.model.languages.end())
        response.language = state.language;
    for (auto& [set, matrix] : response.judgments) {
        const auto it = state.judgments.find(set);
        if (it != state.judgments.end()) matrix = it->second;
    }
    if (withSession) {
        model::SessionPlace place;
        // The researcher's and the editor's screens are not part of an expert's session.
        const bool expertScreen = state.screen == Screen::Compare || state.screen == Screen::Results;
        place.screen = screenName(expertScreen ? state.screen : Screen::Welcome);
        if (!state.sets.empty())
            place.set = state.sets[std::clamp(state.currentSet, 0, int(state.sets.size()) - 1)].parentId;
        place.uiLanguage = state.language;
        place.persianDigits = state.persianDigits;
        response.session = place;
    }
    return response;
}

std::string sessionText(const AppState& state, const std::string& savedAt, const std::string& appVersion) {
    return model::writeResponse(state.model, responseFromState(state, savedAt, appVersion, true));
}

void applyResponse(AppState& state, const model::Response& response) {
    for (auto& [set, matrix] : state.judgments) {
        const auto it = response.judgments.find(set);
        matrix = it != response.judgments.end() ? it->second : ahp::PairwiseMatrix(matrix.size());
    }
    state.expertName = response.expert.name;
    state.expertRole = response.expert.role;
}

void restoreSession(AppState& state, const std::string& text, const std::string& sourceName) {
    model::ResponseReadOptions options;
    options.allowEmptyName = true;
    const model::Response response = model::parseResponse(state.model, text, sourceName, options);  // may throw
    applyResponse(state, response);
    if (!response.session) return;
    const model::SessionPlace& place = *response.session;
    if (place.uiLanguage == "fa" || place.uiLanguage == "en") state.language = place.uiLanguage;
    state.persianDigits = place.persianDigits;
    state.screen = screenFromName(place.screen).value_or(Screen::Welcome);  // the parser allows expert screens only
    const std::vector<int> sets = state.model.hierarchy.comparisonSets();
    state.currentSet = 0;
    for (std::size_t k = 0; k < sets.size(); ++k)
        if (state.model.hierarchy.node(sets[k]).id == place.set) state.currentSet = int(k);
}

void clearAnswers(AppState& state) {
    for (auto& [set, matrix] : state.judgments) matrix = ahp::PairwiseMatrix(matrix.size());
    state.expertName.clear();
    state.expertRole.clear();
    state.screen = Screen::Welcome;
    state.currentSet = 0;
}

std::string exportFileName(const std::string& modelId, const std::string& expertName, const std::string& savedAt,
                           const std::string& extension) {
    // Keep ASCII letters and digits, and every non-ASCII UTF-8 sequence (Persian names stay
    // readable); spaces and punctuation become single '-'.
    std::string expert;
    for (unsigned char c : expertName) {
        const bool keep = c >= 0x80 || std::isalnum(c);
        if (keep) expert += char(c);
        else if (!expert.empty() && expert.back() != '-') expert += '-';
    }
    while (!expert.empty() && expert.back() == '-') expert.pop_back();
    if (expert.size() > 60) {  // cut at a character boundary
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(expert[cut]) & 0xC0) == 0x80) --cut;
        expert.resize(cut);
    }
    if (expert.empty()) expert = "expert";
    const std::string date = savedAt.size() >= 10 ? savedAt.substr(0, 10) : savedAt;
    return "ahp-" + modelId + "-" + expert + "-" + date + "." + extension;
}

ImportCheck checkImports(const model::Model& model,
                         const std::vector<std::pair<std::string, std::string>>& nameAndBytes) {
    ImportCheck check;
    for (const auto& [name, bytes] : nameAndBytes) {
        try {
            check.good.push_back({name, model::parseResponse(model, bytes, name)});
        } catch (const model::ModelError& error) {
            check.problems.push_back({name, error.what(), error.code, error.args});
        } catch (const std::exception& error) {
            check.problems.push_back({name, error.what(), "invalid", {name}});
        }
    }
    return check;
}

}  // namespace ui
