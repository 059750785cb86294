#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ahp;
using namespace testutil;
using Catch::Contains;

TEST_CASE("Random index tables", "[consistency]") {
    using T = RandomIndexTable;
    for (auto t : {T::Saaty1980, T::AlonsoLamata2006, T::DoneganDodd1991})
        for (int n : {0, 1, 2}) CHECK(randomIndex(n, t) == 0);
    CHECK(randomIndex(3, T::Saaty1980) == 0.58);
    CHECK(randomIndex(4, T::Saaty1980) == 0.90);
    CHECK(randomIndex(10, T::Saaty1980) == 1.49);
    CHECK(randomIndex(15, T::Saaty1980) == 1.59);
    CHECK(randomIndex(30, T::Saaty1980) == 1.59);  // last value beyond the table
    CHECK(randomIndex(3, T::AlonsoLamata2006) == 0.5245);
    CHECK(randomIndex(15, T::AlonsoLamata2006) == 1.5838);
    // Beyond 15: (1.7699 n - 4.3513) / (n - 1); n = 20: 31.0467 / 19 = 1.634037
    CHECK(randomIndex(20, T::AlonsoLamata2006) == Approx(31.0467 / 19).epsilon(1e-14));
    CHECK(randomIndex(3, T::DoneganDodd1991) == 0.4887);
    CHECK(randomIndex(15, T::DoneganDodd1991) == 1.4969);
    CHECK(randomIndex(40, T::DoneganDodd1991) == 1.4969);
}

TEST_CASE("Thresholds", "[consistency]") {
    CHECK(graduatedCrThreshold(2) == 0.10);
    CHECK(graduatedCrThreshold(3) == 0.05);
    CHECK(graduatedCrThreshold(4) == 0.08);
    CHECK(graduatedCrThreshold(9) == 0.10);
    CHECK(gciThreshold(3) == 0.31);
    CHECK(gciThreshold(4) == 0.35);
    CHECK(gciThreshold(7) == 0.37);
}

TEST_CASE("GCI and Koczkodaj index by hand", "[consistency]") {
    // a12 = 3, a13 = 5, a23 = 3. For n = 3 the three LLS residuals all have magnitude
    // ln(a12 a23 / a13) / 3 = ln(1.8)/3, so GCI = 2/(2*1) * 3 (ln 1.8 / 3)^2 = ln^2(1.8) / 3 = 0.1152.
    // Koczkodaj: min(|1 - 5/9|, |1 - 9/5|) = 4/9.
    PairwiseMatrix m(3);
    m.set(0, 1, 3);
    m.set(0, 2, 5);
    m.set(1, 2, 3);
    for (auto method : {PriorityMethod::Eigenvector, PriorityMethod::GeometricMean,
                        PriorityMethod::NormalizedColumns}) {
        const auto c = consistency(m, method, RandomIndexTable::Saaty1980);
        CHECK(c.gci == Approx(std::log(1.8) * std::log(1.8) / 3).epsilon(1e-12));
        CHECK(c.koczkodaj == Approx(4.0 / 9).epsilon(1e-14));
    }
    // Koczkodaj looks only at triads whose judgments are all known.
    PairwiseMatrix inc(4);
    inc.set(0, 1, 2);
    inc.set(1, 2, 2);
    inc.set(0, 2, 4);  // triad (1,2,3) consistent
    inc.set(2, 3, 9);  // no complete triad through item 4
    CHECK(consistency(inc, PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980).koczkodaj < 1e-15);
}

TEST_CASE("Consistency with explicit weights validates them", "[consistency][errors]") {
    PairwiseMatrix m(3);
    m.set(0, 1, 2);
    m.set(1, 2, 2);
    m.set(0, 2, 4);
    REQUIRE_THROWS_WITH(consistency(m, vec({0.5, 0.5}), PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980),
                        Contains("2 entries"));
    REQUIRE_THROWS_WITH(consistency(m, vec({0.5, 0.6, -0.1}), PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980),
                        Contains("weight 3"));
}

TEST_CASE("CR depends on the table and the graduated threshold", "[consistency]") {
    // lambda_max = 1 + r + 1/r with r = (a12 a23 / a13)^(1/3) for any 3x3 (Saaty 1980).
    PairwiseMatrix m(3);
    m.set(0, 1, 2);
    m.set(1, 2, 2);
    m.set(0, 2, 1);  // cyclic-ish: r = 4^(1/3)
    const double r = std::cbrt(4.0);
    const double ci = (1 + r + 1 / r - 3) / 2;
    const auto s = consistency(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980);
    const auto a = consistency(m, PriorityMethod::Eigenvector, RandomIndexTable::AlonsoLamata2006);
    const auto d = consistency(m, PriorityMethod::Eigenvector, RandomIndexTable::DoneganDodd1991);
    CHECK(s.ci == Approx(ci).epsilon(1e-12));
    CHECK(s.cr == Approx(ci / 0.58).epsilon(1e-12));
    CHECK(a.cr == Approx(ci / 0.5245).epsilon(1e-12));
    CHECK(d.cr == Approx(ci / 0.4887).epsilon(1e-12));
    CHECK(s.consistent == (s.cr <= 0.05));
    CHECK(s.consistentPlain == (s.cr < 0.10));
    CHECK(s.consistencyVector.size() == 3);
}

TEST_CASE("nearestScaleValue", "[consistency]") {
    CHECK(nearestScaleValue(1.0) == 1);
    CHECK(nearestScaleValue(2.4) == 2);
    CHECK(nearestScaleValue(2.5) == 3);  // log distance: ln(2.5/2) = 0.223 > ln(3/2.5) = 0.182
    CHECK(nearestScaleValue(0.3) == Approx(1.0 / 3).epsilon(1e-15));
    CHECK(nearestScaleValue(100) == 9);
    CHECK(nearestScaleValue(0.001) == Approx(1.0 / 9).epsilon(1e-15));
    CHECK(nearestScaleValue(1.3) == 1);
    CHECK(nearestScaleValue(1.5) == 2);  // ln(1.5) = 0.405 > ln(2/1.5) = 0.288
    REQUIRE_THROWS_AS(nearestScaleValue(0), Error);
    REQUIRE_THROWS_AS(nearestScaleValue(-2), Error);
}

TEST_CASE("rankJudgments finds the bad judgment and suggests a better one", "[consistency][advice]") {
    // Consistent w ~ (8, 4, 2, 1) except a14, reversed from 8 to 1/2.
    PairwiseMatrix m = consistentMatrix({8, 4, 2, 1});
    m.set(0, 3, 0.5);
    for (auto method : {PriorityMethod::Eigenvector, PriorityMethod::GeometricMean,
                        PriorityMethod::NormalizedColumns}) {
        const auto base = consistency(m, method, RandomIndexTable::Saaty1980);
        const auto advice = rankJudgments(m, method, RandomIndexTable::Saaty1980);
        REQUIRE(advice.size() == 6);
        CHECK(advice[0].i == 0);
        CHECK(advice[0].j == 3);
        CHECK(advice[0].value == 0.5);
        CHECK(advice[0].suggested > 0.5);
        CHECK(advice[0].crIfChanged < base.cr);
        const Eigen::VectorXd w = priorities(m, method);
        for (size_t k = 0; k < advice.size(); ++k) {
            const auto& a = advice[k];
            CHECK(a.i < a.j);
            CHECK(a.implied == Approx(w(a.i) / w(a.j)).epsilon(1e-14));
            CHECK(a.deviation == Approx(std::abs(std::log(a.value * w(a.j) / w(a.i)))).epsilon(1e-14));
            // A different suggestion whenever the judgment is not already what the weights imply
            // (here GM gives w2/w3 = (4 / (1/4))^(1/4) = 2 = a23 exactly).
            if (a.deviation > 1e-9) CHECK(a.suggested != a.value);
            else CHECK(a.suggested == a.value);
            if (k > 0) CHECK(advice[k - 1].deviation >= a.deviation);
            PairwiseMatrix changed = m;
            changed.set(a.i, a.j, a.suggested);
            CHECK(a.crIfChanged == Approx(consistency(changed, method, RandomIndexTable::Saaty1980).cr).epsilon(1e-12));
        }
    }
}

TEST_CASE("rankJudgments steps towards the implied ratio when the nearest is the current value",
          "[consistency][advice]") {
    // 3x3 with a12 = 3, a13 = 5, a23 = 3: w = GM; implied w1/w3 = 15^(2/3) = 6.08 > 5 and its
    // nearest scale value is 6; implied w1/w2 = w2/w3 = 15^(1/3) = 2.47: nearest is 3 = value
    // (ln(3/2.47) = 0.196 < ln(2.47/2) = 0.209), so one step towards 2.47 gives 2.
    PairwiseMatrix m(3);
    m.set(0, 1, 3);
    m.set(0, 2, 5);
    m.set(1, 2, 3);
    const auto advice = rankJudgments(m, PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980);
    REQUIRE(advice.size() == 3);
    for (const auto& a : advice) {
        if (a.i == 0 && a.j == 2) CHECK(a.suggested == 6);
        if (a.i == 0 && a.j == 1) CHECK(a.suggested == 2);
        if (a.i == 1 && a.j == 2) CHECK(a.suggested == 2);
    }
    // A nearest value equal to the current one: 3x3 with a12 = 2, a23 = 2, a13 = 5:
    // implied w1/w3 = (2*2*5)^(2/3)/... computed: GM w ~ (10^(1/3), 1, 10^(-1/3)), so
    // w1/w3 = 10^(2/3) = 4.64, nearest 5 = value -> step down to 4 (towards 4.64).
    PairwiseMatrix p(3);
    p.set(0, 1, 2);
    p.set(1, 2, 2);
    p.set(0, 2, 5);
    for (const auto& a : rankJudgments(p, PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980))
        if (a.i == 0 && a.j == 2) CHECK(a.suggested == 4);
}
