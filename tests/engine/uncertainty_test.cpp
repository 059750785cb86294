// Monte Carlo uncertainty (src/ahp/uncertainty.hpp).
#include "ahp/uncertainty.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

// Goal over A, B, C; A over A1, A2, A3: five leaves (A1, A2, A3, B, C).
struct Fixture {
    ahp::Hierarchy h;
    ahp::HierarchyJudgments j;
    Fixture() {
        h.add("G", "");
        for (const char* id : {"A", "B", "C"}) h.add(id, "G");
        for (const char* id : {"A1", "A2", "A3"}) h.add(id, "A");
        testutil::Lcg g(7);
        j["G"] = testutil::randomMatrix(3, g);
        j["A"] = testutil::randomMatrix(3, g);
    }
};

}  // namespace

TEST_CASE("Xoshiro256: fixed sequence for a seed, uniform in [0, 1)", "[uncertainty]") {
    ahp::Xoshiro256 a(42), b(42), c(43);
    bool differs = false;
    for (int k = 0; k < 1000; ++k) {
        const std::uint64_t x = a.next();
        REQUIRE(x == b.next());
        differs |= x != c.next();
    }
    REQUIRE(differs);
    ahp::Xoshiro256 u(1);
    double sum = 0, sumSquares = 0;
    const int n = 20000;
    for (int k = 0; k < n; ++k) {
        const double x = u.uniform();
        REQUIRE(x >= 0);
        REQUIRE(x < 1);
        const double z = u.normal();
        REQUIRE(std::isfinite(z));
        sum += z;
        sumSquares += z * z;
    }
    CHECK(std::abs(sum / n) < 0.05);
    CHECK(std::abs(sumSquares / n - 1) < 0.05);
}

TEST_CASE("Monte Carlo with spread 0 reproduces the base weights exactly", "[uncertainty]") {
    Fixture f;
    ahp::Settings s;
    for (auto method : {ahp::PriorityMethod::Eigenvector, ahp::PriorityMethod::GeometricMean,
                        ahp::PriorityMethod::NormalizedColumns}) {
        s.method = method;
        const auto base = ahp::synthesize(f.h, f.j, s);
        const auto report = ahp::monteCarlo(f.h, f.j, s, 200, 0.0, 1);
        REQUIRE(report.leaves.size() == 5);
        for (std::size_t rank = 0; rank < base.leafRanking.size(); ++rank) {
            const int node = base.leafRanking[rank];
            const auto& leaf = *std::find_if(report.leaves.begin(), report.leaves.end(),
                                             [&](const auto& l) { return l.node == node; });
            REQUIRE(leaf.baseWeight == base.globalWeight[node]);
            REQUIRE(leaf.mean == base.globalWeight[node]);
            REQUIRE(leaf.p05 == base.globalWeight[node]);
            REQUIRE(leaf.p95 == base.globalWeight[node]);
            REQUIRE(leaf.stddev == 0);
            REQUIRE(leaf.rankProbability[rank] == 1.0);
        }
    }
}

TEST_CASE("Monte Carlo: rank probabilities sum to 1 per leaf and per rank", "[uncertainty]") {
    Fixture f;
    const auto report = ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 500, 0.5, 99);
    REQUIRE(report.samples == 500);
    const std::size_t n = report.leaves.size();
    std::vector<double> perRank(n, 0);
    double meanSum = 0;
    for (const auto& leaf : report.leaves) {
        REQUIRE(leaf.rankProbability.size() == n);
        double total = 0;
        for (std::size_t r = 0; r < n; ++r) {
            total += leaf.rankProbability[r];
            perRank[r] += leaf.rankProbability[r];
        }
        REQUIRE(total == Approx(1.0).margin(1e-12));
        REQUIRE(std::isfinite(leaf.mean));
        REQUIRE(leaf.p05 <= leaf.mean);
        REQUIRE(leaf.mean <= leaf.p95);
        REQUIRE(leaf.p05 < leaf.p95);  // spread 0.5 does move the weights
        REQUIRE(leaf.stddev > 0);
        meanSum += leaf.mean;
    }
    for (double p : perRank) REQUIRE(p == Approx(1.0).margin(1e-12));
    REQUIRE(meanSum == Approx(1.0).margin(1e-9));  // each sample's leaf weights sum to 1
}

TEST_CASE("Monte Carlo: same seed, same result; another seed, another", "[uncertainty]") {
    Fixture f;
    const auto a = ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 300, 0.3, 2024);
    const auto b = ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 300, 0.3, 2024);
    const auto c = ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 300, 0.3, 2025);
    bool differs = false;
    for (std::size_t k = 0; k < a.leaves.size(); ++k) {
        REQUIRE(a.leaves[k].mean == b.leaves[k].mean);
        REQUIRE(a.leaves[k].p05 == b.leaves[k].p05);
        REQUIRE(a.leaves[k].p95 == b.leaves[k].p95);
        REQUIRE(a.leaves[k].rankProbability == b.leaves[k].rankProbability);
        differs |= a.leaves[k].mean != c.leaves[k].mean;
    }
    REQUIRE(differs);
}

TEST_CASE("Monte Carlo: bad arguments and unsolved sets", "[uncertainty][errors]") {
    Fixture f;
    using Catch::Matchers::Contains;
    REQUIRE_THROWS_WITH(ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 0, 0.1, 1), Contains("at least 1 sample"));
    REQUIRE_THROWS_WITH(ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 10, -1, 1), Contains("spread"));
    REQUIRE_THROWS_WITH(ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 10, std::nan(""), 1), Contains("spread"));
    // A huge spread stays finite (judgments are kept within e^+-300).
    const auto wild = ahp::monteCarlo(f.h, f.j, ahp::Settings{}, 50, 1000, 1);
    for (const auto& leaf : wild.leaves) REQUIRE(std::isfinite(leaf.mean));
    // Without A's judgments, A's subtree weighs 0 in every sample.
    ahp::HierarchyJudgments partial{{"G", f.j.at("G")}};
    const auto report = ahp::monteCarlo(f.h, partial, ahp::Settings{}, 50, 0.2, 1);
    REQUIRE(report.base.unsolved == std::vector<std::string>{"A"});
    for (const auto& leaf : report.leaves)
        if (leaf.id.size() == 2) REQUIRE(leaf.p95 == 0);
}
