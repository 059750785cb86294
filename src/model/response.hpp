// One expert's answers to a model's questionnaire: the "ahp-response" JSON format
// (docs/formats.md), its validation against the model, and its export.
#pragma once

#include "model/model.hpp"

#include <ahp/ahp.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace model {

struct Expert {
    std::string name;
    std::string role;  // may be empty
};

// Where an expert was in the questionnaire. Only autosaved sessions carry it (the "session"
// member, docs/formats.md); response files for researchers need not.
struct SessionPlace {
    std::string screen;      // "welcome", "compare" or "results"
    std::string set;         // id of the comparison set on screen (may be empty)
    std::string uiLanguage;  // the interface's language (may differ from the model's)
    bool persianDigits = true;
    // When each judgment ("SET/ROW/COL") and the expert ("expert") last changed, in ms since
    // 1970 (given or cleared): two tabs of one session merge judgment by judgment, the later
    // change winning (ui::mergeSession).
    std::map<std::string, std::int64_t> changed;
};

struct Response {
    std::string modelId;
    std::string modelHash;
    Expert expert;
    std::string savedAt;     // ISO-8601 UTC, e.g. "2024-05-01T09:30:00Z"
    std::string appVersion;  // may be empty
    std::string language;    // language the expert answered in; may be empty
    // One matrix per comparison set of the model (keyed by parent id), over its children in
    // child order; judgments not given are missing.
    ahp::HierarchyJudgments judgments;
    std::optional<SessionPlace> session;  // written and read only when present
};

struct ResponseReadOptions {
    // An autosaved session may come from before the expert typed a name; a response file may not.
    bool allowEmptyName = false;
};

// A response with every judgment missing, tied to `model` (id and hash filled in).
Response emptyResponse(const Model& model);

// Parses and validates a response against `model`. Throws ModelError naming the source and
// the JSON path: wrong format/version, other model (expected vs found hash), unknown or
// misplaced ids, values off the 1/9..9 scale, duplicates, malformed or truncated JSON.
Response parseResponse(const Model& model, const std::string& text, const std::string& sourceName = "response",
                       const ResponseReadOptions& options = {});

// The response as a JSON document, judgments in questionnaire order (sets in
// Hierarchy::comparisonSets() order, then a12, a13, ..., a23, ...) and with "results"
// computed from them for readers (weights, consistency; ignored when read back), except in
// an autosaved session (a response with `session`), which is rewritten on every change.
nlohmann::ordered_json responseToJson(const Model& model, const Response& response);
// responseToJson(...).dump(2) plus a final newline: the file's bytes.
std::string writeResponse(const Model& model, const Response& response);

// Computed results of a set of judgments: per set weights and consistency, global weights.
nlohmann::json hierarchyResultsJson(const Model& model, const ahp::HierarchyJudgments& judgments);

// CSV for spreadsheets: a UTF-8 byte-order mark, then the header
// expert,role,set,set_label,row,row_label,col,col_label,value and one line per known judgment
// (RFC 4180 quoting, CRLF line ends). Labels in `language`, falling back to the model's first.
std::string judgmentsCsv(const Model& model, const Response& response, const std::string& language);

// `text` without the blanks and invisible marks around it (spaces of any kind, tabs, line
// ends, zero-width and bidi marks); what is inside is kept. Expert names and roles are
// written and read through it.
std::string trimmedName(const std::string& text);
// A trimmed name or role a response file may carry (the same rule the reader applies): not
// longer than limits::kNameCharacters, without control or text-direction characters.
bool isStorableName(const std::string& trimmed);

// Current time as ISO-8601 UTC with seconds ("2024-05-01T09:30:00Z"), for Response::savedAt.
std::string isoUtcNow();

// True when both hold the same judgments (same sets, same cells, same values).
bool sameJudgments(const ahp::HierarchyJudgments& a, const ahp::HierarchyJudgments& b);

}  // namespace model
