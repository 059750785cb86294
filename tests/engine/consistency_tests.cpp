#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

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
    CHECK(randomIndex(3, T::DoneganDodd1991) == 0.4914);
    CHECK(randomIndex(4, T::DoneganDodd1991) == 0.8286);
    CHECK(randomIndex(15, T::DoneganDodd1991) == 1.4969);
    CHECK(randomIndex(16, T::DoneganDodd1991) == 1.5078);
    CHECK(randomIndex(40, T::DoneganDodd1991) == 1.5976);
    CHECK(randomIndex(35, T::DoneganDodd1991) == Approx((1.5772 + 1.5976) / 2).epsilon(1e-14));  // between 30 and 40
    CHECK(randomIndex(100, T::DoneganDodd1991) == 1.6339);
    CHECK(randomIndex(150, T::DoneganDodd1991) == 1.6339);
    // Extrapolated only beyond each table's own range.
    CHECK_FALSE(randomIndexExtrapolated(15, T::Saaty1980));
    CHECK(randomIndexExtrapolated(16, T::Saaty1980));
    CHECK(randomIndexExtrapolated(16, T::AlonsoLamata2006));
    CHECK_FALSE(randomIndexExtrapolated(100, T::DoneganDodd1991));
    CHECK(randomIndexExtrapolated(101, T::DoneganDodd1991));
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
    for (auto method :
         {PriorityMethod::Eigenvector, PriorityMethod::GeometricMean, PriorityMethod::NormalizedColumns}) {
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

TEST_CASE("Koczkodaj index equals the formula over every triad on random matrices", "[consistency][property]") {
    // The engine finds the worst triad in logs; the plain reference takes the formula's
    // min(|1 - a_ik/(a_ij a_jk)|, |1 - a_ij a_jk/a_ik|) for every triad (Koczkodaj 1993), on Saaty's
    // scale and on continuous judgments.
    Lcg g(11);
    for (int n = 3; n <= 16; ++n)
        for (int rep = 0; rep < 100; ++rep) {
            PairwiseMatrix m(n);
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j)
                    m.set(i, j, rep % 2 == 0 ? scaleValue(g) : std::exp(4.4 * (g.uniform() - 0.5)));
            double worst = 0;
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j)
                    for (int k = j + 1; k < n; ++k) {
                        const double p = *m.get(i, j) * *m.get(j, k), aik = *m.get(i, k);
                        worst = std::max(worst, std::min(std::abs(1 - aik / p), std::abs(1 - p / aik)));
                    }
            INFO("n = " << n << ", matrix " << rep);
            CHECK(consistency(m, PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980).koczkodaj ==
                  Approx(worst).epsilon(1e-14).margin(1e-15));
        }
}

TEST_CASE("Consistency with explicit weights validates them", "[consistency][errors]") {
    PairwiseMatrix m(3);
    m.set(0, 1, 2);
    m.set(1, 2, 2);
    m.set(0, 2, 4);
    REQUIRE_THROWS_WITH(consistency(m, vec({0.5, 0.5}), PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980),
                        Contains("2 entries"));
    REQUIRE_THROWS_WITH(
        consistency(m, vec({0.5, 0.6, -0.1}), PriorityMethod::GeometricMean, RandomIndexTable::Saaty1980),
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
    CHECK(d.cr == Approx(ci / 0.4914).epsilon(1e-12));
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
    for (auto method :
         {PriorityMethod::Eigenvector, PriorityMethod::GeometricMean, PriorityMethod::NormalizedColumns}) {
        const auto base = consistency(m, method, RandomIndexTable::Saaty1980);
        const auto advice = rankJudgments(m, method, RandomIndexTable::Saaty1980);
        REQUIRE(advice.size() == 6);
        CHECK(advice[0].i == 0);
        CHECK(advice[0].j == 3);
        CHECK(advice[0].value == 0.5);
        REQUIRE(advice[0].change);
        CHECK(advice[0].change->suggested > 0.5);
        CHECK(advice[0].change->crIfChanged < base.cr);
        const Eigen::VectorXd w = priorities(m, method);
        for (size_t k = 0; k < advice.size(); ++k) {
            const auto& a = advice[k];
            CHECK(a.i < a.j);
            CHECK(a.implied == Approx(w(a.i) / w(a.j)).epsilon(1e-14));
            CHECK(a.deviation == Approx(std::abs(std::log(a.value * w(a.j) / w(a.i)))).epsilon(1e-14));
            if (k > 0) {  // worst first; ties (equal to 10 decimals) in row order
                const auto& before = advice[k - 1];
                CHECK(before.deviation >= a.deviation - 1e-10);
                if (std::abs(before.deviation - a.deviation) < 1e-12)
                    CHECK(std::make_pair(before.i, before.j) < std::make_pair(a.i, a.j));
            }
            if (!a.change) continue;
            // Each judgment's own suggestion lowers CR, and says so truthfully.
            PairwiseMatrix changed = m;
            changed.set(a.i, a.j, a.change->suggested);
            const double cr = consistency(changed, method, RandomIndexTable::Saaty1980).cr;
            CHECK(a.change->crIfChanged == Approx(cr).margin(1e-12));
            CHECK(cr < base.cr);
            CHECK(a.change->suggested != a.value);
        }
    }
}

TEST_CASE("a consistent set gets no suggestion (echo \"3 5 2\" | ahp priorities)", "[consistency][advice]") {
    // CR 0.0032 <= 0.05: nothing to suggest; the per-judgment advice never raises CR either
    // (it used to offer a23: 2 -> 1, CR 0.0251).
    PairwiseMatrix m = PairwiseMatrix::fromUpperTriangle({3.0, 5.0, 2.0});
    const double cr = consistency(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980).cr;
    REQUIRE(cr < 0.05);
    CHECK_FALSE(suggestChange(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980, 0.05));
    for (const auto& a : rankJudgments(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980))
        if (a.change) CHECK(a.change->crIfChanged < cr);
}

TEST_CASE("the suggestion follows the rule on hand-checked matrices", "[consistency][advice]") {
    // 1/7 9 9 (a12 = 1/7, a13 = 9, a23 = 9): the old advice offered "9 -> 9".
    PairwiseMatrix m = PairwiseMatrix::fromUpperTriangle({1.0 / 7, 9.0, 9.0});
    const auto s = suggestChange(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980, 0.05);
    REQUIRE(s);
    CHECK(s->suggested != s->value);
    const double before = consistency(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980).cr;
    CHECK(s->crIfChanged < before);
    // Brute force over every single change: no change reaching the threshold moves fewer steps,
    // and when none reaches it, no change lowers CR more.
    const double scale[17] = {1. / 9, 1. / 8, 1. / 7, 1. / 6, 1. / 5, 1. / 4, 1. / 3, 1. / 2, 1,
                              2,      3,      4,      5,      6,      7,      8,      9};
    auto position = [&](double v) {
        int best = 0;
        for (int k = 1; k < 17; ++k)
            if (std::abs(std::log(scale[k] / v)) < std::abs(std::log(scale[best] / v))) best = k;
        return best;
    };
    for (int i = 0; i < 3; ++i)
        for (int j = i + 1; j < 3; ++j)
            for (double v : scale) {
                if (std::abs(v - *m.get(i, j)) < 1e-12) continue;
                PairwiseMatrix c = m;
                c.set(i, j, v);
                const double cr = consistency(c, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980).cr;
                const int steps = std::max(1, std::abs(position(v) - position(*m.get(i, j))));
                if (s->reachesThreshold) {
                    if (cr <= 0.05) CHECK(steps >= s->steps);
                } else {
                    CHECK(cr > 0.05);
                    CHECK(cr >= s->crIfChanged - 1e-9);
                }
            }
}

TEST_CASE("property: the suggestion never raises CR and repeated use ends", "[consistency][advice][property]") {
    Lcg g(20261127);
    int suggested = 0, reached = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const int n = 3 + trial % 5;  // 3..7
        PairwiseMatrix m = randomMatrix(n, g);
        const auto method = trial % 3 == 0   ? PriorityMethod::Eigenvector
                            : trial % 3 == 1 ? PriorityMethod::GeometricMean
                                             : PriorityMethod::NormalizedColumns;
        const double threshold = graduatedCrThreshold(n);
        double cr = consistency(m, method, RandomIndexTable::Saaty1980).cr;
        // "Use suggested value" again and again: every step lowers CR strictly, so it ends.
        for (int step = 0; step < 200; ++step) {
            const auto s = suggestChange(m, method, RandomIndexTable::Saaty1980, threshold);
            if (!s) {
                // None only when the set is consistent or no single change lowers CR.
                if (cr > threshold)
                    for (const auto& a : rankJudgments(m, method, RandomIndexTable::Saaty1980)) CHECK_FALSE(a.change);
                break;
            }
            ++suggested;
            CHECK(cr > threshold);
            CHECK(s->suggested != s->value);
            CHECK(*m.get(s->i, s->j) == s->value);
            m.set(s->i, s->j, s->suggested);
            const double next = consistency(m, method, RandomIndexTable::Saaty1980).cr;
            CHECK(next < cr);  // never raises CR (nor keeps it)
            CHECK(next == Approx(s->crIfChanged).margin(1e-9));
            CHECK(s->reachesThreshold == (next <= threshold));
            cr = next;
        }
        reached += cr <= threshold;
    }
    CHECK(suggested > 400);
    CHECK(reached > 300);  // most random matrices become consistent by suggestions alone
}

TEST_CASE("the suggestion of an incomplete set changes only answered judgments", "[consistency][advice]") {
    PairwiseMatrix m(4);
    m.set(0, 1, 9);
    m.set(1, 2, 9);
    m.set(0, 2, 1.0 / 9);
    m.set(2, 3, 2);
    const auto s = suggestChange(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980, 0.08);
    REQUIRE(s);
    CHECK(m.get(s->i, s->j));
    PairwiseMatrix disconnected(4);
    disconnected.set(0, 1, 3);
    CHECK_FALSE(suggestChange(disconnected, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980, 0.08));
}

TEST_CASE("rankJudgments keeps row order for tied deviations", "[consistency][advice]") {
    // In a 3x3 matrix every judgment deviates equally from the eigenvector weights (exact
    // arithmetic); the order must not follow rounding.
    for (const auto& values : std::vector<std::vector<double>>{{2, 5, 9}, {3, 1.0 / 7, 4}, {9, 9, 1.0 / 9}}) {
        PairwiseMatrix m(3);
        m.set(0, 1, values[0]);
        m.set(0, 2, values[1]);
        m.set(1, 2, values[2]);
        const auto advice = rankJudgments(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980);
        REQUIRE(advice.size() == 3);
        CHECK(advice[0].deviation == Approx(advice[2].deviation).epsilon(1e-12));
        CHECK(std::make_pair(advice[0].i, advice[0].j) == std::make_pair(0, 1));
        CHECK(std::make_pair(advice[1].i, advice[1].j) == std::make_pair(0, 2));
        CHECK(std::make_pair(advice[2].i, advice[2].j) == std::make_pair(1, 2));
    }
}

TEST_CASE("property: each judgment's change is the rule over every scale value", "[consistency][advice][property]") {
    // rankJudgments computes the CR of only some values of a judgment (eigenvector: CR is convex
    // in ln a_ij); brute force here computes every one with consistency() and applies the rule.
    Lcg g(20261128);
    const double scale[17] = {1. / 9, 1. / 8, 1. / 7, 1. / 6, 1. / 5, 1. / 4, 1. / 3, 1. / 2, 1,
                              2,      3,      4,      5,      6,      7,      8,      9};
    int compared = 0, changes = 0;
    for (int trial = 0; trial < 120; ++trial) {
        const int n = 3 + trial % 7;  // 3..9
        PairwiseMatrix m = randomMatrix(n, g);
        if (trial % 2) {  // also nearly consistent ones, where CR comes near the threshold
            std::vector<double> w(n);
            for (auto& x : w) x = 0.05 + g.uniform();
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j)
                    m.set(i, j, nearestScaleValue(w[i] / w[j] * std::exp(0.8 * (g.uniform() - 0.5))));
        }
        const double threshold = graduatedCrThreshold(n);
        const double cr = consistency(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980).cr;
        for (const auto& a : rankJudgments(m, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980)) {
            const int from = static_cast<int>(std::find(scale, scale + 17, a.value) - scale);
            REQUIRE(from < 17);
            std::optional<Suggestion> best;
            for (int k = 0; k < 17; ++k) {
                if (k == from) continue;
                PairwiseMatrix changed = m;
                changed.set(a.i, a.j, scale[k]);
                Suggestion c;
                c.suggested = scale[k];
                c.steps = std::abs(k - from);
                c.crIfChanged = consistency(changed, PriorityMethod::Eigenvector, RandomIndexTable::Saaty1980).cr;
                if (!(c.crIfChanged < cr - 1e-9)) continue;
                c.reachesThreshold = c.crIfChanged <= threshold;
                const bool better =
                    !best ||
                    (c.reachesThreshold != best->reachesThreshold ? c.reachesThreshold
                     : c.reachesThreshold
                         ? c.steps < best->steps || (c.steps == best->steps && c.crIfChanged < best->crIfChanged - 1e-9)
                         : c.crIfChanged < best->crIfChanged - 1e-9 ||
                               (std::abs(c.crIfChanged - best->crIfChanged) <= 1e-9 && c.steps < best->steps));
                if (better) best = c;
            }
            ++compared;
            REQUIRE(a.change.has_value() == best.has_value());
            if (!best) continue;
            ++changes;
            CHECK(a.change->suggested == best->suggested);
            CHECK(a.change->steps == best->steps);
            CHECK(a.change->reachesThreshold == best->reachesThreshold);
            CHECK(a.change->crIfChanged == Approx(best->crIfChanged).margin(1e-12));
        }
    }
    CHECK(compared > 1000);
    CHECK(changes > 500);
}
