// Adaptive questioning: which pair to ask next and when a set is settled (Harker 1987,
// "Alternative modes of questioning in the analytic hierarchy process", Math. Modelling 9).
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ahp {

namespace {

// Groups of items the known judgments connect (union-find roots).
std::vector<int> components(const PairwiseMatrix& m) {
    std::vector<int> root(m.size());
    std::iota(root.begin(), root.end(), 0);
    auto find = [&root](int k) {
        while (root[k] != k) k = root[k] = root[root[k]];
        return k;
    };
    for (int i = 0; i < m.size(); ++i)
        for (int j = i + 1; j < m.size(); ++j)
            if (m.get(i, j)) root[find(j)] = find(i);
    for (int k = 0; k < m.size(); ++k) root[k] = find(k);
    return root;
}

// Step in ln a_ij for the central difference; the weights are smooth in ln a_ij and converge to
// 1e-15, so the derivative is good to about 1e-8.
constexpr double kLogStep = 1e-4;

}  // namespace

QuestionAdvice nextQuestion(const PairwiseMatrix& m, PriorityMethod method) {
    QuestionAdvice advice;
    // Normalised columns of an incomplete matrix are taken from its Harker completion, so the
    // questions follow Harker's own weights there (the eigenvector).
    if (method == PriorityMethod::NormalizedColumns) method = PriorityMethod::Eigenvector;
    const int n = m.size();
    if (m.isComplete()) {
        advice.settled = true;
        return advice;
    }
    if (!m.isConnected()) {
        // First connect every item: the first pair in row order joining two unconnected groups.
        const std::vector<int> group = components(m);
        for (int i = 0; i < n && !advice.next; ++i)
            for (int j = i + 1; j < n; ++j)
                if (group[i] != group[j]) {
                    advice.next = std::make_pair(i, j);
                    break;
                }
        return advice;
    }
    const Eigen::VectorXd w = priorities(m, method);
    // Spread of answers around w_i/w_j in ln units: residuals of the known judgments beyond the
    // n - 1 a spanning set needs, with the prior counted as one residual.
    double squares = kPriorSpread * kPriorSpread;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            if (auto v = m.get(i, j)) {
                const double r = std::log(*v * w(j) / w(i));
                squares += r * r;
            }
    const int freedom = 1 + std::max(0, m.knownCount() - (n - 1));
    const double spread = std::sqrt(squares / freedom);
    double bestScore = -1;
    PairwiseMatrix probe = m;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            if (m.get(i, j)) continue;
            // d w / d ln a_ij at a_ij = w_i/w_j, where answering leaves w unchanged (Harker 1987).
            const double implied = w(i) / w(j);
            probe.set(i, j, implied * std::exp(kLogStep));
            const Eigen::VectorXd up = priorities(probe, method);
            probe.set(i, j, implied * std::exp(-kLogStep));
            const Eigen::VectorXd down = priorities(probe, method);
            probe.clear(i, j);
            const double score = ((up - down) / (2 * kLogStep)).cwiseAbs().maxCoeff();
            if (score > bestScore) {
                bestScore = score;
                advice.next = std::make_pair(i, j);
            }
        }
    advice.predictedChange = bestScore * spread;
    advice.settled = advice.predictedChange <= kSettledChange;
    return advice;
}

}  // namespace ahp
