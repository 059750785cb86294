#include "model/response.hpp"

#include "model/json_text.hpp"
#include "model/limits.hpp"
#include "model/names.hpp"
#include "model/text_format.hpp"

#include <cctype>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>

namespace model {

namespace {

using nlohmann::json;

constexpr int kResponseVersion = 1;
// The questionnaire's scale is Saaty's 1/9 .. 9. A hair of slack lets 0.1111111111 (1/9
// written with ten digits) through.
constexpr double kScaleMin = 1.0 / 9.0 * (1 - 1e-9);
constexpr double kScaleMax = 9.0 * (1 + 1e-9);

// "YYYY-MM-DDTHH:MM:SS" then optional ".fraction", then "Z".
bool isIsoUtc(const std::string& text) {
    const std::string shape = "dddd-dd-ddTdd:dd:dd";
    if (text.size() < shape.size() + 1) return false;
    for (std::size_t k = 0; k < shape.size(); ++k) {
        bool digit = std::isdigit(static_cast<unsigned char>(text[k])) != 0;
        if (shape[k] == 'd' ? !digit : text[k] != shape[k]) return false;
    }
    std::size_t k = shape.size();
    if (text[k] == '.') {
        ++k;
        std::size_t digits = 0;
        while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k, ++digits;
        if (digits == 0) return false;
    }
    return k + 1 == text.size() && text[k] == 'Z';
}

std::string childList(const ahp::Hierarchy& hierarchy, int setIndex) {
    std::string list;
    for (const auto& id : childIds(hierarchy, setIndex)) list += (list.empty() ? "" : ", ") + id;
    return list;
}

int childPosition(const ahp::Hierarchy& hierarchy, int setIndex, const std::string& id) {
    const auto& children = hierarchy.node(setIndex).children;
    for (std::size_t k = 0; k < children.size(); ++k)
        if (hierarchy.node(children[k]).id == id) return static_cast<int>(k);
    return -1;
}

class ResponseParser {
public:
    ResponseParser(const Model& model, const std::string& sourceName, const ResponseReadOptions& options)
        : model_(model), check_(sourceName), options_(options) {}

    Response parse(const std::string& text) {
        // "results" is only for human readers and other tools: recomputed, never read, not kept.
        json document = parseJsonText(text, check_.source(), {"results"});
        check_.expectObject(document, "");
        check_.expectOnlyKeys(document, "",
                              {"format", "version", "model", "expert", "saved_at", "app_version", "language", "session",
                               "judgments", "results"});
        check_.expectFormatAndVersion(document, "ahp-response", kResponseVersion, "response");
        Response response = emptyResponse(model_);
        checkModel(check_.required(document, "", "model"));
        response.expert = readExpert(check_.required(document, "", "expert"));
        response.savedAt = check_.expectString(check_.required(document, "", "saved_at"), "saved_at");
        if (!isIsoUtc(response.savedAt))
            check_.fail("saved_at",
                        "\"" + response.savedAt + "\" is not an ISO-8601 UTC time like \"2024-05-01T09:30:00Z\"");
        if (const json* version = check_.optional(document, "app_version"))
            response.appVersion = check_.expectString(*version, "app_version");
        if (const json* language = check_.optional(document, "language")) {
            response.language = check_.expectString(*language, "language");
            bool declared = false;
            for (const auto& code : model_.languages) declared |= code == response.language;
            if (!declared) check_.fail("language", "\"" + response.language + "\" is not one of the model's languages");
        }
        if (const json* session = check_.optional(document, "session")) response.session = readSession(*session);
        readJudgments(check_.required(document, "", "judgments"), response);
        return response;
    }

private:
    const Model& model_;
    JsonChecker check_;
    ResponseReadOptions options_;

    SessionPlace readSession(const json& value) {
        check_.expectObject(value, "session");
        check_.expectOnlyKeys(value, "session", {"screen", "set", "ui_language", "persian_digits", "changed"});
        SessionPlace place;
        if (const json* screen = check_.optional(value, "screen")) {
            place.screen = check_.expectString(*screen, "session.screen");
            if (place.screen != "welcome" && place.screen != "compare" && place.screen != "results")
                check_.fail("session.screen",
                            "\"" + place.screen + "\" is not one of \"welcome\", \"compare\", \"results\"");
        }
        if (const json* set = check_.optional(value, "set")) {
            place.set = check_.expectString(*set, "session.set");
            const auto index = model_.hierarchy.find(place.set);
            if (!place.set.empty() && (!index || model_.hierarchy.node(*index).children.size() < 2))
                check_.fail("session.set", "\"" + place.set + "\" is not a comparison set of the model");
        }
        if (const json* language = check_.optional(value, "ui_language"))
            place.uiLanguage = check_.expectString(*language, "session.ui_language");
        if (const json* digits = check_.optional(value, "persian_digits")) {
            if (!digits->is_boolean())
                check_.fail("session.persian_digits", "must be true or false, found " + jsonTypeName(*digits));
            place.persianDigits = digits->get<bool>();
        }
        if (const json* changed = check_.optional(value, "changed")) {
            check_.expectObject(*changed, "session.changed");
            for (auto it = changed->begin(); it != changed->end(); ++it) {
                const std::string path = JsonChecker::member("session.changed", it.key());
                const double ms = check_.expectFiniteNumber(*it, path);
                if (ms < 0 || ms > 9.0e15) check_.fail(path, "must be a time in milliseconds since 1970");
                place.changed[it.key()] = std::int64_t(ms);
            }
        }
        return place;
    }

    void checkModel(const json& value) {
        check_.expectObject(value, "model");
        std::string id = check_.expectString(check_.required(value, "model", "id"), "model.id");
        std::string hash = check_.expectString(check_.required(value, "model", "hash"), "model.hash");
        if (id != model_.id)
            check_.failWith(
                "other_model", {}, "model.id",
                "expected \"" + model_.id + "\", found \"" + id + "\": this response answers another model");
        if (hash != model_.hash)
            check_.failWith("other_model", {}, "model.hash",
                            "expected \"" + model_.hash + "\", found \"" + hash +
                                "\": this response answers a different version of model \"" + model_.id + "\"");
    }

    Expert readExpert(const json& value) {
        check_.expectObject(value, "expert");
        Expert expert;
        const json& name = check_.required(value, "expert", "name");
        // Names are compared and shown without the blanks around them (trimmedName), so a
        // name of blanks alone is no name.
        // Names and roles are compared and shown trimmed (trimmedName), and checked as shown: a
        // name of blanks alone is no name, one made only of a hidden character says which. An
        // autosaved session keeps whatever was typed, so nothing typed is lost at a reload (the
        // app asks at the field before any download).
        auto read = [&](const json& text, const std::string& path) {
            const std::string raw = check_.expectString(text, path);
            std::string trimmed = trimmedName(raw);
            if (!options_.allowEmptyName) checkName(trimmed.empty() ? raw : trimmed, path);
            return trimmed;
        };
        expert.name = read(name, "expert.name");
        if (expert.name.empty() && !options_.allowEmptyName) check_.fail("expert.name", "must not be empty");
        if (const json* role = check_.optional(value, "role")) expert.role = read(*role, "expert.role");
        return expert;
    }

    // A name or role: one line of at most limits::kNameCharacters, shown as stored.
    void checkName(const std::string& text, const std::string& path) {
        const std::size_t count = characterCount(text);
        if (count > std::size_t(limits::kNameCharacters))
            check_.failWith("limit.name", {std::to_string(count), std::to_string(limits::kNameCharacters)}, path,
                            "is " + std::to_string(count) + " characters long; a name or role may have at most " +
                                std::to_string(limits::kNameCharacters));
        const std::string bad = forbiddenCharacter(text, false);
        if (!bad.empty())
            check_.failWith("characters", {path, bad}, path,
                            "holds the character " + bad +
                                " (a control or text-direction character, which would make the name shown differ "
                                "from the name stored)");
    }

    void readJudgments(const json& value, Response& response) {
        check_.expectArray(value, "judgments");
        const int most = model_.hierarchy.judgmentCount();
        if (value.size() > std::size_t(most))
            check_.failWith("limit.judgments", {std::to_string(value.size()), std::to_string(most)}, "judgments",
                            "has " + std::to_string(value.size()) + " judgments; this model asks for at most " +
                                std::to_string(most));
        // Judgments come set by set: the set's lookups are done once per run of the same set.
        JudgmentRun run{"", std::nullopt, response.judgments.end()};
        for (std::size_t k = 0; k < value.size(); ++k)
            if (!readPlainJudgment(value[k], response, run)) readJudgment(value, k, response, run);
    }

    struct JudgmentRun {
        std::string setId;
        std::optional<int> setIndex;
        ahp::HierarchyJudgments::iterator matrix;
    };

    // A judgment without any problem, read without writing the paths a message would name
    // (six strings a judgment, a tenth of a file's reading); false, with nothing changed but
    // the set looked up, on anything readJudgment would refuse, which then words it.
    bool readPlainJudgment(const json& judgment, Response& response, JudgmentRun& run) {
        if (!judgment.is_object() || judgment.size() != 4) return false;
        const auto set = judgment.find("set"), row = judgment.find("row"), col = judgment.find("col"),
                   number = judgment.find("value");
        const auto end = judgment.end();
        if (set == end || row == end || col == end || number == end || !set->is_string() || !row->is_string() ||
            !col->is_string() || !number->is_number())
            return false;
        const std::string& id = set->get_ref<const std::string&>();
        if (!run.setIndex || id != run.setId) {
            const std::optional<int> index = model_.hierarchy.find(id);
            if (!index) return false;
            const auto matrix = response.judgments.find(id);
            if (matrix == response.judgments.end()) return false;
            run.setId = id;
            run.setIndex = index;
            run.matrix = matrix;
        }
        const int i = childPosition(model_.hierarchy, *run.setIndex, row->get_ref<const std::string&>());
        const int j = childPosition(model_.hierarchy, *run.setIndex, col->get_ref<const std::string&>());
        if (i < 0 || j < 0 || i >= j) return false;
        const double v = number->get<double>();
        if (!std::isfinite(v) || v < kScaleMin || v > kScaleMax || run.matrix->second.get(i, j)) return false;
        run.matrix->second.set(i, j, v);
        return true;
    }

    // Judgment k, every problem worded with its path.
    void readJudgment(const json& value, std::size_t k, Response& response, JudgmentRun& run) {
        std::string& setId = run.setId;
        std::optional<int>& setIndex = run.setIndex;
        auto& matrix = run.matrix;
        std::string path = JsonChecker::element("judgments", k);
        const json& judgment = value[k];
        check_.expectObject(judgment, path);
        check_.expectOnlyKeys(judgment, path, {"set", "row", "col", "value"});
        std::string setPath = JsonChecker::member(path, "set");
        const std::string& id = check_.expectString(check_.required(judgment, path, "set"), setPath);
        if (!setIndex || id != setId) {
            setId = id;
            setIndex = model_.hierarchy.find(setId);
            if (!setIndex) check_.fail(setPath, "unknown node id \"" + setId + "\"");
            matrix = response.judgments.find(setId);
            if (matrix == response.judgments.end())
                check_.fail(setPath, "\"" + setId + "\" is not a comparison set (it has fewer than two children)");
        }
        int row = readItem(judgment, path, "row", *setIndex);
        int col = readItem(judgment, path, "col", *setIndex);
        if (row == col)
            check_.fail(
                path, "row and col are both \"" + judgment["row"].get<std::string>() + "\" (the diagonal is always 1)");
        if (row > col)
            check_.fail(path, "row \"" + judgment["row"].get<std::string>() + "\" comes after col \"" +
                                  judgment["col"].get<std::string>() + "\" in " + setId + "'s child order (" +
                                  childList(model_.hierarchy, *setIndex) + "); swap them and write 1/value");
        std::string valuePath = JsonChecker::member(path, "value");
        const json& number = check_.required(judgment, path, "value");
        if (!number.is_number()) check_.fail(valuePath, "must be a number, found " + jsonTypeName(number));
        double v = number.get<double>();
        if (!std::isfinite(v) || v <= 0)
            check_.fail(valuePath, quoteForMessage(number) + " must be a finite positive number");
        if (v < kScaleMin || v > kScaleMax)
            check_.fail(valuePath, quoteForMessage(number) + " is outside the questionnaire's scale 1/9 .. 9");
        if (matrix->second.get(row, col))  // given before: found again only to say where
            check_.fail(path, "duplicate judgment for set " + setId + ", row " + judgment["row"].get<std::string>() +
                                  ", col " + judgment["col"].get<std::string>() + " (first at judgments[" +
                                  std::to_string(firstFor(value, judgment)) + "])");
        matrix->second.set(row, col, v);
    }

    // The index of the first judgment in `list` (checked already) with the set, row and col of
    // `judgment`.
    static std::size_t firstFor(const json& list, const json& judgment) {
        auto same = [&](const json& other) {
            return other["set"] == judgment["set"] && other["row"] == judgment["row"] &&
                   other["col"] == judgment["col"];
        };
        std::size_t k = 0;
        while (!same(list[k])) ++k;
        return k;
    }

    // The child position of judgments[k].<key> within the set.
    int readItem(const json& judgment, const std::string& path, const std::string& key, int setIndex) {
        std::string itemPath = JsonChecker::member(path, key);
        std::string id = check_.expectString(check_.required(judgment, path, key), itemPath);
        int position = childPosition(model_.hierarchy, setIndex, id);
        if (position >= 0) return position;
        const std::string& setId = model_.hierarchy.node(setIndex).id;
        if (!model_.hierarchy.find(id)) check_.fail(itemPath, "unknown node id \"" + id + "\"");
        check_.fail(itemPath, "\"" + id + "\" is not a child of " + setId +
                                  " (its children: " + childList(model_.hierarchy, setIndex) + ")");
    }
};

json judgmentsJson(const Model& model, const ahp::HierarchyJudgments& judgments) {
    json list = json::array();
    for (int setIndex : model.hierarchy.comparisonSets()) {
        const std::string& setId = model.hierarchy.node(setIndex).id;
        auto matrix = judgments.find(setId);
        if (matrix == judgments.end()) continue;
        std::vector<std::string> items = childIds(model.hierarchy, setIndex);
        int n = matrix->second.size();
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (auto value = matrix->second.get(i, j))
                    list.push_back({{"set", setId}, {"row", items[i]}, {"col", items[j]}, {"value", *value}});
    }
    return list;
}

json consistencyJson(const ahp::ConsistencyReport& report) {
    return {{"lambda_max", jsonNumber(report.lambdaMax)},
            {"ci", jsonNumber(report.ci)},
            {"ri", jsonNumber(report.ri)},
            {"cr", jsonNumber(report.cr)},
            {"gci", jsonNumber(report.gci)},
            {"koczkodaj", jsonNumber(report.koczkodaj)},
            {"consistent", report.consistent}};
}

}  // namespace

Response emptyResponse(const Model& model) {
    Response response;
    response.modelId = model.id;
    response.modelHash = model.hash;
    for (int setIndex : model.hierarchy.comparisonSets())
        response.judgments.emplace(
            model.hierarchy.node(setIndex).id,
            ahp::PairwiseMatrix(static_cast<int>(model.hierarchy.node(setIndex).children.size())));
    return response;
}

Response parseResponse(const Model& model, const std::string& text, const std::string& sourceName,
                       const ResponseReadOptions& options) {
    checkFileSize(text.size(), limits::kResponseBytes, "response", sourceName);
    return withSourceInErrors(sourceName, [&] { return ResponseParser(model, sourceName, options).parse(text); });
}

json hierarchyResultsJson(const Model& model, const ahp::HierarchyJudgments& judgments) {
    json results = {{"method", methodName(model.settings.method)}, {"ri", riTableName(model.settings.riTable)}};
    try {
        ahp::HierarchyResult computed = ahp::synthesize(model.hierarchy, judgments, model.settings);
        json sets = json::array();
        for (const auto& set : computed.sets) {
            auto setIndex = model.hierarchy.find(set.parentId);
            std::vector<std::string> items = childIds(model.hierarchy, *setIndex);
            json weights = json::object();
            for (std::size_t k = 0; k < items.size() && k < std::size_t(set.localWeights.size()); ++k)
                weights[items[k]] = jsonNumber(set.localWeights[k]);
            json entry = consistencyJson(set.consistency);
            entry["set"] = set.parentId;
            entry["complete"] = set.complete;
            entry["weights"] = weights;
            sets.push_back(entry);
        }
        results["sets"] = sets;
        // The sets the expert handed in above their consistency threshold (issue 15).
        json above = json::array();
        for (const auto& set : computed.sets)
            if (!set.consistency.consistent) above.push_back(set.parentId);
        results["above_threshold"] = above;
        json global = json::array();
        int rank = 0;
        for (int leaf : computed.leafRanking)
            global.push_back({{"id", model.hierarchy.node(leaf).id},
                              {"weight", jsonNumber(computed.globalWeight.at(leaf))},
                              {"rank", ++rank}});
        results["global"] = global;
        results["unsolved"] = computed.unsolved;
    } catch (const std::exception& error) {
        results["error"] = error.what();
    }
    return results;
}

nlohmann::ordered_json responseToJson(const Model& model, const Response& response) {
    // Ordered so the file reads top-down: what it is, whose it is, then the answers.
    nlohmann::ordered_json document;
    document["format"] = "ahp-response";
    document["version"] = kResponseVersion;
    document["model"] = {{"id", response.modelId}, {"hash", response.modelHash}};
    document["expert"] = {{"name", trimmedName(response.expert.name)}, {"role", trimmedName(response.expert.role)}};
    document["saved_at"] = response.savedAt;
    document["app_version"] = response.appVersion;
    if (!response.language.empty()) document["language"] = response.language;
    if (response.session) {
        const SessionPlace& place = *response.session;
        nlohmann::ordered_json session;
        session["screen"] = place.screen;
        session["set"] = place.set;
        session["ui_language"] = place.uiLanguage;
        session["persian_digits"] = place.persianDigits;
        if (!place.changed.empty()) session["changed"] = place.changed;
        document["session"] = session;
    }
    document["judgments"] = judgmentsJson(model, response.judgments);
    // Results are for people reading a response file; the app's own autosaved session (the
    // one kind with a "session" member) leaves them out, since every change rewrites it.
    if (!response.session) document["results"] = hierarchyResultsJson(model, response.judgments);
    return document;
}

std::string writeResponse(const Model& model, const Response& response) {
    return responseToJson(model, response).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string judgmentsCsv(const Model& model, const Response& response, const std::string& language) {
    // The byte-order mark tells spreadsheets (Excel) that the text is UTF-8.
    std::string csv = "\xEF\xBB\xBF";
    csv += csvRow({"expert", "role", "set", "set_label", "row", "row_label", "col", "col_label", "value"});
    const std::string name = trimmedName(response.expert.name), role = trimmedName(response.expert.role);
    for (const auto& judgment : judgmentsJson(model, response.judgments)) {
        const std::string set = judgment["set"], row = judgment["row"], col = judgment["col"];
        csv += csvRow({name, role, set, nodeLabel(model, set, language), row, nodeLabel(model, row, language), col,
                       nodeLabel(model, col, language), formatNumber(judgment["value"].get<double>())});
    }
    return csv;
}

namespace {
// Decodes the UTF-8 sequence at `text[at]` (its code point and length; U+FFFD, 1 when broken).
std::pair<char32_t, std::size_t> codePointAt(const std::string& text, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(at);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || at + length > text.size()) return {0xFFFD, 1};
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(at + k) & 0xC0) != 0x80) return {0xFFFD, 1};
        code = (code << 6) | (byte(at + k) & 0x3F);
    }
    return {code, length};
}

// Blanks and invisible marks that carry nothing at the ends of a name: white space (Unicode
// Zs, tabs, line ends), zero-width characters (ZWSP, ZWNJ, ZWJ, BOM), bidi marks and controls.
bool isBlankAtEnds(char32_t c) {
    return c <= 0x20 || c == 0x7F || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
           (c >= 0x2028 && c <= 0x202F) || c == 0x205F || (c >= 0x2060 && c <= 0x2069) || c == 0x3000 || c == 0xFEFF ||
           c == 0x061C;
}
}  // namespace

std::string trimmedName(const std::string& text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end) {
        const auto [code, length] = codePointAt(text, begin);
        if (!isBlankAtEnds(code)) break;
        begin += length;
    }
    // From the end: step back to the start of the last sequence.
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 4) --start;
        const auto [code, length] = codePointAt(text, start);
        if (start + length != end || !isBlankAtEnds(code)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string isoUtcNow() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
#if defined(_WIN32)
    gmtime_s(&utc, &now);
#else
    gmtime_r(&now, &utc);
#endif
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

bool sameJudgments(const ahp::HierarchyJudgments& a, const ahp::HierarchyJudgments& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [set, matrix] : a) {
        auto other = b.find(set);
        if (other == b.end() || !(other->second == matrix)) return false;
    }
    return true;
}

bool isStorableName(const std::string& trimmed) {
    return characterCount(trimmed) <= std::size_t(limits::kNameCharacters) &&
           forbiddenCharacter(trimmed, false).empty();
}

}  // namespace model
