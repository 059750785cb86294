#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ahp;
using namespace testutil;
using Catch::Contains;

namespace {
// G -> C1, C2, C3; C1 -> X1, X2; C2 -> Y1, Y2, Y3; C3 -> Z (only child).
Hierarchy sample() {
    Hierarchy h;
    h.add("G", "", {{"en", "Goal"}, {"fa", "هدف"}});
    h.add("C1", "G");
    h.add("C2", "G");
    h.add("C3", "G");
    h.add("X1", "C1");
    h.add("X2", "C1");
    h.add("Y1", "C2");
    h.add("Y2", "C2");
    h.add("Y3", "C2");
    h.add("Z", "C3");
    return h;
}
int idx(const Hierarchy& h, const char* id) { return *h.find(id); }
}  // namespace

TEST_CASE("Hierarchy construction and validation", "[hierarchy][errors]") {
    Hierarchy h = sample();
    CHECK(h.root() == 0);
    CHECK(h.node(0).labels.at("en") == "Goal");
    CHECK(h.node(idx(h, "C2")).children.size() == 3);
    CHECK(h.node(idx(h, "Y2")).parent == idx(h, "C2"));
    CHECK_FALSE(h.find("nope").has_value());
    REQUIRE_THROWS_WITH(h.add("C1", "G"), Contains("duplicate") && Contains("C1"));
    REQUIRE_THROWS_WITH(h.add("W", "Q"), Contains("unknown parent") && Contains("Q"));
    REQUIRE_THROWS_WITH(h.add("R2", ""), Contains("second root") && Contains("R2"));
    REQUIRE_THROWS_AS(h.add("", "G"), Error);
    Hierarchy empty;
    CHECK(empty.root() == -1);
    CHECK(empty.leaves().empty());
    REQUIRE_THROWS_WITH(empty.add("A", "G"), Contains("unknown parent"));
}

TEST_CASE("Leaves, comparison sets and judgment count in depth-first order", "[hierarchy]") {
    Hierarchy h = sample();
    std::vector<std::string> leaves, sets;
    for (int k : h.leaves()) leaves.push_back(h.node(k).id);
    for (int k : h.comparisonSets()) sets.push_back(h.node(k).id);
    CHECK(leaves == std::vector<std::string>{"X1", "X2", "Y1", "Y2", "Y3", "Z"});
    CHECK(sets == std::vector<std::string>{"G", "C1", "C2"});
    CHECK(h.judgmentCount() == 3 + 1 + 3);
}

TEST_CASE("Synthesis of a small hierarchy checked by hand", "[hierarchy][synthesis]") {
    Hierarchy h = sample();
    HierarchyJudgments j;
    j["G"] = consistentMatrix({0.5, 0.3, 0.2});  // a12 = 5/3, a13 = 5/2, a23 = 3/2
    PairwiseMatrix c1(2);
    c1.set(0, 1, 0.25);  // X2 four times X1: (0.2, 0.8)
    j["C1"] = c1;
    PairwiseMatrix y(3);  // C2: only one judgment, Y3 unreachable -> unsolved
    y.set(0, 1, 2);
    j["C2"] = y;
    j["unrelated"] = c1;  // ignored

    for (auto method :
         {PriorityMethod::Eigenvector, PriorityMethod::GeometricMean, PriorityMethod::NormalizedColumns}) {
        Settings s;
        s.method = method;
        const HierarchyResult r = synthesize(h, j, s);
        REQUIRE(r.sets.size() == 2);
        CHECK(r.sets[0].parentId == "G");
        CHECK(r.sets[1].parentId == "C1");
        CHECK(r.sets[0].complete);
        CHECK(r.sets[0].consistency.cr < 1e-12);
        CHECK(r.unsolved == std::vector<std::string>{"C2"});
        // Globals: X1 = 0.5 * 0.2 = 0.1, X2 = 0.5 * 0.8 = 0.4, Y* = 0 (unsolved), Z = 0.2 * 1.
        CHECK(r.localWeight[0] == 1);
        CHECK(r.localWeight[idx(h, "Z")] == 1);
        CHECK(std::abs(r.globalWeight[idx(h, "C1")] - 0.5) < 1e-12);
        CHECK(std::abs(r.globalWeight[idx(h, "X1")] - 0.1) < 1e-12);
        CHECK(std::abs(r.globalWeight[idx(h, "X2")] - 0.4) < 1e-12);
        CHECK(std::abs(r.globalWeight[idx(h, "Z")] - 0.2) < 1e-12);
        CHECK(r.globalWeight[idx(h, "Y1")] == 0);
        CHECK(r.globalWeight[idx(h, "Y3")] == 0);
        std::vector<std::string> ranking;
        for (int k : r.leafRanking) ranking.push_back(h.node(k).id);
        CHECK(ranking == std::vector<std::string>{"X2", "Z", "X1", "Y1", "Y2", "Y3"});
    }
}

TEST_CASE("Synthesis: missing or wrongly sized matrices are unsolved, not errors", "[hierarchy][synthesis]") {
    Hierarchy h = sample();
    HierarchyJudgments j;
    j["G"] = PairwiseMatrix(4);  // wrong size
    PairwiseMatrix y(3);
    y.set(0, 1, 2);
    y.set(1, 2, 3);
    j["C2"] = y;  // incomplete but connected: solved
    HierarchyResult r;
    REQUIRE_NOTHROW(r = synthesize(h, j, Settings{}));
    CHECK(r.unsolved == std::vector<std::string>{"G", "C1"});
    REQUIRE(r.sets.size() == 1);
    CHECK(r.sets[0].parentId == "C2");
    CHECK_FALSE(r.sets[0].complete);
    CHECK(std::abs(r.localWeight[idx(h, "Y1")] - 0.6) < 1e-12);  // 6:3:1
    for (int k : h.leaves()) CHECK(r.globalWeight[k] == 0);      // G unsolved: everything below is 0

    // Fully solved: leaf global weights sum to 1.
    Lcg g(3);
    j["G"] = randomMatrix(3, g);
    j["C1"] = randomMatrix(2, g);
    j["C2"] = randomMatrix(3, g);
    r = synthesize(h, j, Settings{});
    CHECK(r.unsolved.empty());
    double total = 0;
    for (int k : h.leaves()) total += r.globalWeight[k];
    CHECK(std::abs(total - 1) < 1e-12);
    for (size_t k = 1; k < r.leafRanking.size(); ++k)
        CHECK(r.globalWeight[r.leafRanking[k - 1]] >= r.globalWeight[r.leafRanking[k]]);
}

TEST_CASE("rankOrder and rankLeaves: highest first, ties keep the given order", "[hierarchy]") {
    CHECK(rankOrder({0.2, 0.5, 0.2, 0.1, 0.5}) == std::vector<int>{1, 4, 0, 2, 3});
    CHECK(rankOrder({}).empty());
    CHECK(rankLeaves({7, 8, 9}, {0.25, 0.5, 0.25}) == std::vector<int>{8, 7, 9});
    CHECK_THROWS_AS(rankLeaves({7, 8, 9}, {0.5, 0.5}), Error);
}
