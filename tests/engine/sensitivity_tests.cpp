#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ahp;
using namespace testutil;
using Catch::Contains;

namespace {
// G -> C1 (0.6), C2 (0.4); C1 -> P (0.8), Q (0.2); C2 -> R (0.5), S (0.5).
// Node indices: G 0, C1 1, C2 2, P 3, Q 4, R 5, S 6.
struct Fixture {
    Hierarchy h;
    HierarchyResult base;
    Fixture() {
        for (auto [id, parent] : {std::pair<const char*, const char*>{"G", ""},
                                  {"C1", "G"},
                                  {"C2", "G"},
                                  {"P", "C1"},
                                  {"Q", "C1"},
                                  {"R", "C2"},
                                  {"S", "C2"}})
            h.add(id, parent);
        HierarchyJudgments j;
        j["G"] = consistentMatrix({0.6, 0.4});
        j["C1"] = consistentMatrix({0.8, 0.2});
        j["C2"] = consistentMatrix({0.5, 0.5});
        base = synthesize(h, j, Settings{});
    }
};
}  // namespace

TEST_CASE("Sensitivity finds a constructed rank reversal at the right weight", "[sensitivity]") {
    Fixture f;
    // With C1's weight x: P = 0.8x, Q = 0.2x, R = S = 0.5(1 - x).
    // P meets R and S at 0.8x = 0.5 - 0.5x -> x = 5/13; Q meets them at 0.2x = 0.5 - 0.5x -> x = 5/7.
    const SensitivityReport r = sensitivity(f.h, f.base, 1, 10);
    CHECK(r.node == 1);
    CHECK(std::abs(r.baseWeight - 0.6) < 1e-12);
    REQUIRE(r.reversals.size() == 4);
    CHECK(r.reversals[0].weight == Approx(5.0 / 13).epsilon(1e-12));
    CHECK(r.reversals[0].leafA == 5);  // R was above P before the point
    CHECK(r.reversals[0].leafB == 3);
    CHECK(r.reversals[1].weight == Approx(5.0 / 13).epsilon(1e-12));
    CHECK(r.reversals[1].leafA == 6);
    CHECK(r.reversals[1].leafB == 3);
    CHECK(r.reversals[2].weight == Approx(5.0 / 7).epsilon(1e-12));
    CHECK(r.reversals[2].leafA == 5);
    CHECK(r.reversals[2].leafB == 4);
    CHECK(r.reversals[3].weight == Approx(5.0 / 7).epsilon(1e-12));
    CHECK(r.reversals[3].leafA == 6);
    CHECK(r.reversals[3].leafB == 4);

    REQUIRE(r.points.size() == 11);
    for (size_t k = 0; k < r.points.size(); ++k) {
        const auto& p = r.points[k];
        const double x = k / 10.0;
        CHECK(p.weight == Approx(x).margin(1e-15));
        REQUIRE(p.leafWeights.size() == 4);  // leaves() order: P, Q, R, S
        CHECK(std::abs(p.leafWeights[0] - 0.8 * x) < 1e-12);
        CHECK(std::abs(p.leafWeights[1] - 0.2 * x) < 1e-12);
        CHECK(std::abs(p.leafWeights[2] - 0.5 * (1 - x)) < 1e-12);
        CHECK(std::abs(p.leafWeights[3] - 0.5 * (1 - x)) < 1e-12);
    }
    CHECK(r.points[0].ranking == std::vector<int>{5, 6, 3, 4});   // x = 0: R, S, then P = Q = 0
    CHECK(r.points[10].ranking == std::vector<int>{3, 4, 5, 6});  // x = 1
    // At the base weight the leaf weights are the synthesis' global weights.
    CHECK(std::abs(r.points[6].leafWeights[0] - f.base.globalWeight[3]) < 1e-12);
}

TEST_CASE("Sensitivity on a leaf-level node and with all-zero siblings", "[sensitivity]") {
    Fixture f;
    // Vary P (under C1, global parent weight 0.6): P = 0.6x, Q = 0.6(1-x), R = S = 0.2.
    // P crosses R/S at x = 1/3, Q crosses them at x = 2/3, P crosses Q at x = 1/2.
    const SensitivityReport r = sensitivity(f.h, f.base, 3, 4);
    REQUIRE(r.reversals.size() == 5);
    CHECK(r.reversals[0].weight == Approx(1.0 / 3).epsilon(1e-12));
    CHECK(r.reversals[2].weight == Approx(0.5).epsilon(1e-12));
    CHECK(r.reversals[2].leafA == 4);  // Q above P before x = 1/2
    CHECK(r.reversals[2].leafB == 3);
    CHECK(r.reversals[4].weight == Approx(2.0 / 3).epsilon(1e-12));

    HierarchyResult zero = f.base;  // pretend C1's set was unsolved
    zero.localWeight[3] = zero.localWeight[4] = 0;
    const SensitivityReport z = sensitivity(f.h, zero, 3, 2);
    // Only sibling Q had 0: it takes 1 - x.
    CHECK(std::abs(z.points[1].leafWeights[0] - 0.3) < 1e-12);
    CHECK(std::abs(z.points[1].leafWeights[1] - 0.3) < 1e-12);
}

TEST_CASE("Sensitivity errors", "[sensitivity][errors]") {
    Fixture f;
    REQUIRE_THROWS_WITH(sensitivity(f.h, f.base, 0), Contains("root"));
    REQUIRE_THROWS_AS(sensitivity(f.h, f.base, 42), Error);
    Hierarchy h = f.h;
    h.add("Only", "P");
    HierarchyResult b = synthesize(h, {}, Settings{});
    REQUIRE_THROWS_WITH(sensitivity(h, b, 7), Contains("only child"));
    REQUIRE_THROWS_AS(sensitivity(f.h, f.base, 1, 0), Error);
}
