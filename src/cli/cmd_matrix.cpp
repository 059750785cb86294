// `ahp priorities` and `ahp aggregate`: one matrix, or one per expert, from stdin.
#include "cli/commands.hpp"

#include "model/errors.hpp"
#include "model/matrix_text.hpp"
#include "model/names.hpp"
#include "model/text_format.hpp"

#include <ahp/ahp.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>

namespace cli {

namespace {

using nlohmann::ordered_json;

// How many judgments `worst` lists: enough to act on without burying the answer in a long
// matrix. Perfectly consistent judgments (deviation ~0) are left out: nothing to fix there.
constexpr std::size_t kWorstListed = 5;
constexpr double kDeviationFloor = 1e-9;

struct MatrixSettings {
    ahp::PriorityMethod method = ahp::PriorityMethod::Eigenvector;
    ahp::RandomIndexTable riTable = ahp::RandomIndexTable::Saaty1980;
};

MatrixSettings readSettings(const Args& args) {
    MatrixSettings settings;
    if (args.has("--method")) {
        auto method = model::parseMethodName(args.get("--method", ""));
        if (!method)
            throw UsageError("--method: unknown method \"" + args.get("--method", "") +
                             "\" (known: " + model::methodNameList() + ")");
        settings.method = *method;
    }
    if (args.has("--ri")) {
        auto table = model::parseRiTableName(args.get("--ri", ""));
        if (!table)
            throw UsageError("--ri: unknown random index table \"" + args.get("--ri", "") +
                             "\" (known: " + model::riTableNameList() + ")");
        settings.riTable = *table;
    }
    return settings;
}

ordered_json suggestionJson(const ahp::Suggestion& s) {
    ordered_json out;
    out["i"] = s.i + 1;
    out["j"] = s.j + 1;
    out["value"] = model::jsonNumber<ordered_json>(s.value);
    out["suggested"] = model::jsonNumber<ordered_json>(s.suggested);
    out["steps"] = s.steps;
    out["cr_if_changed"] = model::jsonNumber<ordered_json>(s.crIfChanged);
    out["reaches_threshold"] = s.reachesThreshold;
    return out;
}

// Weights, consistency, the judgments most worth revisiting and the question to ask next, for
// one matrix. While the judgments do not connect every item, what needs weights is null.
ordered_json matrixReport(const ahp::PairwiseMatrix& matrix, const MatrixSettings& settings) {
    const bool connected = matrix.isConnected();
    Eigen::VectorXd weights;
    ahp::ConsistencyReport report;
    if (connected) {
        weights = ahp::priorities(matrix, settings.method);
        report = ahp::consistency(matrix, weights, settings.method, settings.riTable);
    }
    auto ifConnected = [connected](const ordered_json& value) { return connected ? value : ordered_json(nullptr); };
    const double threshold = ahp::graduatedCrThreshold(matrix.size());
    ordered_json out;
    out["n"] = matrix.size();
    out["method"] = model::methodName(settings.method);
    out["ri_table"] = model::riTableName(settings.riTable);
    out["complete"] = matrix.isComplete();
    out["known"] = matrix.knownCount();
    out["weights"] = ifConnected(model::jsonNumbers<ordered_json>(weights));
    out["lambda_max"] = ifConnected(model::jsonNumber<ordered_json>(report.lambdaMax));
    out["ci"] = ifConnected(model::jsonNumber<ordered_json>(report.ci));
    out["ri"] = model::jsonNumber<ordered_json>(ahp::randomIndex(matrix.size(), settings.riTable));
    out["ri_extrapolated"] = ahp::randomIndexExtrapolated(matrix.size(), settings.riTable);
    out["cr"] = ifConnected(model::jsonNumber<ordered_json>(report.cr));
    out["cr_threshold"] = threshold;
    out["gci"] = ifConnected(model::jsonNumber<ordered_json>(report.gci));
    out["gci_threshold"] = ahp::gciThreshold(matrix.size());
    out["koczkodaj"] = ifConnected(model::jsonNumber<ordered_json>(report.koczkodaj));
    out["consistent"] = ifConnected(report.consistent);
    ordered_json worst = ordered_json::array();
    if (connected)
        for (const auto& advice : ahp::rankJudgments(matrix, settings.method, settings.riTable)) {
            if (worst.size() >= kWorstListed || !(advice.deviation > kDeviationFloor)) break;
            ordered_json entry;
            entry["i"] = advice.i + 1;
            entry["j"] = advice.j + 1;
            entry["value"] = model::jsonNumber<ordered_json>(advice.value);
            entry["implied"] = model::jsonNumber<ordered_json>(advice.implied);
            // The suggestion rule for this judgment alone: null when no change of it lowers CR.
            entry["suggested"] =
                advice.change ? model::jsonNumber<ordered_json>(advice.change->suggested) : ordered_json(nullptr);
            entry["steps"] = advice.change ? ordered_json(advice.change->steps) : ordered_json(nullptr);
            entry["cr_if_changed"] =
                advice.change ? model::jsonNumber<ordered_json>(advice.change->crIfChanged) : ordered_json(nullptr);
            worst.push_back(entry);
        }
    out["worst"] = worst;
    const auto suggestion = ahp::suggestChange(matrix, settings.method, settings.riTable, threshold);
    out["suggestion"] = suggestion ? suggestionJson(*suggestion) : ordered_json(nullptr);
    const ahp::QuestionAdvice question = ahp::nextQuestion(matrix, settings.method);
    out["next"] = question.next ? ordered_json{{"i", question.next->first + 1}, {"j", question.next->second + 1}}
                                : ordered_json(nullptr);
    out["settled"] = question.settled;
    return out;
}

}  // namespace

int runPriorities(const std::vector<std::string>& words, std::istream& in, std::ostream& out) {
    Args args = parseArgs("priorities", words, {"--method", "--ri"});
    if (!args.positional.empty())
        throw UsageError("priorities reads the matrix from stdin; unexpected argument \"" + args.positional.front() +
                         "\"");
    MatrixSettings settings = readSettings(args);
    ahp::PairwiseMatrix matrix = model::parseMatrixText(readAll(in));
    out << matrixReport(matrix, settings).dump(2) << "\n";
    return 0;
}

int runAggregate(const std::vector<std::string>& words, std::istream& in, std::ostream& out) {
    Args args = parseArgs("aggregate", words, {"--method", "--ri", "--weights"});
    if (!args.positional.empty())
        throw UsageError("aggregate reads the matrices from stdin; unexpected argument \"" + args.positional.front() +
                         "\"");
    MatrixSettings settings = readSettings(args);
    std::vector<model::MatrixLine> lines = model::parseUpperTriangleLines(readAll(in));
    std::vector<double> weights;
    if (args.has("--weights")) {
        weights = model::parseWeightList(args.get("--weights", ""), "--weights");
        if (weights.size() != lines.size())
            throw UsageError("--weights: " + std::to_string(weights.size()) + " weights for " +
                             std::to_string(lines.size()) + " experts (one per input line)");
    }
    std::vector<ahp::PairwiseMatrix> matrices;
    for (const auto& line : lines) matrices.push_back(line.matrix);
    ahp::PairwiseMatrix group = ahp::aggregateJudgments(matrices, weights);

    ordered_json full = ordered_json::array();
    for (int i = 0; i < group.size(); ++i) {
        ordered_json row = ordered_json::array();
        for (int j = 0; j < group.size(); ++j) row.push_back(model::jsonNumber<ordered_json>(group.get(i, j)));
        full.push_back(row);
    }
    ordered_json report;
    report["experts_count"] = lines.size();
    report["matrix"] = full;
    ordered_json groupReport = matrixReport(group, settings);  // named: items() refers into it
    for (auto& item : groupReport.items()) report[item.key()] = item.value();

    ordered_json experts = ordered_json::array();
    std::vector<Eigen::VectorXd> expertWeights;
    for (const auto& line : lines) {
        ordered_json expert;
        expert["line"] = line.line;
        expert["cr"] = nullptr;  // when the expert's own judgments do not connect all items
        if (line.matrix.isConnected()) {
            Eigen::VectorXd w = ahp::priorities(line.matrix, settings.method);
            expert["cr"] =
                model::jsonNumber<ordered_json>(ahp::consistency(line.matrix, w, settings.method, settings.riTable).cr);
            expertWeights.push_back(w);
        }
        experts.push_back(expert);
    }
    report["experts"] = experts;
    if (expertWeights.size() == lines.size()) {
        ahp::ConsensusReport consensus = ahp::consensus(expertWeights, weights);
        report["consensus"] = {{"s_star", model::jsonNumber<ordered_json>(consensus.sStar)},
                               {"level", ahp::levelName(consensus.level)}};
    } else {
        report["consensus"] = nullptr;
    }
    out << report.dump(2) << "\n";
    return 0;
}

}  // namespace cli
