// The researcher's desk logic (src/ui/research.hpp): files loaded a few at a time give the same
// group as model::loadGroup; inclusion, expert weights and the CR rule change the AIJ matrices
// as hand-computed geometric means say; AIP, distances, consensus and sensitivity.
#include "ui/research.hpp"

#include "../model/test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

model::Model smallModel() { return model::parseModel(test::smallModelJson().dump(), "small.json"); }

std::string file(const model::Model& m, const std::string& name, double ab, double ac, double bc, double a1a2) {
    return model::writeResponse(m, test::smallModelResponse(m, name, ab, ac, bc, a1a2));
}

// Ali is consistent (2, 4, 2); Sara is not (8, 1, 1/2).
std::vector<ui::ImportedFile> files(const model::Model& m) {
    return {{"ali.json", file(m, "Ali", 2, 4, 2, 3)},
            {"sara.json", file(m, "Sara", 8, 1, 0.5, 1.0 / 3)},
            {"bad.json", "{\"format\": \"ahp-response\", \"version\": 1"},
            {"ali-again.json", file(m, "Ali", 3, 3, 3, 3)}};
}

ui::ResearchState loaded(const model::Model& m) {
    ui::ResearchState r;
    ui::researchAddFiles(r, files(m));
    while (ui::researchStep(r, m, 0.0)) {
    }  // one file per step
    return r;
}

const model::GroupSetTable& set(const ui::ResearchState& r, const std::string& id) {
    for (const auto& t : r.tables->sets)
        if (t.set == id) return t;
    FAIL("no set " << id);
    return r.tables->sets.front();
}

void apply(ui::ResearchState& r, const model::Model& m, ui::ResearchAction action) {
    ui::researchApply(r, m, action, "en");
    ui::researchStep(r, m);
}

}  // namespace

TEST_CASE("a choice handed over in parts: progress counts the whole choice, results wait for its last part") {
    const model::Model m = smallModel();
    auto all = files(m);
    std::vector<ui::ImportedFile> first(all.begin(), all.begin() + 2), rest(all.begin() + 2, all.end());
    ui::ResearchState r;
    ui::researchAddFiles(r, first, 2);
    CHECK(r.batchTotal + r.coming == 4);
    while (ui::researchStep(r, m, 0.0)) {
    }
    CHECK(r.processed == 2);
    CHECK(r.experts.size() == 2);
    CHECK_FALSE(r.tables);  // not computed for half a choice
    CHECK_FALSE(r.build);
    ui::researchAddFiles(r, rest, 0);
    CHECK(r.batchTotal + r.coming == 4);  // the same batch, not a new one
    while (ui::researchStep(r, m, 0.0)) {
    }
    CHECK(r.processed == 4);
    REQUIRE(r.tables);
    // The same group as the whole choice at once.
    const ui::ResearchState whole = loaded(m);
    CHECK(r.experts.size() == whole.experts.size());
    CHECK(set(r, "G").matrix(0, 1) == set(whole, "G").matrix(0, 1));
    CHECK(set(r, "G").weights == set(whole, "G").weights);
}

TEST_CASE("files loaded one per frame give loadGroup's group; bad files and older revisions are named") {
    const model::Model m = smallModel();
    ui::ResearchState r;
    ui::researchAddFiles(r, files(m));
    CHECK(r.batchTotal == 4);
    int frames = 0;
    while (ui::researchStep(r, m, 0.0)) {
        ++frames;
        CHECK(r.processed == frames);
    }
    CHECK(frames == 3);  // the fourth file is read by the last call, which then recomputes
    std::vector<std::pair<std::string, std::string>> texts;
    for (const ui::ImportedFile& f : files(m)) texts.emplace_back(f.name, f.bytes);
    const model::LoadedGroup direct = model::loadGroup(m, texts);
    REQUIRE(r.group.responses.size() == 2);
    REQUIRE(r.experts.size() == 2);
    CHECK(r.group.responses[0].file == direct.responses[0].file);
    CHECK(r.group.responses[1].file == direct.responses[1].file);
    REQUIRE(r.group.skipped.size() == 1);
    CHECK(r.group.skipped[0].file == "bad.json");
    CHECK(r.group.skipped[0].message == direct.skipped[0].message);
    REQUIRE(r.group.superseded.size() == 1);  // the same saved_at: the first file stays
    CHECK(r.group.superseded[0].file == "ali-again.json");
    CHECK(r.group.superseded[0].supersededBy == "ali.json");
    CHECK(r.experts[0].answered == 4);
    CHECK(r.experts[0].total == 4);
    REQUIRE(r.experts[0].cr[0]);
    CHECK(*r.experts[0].cr[0] == Approx(0).margin(1e-12));  // 2, 4, 2 is consistent
    REQUIRE(r.experts[1].cr[0]);
    CHECK(*r.experts[1].cr[0] > 0.1);
}

TEST_CASE("files that come parsed (the page's reading worker) give the group their bytes give, in the order given") {
    const model::Model m = smallModel();
    std::vector<ui::ImportedFile> mixed = files(m);
    for (ui::ImportedFile& f : mixed) {  // all but the bad file come parsed
        if (f.name == "bad.json") continue;
        f.response = model::parseResponse(m, f.bytes, f.name);
        f.bytes.clear();
    }
    ui::ResearchState r;
    ui::researchAddFiles(r, mixed);
    CHECK(r.parsedAhead == 3);
    while (ui::researchStep(r, m, 0.0)) {
    }
    const ui::ResearchState whole = loaded(m);
    nlohmann::json a = ui::researchJson(r, m), b = ui::researchJson(whole, m);
    a.erase("parsed_ahead");
    b.erase("parsed_ahead");
    CHECK(a == b);
    REQUIRE(r.group.superseded.size() == 1);  // the order decides which revision stays
    CHECK(r.group.superseded[0].file == "ali-again.json");
}

TEST_CASE("a file not read (too large) is listed at once with the skipped files; the good ones of its drop load") {
    const model::Model m = smallModel();
    ui::ResearchState r;
    ui::researchRefuseFile(r, {"huge.json",
                               "huge.json: the file is 50 MB; a response file is at most 2 MB",
                               "too_large.response",
                               {"50 MB", "2 MB"}});
    REQUIRE(r.group.skipped.size() == 1);
    ui::researchAddFiles(r, files(m));
    while (ui::researchStep(r, m, 0.0)) {
    }
    CHECK(r.experts.size() == 2);
    REQUIRE(r.group.skipped.size() == 2);
    CHECK(r.group.skipped[0].code == "too_large.response");
    CHECK(r.group.skipped[1].file == "bad.json");
    CHECK(ui::researchJson(r, m)["problems"][0]["file"] == "huge.json");
}

TEST_CASE("a newer revision takes its expert's row (the weight stays); identical judgments come in switched off") {
    const model::Model m = smallModel();
    ui::ResearchState r = loaded(m);
    apply(r, m, ui::research_action::Weight{0, 3.0});
    model::Response newer = test::smallModelResponse(m, "Ali", 3, 3, 1, 1);
    newer.savedAt = "2030-01-01T00:00:00Z";
    model::Response twin = test::smallModelResponse(m, "Reza", 8, 1, 0.5, 1.0 / 3);  // Sara's judgments
    ui::researchAddFiles(
        r, {{"ali-new.json", model::writeResponse(m, newer)}, {"reza.json", model::writeResponse(m, twin)}});
    while (ui::researchStep(r, m, 0.0)) {
    }
    REQUIRE(r.experts.size() == 3);
    CHECK(r.group.responses[0].file == "ali-new.json");
    CHECK(r.experts[0].weight == 3.0);
    CHECK(r.experts[0].cr[0]);
    CHECK(r.group.superseded.size() == 2);
    CHECK(r.group.responses[2].identicalTo == "sara.json");
    CHECK_FALSE(r.experts[2].included);
    CHECK(r.includedExperts == std::vector<int>{0, 1});
    apply(r, m, ui::research_action::Include{2, true});
    CHECK(r.includedExperts == std::vector<int>{0, 1, 2});
    const nlohmann::json j = ui::researchJson(r, m);
    CHECK(j["experts"][2]["identical_to"] == "sara.json");
    CHECK(j["superseded"].size() == 2);
}

TEST_CASE("AIJ cells are the weighted geometric means of the included experts' judgments") {
    const model::Model m = smallModel();
    ui::ResearchState r = loaded(m);
    REQUIRE(r.tables);
    // Equal weights: a12 = sqrt(2 * 8) = 4, a13 = sqrt(4 * 1) = 2, a23 = sqrt(2 * 1/2) = 1.
    const auto& g = set(r, "G");
    CHECK(g.expertsAggregated == 2);
    CHECK(g.matrix(0, 1) == Approx(4).epsilon(1e-14));
    CHECK(g.matrix(0, 2) == Approx(2).epsilon(1e-14));
    CHECK(g.matrix(1, 2) == Approx(1).epsilon(1e-14));
    // Row geometric means 2, (1/4)^(1/3), (1/2)^(1/3), normalised.
    const double r1 = 2, r2 = std::cbrt(0.25), r3 = std::cbrt(0.5), sum = r1 + r2 + r3;
    CHECK(g.weights(0) == Approx(r1 / sum).epsilon(1e-12));
    CHECK(g.weights(1) == Approx(r2 / sum).epsilon(1e-12));
    CHECK(g.weights(2) == Approx(r3 / sum).epsilon(1e-12));
    // The set A: sqrt(3 * 1/3) = 1, equal weights.
    CHECK(set(r, "A").matrix(0, 1) == Approx(1).epsilon(1e-14));

    // Weights 3 : 1: a12 = 2^(3/4) 8^(1/4) = 2^1.5, a13 = 4^(3/4) = 2^1.5, a23 = 2^(3/4) (1/2)^(1/4) = 2^0.5.
    apply(r, m, ui::research_action::Weight{0, 3.0});
    CHECK(set(r, "G").matrix(0, 1) == Approx(std::pow(2.0, 1.5)).epsilon(1e-14));
    CHECK(set(r, "G").matrix(0, 2) == Approx(std::pow(2.0, 1.5)).epsilon(1e-14));
    CHECK(set(r, "G").matrix(1, 2) == Approx(std::sqrt(2.0)).epsilon(1e-14));
    CHECK(r.tables->expertWeights == std::vector<double>{3.0, 1.0});

    // Sara left out: the group is Ali.
    apply(r, m, ui::research_action::Include{1, false});
    CHECK(r.includedExperts == std::vector<int>{0});
    CHECK(set(r, "G").matrix(0, 1) == Approx(2).epsilon(1e-14));
    CHECK(set(r, "G").matrix(1, 2) == Approx(2).epsilon(1e-14));
    CHECK(*set(r, "G").consensus == Approx(1));  // one expert agrees with himself

    // Everyone left out: no tables, and the reason.
    apply(r, m, ui::research_action::Include{0, false});
    CHECK_FALSE(r.tables);
    CHECK(r.tablesError == "none-included");
}

TEST_CASE("the CR rule leaves out only the inconsistent matrix of a set") {
    const model::Model m = smallModel();
    ui::ResearchState r = loaded(m);
    apply(r, m, ui::research_action::CrRule{true, 0.1});
    const auto& g = set(r, "G");
    CHECK(g.expertsAggregated == 1);  // Sara's G (CR > 0.1) is out
    CHECK(g.expertIncluded == std::vector<bool>{true, false});
    CHECK(g.matrix(0, 1) == Approx(2).epsilon(1e-14));
    CHECK(set(r, "A").expertsAggregated == 2);  // her 2 x 2 set (CR 0) still counts
    apply(r, m, ui::research_action::CrRule{false, 0.1});
    CHECK(set(r, "G").expertsAggregated == 2);
}

TEST_CASE("AIP, distances and consensus beside AIJ") {
    const model::Model m = smallModel();
    ui::ResearchState r = loaded(m);
    REQUIRE(r.aip.size() == 2);
    // A: experts' weights (3/4, 1/4) and (1/4, 3/4); geometric mean sqrt(3/16) each -> (1/2, 1/2).
    const Eigen::VectorXd& a = r.aip[1];
    REQUIRE(a.size() == 2);
    CHECK(a(0) == Approx(0.5).epsilon(1e-12));
    // Distance in A: |(3/4, 1/4) - (1/2, 1/2)| = sqrt(2)/4 for both; Ali's G equals ... so
    // distances are positive and their mean over the two sets is (dG + dA) / 2.
    const auto& g = set(r, "G");
    const Eigen::VectorXd ali = r.experts[0].priorities[0];
    const double dG = (ali - g.weights).norm();
    const double dA = std::sqrt(2.0) / 4;
    CHECK(r.experts[0].meanDistance == Approx((dG + dA) / 2).epsilon(1e-12));
    CHECK(r.experts[0].maxDistance == Approx(std::max(dG, dA)).epsilon(1e-12));
    CHECK(*set(r, "A").consensus < 1);
}

TEST_CASE("identical priorities in a set give S* = 1 there") {
    const model::Model m = smallModel();
    ui::ResearchState r;
    ui::researchAddFiles(r, {{"a.json", file(m, "A", 2, 4, 2, 5)},
                             {"b.json", file(m, "B", 3, 1, 0.5, 5)},
                             {"c.json", file(m, "C", 1, 1, 1, 5)}});
    while (ui::researchStep(r, m)) {
    }
    REQUIRE(r.experts.size() == 3);
    CHECK(*set(r, "A").consensus == Approx(1).epsilon(1e-12));
    CHECK(set(r, "A").consensusLevel == "very high");
    CHECK(*set(r, "G").consensus < 1);
}

TEST_CASE("the sensitivity slider's weights are the engine's, and a constructed reversal is found") {
    const model::Model m = smallModel();
    ui::ResearchState r = loaded(m);
    const ahp::Hierarchy& h = m.hierarchy;
    const int nodeA = *h.find("A");
    apply(r, m, ui::research_action::SelectNode{nodeA});
    REQUIRE(r.sensitivity);
    CHECK(r.sensitivityWeight == Approx(r.groupResult.localWeight[nodeA]));
    for (std::size_t k = 0; k < r.sensitivity->points.size(); k += 7) {
        const auto& p = r.sensitivity->points[k];
        const auto w = ui::sensitivityLeafWeightsAt(*r.sensitivity, p.weight);
        for (std::size_t l = 0; l < w.size(); ++l) CHECK(w[l] == Approx(p.leafWeights[l]).margin(1e-12));
        CHECK(ahp::rankLeaves(h.leaves(), w) == p.ranking);
    }
    // At A = 0 the leaves under A weigh nothing; at A = 1 they have everything: they must pass B and C.
    REQUIRE_FALSE(r.sensitivity->reversals.empty());
    const auto& first = r.sensitivity->reversals.front();
    const auto before = ahp::rankLeaves(h.leaves(), ui::sensitivityLeafWeightsAt(*r.sensitivity, first.weight - 1e-6));
    const auto after = ahp::rankLeaves(h.leaves(), ui::sensitivityLeafWeightsAt(*r.sensitivity, first.weight + 1e-6));
    CHECK(before != after);
    apply(r, m, ui::research_action::SensitivityWeight{1.0});
    const auto top = ahp::rankLeaves(h.leaves(), ui::sensitivityLeafWeightsAt(*r.sensitivity, r.sensitivityWeight));
    CHECK((h.node(top[0]).id == "A1" || h.node(top[0]).id == "A2"));
}

TEST_CASE("Monte Carlo runs on request, once, and the state JSON carries the group tables") {
    const model::Model m = smallModel();
    ui::ResearchState r = loaded(m);
    CHECK_FALSE(r.monteCarlo);
    ui::researchApply(r, m, ui::research_action::MonteCarlo{500, 0.1}, "en");
    CHECK(r.mcRequested);
    ui::researchStep(r, m);
    REQUIRE(r.monteCarlo);
    CHECK(r.monteCarlo->samples == 500);
    for (const auto& leaf : r.monteCarlo->leaves) CHECK(leaf.p05 <= leaf.p95);
    const nlohmann::json j = ui::researchJson(r, m);
    CHECK(j["group"]["sets"].size() == 2);
    CHECK(j["experts"].size() == 2);
    CHECK(j["problems"][0]["file"] == "bad.json");
    CHECK(j["monte_carlo"]["samples"] == 500);

    // A download is returned, not performed (its outcome reaches the status: reducer_test.cpp).
    auto downloadOf = [](const ui::Effects& effects) {
        REQUIRE(effects.size() == 1);
        const auto* download = std::get_if<ui::effect::Download>(&effects.front());
        REQUIRE(download);
        CHECK(download->requester == ui::Requester::Research);
        return *download;
    };
    ui::effect::Download md = downloadOf(ui::researchApply(r, m, ui::research_action::Download{2}, "en"));
    CHECK(md.filename == "small-group.md");
    CHECK(md.mime == "text/markdown");
    CHECK(md.bytes == model::groupTablesMarkdown(m, *r.tables, "en"));
    // The CSV in the interface's language: Persian labels when the interface is Persian.
    const std::string bytes = downloadOf(ui::researchApply(r, m, ui::research_action::Download{0}, "fa")).bytes;
    CHECK(bytes == model::groupTablesCsv(m, *r.tables, "fa"));
    CHECK(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(bytes.find(",G,هدف,A,هزینه,") != std::string::npos);
}

TEST_CASE("thousands of experts: the group results are computed over several steps, equal to one recompute") {
    const model::Model m = smallModel();
    static const double scale[] = {1.0 / 9, 1.0 / 5, 1.0 / 3, 0.5, 1, 2, 3, 5, 9};
    std::vector<ui::ImportedFile> many;
    for (int k = 0; k < 3000; ++k)
        many.push_back(
            {"e" + std::to_string(k) + ".json", file(m, "Expert " + std::to_string(k), scale[k % 9], scale[(k / 9) % 9],
                                                     scale[(k / 81) % 9], scale[(k / 7) % 9])});
    ui::ResearchState r;
    ui::researchAddFiles(r, many);
    int computingSteps = 0;
    double progress = 0;
    while (ui::researchStep(r, m, 0.0)) {
        if (!r.queue.empty()) continue;
        ++computingSteps;
        REQUIRE(r.build);
        CHECK(ui::researchJson(r, m)["computing"] == true);
        CHECK_FALSE(r.tables);  // nothing half-made is shown
        CHECK(r.buildProgress >= progress);
        progress = r.buildProgress;
    }
    CHECK(computingSteps > 5);  // a slice per step: 3,000 experts x 2 sets x 3 passes
    CHECK_FALSE(r.build);
    REQUIRE(r.tables);
    const nlohmann::json stepped = ui::researchJson(r, m);
    CHECK(stepped["computing"] == false);
    ui::researchRecompute(r, m);
    CHECK(ui::researchJson(r, m) == stepped);

    // A change during a recompute starts it again with the change; the result is the change's.
    ui::researchApply(r, m, ui::research_action::Weight{0, 4.0}, "en");
    ui::researchApply(r, m, ui::research_action::Include{1, false}, "en");
    while (ui::researchStep(r, m, 0.0)) {
    }
    const nlohmann::json changed = ui::researchJson(r, m);
    ui::researchRecompute(r, m);
    CHECK(ui::researchJson(r, m) == changed);
    CHECK(changed["group"]["experts"][0]["weight"] == 4.0);
    CHECK(changed["group"]["experts"].size() == 2999);
}
