#include "test_support.hpp"

#include "model/group.hpp"
#include "model/text_format.hpp"

#include <cmath>
#include <cstdint>
#include <map>

using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// Two experts on the small model (geometric method). Expert 1 is perfectly consistent.
model::Response expert(const model::Model& m, const std::string& name, double ab, double ac, double bc, double a1a2) {
    return test::smallModelResponse(m, name, ab, ac, bc, a1a2);
}

std::vector<model::Response> twoExperts(const model::Model& m) {
    return {expert(m, "Ali", 2, 4, 2, 3), expert(m, "Sara", 8, 1, 0.5, 1.0 / 3)};
}

const model::GroupSetTable& setTable(const model::GroupTables& t, const std::string& id) {
    for (const auto& set : t.sets)
        if (set.set == id) return set;
    FAIL("no set " << id);
    return t.sets.front();
}

}  // namespace

TEST_CASE("group tables aggregate judgments by geometric mean (AIJ)", "[group]") {
    model::Model m = test::smallModel();
    model::GroupTables t = model::buildGroupTables(m, twoExperts(m));
    REQUIRE(t.sets.size() == 2);
    const auto& g = setTable(t, "G");
    REQUIRE(g.solved);
    CHECK(g.expertsAggregated == 2);
    // Hand-computed: sqrt(2*8) = 4, sqrt(4*1) = 2, sqrt(2*0.5) = 1.
    CHECK(g.matrix(0, 1) == Approx(4).epsilon(1e-12));
    CHECK(g.matrix(0, 2) == Approx(2).epsilon(1e-12));
    CHECK(g.matrix(1, 2) == Approx(1).epsilon(1e-12));
    CHECK(g.matrix(1, 0) == Approx(0.25).epsilon(1e-12));
    CHECK(g.matrix(2, 2) == 1);

    // Row geometric means of the group matrix: 2, 0.25^(1/3), 0.5^(1/3).
    double r1 = 2, r2 = std::cbrt(0.25), r3 = std::cbrt(0.5), sum = r1 + r2 + r3;
    CHECK(g.weights(0) == Approx(r1 / sum).epsilon(1e-12));
    CHECK(g.weights(1) == Approx(r2 / sum).epsilon(1e-12));
    CHECK(g.weights(2) == Approx(r3 / sum).epsilon(1e-12));
    CHECK(g.ranks == std::vector<int>{1, 3, 2});

    // Normalised matrix: each column sums to 1; weighted sum = A w; consistency vector = Aw / w.
    for (int j = 0; j < 3; ++j) CHECK(g.normalized.col(j).sum() == Approx(1).epsilon(1e-12));
    CHECK(g.normalized(0, 1) == Approx(4 / (4 + 1 + 1.0)).epsilon(1e-12));
    Eigen::VectorXd aw = g.matrix * g.weights;
    for (int i = 0; i < 3; ++i) {
        CHECK(g.consistency.weightedSum(i) == Approx(aw(i)).epsilon(1e-12));
        CHECK(g.consistency.consistencyVector(i) == Approx(aw(i) / g.weights(i)).epsilon(1e-12));
    }
    double lambda = g.consistency.consistencyVector.mean();
    CHECK(g.consistency.lambdaMax == Approx(lambda).epsilon(1e-12));
    CHECK(g.consistency.ci == Approx((lambda - 3) / 2).epsilon(1e-12));
    CHECK(g.consistency.ri == Approx(0.58));
    CHECK(g.consistency.cr == Approx((lambda - 3) / 2 / 0.58).epsilon(1e-12));

    // Each expert's own CR: Ali is consistent (2 * 2 = 4), Sara is not.
    REQUIRE(g.expertCr.size() == 2);
    CHECK(*g.expertCr[0] == Approx(0).margin(1e-12));
    CHECK(*g.expertCr[1] > 0.1);
    REQUIRE(g.consensus);
    CHECK(*g.consensus > 0);
    CHECK(*g.consensus < 1);

    // The A set: sqrt(3 * 1/3) = 1, so A1 and A2 share A's weight.
    const auto& a = setTable(t, "A");
    CHECK(a.matrix(0, 1) == Approx(1).epsilon(1e-12));
    CHECK(a.weights(0) == Approx(0.5).epsilon(1e-12));

    // Local and global weights; leaves' global weights sum to 1.
    double leafSum = 0;
    for (const auto& row : t.nodes) {
        if (row.leaf) leafSum += row.globalWeight;
        if (row.id == "A1") {
            CHECK(row.localWeight == Approx(0.5).epsilon(1e-12));
            CHECK(row.globalWeight == Approx(r1 / sum * 0.5).epsilon(1e-12));
        }
    }
    CHECK(leafSum == Approx(1).epsilon(1e-12));
    CHECK(t.leafRanking == std::vector<std::string>{"A1", "A2", "C", "B"});
    CHECK(t.unsolved.empty());
}

TEST_CASE("expert weights make a weighted geometric mean", "[group]") {
    model::Model m = test::smallModel();
    model::GroupOptions options;
    options.expertWeights = {3, 1};
    model::GroupTables t = model::buildGroupTables(m, twoExperts(m), options);
    const auto& g = setTable(t, "G");
    // (2^3 * 8)^(1/4) = 2^1.5; (4^3 * 1)^(1/4) = 2^1.5; (2^3 * 0.5)^(1/4) = 2^0.5
    CHECK(g.matrix(0, 1) == Approx(std::pow(2, 1.5)).epsilon(1e-12));
    CHECK(g.matrix(0, 2) == Approx(std::pow(2, 1.5)).epsilon(1e-12));
    CHECK(g.matrix(1, 2) == Approx(std::sqrt(2)).epsilon(1e-12));

    options.expertWeights = {1};
    CHECK_THROWS_WITH(model::buildGroupTables(m, twoExperts(m), options), "expert weights: 1 given for 2 experts");
}

TEST_CASE("--exclude-above leaves an inconsistent expert out of that set only", "[group]") {
    model::Model m = test::smallModel();
    model::GroupOptions options;
    options.excludeAboveCr = 0.1;
    model::GroupTables t = model::buildGroupTables(m, twoExperts(m), options);
    const auto& g = setTable(t, "G");
    CHECK(g.expertIncluded == std::vector<bool>{true, false});
    CHECK(g.expertsAggregated == 1);
    CHECK(g.matrix(0, 1) == Approx(2).epsilon(1e-12));  // Ali's judgments alone
    CHECK(g.matrix(0, 2) == Approx(4).epsilon(1e-12));
    CHECK(g.consistency.cr == Approx(0).margin(1e-12));
    const auto& a = setTable(t, "A");
    CHECK(a.expertIncluded == std::vector<bool>{true, true});  // n = 2: always consistent
}

TEST_CASE("a set nobody answered is reported unsolved, not a crash", "[group]") {
    model::Model m = test::smallModel();
    model::Response r = expert(m, "Ali", 2, 4, 2, 3);
    r.judgments.at("A") = ahp::PairwiseMatrix(2);
    model::GroupTables t = model::buildGroupTables(m, {r});
    CHECK(t.unsolved == std::vector<std::string>{"A"});
    CHECK_FALSE(setTable(t, "A").solved);
    CHECK(setTable(t, "A").problem == "no expert gave judgments for this set");
    std::string out = model::groupTablesJson(m, t).dump();
    CHECK(out.find("NaN") == std::string::npos);
    CHECK_THAT(model::groupTablesMarkdown(m, t), Contains("Not solved: no expert gave judgments"));
    CHECK_THROWS_WITH(model::buildGroupTables(m, std::vector<model::Response>{}), "group: no responses to combine");
}

TEST_CASE("group tables write as JSON, CSV and Markdown", "[group]") {
    model::Model m = test::smallModel();
    model::GroupTables t = model::buildGroupTables(m, twoExperts(m));
    json doc = model::groupTablesJson(m, t);
    CHECK(doc["sets"][0]["set"] == "G");
    CHECK(doc["sets"][0]["matrix"][0][1].get<double>() == Approx(4).epsilon(1e-12));
    CHECK(doc["sets"][0]["expert_cr"].size() == 2);
    CHECK(doc["ranking"][0]["id"] == "A1");
    CHECK(doc["experts"][1]["name"] == "Sara");

    std::string csv = model::groupTablesCsv(m, t, "en");
    CHECK(csv.rfind("\xEF\xBB\xBFtable,expert,role,set,set_label,row,row_label,col,col_label,value\r\n", 0) == 0);
    CHECK_THAT(csv, Contains("\r\nmatrix,,,G,Goal,A,\"Cost, total\",B,\"Quality \"\"Q\"\"\",4\r\n"));
    CHECK_THAT(csv, Contains("\r\nglobal_rank,,,,,A1,Up front,,,1\r\n"));
    CHECK_THAT(csv, Contains("\r\nexpert_cr,Ali,specialist,G,Goal,,,,,"));

    std::string md = model::groupTablesMarkdown(m, t, "en");
    CHECK_THAT(md, Contains("## G: Goal"));
    CHECK_THAT(md, Contains("| AIJ matrix | A | B | C |"));
    CHECK_THAT(md, Contains("## Ranking of the leaves"));
}

namespace {
// RFC 4180 records (fields unquoted, quotes undoubled), after an optional byte-order mark.
std::vector<std::vector<std::string>> csvRecords(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t k = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; k < text.size(); ++k) {
        const char c = text[k];
        if (quoted) {
            if (c != '"')
                field += c;
            else if (k + 1 < text.size() && text[k + 1] == '"')
                field += text[++k];
            else
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n') {
            ++k;
            fields.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(fields));
            fields.clear();
        } else {
            field += c;
        }
    }
    return records;
}
}  // namespace

TEST_CASE("the group CSV is for spreadsheets: byte-order mark, labels in the language, experts by name and role",
          "[group]") {
    model::Model m = test::smallModel();
    auto ali = expert(m, "Doe, \"Ali\"", 2, 4, 2, 3);
    ali.expert.role = "head, \"IT\"";
    auto sara = expert(m, "سارا", 8, 1, 0.5, 1.0 / 3);
    sara.expert.role = "";
    model::GroupOptions options;
    options.expertWeights = {1, 2};
    options.excludeAboveCr = 0.1;
    const model::GroupTables t = model::buildGroupTables(m, std::vector<model::Response>{ali, sara}, options);

    for (const std::string language : {"en", "fa"}) {
        const std::string csv = model::groupTablesCsv(m, t, language);
        REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
        const auto records = csvRecords(csv);
        REQUIRE(records.size() > 1);
        const std::vector<std::string> header{"table", "expert",    "role", "set",       "set_label",
                                              "row",   "row_label", "col",  "col_label", "value"};
        CHECK(records.front() == header);
        std::map<std::string, int> perTable;
        for (std::size_t k = 1; k < records.size(); ++k) {
            const auto& r = records[k];
            REQUIRE(r.size() == header.size());  // a comma or quote in a name or label stays in its field
            ++perTable[r[0]];
            // Every id has its label beside it, in the language asked for.
            for (std::size_t id : {3, 5, 7})
                CHECK(r[id + 1] == (r[id].empty() ? "" : model::nodeLabel(m, r[id], language)));
            const bool perExpert = r[0].rfind("expert_", 0) == 0;
            CHECK(r[1].empty() != perExpert);
            if (!perExpert) continue;
            // The expert's name and role, as given, in the order of the experts.
            const std::size_t e = r[1] == ali.expert.name ? 0 : 1;
            CHECK(r[1] == t.experts[e].name);
            CHECK(r[2] == t.experts[e].role);
            if (r[0] == "expert_weight") CHECK(r[9] == (e == 0 ? "1" : "2"));
            if (r[0] == "expert_cr" || r[0] == "expert_included") {
                const auto& set = setTable(t, r[3]);
                if (r[0] == "expert_cr")
                    CHECK(r[9] == (set.expertCr[e] ? model::formatNumber(*set.expertCr[e]) : ""));
                else
                    CHECK(r[9] == (set.expertIncluded[e] ? "1" : "0"));
            }
        }
        CHECK(perTable["expert_weight"] == 2);
        CHECK(perTable["expert_cr"] == 2 * static_cast<int>(t.sets.size()));
        CHECK(perTable["expert_included"] == 2 * static_cast<int>(t.sets.size()));
        CHECK(perTable["global_weight"] == static_cast<int>(t.nodes.size()));
    }
    const std::string fa = model::groupTablesCsv(m, t, "fa");
    CHECK_THAT(fa, Contains("\r\nweight,,,G,هدف,B,کیفیت,,,"));
    CHECK_THAT(fa, Contains("\r\nexpert_cr,\"Doe, \"\"Ali\"\"\",\"head, \"\"IT\"\"\",A,هزینه,,,,,"));
    CHECK_THAT(fa, Contains("\r\nexpert_included,سارا,,G,هدف,,,,,"));
    CHECK(fa.find("Quality") == std::string::npos);
    // A language the model lacks falls back to its first language.
    CHECK_THAT(model::groupTablesCsv(m, t, "de"), Contains("\r\nlocal_weight,,,G,Goal,C,Speed,,,"));
}

TEST_CASE("loading a group skips bad files, uses each expert's newest file and reports identical judgments",
          "[group]") {
    model::Model m = test::smallModel();
    auto ali = expert(m, "Ali", 2, 4, 2, 3);
    ali.savedAt = "2024-05-01T09:00:00Z";
    auto sara = expert(m, "Sara", 8, 1, 0.5, 1.0 / 3);
    auto aliRevised = expert(m, "  Ali ", 3, 3, 1, 1);  // same expert after trimming, newer
    aliRevised.savedAt = "2024-05-02T08:00:00.5Z";
    auto aliOldest = expert(m, "Ali", 5, 5, 1, 1);
    aliOldest.savedAt = "2024-04-30T10:00:00Z";
    auto copyOfSara = sara;
    copyOfSara.expert.name = "Reza";
    std::string wrongModel = model::writeResponse(m, ali);
    wrongModel.replace(wrongModel.find(m.hash), m.hash.size(), "ffffffffffffffff");

    model::LoadedGroup group = model::loadGroup(m, {{"ali.json", model::writeResponse(m, ali)},
                                                    {"old.json", wrongModel},
                                                    {"sara.json", model::writeResponse(m, sara)},
                                                    {"ali2.json", model::writeResponse(m, aliRevised)},
                                                    {"reza.json", model::writeResponse(m, copyOfSara)},
                                                    {"ali0.json", model::writeResponse(m, aliOldest)},
                                                    {"junk.json", "{\"format\": "}});
    // One place per expert, in first-seen order; Ali's place holds his newest file.
    REQUIRE(group.responses.size() == 3);
    CHECK(group.responses[0].file == "ali2.json");
    CHECK(group.responses[1].file == "sara.json");
    CHECK(group.responses[2].file == "reza.json");
    CHECK(group.responses[2].identicalTo == "sara.json");
    REQUIRE(group.skipped.size() == 2);
    CHECK(group.skipped[0].file == "old.json");
    CHECK(group.skipped[0].code == "other_model");
    CHECK_THAT(group.skipped[0].message, Contains("old.json: model.hash: expected"));
    CHECK_THAT(group.skipped[1].message, Contains("junk.json: line 1"));
    CHECK(group.skipped[1].code == "truncated");
    // Every older file points at the one used, whichever order they came in.
    REQUIRE(group.superseded.size() == 2);
    CHECK(group.superseded[0].file == "ali.json");
    CHECK(group.superseded[0].supersededBy == "ali2.json");
    CHECK(group.superseded[1].file == "ali0.json");
    CHECK(group.superseded[1].supersededBy == "ali2.json");
    REQUIRE(group.duplicates.size() == 1);
    CHECK(group.duplicates[0].file == "reza.json");
    CHECK_THAT(group.duplicates[0].reason, Contains("identical judgments to sara.json"));
    // Left out by default, brought back on request.
    CHECK(model::usedResponses(group) == std::vector<std::size_t>{0, 1});
    CHECK(model::usedResponses(group, true) == std::vector<std::size_t>{0, 1, 2});
    const auto files = model::groupFilesJson(group, model::usedResponses(group));
    CHECK(files["used"] == nlohmann::ordered_json({"ali2.json", "sara.json"}));
    CHECK(files["superseded"][0]["superseded_by"] == "ali2.json");
    CHECK(files["duplicates"][0]["included"] == false);
    CHECK(files["skipped"][1]["code"] == "truncated");
}

TEST_CASE("a newer revision of an expert replaces the older one in place, ties keep the first", "[group]") {
    model::Model m = test::smallModel();
    auto first = expert(m, "Ali", 2, 4, 2, 3);
    auto same = expert(m, "Ali", 3, 3, 1, 1);  // the same saved_at
    model::LoadedGroup group;
    CHECK(model::addToGroup(group, m, "a.json", model::writeResponse(m, first)).kind == model::AddResult::Kind::Added);
    const auto tie = model::addToGroup(group, m, "b.json", model::writeResponse(m, same));
    CHECK(tie.kind == model::AddResult::Kind::Superseded);
    CHECK(group.responses[0].file == "a.json");
    same.savedAt = "2030-01-01T00:00:00Z";
    const auto newer = model::addToGroup(group, m, "c.json", model::writeResponse(m, same));
    CHECK(newer.kind == model::AddResult::Kind::Replaced);
    CHECK(newer.index == 0);
    CHECK(group.responses[0].file == "c.json");
    CHECK(group.superseded[0].supersededBy == "c.json");  // b.json now points at the one used
    CHECK(group.superseded[1].file == "a.json");
    // The replaced judgments no longer count as taken: another expert with them is not a twin.
    auto other = expert(m, "Sara", 2, 4, 2, 3);
    model::addToGroup(group, m, "d.json", model::writeResponse(m, other));
    CHECK(group.responses[1].identicalTo.empty());
}

TEST_CASE("expertSetResults: an expert's own weights and CR per set, the group tables' expert_cr", "[group]") {
    model::Model m = test::smallModel();
    model::Response ali = expert(m, "Ali", 2, 4, 2, 3);  // consistent: weights 4:2:1
    ali.judgments.at("A").clear(0, 1);                   // set A unanswered
    const model::ExpertSetResults own = model::expertSetResults(m, ali);
    REQUIRE(own.cr.size() == 2);
    REQUIRE(own.priorities.size() == 2);
    REQUIRE(own.cr[0]);
    CHECK(*own.cr[0] == Approx(0).margin(1e-12));
    REQUIRE(own.priorities[0].size() == 3);
    CHECK(own.priorities[0](0) == Approx(4.0 / 7).epsilon(1e-12));
    CHECK(own.priorities[0](2) == Approx(1.0 / 7).epsilon(1e-12));
    CHECK_FALSE(own.cr[1]);
    CHECK(own.priorities[1].size() == 0);

    const model::Response sara = expert(m, "Sara", 8, 1, 0.5, 1.0 / 3);
    const model::GroupTables t = model::buildGroupTables(m, std::vector<model::Response>{ali, sara});
    const model::ExpertSetResults saraOwn = model::expertSetResults(m, sara);
    for (std::size_t s = 0; s < t.sets.size(); ++s) {
        CHECK(t.sets[s].expertCr[0] == own.cr[s]);
        CHECK(t.sets[s].expertCr[1] == saraOwn.cr[s]);
    }
    CHECK_FALSE(t.sets[1].expertIncluded[0]);  // unanswered: not aggregated
}

TEST_CASE("the group tables built a few experts at a time are buildGroupTables' to the bit", "[group]") {
    model::Model m = test::smallModel();
    // 40 experts from a fixed generator: Saaty-scale judgments, some missing, unequal weights.
    static const double scale[] = {1.0 / 9, 1.0 / 5, 1.0 / 3, 0.5, 1, 2, 3, 5, 9};
    std::uint64_t s = 12345;
    auto next = [&] { return (s = s * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
    std::vector<model::Response> experts;
    std::vector<double> weights;
    for (int k = 0; k < 40; ++k) {
        model::Response r = expert(m, "Expert " + std::to_string(k), scale[next() % 9], scale[next() % 9],
                                   scale[next() % 9], scale[next() % 9]);
        if (next() % 5 == 0) r.judgments.at("G").clear(0, 2);
        experts.push_back(r);
        weights.push_back(1 + double(next() % 4));
    }
    std::vector<const model::Response*> pointers;
    for (const auto& r : experts) pointers.push_back(&r);
    for (const bool weighted : {false, true}) {
        model::GroupOptions options;
        if (weighted) options.expertWeights = weights;
        options.excludeAboveCr = 0.3;
        const std::string whole = model::groupTablesJson(m, model::buildGroupTables(m, experts, options)).dump();
        for (std::size_t units : {std::size_t(1), std::size_t(7), std::size_t(1000)}) {
            model::GroupTablesBuilder builder(m, pointers, options);
            double progress = 0;
            int calls = 0;
            while (!builder.step(units)) {
                CHECK(builder.progress() >= progress);
                progress = builder.progress();
                ++calls;
            }
            CHECK(builder.progress() == 1.0);
            if (units == 1) CHECK(calls > 100);  // the work was spread out
            CHECK(model::groupTablesJson(m, builder.take()).dump() == whole);
        }
        // And the same as the engine's one-call functions over the included experts.
        const model::GroupTables t = model::buildGroupTables(m, experts, options);
        for (std::size_t set = 0; set < t.sets.size(); ++set) {
            std::vector<ahp::PairwiseMatrix> included;
            std::vector<double> includedWeights;
            std::vector<Eigen::VectorXd> priorities;
            for (std::size_t e = 0; e < experts.size(); ++e) {
                if (!t.sets[set].expertIncluded[e]) continue;
                included.push_back(experts[e].judgments.at(t.sets[set].set));
                includedWeights.push_back(weighted ? weights[e] : 1.0);
                priorities.push_back(model::expertSetResults(m, experts[e]).priorities[set]);
            }
            REQUIRE(!included.empty());
            CHECK(t.sets[set].aggregated == ahp::aggregateJudgments(included, includedWeights));
            REQUIRE(t.sets[set].consensus);
            CHECK(*t.sets[set].consensus == ahp::consensus(priorities, includedWeights).sStar);
        }
    }
}
