// A survey model: the hierarchy to compare, how to compute it, and the texts shown to experts.
// Parsed from the "ahp-model" JSON format (docs/formats.md).
#pragma once

#include "model/errors.hpp"

#include <ahp/ahp.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

// Language code -> text.
using LocalizedText = std::map<std::string, std::string>;

struct Model {
    std::string id;
    LocalizedText title;
    LocalizedText purpose;
    // Shown on the welcome screen of a survey page: how to answer, in any declared language
    // (may be empty), and the researcher's e-mail, where "Send my answers" addresses its mail.
    LocalizedText instructions;
    std::string contact;                 // an e-mail address, or empty
    std::vector<std::string> languages;  // declared order; the first is the default
    ahp::Settings settings;
    // settings.questioning: "adaptive" asks each set's most informative pairs until it is settled
    // (ahp::nextQuestion); "all" (default) asks every pair.
    bool adaptiveQuestioning = false;
    // Node order: depth-first from the root, siblings in file order (so child order, and the
    // order of comparison sets, is the order the file lists them).
    ahp::Hierarchy hierarchy;
    std::map<std::string, double> reportedLocalWeights;  // node id -> weight from a study
    std::map<std::string, LocalizedText> notes;          // node id -> remark
    nlohmann::json source;                               // citation, kept as written (null if absent)
    std::string hash;                                    // fnv1a64Hex of the canonical document; identifies this model
};

// Parses and validates a model document. `sourceName` prefixes every error message (a file
// name, or "model"). Throws ModelError, e.g. `model: nodes[4].parent: unknown node id "D9"`.
Model parseModel(const std::string& text, const std::string& sourceName = "model");

// The rule for model and node ids (the parser's, and the editor's as it is typed): 1 to 64
// ASCII letters, digits, _ - . or :.
bool isValidId(const std::string& id);

// True for a plausible e-mail address: one '@' with text before it, a dot after it, no spaces,
// quotes, angle brackets or control characters (what a mailto: link may carry as is).
bool isPlausibleEmail(const std::string& address);

// The canonical serialisation that the hash covers: the parsed document, compact, keys sorted.
std::string canonicalModelText(const nlohmann::json& document);

// Label of a node in `language`, falling back to the model's first language, then to the id.
std::string nodeLabel(const Model& model, int nodeIndex, const std::string& language);
std::string nodeLabel(const Model& model, const std::string& nodeId, const std::string& language);

// Depth of a node: 0 for the root.
int nodeDepth(const ahp::Hierarchy& hierarchy, int nodeIndex);

// Node ids of the comparison sets' items, in child order.
std::vector<std::string> childIds(const ahp::Hierarchy& hierarchy, int nodeIndex);

}  // namespace model
