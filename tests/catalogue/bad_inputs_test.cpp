// A catalogue of bad (and big) inputs to the model files, response files and text matrices,
// through the functions the `ahp` CLI and the app call. Each bad input must be rejected with a
// ModelError naming the place (JSON path, or line and column/value); each big valid input must
// give a correct result; and no output may hold NaN or infinity.
#include "support.hpp"

#include "model/group.hpp"
#include "model/limits.hpp"
#include "model/matrix_text.hpp"
#include "model/response.hpp"

#include <ahp/ahp.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

std::string modelError(const std::string& text) {
    return catalogue::modelErrorOf([&] { model::parseModel(text, "m.json"); });
}
std::string responseError(const std::string& text) {
    return catalogue::modelErrorOf([&] { model::parseResponse(catalogue::studyModel(), text, "r.json"); });
}
std::string matrixError(const std::string& text) {
    return catalogue::modelErrorOf([&] { model::parseMatrixText(text); });
}
std::string linesError(const std::string& text) {
    return catalogue::modelErrorOf([&] { model::parseUpperTriangleLines(text); });
}

json smallModel() {
    return json::parse(R"({
      "format": "ahp-model", "version": 1, "id": "small",
      "title": {"en": "Small"}, "languages": ["en"],
      "nodes": [
        {"id": "G", "parent": null, "labels": {"en": "Goal"}},
        {"id": "A", "parent": "G", "labels": {"en": "A"}},
        {"id": "B", "parent": "G", "labels": {"en": "B"}},
        {"id": "C", "parent": "G", "labels": {"en": "C"}}
      ]
    })");
}

json studyResponse(json judgments) {
    const auto& study = catalogue::studyModel();
    return {{"format", "ahp-response"},
            {"version", 1},
            {"model", {{"id", study.id}, {"hash", study.hash}}},
            {"expert", {{"name", "Ali"}}},
            {"saved_at", "2024-05-01T09:30:00Z"},
            {"judgments", std::move(judgments)}};
}

json oneJudgment(json value) {
    return json::array({{{"set", "G"}, {"row", "D1"}, {"col", "D2"}, {"value", std::move(value)}}});
}

// No NaN or infinity anywhere in a JSON document (non-finite numbers must be written as null).
void requireFiniteJson(const nlohmann::ordered_json& value) {
    if (value.is_number_float()) REQUIRE(std::isfinite(value.get<double>()));
    if (value.is_structured())
        for (const auto& item : value) requireFiniteJson(item);
}
void requireFiniteJson(const json& value) { requireFiniteJson(nlohmann::ordered_json(value)); }

void requireNoNanText(const std::string& text) {
    for (const char* bad : {"nan", "NaN", "inf", "Inf"}) {
        INFO("looking for " << bad);
        REQUIRE(text.find(bad) == std::string::npos);
    }
}

void requireWeights(const Eigen::VectorXd& w, int n) {
    REQUIRE(w.size() == n);
    REQUIRE(w.allFinite());
    REQUIRE((w.array() > 0).all());
    REQUIRE(std::fabs(w.sum() - 1) <= 1e-9);
}

void requireFiniteReport(const ahp::ConsistencyReport& r) {
    REQUIRE(std::isfinite(r.lambdaMax));
    REQUIRE(std::isfinite(r.ci));
    REQUIRE(std::isfinite(r.cr));
    REQUIRE(std::isfinite(r.gci));
    REQUIRE(std::isfinite(r.koczkodaj));
}

// Deterministic judgments on Saaty's scale.
struct Scale {
    std::uint64_t s;
    double next() {
        static const double values[] = {1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 0.5, 1, 2, 3, 5, 7, 9};
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return values[(s >> 33) % 11];
    }
};

model::Response fullResponse(const model::Model& m, std::uint64_t seed, const std::string& name) {
    Scale scale{seed};
    model::Response r = model::emptyResponse(m);
    r.expert.name = name;
    r.savedAt = "2024-05-01T09:30:00Z";
    for (auto& [set, matrix] : r.judgments)
        for (int i = 0; i < matrix.size(); ++i)
            for (int j = i + 1; j < matrix.size(); ++j) matrix.set(i, j, scale.next());
    return r;
}

// Everything the CLI's `model` and `group` commands and the app compute from a model and some
// responses: response files (write, read back), results, group tables in every format.
void requireCleanOutputs(const model::Model& m, const std::vector<model::Response>& responses) {
    for (const auto& r : responses) {
        const std::string file = model::writeResponse(m, r);
        const model::Response back = model::parseResponse(m, file, "written.json");
        REQUIRE(model::sameJudgments(r.judgments, back.judgments));
        requireFiniteJson(model::hierarchyResultsJson(m, r.judgments));
        requireNoNanText(model::judgmentsCsv(m, r, "en"));
    }
    const model::GroupTables tables = model::buildGroupTables(m, responses);
    REQUIRE(tables.unsolved.empty());
    for (const auto& set : tables.sets) {
        REQUIRE(set.solved);
        requireWeights(set.weights, static_cast<int>(set.items.size()));
        requireFiniteReport(set.consistency);
    }
    double leafSum = 0;
    for (const auto& row : tables.nodes) {
        REQUIRE(std::isfinite(row.globalWeight));
        if (row.leaf) leafSum += row.globalWeight;
    }
    REQUIRE(std::fabs(leafSum - 1) <= 1e-9);
    requireFiniteJson(model::groupTablesJson(m, tables));
    requireNoNanText(model::groupTablesCsv(m, tables, "en"));
    requireNoNanText(model::groupTablesMarkdown(m, tables));
}

void requireCleanSynthesis(const model::Model& m, const ahp::HierarchyJudgments& judgments) {
    for (auto method : {ahp::PriorityMethod::Eigenvector, ahp::PriorityMethod::GeometricMean,
                        ahp::PriorityMethod::NormalizedColumns}) {
        ahp::Settings settings = m.settings;
        settings.method = method;
        const ahp::HierarchyResult r = ahp::synthesize(m.hierarchy, judgments, settings);
        REQUIRE(r.unsolved.empty());
        for (const auto& set : r.sets) requireFiniteReport(set.consistency);
        double leafSum = 0;
        for (int leaf : m.hierarchy.leaves()) {
            REQUIRE(std::isfinite(r.globalWeight[leaf]));
            REQUIRE(r.globalWeight[leaf] > 0);
            leafSum += r.globalWeight[leaf];
        }
        REQUIRE(std::fabs(leafSum - 1) <= 1e-9);
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("Catalogue: empty input", "[catalogue]") {
    for (const std::string text : {"", "   ", "\n\r\n\t "}) {
        REQUIRE(modelError(text) == "m.json: is empty (expected a JSON object)");
        REQUIRE(responseError(text) == "r.json: is empty (expected a JSON object)");
        REQUIRE_THAT(matrixError(text), StartsWith("no input: expected a matrix"));
        REQUIRE_THAT(linesError(text), StartsWith("no input"));
    }
    REQUIRE_THAT(modelError("{}"), Contains("m.json: format: is missing"));
    REQUIRE_THAT(responseError("{}"), Contains("r.json: format: is missing"));
    REQUIRE_THAT(matrixError("# only a comment\n\n"), StartsWith("no input"));
    REQUIRE_THAT(catalogue::modelErrorOf([] { model::parseWeightList("", "--weights"); }),
                 Contains("--weights: no weights given"));
}

TEST_CASE("Catalogue: huge input", "[catalogue][huge]") {
    // Blanks up to each kind's size limit are read (and found empty); the limits themselves are
    // in the "stated limits" cases.
    const std::string blanks(model::limits::kResponseBytes, ' ');
    REQUIRE(modelError(blanks) == "m.json: is empty (expected a JSON object)");
    REQUIRE(responseError(blanks) == "r.json: is empty (expected a JSON object)");
    REQUIRE_THAT(matrixError(blanks), StartsWith("no input"));
    // 4 MB of line ends and then something that is no JSON: the position is counted through
    // all of it, and the message stays one short line.
    const std::string late = modelError(std::string(4 * 1024 * 1024, '\n') + "x}");
    INFO(late.substr(0, 300));
    REQUIRE(late.rfind("m.json: line 4194305, column 1: not a JSON text", 0) == 0);
    REQUIRE(late.size() < 300);
    const std::string lateResponse = responseError(std::string(2 * 1024 * 1024 - 10, ' ') + "[1,,]");
    INFO(lateResponse.substr(0, 300));
    REQUIRE(lateResponse.rfind("r.json: line 1, column 2097146: not valid JSON", 0) == 0);
    REQUIRE(lateResponse.size() < 300);

    // A 10^6-element array where the format wants a few objects: refused by its count.
    std::string million = "[";
    for (int k = 0; k < 1000000; ++k) million += k ? ",1" : "1";
    million += "]";
    json doc = smallModel();
    REQUIRE_THAT(
        modelError(R"({"format":"ahp-model","version":1,"id":"x","languages":["en"],"title":{"en":"T"},"nodes":)" +
                   million + "}"),
        Contains("m.json: nodes: lists 1000000 nodes; a model may have at most 2000"));
    std::string response = studyResponse(json::array()).dump();
    response.replace(response.find("\"judgments\":[]"), 14, "\"judgments\":" + million);
    REQUIRE_THAT(responseError(response),
                 Contains("r.json: judgments: has 1000000 judgments; this model asks for at most 78"));

    // 10^6 values on one line: not a triangle, and the message says how many there were.
    std::string values;
    for (int k = 0; k < 1000000; ++k) values += "3 ";
    REQUIRE_THAT(matrixError(values), StartsWith("line 1: 1000000 values, but an upper triangle has n(n-1)/2 values"));
    // 101 lines of 101 values: more rows than a typed matrix may have.
    std::string rows;
    for (int i = 0; i < 101; ++i) rows += "1 \n";
    REQUIRE_THAT(matrixError(rows), Contains("101 rows is more than this tool handles (100)"));
}

TEST_CASE("Catalogue: deeply nested JSON is rejected without overflowing the stack", "[catalogue][deep]") {
    const int depth = 100000;
    const std::string open(depth, '['), close(depth, ']');
    // Unbalanced: the text ends inside the nesting.
    REQUIRE_THAT(modelError(open), StartsWith("m.json: line 1, column "));
    REQUIRE_THAT(responseError(open), StartsWith("r.json: line 1, column "));
    // Balanced, as a whole document and where free JSON or a number may stand.
    const std::string nested = open + close;
    const std::string nestedObjects = [&] {
        std::string text;
        for (int k = 0; k < depth; ++k) text += "{\"a\":";
        text += "1";
        text += std::string(depth, '}');
        return text;
    }();
    for (const std::string* deep : {&nested, &nestedObjects}) {
        REQUIRE_THAT(modelError(*deep), StartsWith("m.json: "));
        REQUIRE_THAT(responseError(*deep), StartsWith("r.json: "));
        std::string model = smallModel().dump();
        model.pop_back();
        REQUIRE_THAT(modelError(model + ",\"source\":" + *deep + "}"), StartsWith("m.json: "));
        std::string version = smallModel().dump();
        version.replace(version.find("\"version\":1"), 11, "\"version\":" + *deep);
        REQUIRE_THAT(modelError(version), StartsWith("m.json: "));
        std::string response = studyResponse(json::array()).dump();
        response.pop_back();
        REQUIRE_THAT(responseError(response + ",\"results\":" + *deep + "}"), StartsWith("r.json: "));
        REQUIRE_THAT(responseError(studyResponse(oneJudgment(nullptr))
                                       .dump()
                                       .replace(studyResponse(oneJudgment(nullptr)).dump().find("null"), 4, *deep)),
                     StartsWith("r.json: "));
    }
    REQUIRE_THAT(modelError(nested), Contains("nested more than 64 levels deep"));
    // Moderate nesting in free JSON is still accepted.
    std::string model = smallModel().dump();
    model.pop_back();
    REQUIRE(modelError(model + ",\"source\":" + std::string(50, '[') + std::string(50, ']') + "}").empty());
}

TEST_CASE("Catalogue: non-UTF-8 bytes", "[catalogue][utf8]") {
    json doc = smallModel();
    std::string text = doc.dump();
    text.replace(text.find("\"Goal\""), 6, "\"Go\xff\xfe\"");
    REQUIRE_THAT(modelError(text), StartsWith("m.json: line 1, column "));
    REQUIRE_THAT(modelError(text), Contains("UTF-8"));
    // In a label on line 3 of a pretty-printed file: the line is named.
    std::string pretty = doc.dump(1);
    pretty.replace(pretty.find("\"Goal\""), 6, "\"\xc3\x28\"");
    const std::string error = modelError(pretty);
    REQUIRE_THAT(error, Contains("UTF-8"));
    REQUIRE(error.find("line 1,") == std::string::npos);
    // A lone surrogate escape is no character either.
    std::string surrogate = doc.dump();
    surrogate.replace(surrogate.find("\"Goal\""), 6, "\"\\ud800\"");
    REQUIRE_THAT(modelError(surrogate), StartsWith("m.json: line 1, column "));
    // Response: the expert's name.
    std::string response = studyResponse(json::array()).dump();
    response.replace(response.find("\"Ali\""), 5, "\"A\x80li\"");
    REQUIRE_THAT(responseError(response), StartsWith("r.json: line 1, column "));
    // Text matrices: the value is named (and the bytes are shown as they came).
    REQUIRE_THAT(matrixError("3 \xff 5"), StartsWith("line 1, value 2: \"\xff\" is not a number"));
}

TEST_CASE("Catalogue: numbers written as strings", "[catalogue][types]") {
    REQUIRE(responseError(studyResponse(oneJudgment("3")).dump()) ==
            "r.json: judgments[0].value: must be a number, found a string");
    json doc = smallModel();
    doc["version"] = "1";
    REQUIRE(modelError(doc.dump()) == "m.json: version: must be an integer, found \"1\"");
    doc = smallModel();
    doc["settings"] = {{"cr_threshold", "0.1"}};
    REQUIRE(modelError(doc.dump()) == "m.json: settings.cr_threshold: must be a number, found a string");
    doc = smallModel();
    doc["nodes"][1]["reported_local_weight"] = "0.5";
    REQUIRE(modelError(doc.dump()) == "m.json: nodes[1].reported_local_weight: must be a number, found a string");
    json response = studyResponse(json::array());
    response["version"] = "1";
    REQUIRE(responseError(response.dump()) == "r.json: version: must be an integer, found \"1\"");
    // Quoted numbers in a text matrix are not numbers.
    REQUIRE_THAT(matrixError("\"3\" 5 1"), StartsWith("line 1, value 1: \"\"3\"\" is not a number"));
}

TEST_CASE("Catalogue: negative and zero judgments", "[catalogue][values]") {
    REQUIRE(responseError(studyResponse(oneJudgment(0)).dump()) ==
            "r.json: judgments[0].value: 0 must be a finite positive number");
    REQUIRE(responseError(studyResponse(oneJudgment(-3)).dump()) ==
            "r.json: judgments[0].value: -3 must be a finite positive number");
    REQUIRE(responseError(studyResponse(oneJudgment(-0.0)).dump()) ==
            "r.json: judgments[0].value: -0.0 must be a finite positive number");
    REQUIRE(responseError(studyResponse(oneJudgment(10)).dump()) ==
            "r.json: judgments[0].value: 10 is outside the questionnaire's scale 1/9 .. 9");
    REQUIRE_THAT(matrixError("3 0 5"), StartsWith("line 1, value 2: \"0\" is zero"));
    REQUIRE_THAT(matrixError("3 -5 5"), StartsWith("line 1, value 2: \"-5\" is negative"));
    REQUIRE_THAT(matrixError("1 2 3\n1/2 1 -1\n1/3 -1 1"), StartsWith("line 2, value 3: \"-1\" is negative"));
    REQUIRE_THAT(matrixError("3 0/2 5"), StartsWith("line 1, value 2: \"0/2\" is zero"));
    REQUIRE_THAT(linesError("3 5 1\n3 -0 1"), StartsWith("line 2, value 2: \"-0\" is zero"));
    REQUIRE_THAT(catalogue::modelErrorOf([] { model::parseWeightList("1,0,2", "--weights"); }),
                 StartsWith("--weights value 2: \"0\" must be a finite positive number"));
    ahp::PairwiseMatrix m(3);
    REQUIRE_THROWS_WITH(m.set(1, 2, -1), Contains("row 2, column 3") && Contains("-1"));
    REQUIRE_THROWS_WITH(m.set(0, 1, 0), Contains("row 1, column 2"));
}

TEST_CASE("Catalogue: NaN and Infinity tokens", "[catalogue][values]") {
    for (const char* token : {"NaN", "Infinity", "-Infinity", "nan", "inf"}) {
        std::string response = studyResponse(oneJudgment(1)).dump();
        response.replace(response.find("\"value\":1") + 8, 1, token);
        INFO(response);
        REQUIRE_THAT(responseError(response), StartsWith("r.json: line 1, column "));
        REQUIRE_THAT(responseError(response), Contains("not valid JSON"));
        std::string model = smallModel().dump();
        model.replace(model.find("\"version\":1") + 10, 1, token);
        REQUIRE_THAT(modelError(model), StartsWith("m.json: line 1, column "));
    }
    std::string overflow = studyResponse(oneJudgment(1)).dump();
    overflow.replace(overflow.find("\"value\":1") + 8, 1, "1e999");
    REQUIRE_THAT(responseError(overflow), StartsWith("r.json: line 1, column "));
    REQUIRE_THAT(responseError(overflow), Contains("numbers must be finite"));
    for (const char* token : {"nan", "NaN", "inf", "Infinity", "-inf", "0x10"})
        REQUIRE_THAT(matrixError(std::string("3 ") + token + " 5"),
                     StartsWith(std::string("line 1, value 2: \"") + token + "\" is not a number"));
    REQUIRE_THAT(matrixError("3 1e999 5"), StartsWith("line 1, value 2: \"1e999\" is too large"));
    // Finite but far-off ratios (found by fuzz_matrix: 1e300 1e-150 7e300 gave a weight of 0).
    REQUIRE_THAT(matrixError("1e300 1e-150 7e300"), StartsWith("line 1, value 1: \"1e300\" is outside 1/1000 .. 1000"));
    REQUIRE_THAT(matrixError("3 1/5000 5"), StartsWith("line 1, value 2: \"1/5000\" is outside 1/1000 .. 1000"));
    REQUIRE_NOTHROW(model::parseMatrixText("1000 1/1000 0.001"));
    REQUIRE_THAT(matrixError("3 1/0 5"), StartsWith("line 1, value 2: \"1/0\" divides by zero"));
    REQUIRE_THAT(matrixError("3 nan/2 5"), StartsWith("line 1, value 2: \"nan/2\" is not a number or fraction"));
    REQUIRE_THAT(catalogue::modelErrorOf([] { model::parseWeightList("1 inf", "--weights"); }),
                 StartsWith("--weights value 2: \"inf\" is not a number"));
    ahp::PairwiseMatrix m(2);
    REQUIRE_THROWS_WITH(m.set(0, 1, std::nan("")), Contains("row 1, column 2"));
    REQUIRE_THROWS_WITH(m.set(0, 1, INFINITY), Contains("row 1, column 2"));
}

// ---------------------------------------------------------------------------------------------
// Big valid inputs.
namespace {

std::string labelsFor(const std::string& id) { return R"({"en":"Node )" + id + R"(","fa":"گره )" + id + R"("})"; }

std::string bigModel(const std::vector<std::pair<std::string, std::string>>& nodes) {
    std::string text =
        R"({"format":"ahp-model","version":1,"id":"big","title":{"en":"Big","fa":"بزرگ"},"languages":["en","fa"],"nodes":[)";
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        text += k ? "," : "";
        text += R"({"id":")" + nodes[k].first + R"(","parent":)" +
                (nodes[k].second.empty() ? "null" : "\"" + nodes[k].second + "\"") + R"(,"labels":)" +
                labelsFor(nodes[k].first) + "}";
    }
    return text + "]}";
}

}  // namespace

TEST_CASE("Catalogue: a 1,000-node hierarchy loads and synthesizes", "[catalogue][big]") {
    SECTION("bushy: goal, 9 criteria, 81 sub-criteria, 909 indicators") {
        std::vector<std::pair<std::string, std::string>> nodes{{"G", ""}};
        for (int a = 0; a < 9; ++a) nodes.push_back({"A" + std::to_string(a), "G"});
        for (int a = 0; a < 9; ++a)
            for (int b = 0; b < 9; ++b)
                nodes.push_back({"B" + std::to_string(a) + "." + std::to_string(b), "A" + std::to_string(a)});
        for (int k = 0; nodes.size() < 1000; ++k)
            nodes.push_back(
                {"L" + std::to_string(k), "B" + std::to_string((k % 81) / 9) + "." + std::to_string(k % 9)});
        const model::Model m = model::parseModel(bigModel(nodes), "big.json");
        REQUIRE(m.hierarchy.nodes().size() == 1000);
        REQUIRE(m.hierarchy.leaves().size() == 909);
        REQUIRE(m.hierarchy.comparisonSets().size() == 91);
        std::vector<model::Response> responses;
        for (int e = 0; e < 3; ++e) responses.push_back(fullResponse(m, 11 + e, "Expert " + std::to_string(e)));
        requireCleanSynthesis(m, responses[0].judgments);
        requireCleanOutputs(m, responses);
    }
    SECTION("deep: a chain of 500 sets, 1,000 nodes, listed leaves first") {
        // Node Ck has children C(k+1) and Lk: depth 500. Listed in reverse to exercise ordering.
        std::vector<std::pair<std::string, std::string>> nodes;
        for (int k = 0; k < 500; ++k) {
            nodes.push_back({"L" + std::to_string(k), "C" + std::to_string(k)});
            if (k < 499)
                nodes.push_back({"C" + std::to_string(k + 1), "C" + std::to_string(k)});
            else
                nodes.push_back({"L" + std::to_string(k) + "b", "C" + std::to_string(k)});
        }
        nodes.push_back({"C0", ""});
        std::reverse(nodes.begin(), nodes.end());
        const model::Model m = model::parseModel(bigModel(nodes), "deep.json");
        REQUIRE(m.hierarchy.nodes().size() == 1001);
        REQUIRE(m.hierarchy.comparisonSets().size() == 500);
        std::vector<model::Response> responses{fullResponse(m, 5, "One"), fullResponse(m, 6, "Two")};
        requireCleanSynthesis(m, responses[0].judgments);
        requireCleanOutputs(m, responses);
    }
}

TEST_CASE("Catalogue: a parent with 60 children", "[catalogue][big]") {
    std::vector<std::pair<std::string, std::string>> nodes{{"G", ""}};
    for (int k = 0; k < 60; ++k) nodes.push_back({"X" + std::to_string(k), "G"});
    const model::Model m = model::parseModel(bigModel(nodes), "wide.json");
    REQUIRE(m.hierarchy.judgmentCount() == 60 * 59 / 2);
    const model::Response r = fullResponse(m, 3, "Wide");
    const ahp::PairwiseMatrix& matrix = r.judgments.at("G");
    REQUIRE(matrix.size() == 60);
    REQUIRE(matrix.isComplete());
    for (auto method : {ahp::PriorityMethod::Eigenvector, ahp::PriorityMethod::GeometricMean,
                        ahp::PriorityMethod::NormalizedColumns}) {
        const Eigen::VectorXd w = ahp::priorities(matrix, method);
        requireWeights(w, 60);
        for (auto table : {ahp::RandomIndexTable::Saaty1980, ahp::RandomIndexTable::AlonsoLamata2006,
                           ahp::RandomIndexTable::DoneganDodd1991}) {
            const auto report = ahp::consistency(matrix, w, method, table);
            requireFiniteReport(report);
            REQUIRE(report.ri > 0);
            REQUIRE(report.cr > 0);  // random judgments are far from consistent
        }
    }
    const auto advice = ahp::rankJudgments(matrix, ahp::PriorityMethod::Eigenvector, ahp::RandomIndexTable::Saaty1980);
    REQUIRE(advice.size() == 60u * 59u / 2u);
    for (const auto& a : advice) {
        REQUIRE(std::isfinite(a.deviation));
        if (a.change) REQUIRE(std::isfinite(a.change->crIfChanged));
    }
    // The same matrix typed as text (60 lines of 60 values) reads back and gives the same weights.
    std::string text;
    for (int i = 0; i < 60; ++i) {
        for (int j = 0; j < 60; ++j) {
            const double v = *matrix.get(i, j);
            text += (j ? " " : "") + (v >= 1 ? std::to_string(static_cast<int>(v))
                                             : "1/" + std::to_string(static_cast<int>(std::lround(1 / v))));
        }
        text += "\n";
    }
    const ahp::PairwiseMatrix typed = model::parseMatrixText(text);
    REQUIRE(typed.size() == 60);
    const Eigen::VectorXd a = ahp::priorities(matrix, ahp::PriorityMethod::Eigenvector);
    const Eigen::VectorXd b = ahp::priorities(typed, ahp::PriorityMethod::Eigenvector);
    REQUIRE((a - b).cwiseAbs().maxCoeff() < 1e-12);
    // Half the judgments missing (every other one): still solvable by every method.
    model::Response sparse = r;
    int k = 0;
    for (int i = 0; i < 60; ++i)
        for (int j = i + 2; j < 60; ++j)
            if (k++ % 2) sparse.judgments.at("G").clear(i, j);
    requireCleanSynthesis(m, sparse.judgments);
    requireCleanOutputs(m, {r, fullResponse(m, 4, "Other")});
}
