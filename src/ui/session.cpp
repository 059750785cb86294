#include "ui/session.hpp"

#include "model/errors.hpp"
#include "model/limits.hpp"

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

model::Response responseFromState(const AppState& state, const std::string& savedAt, const std::string& appVersion,
                                  bool withSession) {
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
        place.changed = state.changeTimes;
        response.session = place;
    }
    return response;
}

std::optional<model::Response> responseForDownload(const AppState& state, const std::string& savedAt,
                                                   const std::string& appVersion) {
    model::Response response = responseFromState(state, savedAt, appVersion, false);
    response.expert.name = model::trimmedName(response.expert.name);
    response.expert.role = model::trimmedName(response.expert.role);
    if (response.expert.name.empty() || !model::isStorableName(response.expert.name) ||
        !model::isStorableName(response.expert.role))
        return std::nullopt;
    return response;
}

std::string sessionText(const AppState& state, const std::string& savedAt, const std::string& appVersion) {
    return model::writeResponse(state.model, responseFromState(state, savedAt, appVersion, true));
}

std::string judgmentKey(const model::Model& model, const std::string& set, int i, int j) {
    const auto parent = model.hierarchy.find(set);
    if (!parent) return set + "/" + std::to_string(i) + "/" + std::to_string(j);
    const auto& children = model.hierarchy.node(*parent).children;
    return set + "/" + model.hierarchy.node(children.at(i)).id + "/" + model.hierarchy.node(children.at(j)).id;
}

bool mergeSession(AppState& state, const model::Response& other) {
    if (!other.session) return false;
    const auto& theirs = other.session->changed;
    const auto later = [&](const std::string& key) -> std::optional<std::int64_t> {
        const auto there = theirs.find(key);
        if (there == theirs.end()) return std::nullopt;
        const auto here = state.changeTimes.find(key);
        if (here != state.changeTimes.end() && here->second >= there->second) return std::nullopt;
        return there->second;
    };
    bool changed = false;
    for (auto& [set, matrix] : state.judgments) {
        const auto source = other.judgments.find(set);
        for (int i = 0; i < matrix.size(); ++i)
            for (int j = i + 1; j < matrix.size(); ++j) {
                const std::string key = judgmentKey(state.model, set, i, j);
                const std::optional<std::int64_t> time = later(key);
                if (!time) continue;
                const std::optional<double> value =
                    source != other.judgments.end() ? source->second.get(i, j) : std::nullopt;
                if (value)
                    matrix.set(i, j, *value);
                else
                    matrix.clear(i, j);
                state.changeTimes[key] = *time;
                changed = true;
            }
    }
    if (const std::optional<std::int64_t> time = later("expert")) {
        state.expertName = other.expert.name;
        state.expertRole = other.expert.role;
        state.changeTimes["expert"] = *time;
        changed = true;
    }
    return changed;
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
    state.changeTimes.clear();
    if (!response.session) return;
    const model::SessionPlace& place = *response.session;
    state.changeTimes = place.changed;
    if (place.uiLanguage == "fa" || place.uiLanguage == "en") state.language = place.uiLanguage;
    state.persianDigits = place.persianDigits;
    state.screen = screenFromName(place.screen).value_or(Screen::Welcome);  // the parser allows expert screens only
    const std::vector<int> sets = state.model.hierarchy.comparisonSets();
    state.currentSet = 0;
    for (std::size_t k = 0; k < sets.size(); ++k)
        if (state.model.hierarchy.node(sets[k]).id == place.set) state.currentSet = int(k);
}

std::string sessionSlotFor(const std::string& modelHash, const std::string& unique) { return modelHash + "." + unique; }

std::optional<AppState::SavedExpert> savedExpertFrom(const model::Model& model, const std::string& slot,
                                                     const std::string& text) {
    model::Response response;
    try {
        model::ResponseReadOptions options;
        options.allowEmptyName = true;
        response = model::parseResponse(model, text, "saved session", options);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    AppState::SavedExpert saved{slot, response.expert.name, response.expert.role, response.savedAt, 0};
    for (const auto& [set, matrix] : response.judgments)
        for (const auto& value : matrix.upperTriangle()) saved.answered += value.has_value();
    if (saved.answered == 0 && model::trimmedName(saved.name).empty()) return std::nullopt;
    return saved;
}

void clearAnswers(AppState& state) {
    for (auto& [set, matrix] : state.judgments) matrix = ahp::PairwiseMatrix(matrix.size());
    state.changeTimes.clear();
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
        if (keep)
            expert += char(c);
        else if (!expert.empty() && expert.back() != '-')
            expert += '-';
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

std::string mailtoLink(const std::string& address, const std::string& subject, const std::string& body) {
    if (address.empty() || !model::isPlausibleEmail(address)) return "";
    // RFC 6068: everything but unreserved characters percent-encoded (line ends as %0D%0A).
    const auto encode = [](const std::string& text) {
        static const char* hex = "0123456789ABCDEF";
        std::string out;
        for (unsigned char c : text) {
            if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
                out += char(c);
            else if (c == '\n')
                out += "%0D%0A";
            else if (c != '\r')
                out += {'%', hex[c >> 4], hex[c & 15]};
        }
        return out;
    };
    return "mailto:" + address + "?subject=" + encode(subject) + "&body=" + encode(body);
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

std::vector<AppState::FileProblem> tooLargeFiles(const std::vector<std::pair<std::string, std::uint64_t>>& nameAndSize,
                                                 std::uint64_t limit, const std::string& kind) {
    std::vector<AppState::FileProblem> problems;
    for (const auto& [name, size] : nameAndSize) {
        try {
            model::checkFileSize(size, limit, kind, name);
            // Not over the limit, yet not read: never silent.
            problems.push_back({name, name + ": the file could not be read", "unreadable", {}});
        } catch (const model::ModelError& error) {
            problems.push_back({name, error.what(), error.code, error.args});
        }
    }
    return problems;
}

}  // namespace ui
