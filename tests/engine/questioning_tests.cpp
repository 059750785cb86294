// Adaptive questioning: connect first, then Harker's most informative pair, and the settled rule.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace ahp;
using namespace testutil;

TEST_CASE("an empty set is asked as a star from item 1, then connected", "[questioning]") {
    PairwiseMatrix m(4);
    std::vector<std::pair<int, int>> asked;
    while (!m.isConnected()) {
        const QuestionAdvice q = nextQuestion(m, PriorityMethod::Eigenvector);
        REQUIRE(q.next);
        CHECK_FALSE(q.settled);
        CHECK_FALSE(m.get(q.next->first, q.next->second));
        asked.push_back(*q.next);
        m.set(q.next->first, q.next->second, 2);
    }
    CHECK(asked == std::vector<std::pair<int, int>>{{0, 1}, {0, 2}, {0, 3}});
    // Answers already given are used: with a23 known, the next pair joins {1}, {2,3}, {4}.
    PairwiseMatrix p(4);
    p.set(1, 2, 3);
    CHECK(nextQuestion(p, PriorityMethod::Eigenvector).next == std::make_pair(0, 1));
}

TEST_CASE("a complete set is settled with nothing to ask", "[questioning]") {
    Lcg g(7);
    const PairwiseMatrix m = randomMatrix(5, g);
    const QuestionAdvice q = nextQuestion(m, PriorityMethod::GeometricMean);
    CHECK(q.settled);
    CHECK_FALSE(q.next);
    CHECK(nextQuestion(PairwiseMatrix(1), PriorityMethod::Eigenvector).settled);
}

TEST_CASE("the next pair is the one whose answer moves the weights most", "[questioning]") {
    // Checked by answering every missing pair a little away from w_i/w_j and measuring how far
    // the weights move, per unit of ln a_ij (Harker 1987's derivative, taken the long way).
    Lcg g(11);
    for (auto method :
         {PriorityMethod::Eigenvector, PriorityMethod::GeometricMean, PriorityMethod::NormalizedColumns}) {
        for (int trial = 0; trial < 10; ++trial) {
            PairwiseMatrix m(5);
            for (int j = 1; j < 5; ++j) m.set(j - 1, j, scaleValue(g));  // a path 1-2-3-4-5
            if (trial % 2) m.set(0, 2, scaleValue(g));
            const QuestionAdvice q = nextQuestion(m, method);
            REQUIRE(q.next);
            // Normalised columns ask by their Harker completion's weights.
            const PriorityMethod asked =
                method == PriorityMethod::NormalizedColumns ? PriorityMethod::Eigenvector : method;
            const Eigen::VectorXd w = priorities(m, asked);
            double best = 0, chosen = 0;
            for (int i = 0; i < 5; ++i)
                for (int j = i + 1; j < 5; ++j) {
                    if (m.get(i, j)) continue;
                    PairwiseMatrix answered = m;
                    answered.set(i, j, w(i) / w(j) * std::exp(1e-3));
                    const double moved = (priorities(answered, asked) - w).cwiseAbs().maxCoeff() / 1e-3;
                    best = std::max(best, moved);
                    if (std::make_pair(i, j) == *q.next) chosen = moved;
                }
            INFO("method " << int(method) << " trial " << trial);
            CHECK(chosen == Approx(best).epsilon(1e-3));
            // With no cycle yet (trial even) the spread is the prior.
            if (trial % 2 == 0) CHECK(q.predictedChange == Approx(best * kPriorSpread).epsilon(1e-2));
        }
    }
}

TEST_CASE("settled: a consistent expert is settled before the end, an erratic one asked more", "[questioning]") {
    const std::vector<double> truth = {0.4, 0.3, 0.15, 0.1, 0.05};
    auto askUntilSettled = [&](const PairwiseMatrix& answers) {
        PairwiseMatrix m(5);
        int asked = 0;
        for (;;) {
            const QuestionAdvice q = nextQuestion(m, PriorityMethod::Eigenvector);
            if (q.settled || !q.next) break;
            m.set(q.next->first, q.next->second, *answers.get(q.next->first, q.next->second));
            ++asked;
        }
        return asked;
    };
    PairwiseMatrix consistent(5), erratic(5);
    Lcg g(3);
    for (int i = 0; i < 5; ++i)
        for (int j = i + 1; j < 5; ++j) {
            consistent.set(i, j, nearestScaleValue(truth[i] / truth[j]));
            erratic.set(i, j, scaleValue(g));
        }
    const int calm = askUntilSettled(consistent);
    CHECK(calm >= 4);  // at least connected
    CHECK(calm < 10);  // settled before every pair
    CHECK(askUntilSettled(erratic) >= calm);
}
