#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ahp;
using namespace testutil;
using Catch::Contains;

TEST_CASE("AIJ: weighted geometric mean per cell, skipping missing answers", "[group]") {
    PairwiseMatrix a(3), b(3);
    a.set(0, 1, 2);
    b.set(0, 1, 8);
    a.set(0, 2, 3);  // only expert 1 answered a13; nobody answered a23
    const PairwiseMatrix eq = aggregateJudgments({a, b});
    CHECK(*eq.get(0, 1) == Approx(4).epsilon(1e-15));  // sqrt(2 * 8)
    CHECK(*eq.get(0, 2) == Approx(3).epsilon(1e-15));
    CHECK_FALSE(eq.get(1, 2).has_value());
    // Weights 3:1 -> 2^(3/4) 8^(1/4) = 2^(3/2); a13 still 3 (weights renormalised over answerers).
    const PairwiseMatrix w = aggregateJudgments({a, b}, {3, 1});
    CHECK(*w.get(0, 1) == Approx(std::pow(2.0, 1.5)).epsilon(1e-15));
    CHECK(*w.get(0, 2) == Approx(3).epsilon(1e-15));
}

TEST_CASE("AIJ keeps reciprocity", "[group][property]") {
    Lcg g(42);
    std::vector<PairwiseMatrix> experts;
    for (int k = 0; k < 5; ++k) experts.push_back(randomMatrix(6, g));
    const PairwiseMatrix m = aggregateJudgments(experts, {1, 2, 3, 4, 5});
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j) CHECK(std::abs(*m.get(i, j) * *m.get(j, i) - 1) < 1e-14);
}

TEST_CASE("AIJ then geometric mean equals AIP-geometric of individual GM priorities", "[group][property]") {
    Lcg g(99);
    std::vector<PairwiseMatrix> experts;
    std::vector<Eigen::VectorXd> prios;
    for (int k = 0; k < 4; ++k) {
        experts.push_back(randomMatrix(5, g));
        prios.push_back(priorities(experts.back(), PriorityMethod::GeometricMean));
    }
    for (const std::vector<double>& weights : {std::vector<double>{}, std::vector<double>{0.1, 2, 0.7, 5}}) {
        const Eigen::VectorXd aij = priorities(aggregateJudgments(experts, weights), PriorityMethod::GeometricMean);
        const Eigen::VectorXd aip = aggregatePrioritiesGeometric(prios, weights);
        CHECK(maxAbsDiff(aij, aip) < 1e-12);
        CHECK(std::abs(aip.sum() - 1) < 1e-12);
    }
}

TEST_CASE("AIP arithmetic and geometric by hand", "[group]") {
    const std::vector<Eigen::VectorXd> p{vec({0.6, 0.3, 0.1}), vec({0.2, 0.3, 0.5})};
    CHECK(maxAbsDiff(aggregatePrioritiesArithmetic(p), vec({0.4, 0.3, 0.3})) < 1e-15);
    CHECK(maxAbsDiff(aggregatePrioritiesArithmetic(p, {3, 1}), vec({0.5, 0.3, 0.2})) < 1e-15);
    // Geometric: (sqrt(.12), .3, sqrt(.05)) normalised.
    Eigen::VectorXd g = vec({std::sqrt(0.12), 0.3, std::sqrt(0.05)});
    g /= g.sum();
    CHECK(maxAbsDiff(aggregatePrioritiesGeometric(p), g) < 1e-15);
}

TEST_CASE("Group input errors", "[group][errors]") {
    PairwiseMatrix a(3), b(4);
    REQUIRE_THROWS_WITH(aggregateJudgments({a, b}), Contains("expert 2") && Contains("4x4"));
    REQUIRE_THROWS_WITH(aggregateJudgments({a, a}, {1}), Contains("1 weights") && Contains("2 experts"));
    REQUIRE_THROWS_WITH(aggregateJudgments({a, a}, {1, -1}), Contains("expert 2"));
    REQUIRE_THROWS_WITH(aggregateJudgments({a, a}, {1, std::nan("")}), Contains("expert 2"));
    REQUIRE_THROWS_AS(aggregateJudgments({}), Error);
    const std::vector<Eigen::VectorXd> p{vec({0.5, 0.5}), vec({0.2, 0.3, 0.5})};
    REQUIRE_THROWS_WITH(aggregatePrioritiesGeometric(p), Contains("expert 2"));
    REQUIRE_THROWS_WITH(aggregatePrioritiesGeometric({vec({0.5, 0.5}), vec({1.0, 0.0})}),
                        Contains("priority 2 of expert 2"));
    REQUIRE_THROWS_WITH(aggregatePrioritiesArithmetic({vec({0.5, 0.5})}, {0}), Contains("expert 1"));
    REQUIRE_THROWS_AS(consensus({vec({0.5, 0.5}), vec({0.5, 0.5})}, {1, 2, 3}), Error);
}

TEST_CASE("Consensus S* (Goepel 2013)", "[group][consensus]") {
    SECTION("identical experts agree fully") {
        const Eigen::VectorXd v = vec({0.5, 0.2, 0.2, 0.1});
        const auto r = consensus({v, v, v});
        CHECK(r.sStar == Approx(1).margin(1e-12));
        CHECK(r.level == ConsensusReport::Level::VeryHigh);
        CHECK(consensus({v}).sStar == 1);  // one expert
    }
    SECTION("opposed experts at the ends of the 1-9 scale, by hand") {
        // n = 3, M = 9: H_alpha,min = -(9/11) ln(9/11) - 2 (1/11) ln(1/11) = 0.6002;
        // cor = exp(ln 3 - 0.6002) = 1.6461. Both experts have H = H_alpha,min; the mean
        // (5/11, 1/11, 5/11) has H_gamma = 0.9348; D_beta = exp(0.3346) = 1.3975;
        // S* = (1/1.3975 - 1/1.6461) / (1 - 1/1.6461) = 0.276.
        const Eigen::VectorXd a = vec({9. / 11, 1. / 11, 1. / 11}), b = vec({1. / 11, 1. / 11, 9. / 11});
        const double hMin = -(9. / 11) * std::log(9. / 11) - 2 * (1. / 11) * std::log(1. / 11);
        const double hGamma = -2 * (5. / 11) * std::log(5. / 11) - (1. / 11) * std::log(1. / 11);
        const double cor = std::exp(std::log(3.0) - hMin);
        const double expected = (std::exp(-(hGamma - hMin)) - 1 / cor) / (1 - 1 / cor);
        const auto r = consensus({a, b});
        CHECK(r.sStar == Approx(expected).epsilon(1e-12));
        CHECK(r.sStar == Approx(0.276).margin(0.0005));
        CHECK(r.sStar < 0.5);
        CHECK(r.level == ConsensusReport::Level::VeryLow);
        // Weighting one expert heavily moves towards agreement.
        CHECK(consensus({a, b}, {10, 1}).sStar > r.sStar);
    }
    SECTION("completely opposite n = 2 experts give 0") {
        // n = 2: H_alpha,min is the entropy of (0.9, 0.1), cor = 2 / exp(H_alpha,min); the
        // experts (0.9, 0.1) and (0.1, 0.9) have D_beta = cor exactly, so S* = 0.
        const auto r = consensus({vec({0.9, 0.1}), vec({0.1, 0.9})});
        CHECK(r.sStar == Approx(0).margin(1e-12));
    }
    SECTION("moderate disagreement lies in between") {
        const auto r = consensus({vec({0.5, 0.3, 0.2}), vec({0.4, 0.35, 0.25}), vec({0.3, 0.4, 0.3})});
        CHECK(r.sStar > 0.5);
        CHECK(r.sStar < 1);
    }
    CHECK(std::string(levelName(ConsensusReport::Level::VeryLow)) == "very low");
    CHECK(std::string(levelName(ConsensusReport::Level::Low)) == "low");
    CHECK(std::string(levelName(ConsensusReport::Level::Moderate)) == "moderate");
    CHECK(std::string(levelName(ConsensusReport::Level::High)) == "high");
    CHECK(std::string(levelName(ConsensusReport::Level::VeryHigh)) == "very high");
}
