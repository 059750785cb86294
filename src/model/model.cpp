#include "model/model.hpp"

#include "model/hash.hpp"
#include "model/json_text.hpp"
#include "model/limits.hpp"
#include "model/names.hpp"

#include <cctype>
#include <cmath>
#include <set>

namespace model {

namespace {

using nlohmann::json;

constexpr int kModelVersion = 1;

bool isValidLanguageCode(const std::string& code) {
    // BCP 47-ish: a 2-3 letter primary subtag, optional -subtags ("fa", "en", "en-GB").
    if (code.size() < 2 || code.size() > 16) return false;
    std::size_t k = 0;
    while (k < code.size() && std::islower(static_cast<unsigned char>(code[k]))) ++k;
    if (k < 2 || k > 3) return false;
    for (; k < code.size(); ++k) {
        unsigned char c = code[k];
        if (!(std::isalnum(c) || c == '-')) return false;
    }
    return true;
}

std::string joinList(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

struct NodeEntry {
    std::string id;
    std::string parentId;  // empty for the root
    LocalizedText labels;
    LocalizedText description;
    std::optional<double> reportedLocalWeight;
    LocalizedText note;
};

class ModelParser {
public:
    explicit ModelParser(const std::string& sourceName) : check_(sourceName) {}

    Model parse(const std::string& text) {
        json document = parseJsonText(text, check_.source());
        check_.expectObject(document, "");
        check_.expectOnlyKeys(document, "",
                              {"format", "version", "id", "title", "purpose", "instructions", "contact", "languages",
                               "settings", "nodes", "source"});
        check_.expectFormatAndVersion(document, "ahp-model", kModelVersion, "model");

        Model model;
        model.id = check_.expectString(check_.required(document, "", "id"), "id");
        if (!isValidId(model.id))
            check_.fail("id", "\"" + model.id + "\" is not a valid id (use letters, digits, _ - . :)");
        model.languages = readLanguages(check_.required(document, "", "languages"));
        languages_ = model.languages;
        model.title = readLocalized(check_.required(document, "", "title"), "title", true, TextKind::Label);
        if (const json* purpose = check_.optional(document, "purpose"))
            model.purpose = readLocalized(*purpose, "purpose", false, TextKind::Text);
        if (const json* instructions = check_.optional(document, "instructions"))
            model.instructions = readLocalized(*instructions, "instructions", false, TextKind::Text);
        if (const json* contact = check_.optional(document, "contact")) {
            model.contact = check_.expectString(*contact, "contact");
            if (!model.contact.empty() && !isPlausibleEmail(model.contact))
                check_.fail("contact", "\"" + model.contact + "\" is not an e-mail address like \"name@example.org\"");
        }
        if (const json* settings = check_.optional(document, "settings")) {
            model.settings = readSettings(*settings);
            model.adaptiveQuestioning = readQuestioning(*settings);
        } else
            model.settings = defaultSettings();
        if (const json* source = check_.optional(document, "source")) model.source = *source;

        std::vector<NodeEntry> entries = readNodes(check_.required(document, "", "nodes"));
        buildHierarchy(entries, model);
        model.hash = fnv1a64Hex(canonicalModelText(document));
        return model;
    }

private:
    JsonChecker check_;
    std::vector<std::string> languages_;

    static ahp::Settings defaultSettings() {
        ahp::Settings settings;
        settings.method = ahp::PriorityMethod::Eigenvector;
        settings.riTable = ahp::RandomIndexTable::Saaty1980;
        settings.crThreshold = 0.10;
        return settings;
    }

    std::vector<std::string> readLanguages(const json& value) {
        check_.expectArray(value, "languages");
        if (value.empty()) check_.fail("languages", "must list at least one language code");
        if (value.size() > std::size_t(limits::kLanguages))
            check_.failWith("limit.languages", {std::to_string(value.size()), std::to_string(limits::kLanguages)},
                            "languages",
                            "lists " + std::to_string(value.size()) + " languages; a model may have at most " +
                                std::to_string(limits::kLanguages));
        std::vector<std::string> languages;
        for (std::size_t k = 0; k < value.size(); ++k) {
            std::string path = JsonChecker::element("languages", k);
            std::string code = check_.expectString(value[k], path);
            if (!isValidLanguageCode(code))
                check_.fail(path, "\"" + code + "\" is not a language code like \"fa\" or \"en\"");
            for (const auto& seen : languages)
                if (seen == code) check_.fail(path, "\"" + code + "\" is listed twice");
            languages.push_back(code);
        }
        return languages;
    }

    // A label (one line, limits::kLabelCharacters) or a text (line breaks allowed,
    // limits::kTextCharacters).
    enum class TextKind { Label, Text };

    // Length and characters of one text (see limits.hpp): refused, never shown differently.
    void checkText(const std::string& text, const std::string& path, TextKind kind) {
        const int most = kind == TextKind::Label ? limits::kLabelCharacters : limits::kTextCharacters;
        const std::size_t count = characterCount(text);
        if (count > std::size_t(most))
            check_.failWith("limit.text", {path, std::to_string(count), std::to_string(most)}, path,
                            "is " + std::to_string(count) + " characters long; at most " + std::to_string(most) +
                                " are allowed here");
        const std::string bad = forbiddenCharacter(text, kind == TextKind::Text);
        if (!bad.empty())
            check_.failWith("characters", {path, bad}, path,
                            "holds the character " + bad +
                                " (a control or text-direction character, which would make the text shown differ "
                                "from the text stored)");
    }

    // An object of language -> text. With `complete`, every declared language must be present.
    LocalizedText readLocalized(const json& value, const std::string& path, bool complete, TextKind kind) {
        check_.expectObject(value, path);
        LocalizedText text;
        for (auto it = value.begin(); it != value.end(); ++it) {
            std::string memberPath = JsonChecker::member(path, it.key());
            bool declared = false;
            for (const auto& language : languages_) declared |= language == it.key();
            if (!declared)
                check_.fail(memberPath, "language \"" + it.key() + "\" is not declared in languages (" +
                                            joinList(languages_) + ")");
            text[it.key()] =
                complete ? check_.expectNonEmptyString(*it, memberPath) : check_.expectString(*it, memberPath);
            checkText(text[it.key()], memberPath, kind);
        }
        if (complete) {
            for (const auto& language : languages_)
                if (!text.count(language))
                    check_.fail(JsonChecker::member(path, language),
                                "is missing (every declared language needs a text)");
        }
        return text;
    }

    ahp::Settings readSettings(const json& value) {
        check_.expectObject(value, "settings");
        check_.expectOnlyKeys(value, "settings", {"method", "ri", "cr_threshold", "questioning"});
        ahp::Settings settings = defaultSettings();
        if (const json* method = check_.optional(value, "method")) {
            std::string name = check_.expectString(*method, "settings.method");
            auto parsed = parseMethodName(name);
            if (!parsed)
                check_.fail("settings.method", "unknown method \"" + name + "\" (known: " + methodNameList() + ")");
            settings.method = *parsed;
        }
        if (const json* ri = check_.optional(value, "ri")) {
            std::string name = check_.expectString(*ri, "settings.ri");
            auto parsed = parseRiTableName(name);
            if (!parsed)
                check_.fail("settings.ri",
                            "unknown random index table \"" + name + "\" (known: " + riTableNameList() + ")");
            settings.riTable = *parsed;
        }
        if (const json* threshold = check_.optional(value, "cr_threshold")) {
            double number = check_.expectFiniteNumber(*threshold, "settings.cr_threshold");
            if (number <= 0 || number > 1)
                check_.fail("settings.cr_threshold",
                            "is " + quoteForMessage(*threshold) + "; must be in (0, 1], e.g. 0.1");
            settings.crThreshold = number;
        }
        return settings;
    }

    // "questioning": "all" (default) or "adaptive"; true for adaptive.
    bool readQuestioning(const json& settings) {
        const json* value = check_.optional(settings, "questioning");
        if (!value) return false;
        const std::string name = check_.expectString(*value, "settings.questioning");
        if (name != "all" && name != "adaptive")
            check_.fail("settings.questioning", "unknown mode \"" + name + "\" (known: all, adaptive)");
        return name == "adaptive";
    }

    std::vector<NodeEntry> readNodes(const json& value) {
        check_.expectArray(value, "nodes");
        if (value.empty()) check_.fail("nodes", "must list at least the goal node");
        if (value.size() > std::size_t(limits::kNodes))
            check_.failWith("limit.nodes", {std::to_string(value.size()), std::to_string(limits::kNodes)}, "nodes",
                            "lists " + std::to_string(value.size()) + " nodes; a model may have at most " +
                                std::to_string(limits::kNodes));
        std::vector<NodeEntry> entries;
        for (std::size_t k = 0; k < value.size(); ++k) {
            std::string path = JsonChecker::element("nodes", k);
            const json& node = value[k];
            check_.expectObject(node, path);
            check_.expectOnlyKeys(node, path,
                                  {"id", "parent", "labels", "description", "reported_local_weight", "note"});
            NodeEntry entry;
            std::string idPath = JsonChecker::member(path, "id");
            entry.id = check_.expectString(check_.required(node, path, "id"), idPath);
            if (!isValidId(entry.id))
                check_.fail(idPath, "\"" + entry.id + "\" is not a valid id (1-64 of letters, digits, _ - . :)");
            std::string parentPath = JsonChecker::member(path, "parent");
            const json& parent = check_.required(node, path, "parent");
            if (!parent.is_null()) entry.parentId = check_.expectNonEmptyString(parent, parentPath);
            entry.labels = readLocalized(check_.required(node, path, "labels"), JsonChecker::member(path, "labels"),
                                         true, TextKind::Label);
            if (const json* description = check_.optional(node, "description"))
                entry.description =
                    readLocalized(*description, JsonChecker::member(path, "description"), false, TextKind::Text);
            if (const json* note = check_.optional(node, "note"))
                entry.note = readLocalized(*note, JsonChecker::member(path, "note"), false, TextKind::Text);
            if (const json* weight = check_.optional(node, "reported_local_weight")) {
                std::string weightPath = JsonChecker::member(path, "reported_local_weight");
                double number = check_.expectFiniteNumber(*weight, weightPath);
                if (number < 0 || number > 1)
                    check_.fail(weightPath, "is " + quoteForMessage(*weight) + "; must be in [0, 1]");
                entry.reportedLocalWeight = number;
            }
            entries.push_back(std::move(entry));
        }
        return entries;
    }

    void buildHierarchy(const std::vector<NodeEntry>& entries, Model& model) {
        std::map<std::string, std::size_t> indexById;
        for (std::size_t k = 0; k < entries.size(); ++k) {
            auto [it, inserted] = indexById.emplace(entries[k].id, k);
            if (!inserted)
                check_.fail(
                    JsonChecker::member(JsonChecker::element("nodes", k), "id"),
                    "duplicate id \"" + entries[k].id + "\" (first used by nodes[" + std::to_string(it->second) + "])");
        }
        std::optional<std::size_t> root;
        std::vector<std::vector<std::size_t>> children(entries.size());
        for (std::size_t k = 0; k < entries.size(); ++k) {
            std::string parentPath = JsonChecker::member(JsonChecker::element("nodes", k), "parent");
            if (entries[k].parentId.empty()) {
                if (root)
                    check_.fail(parentPath, "a second root (nodes[" + std::to_string(*root) + "] \"" +
                                                entries[*root].id +
                                                "\" already has parent null; there must be exactly one)");
                root = k;
                continue;
            }
            auto parent = indexById.find(entries[k].parentId);
            if (parent == indexById.end()) check_.fail(parentPath, "unknown node id \"" + entries[k].parentId + "\"");
            if (parent->second == k) check_.fail(parentPath, "a node cannot be its own parent");
            children[parent->second].push_back(k);
        }
        if (!root) check_.fail("nodes", "no root: exactly one node must have \"parent\": null");
        for (std::size_t k = 0; k < entries.size(); ++k)
            if (children[k].size() > std::size_t(limits::kItemsPerSet))
                check_.failWith(
                    "limit.items",
                    {entries[k].id, std::to_string(children[k].size()), std::to_string(limits::kItemsPerSet)},
                    JsonChecker::element("nodes", k),
                    "node \"" + entries[k].id + "\" has " + std::to_string(children[k].size()) +
                        " children; a comparison set may have at most " + std::to_string(limits::kItemsPerSet) +
                        " items");

        // Add depth-first from the root (an explicit stack: a file's depth must not become the
        // program's); anything not reached hangs on a cycle.
        std::vector<bool> reached(entries.size(), false);
        std::vector<std::pair<std::size_t, int>> stack{{*root, 0}};  // entry, depth
        while (!stack.empty()) {
            const auto [k, depth] = stack.back();
            stack.pop_back();
            const NodeEntry& entry = entries[k];
            if (depth > limits::kDepth)
                check_.failWith("limit.depth", {entry.id, std::to_string(limits::kDepth)},
                                JsonChecker::member(JsonChecker::element("nodes", k), "parent"),
                                "node \"" + entry.id + "\" is more than " + std::to_string(limits::kDepth) +
                                    " levels below the goal; a model may be at most " + std::to_string(limits::kDepth) +
                                    " levels deep");
            reached[k] = true;
            model.hierarchy.add(entry.id, entry.parentId, entry.labels, entry.description);
            if (entry.reportedLocalWeight) model.reportedLocalWeights[entry.id] = *entry.reportedLocalWeight;
            if (!entry.note.empty()) model.notes[entry.id] = entry.note;
            for (auto child = children[k].rbegin(); child != children[k].rend(); ++child)
                stack.push_back({*child, depth + 1});
        }
        for (std::size_t k = 0; k < entries.size(); ++k) {
            if (reached[k]) continue;
            // Walk up until a node repeats, to name the cycle.
            std::vector<std::size_t> walk{k};
            std::set<std::size_t> seen{k};
            std::size_t at = k;
            while (true) {
                at = indexById.at(entries[at].parentId);
                walk.push_back(at);
                if (!seen.insert(at).second) break;
            }
            std::size_t cycleStart = 0;
            while (walk[cycleStart] != walk.back()) ++cycleStart;
            std::string cycle;
            for (std::size_t step = cycleStart; step < walk.size(); ++step)
                cycle += (cycle.empty() ? "" : " -> ") + entries[walk[step]].id;
            check_.fail(
                JsonChecker::member(JsonChecker::element("nodes", k), "parent"),
                "node \"" + entries[k].id + "\" is not connected to the root: parents form a cycle (" + cycle + ")");
        }
    }
};

}  // namespace

bool isValidId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id) {
        const bool ok = c < 0x80 && (std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':');
        if (!ok) return false;
    }
    return true;
}

bool isPlausibleEmail(const std::string& address) {
    if (address.size() > 254) return false;
    const std::size_t at = address.find('@');
    if (at == 0 || at == std::string::npos || address.find('@', at + 1) != std::string::npos) return false;
    const std::size_t dot = address.find('.', at + 2);
    if (dot == std::string::npos || dot + 1 >= address.size()) return false;
    for (unsigned char c : address)
        if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == ',' || c == ';' ||
            c == '?' || c == '&' || c == '#' || c == '%')
            return false;
    return true;
}

std::string canonicalModelText(const nlohmann::json& document) {
    // nlohmann::json objects are std::maps: dump() writes keys sorted, no whitespace.
    return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Model parseModel(const std::string& text, const std::string& sourceName) {
    checkFileSize(text.size(), limits::kModelBytes, "model", sourceName);
    return withSourceInErrors(sourceName, [&] { return ModelParser(sourceName).parse(text); });
}

std::string nodeLabel(const Model& model, int nodeIndex, const std::string& language) {
    const ahp::Node& node = model.hierarchy.node(nodeIndex);
    auto it = node.labels.find(language);
    if (it != node.labels.end() && !it->second.empty()) return it->second;
    if (!model.languages.empty()) {
        it = node.labels.find(model.languages.front());
        if (it != node.labels.end() && !it->second.empty()) return it->second;
    }
    return node.id;
}

std::string nodeLabel(const Model& model, const std::string& nodeId, const std::string& language) {
    auto index = model.hierarchy.find(nodeId);
    return index ? nodeLabel(model, *index, language) : nodeId;
}

int nodeDepth(const ahp::Hierarchy& hierarchy, int nodeIndex) {
    int depth = 0;
    for (int at = hierarchy.node(nodeIndex).parent; at >= 0; at = hierarchy.node(at).parent) ++depth;
    return depth;
}

std::vector<std::string> childIds(const ahp::Hierarchy& hierarchy, int nodeIndex) {
    std::vector<std::string> ids;
    for (int child : hierarchy.node(nodeIndex).children) ids.push_back(hierarchy.node(child).id);
    return ids;
}

}  // namespace model
