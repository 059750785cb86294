// `ahp model` and `ahp group`: model files and response files.
#include "cli/commands.hpp"

#include "model/errors.hpp"
#include "model/group.hpp"
#include "model/limits.hpp"
#include "model/matrix_text.hpp"
#include "model/model.hpp"
#include "model/names.hpp"
#include "model/text_format.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <unordered_map>

namespace cli {

namespace {

using nlohmann::ordered_json;

enum class Format { Json, Csv, Markdown };

Format readFormat(const Args& args) {
    std::string name = args.get("--format", "json");
    if (name == "json") return Format::Json;
    if (name == "csv") return Format::Csv;
    if (name == "markdown" || name == "md") return Format::Markdown;
    throw UsageError("--format: unknown format \"" + name + "\" (known: json, csv, markdown)");
}

// The language for labels in human-readable output: --language, else English if the model
// has it, else the model's first language.
std::string readLanguage(const Args& args, const model::Model& m) {
    if (args.has("--language")) {
        std::string language = args.get("--language", "");
        for (const auto& code : m.languages)
            if (code == language) return language;
        std::string known;
        for (const auto& code : m.languages) known += (known.empty() ? "" : ", ") + code;
        throw UsageError("--language: model \"" + m.id + "\" has no \"" + language + "\" labels (it has: " + known +
                         ")");
    }
    for (const auto& code : m.languages)
        if (code == "en") return code;
    return m.languages.front();
}

int setSize(const model::Model& m, int nodeIndex) {
    int children = static_cast<int>(m.hierarchy.node(nodeIndex).children.size());
    return children >= 2 ? children : 0;
}

std::string modelJson(const model::Model& m) {
    const ahp::Hierarchy& h = m.hierarchy;
    ordered_json out;
    out["id"] = m.id;
    out["hash"] = m.hash;
    out["title"] = m.title;
    out["languages"] = m.languages;
    out["settings"] = {{"method", model::methodName(m.settings.method)},
                       {"ri", model::riTableName(m.settings.riTable)},
                       {"cr_threshold", m.settings.crThreshold}};
    out["node_count"] = h.nodes().size();
    out["leaf_count"] = h.leaves().size();
    out["set_count"] = h.comparisonSets().size();
    out["judgment_count"] = h.judgmentCount();
    ordered_json sets = ordered_json::array();
    for (int k : h.comparisonSets()) {
        int n = setSize(m, k);
        sets.push_back(
            {{"set", h.node(k).id}, {"size", n}, {"judgments", n * (n - 1) / 2}, {"items", model::childIds(h, k)}});
    }
    out["sets"] = sets;
    ordered_json nodes = ordered_json::array();
    for (std::size_t k = 0; k < h.nodes().size(); ++k) {
        const ahp::Node& node = h.node(static_cast<int>(k));
        ordered_json entry;
        entry["id"] = node.id;
        entry["parent"] = node.parent < 0 ? ordered_json(nullptr) : ordered_json(h.node(node.parent).id);
        entry["depth"] = model::nodeDepth(h, static_cast<int>(k));
        entry["labels"] = node.labels;
        entry["children"] = model::childIds(h, static_cast<int>(k));
        auto reported = m.reportedLocalWeights.find(node.id);
        if (reported != m.reportedLocalWeights.end()) entry["reported_local_weight"] = reported->second;
        auto note = m.notes.find(node.id);
        if (note != m.notes.end()) entry["note"] = note->second;
        nodes.push_back(entry);
    }
    out["nodes"] = nodes;
    return out.dump(2) + "\n";
}

std::string modelCsv(const model::Model& m) {
    const ahp::Hierarchy& h = m.hierarchy;
    std::vector<std::string> header{"id", "parent", "depth", "set_size", "reported_local_weight"};
    for (const auto& language : m.languages) header.push_back("label_" + language);
    std::string csv = model::csvRow(header);
    for (std::size_t k = 0; k < h.nodes().size(); ++k) {
        const ahp::Node& node = h.node(static_cast<int>(k));
        auto reported = m.reportedLocalWeights.find(node.id);
        std::vector<std::string> row{
            node.id, node.parent < 0 ? "" : h.node(node.parent).id,
            std::to_string(model::nodeDepth(h, static_cast<int>(k))), std::to_string(setSize(m, static_cast<int>(k))),
            reported == m.reportedLocalWeights.end() ? "" : model::formatNumber(reported->second)};
        for (const auto& language : m.languages)
            row.push_back(node.labels.count(language) ? node.labels.at(language) : "");
        csv += model::csvRow(row);
    }
    return csv;
}

std::string modelMarkdown(const model::Model& m, const std::string& language) {
    const ahp::Hierarchy& h = m.hierarchy;
    std::string md = "# " + model::markdownCell(m.title.count(language) ? m.title.at(language) : m.id) + "\n\n";
    md += "Model `" + m.id + "`, hash `" + m.hash + "`; " + std::to_string(h.nodes().size()) + " nodes, " +
          std::to_string(h.leaves().size()) + " leaves, " + std::to_string(h.comparisonSets().size()) +
          " comparison sets, " + std::to_string(h.judgmentCount()) + " judgments per expert; method " +
          model::methodName(m.settings.method) + ", RI " + model::riTableName(m.settings.riTable) + ", CR threshold " +
          model::formatNumber(m.settings.crThreshold) + ".\n\n";
    for (std::size_t k = 0; k < h.nodes().size(); ++k) {
        const ahp::Node& node = h.node(static_cast<int>(k));
        md += std::string(2 * model::nodeDepth(h, static_cast<int>(k)), ' ') + "- **" + node.id + "** " +
              model::markdownCell(model::nodeLabel(m, static_cast<int>(k), language));
        int n = setSize(m, static_cast<int>(k));
        if (n)
            md += " _(set of " + std::to_string(n) + ", " + std::to_string(n * (n - 1) / 2) +
                  (n == 2 ? " judgment)_" : " judgments)_");
        auto reported = m.reportedLocalWeights.find(node.id);
        if (reported != m.reportedLocalWeights.end()) md += " — reported " + model::formatFixed(reported->second, 4);
        md += "\n";
    }
    return md;
}

}  // namespace

int runModel(const std::vector<std::string>& words, std::ostream& out) {
    Args args = parseArgs("model", words, {"--format", "--language"});
    if (args.positional.size() != 1)
        throw UsageError("model needs exactly one FILE (got " + std::to_string(args.positional.size()) + ")");
    Format format = readFormat(args);
    const std::string& path = args.positional.front();
    model::Model m = model::parseModel(readFile(path, model::limits::kModelBytes, "model"), path);
    if (format == Format::Json)
        out << modelJson(m);
    else if (format == Format::Csv)
        out << modelCsv(m);
    else
        out << modelMarkdown(m, readLanguage(args, m));
    return 0;
}

int runGroup(const std::vector<std::string>& words, std::ostream& out, std::ostream& warnings) {
    Args args =
        parseArgs("group", words, {"--format", "--exclude-above", "--weights", "--language"}, {"--include-identical"});
    if (args.positional.size() < 2) throw UsageError("group needs a MODEL file and at least one RESPONSE file");
    Format format = readFormat(args);
    const std::string& modelPath = args.positional.front();
    model::Model m = model::parseModel(readFile(modelPath, model::limits::kModelBytes, "model"), modelPath);
    std::string language = readLanguage(args, m);

    model::GroupOptions options;
    if (args.has("--exclude-above")) {
        auto threshold = model::parseWeightList(args.get("--exclude-above", ""), "--exclude-above");
        if (threshold.size() != 1) throw UsageError("--exclude-above takes one number, e.g. 0.1");
        options.excludeAboveCr = threshold.front();
    }

    // One file at a time: read, parsed, its bytes dropped (memory grows with the responses, not
    // with the files' text). Unreadable files are listed first, as before.
    model::LoadedGroup group;
    std::vector<model::SkippedFile> unreadable;
    for (std::size_t k = 1; k < args.positional.size(); ++k) {
        const std::string& path = args.positional[k];
        std::string text;
        try {
            text = readFile(path, model::limits::kResponseBytes, "response");
        } catch (const model::ModelError& error) {
            unreadable.push_back({path, error.what(), error.code, error.args});
            continue;
        }
        model::addToGroup(group, m, path, text);
    }
    group.skipped.insert(group.skipped.begin(), unreadable.begin(), unreadable.end());
    const std::vector<std::size_t> used = model::usedResponses(group, args.has("--include-identical"));
    if (used.empty())  // one error line, naming the first reason
        throw model::ModelError("no usable response files (" + std::to_string(group.skipped.size()) + " skipped" +
                                (group.skipped.empty() ? "" : "; first: " + group.skipped.front().message) + ")");
    for (const auto& skipped : group.skipped) warnings << "ahp: skipped " << skipped.message << "\n";
    for (const auto& superseded : group.superseded)
        warnings << "ahp: skipped " << superseded.file << ": an older revision of the same expert's answers (using "
                 << superseded.supersededBy << ")\n";
    if (!args.has("--include-identical"))
        for (const auto& duplicate : group.duplicates)
            warnings << "ahp: skipped " << duplicate.file << ": duplicate expert, " << duplicate.reason
                     << " (--include-identical uses it)\n";

    if (args.has("--weights")) {
        options.expertWeights = model::parseWeightList(args.get("--weights", ""), "--weights");
        if (options.expertWeights.size() != args.positional.size() - 1)
            throw UsageError("--weights: " + std::to_string(options.expertWeights.size()) + " weights for " +
                             std::to_string(args.positional.size() - 1) + " response files");
        // Keep the weights of the files that were used, in order.
        std::unordered_map<std::string, double> weightOf;
        for (std::size_t k = args.positional.size() - 1; k >= 1; --k)  // the first of equal paths wins
            weightOf[args.positional[k]] = options.expertWeights[k - 1];
        std::vector<double> usedWeights;
        for (std::size_t k : used) usedWeights.push_back(weightOf.at(group.responses[k].file));
        options.expertWeights = usedWeights;
    }

    std::vector<const model::Response*> responses;  // not copied: thousands of them
    responses.reserve(used.size());
    for (std::size_t k : used) responses.push_back(&group.responses[k].response);
    model::GroupTables tables = model::buildGroupTables(m, responses, options);

    if (format == Format::Json) {
        ordered_json report = model::groupTablesJson(m, tables);
        report["files"] = model::groupFilesJson(group, used);
        // File names are whatever bytes the shell gave: never let them make the output invalid.
        out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (format == Format::Csv) {
        out << model::groupTablesCsv(m, tables, language);
    } else {
        out << model::groupTablesMarkdown(m, tables, language);
    }
    return 0;
}

}  // namespace cli
