// Group decision making: AIJ and AIP (Forman & Peniwati 1998; Aczél & Saaty 1983) and the
// AHP consensus indicator S* (Goepel 2013; as implemented in AHP-OS).
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <cmath>

namespace ahp {

namespace {

std::vector<double> expertWeights(size_t experts, const std::vector<double>& weights) {
    if (weights.empty()) return std::vector<double>(experts, 1.0);
    if (weights.size() != experts)
        throw Error(std::to_string(weights.size()) + " weights given for " + std::to_string(experts) + " experts");
    for (size_t k = 0; k < weights.size(); ++k)
        if (!(std::isfinite(weights[k]) && weights[k] > 0))
            throw Error("weight of expert " + std::to_string(k + 1) + " is " + detail::num(weights[k]) +
                        ": must be a finite positive number");
    return weights;
}

void checkVectors(const std::vector<Eigen::VectorXd>& p, bool strictlyPositive) {
    if (p.empty()) throw Error("no priority vectors to aggregate");
    const Eigen::Index n = p.front().size();
    for (size_t k = 0; k < p.size(); ++k) {
        if (p[k].size() != n)
            throw Error("priority vector of expert " + std::to_string(k + 1) + " has " + std::to_string(p[k].size()) +
                        " entries, expected " + std::to_string(n));
        for (Eigen::Index i = 0; i < n; ++i) {
            const double v = p[k](i);
            if (!std::isfinite(v) || v < 0 || (strictlyPositive && v == 0))
                throw Error("priority " + std::to_string(i + 1) + " of expert " + std::to_string(k + 1) + " is " +
                            detail::num(v) + (strictlyPositive ? ": must be positive" : ": must be non-negative"));
        }
    }
}

// Shannon entropy -sum p ln p with 0 ln 0 = 0.
double entropy(const Eigen::VectorXd& p) {
    double h = 0;
    for (Eigen::Index i = 0; i < p.size(); ++i)
        if (p(i) > 0) h -= p(i) * std::log(p(i));
    return h;
}

}  // namespace

PairwiseMatrix aggregateJudgments(const std::vector<PairwiseMatrix>& experts, const std::vector<double>& weights) {
    if (experts.empty()) throw Error("no expert matrices to aggregate");
    const int n = experts.front().size();
    for (size_t k = 0; k < experts.size(); ++k)
        if (experts[k].size() != n)
            throw Error("expert " + std::to_string(k + 1) + " has a " + std::to_string(experts[k].size()) + "x" +
                        std::to_string(experts[k].size()) + " matrix, expected " + std::to_string(n) + "x" +
                        std::to_string(n));
    const auto w = expertWeights(experts.size(), weights);
    const bool equalWeights = std::all_of(w.begin(), w.end(), [&](double x) { return x == w.front(); });
    JudgmentAggregator aggregator(n, equalWeights, w.front());
    for (size_t k = 0; k < experts.size(); ++k) aggregator.add(experts[k], w[k]);
    return aggregator.result();
}

JudgmentAggregator::JudgmentAggregator(int n, bool equalWeights, double firstWeight)
    : n_(n), equalWeights_(equalWeights), firstWeight_(firstWeight) {
    const size_t cells = static_cast<size_t>(n) * static_cast<size_t>(n - 1) / 2;
    sumLog_.assign(cells, 0.0);
    sumW_.assign(cells, 0.0);
    product_.assign(cells, 1.0);
}

void JudgmentAggregator::add(const PairwiseMatrix& expert, double weight) {
    // Weighted geometric mean over the experts who answered each cell, weights renormalised
    // over them (Aczél & Saaty 1983; Forman & Peniwati 1998): exp(sum w_k ln a_k / sum w_k).
    // Each upper triangle in memory order. With equal weights (the usual case) the sum of
    // logs is the log of a running product, taken when the product nears the ends of
    // double's range and at the end: about one log per cell instead of one per expert and
    // cell (log is a library call; in WebAssembly a slow one).
    size_t c = 0;
    for (int i = 0; i < n_; ++i)
        for (int j = i + 1; j < n_; ++j, ++c) {
            const std::optional<double> a = expert.get(i, j);
            if (!a) continue;
            const double v = *a;
            sumW_[c] += weight;
            if (!equalWeights_) {
                sumLog_[c] += weight * std::log(v);
            } else if (v > 1e-100 && v < 1e100) {
                product_[c] *= v;  // stays within (1e-250, 1e250): no overflow, no underflow
                if (!(product_[c] > 1e-150 && product_[c] < 1e150)) {
                    sumLog_[c] += std::log(product_[c]);
                    product_[c] = 1;
                }
            } else {
                sumLog_[c] += std::log(v);
            }
        }
}

PairwiseMatrix JudgmentAggregator::result() const {
    PairwiseMatrix out(n_);
    size_t c = 0;
    for (int i = 0; i < n_; ++i)
        for (int j = i + 1; j < n_; ++j, ++c) {
            if (sumW_[c] <= 0) continue;
            const double logSum = equalWeights_ ? firstWeight_ * (sumLog_[c] + std::log(product_[c])) : sumLog_[c];
            out.set(i, j, std::exp(logSum / sumW_[c]));
        }
    return out;
}

Eigen::VectorXd aggregatePrioritiesGeometric(const std::vector<Eigen::VectorXd>& p,
                                             const std::vector<double>& weights) {
    checkVectors(p, true);
    const auto w = expertWeights(p.size(), weights);
    GeometricPriorityAggregator aggregator(p.front().size());
    for (size_t k = 0; k < p.size(); ++k) aggregator.add(p[k], w[k]);
    return aggregator.result();
}

GeometricPriorityAggregator::GeometricPriorityAggregator(Eigen::Index n) : logs_(Eigen::VectorXd::Zero(n)) {}

void GeometricPriorityAggregator::add(const Eigen::VectorXd& p, double weight) {
    // Weighted geometric mean per item, renormalised to sum 1 (Forman & Peniwati 1998).
    logs_ += weight * p.array().log().matrix();
    sumW_ += weight;
}

Eigen::VectorXd GeometricPriorityAggregator::result() const {
    const Eigen::VectorXd logs = logs_ / sumW_;
    Eigen::VectorXd g = (logs.array() - logs.maxCoeff()).exp().matrix();
    return g / g.sum();
}

Eigen::VectorXd aggregatePrioritiesArithmetic(const std::vector<Eigen::VectorXd>& p,
                                              const std::vector<double>& weights) {
    checkVectors(p, false);
    const auto w = expertWeights(p.size(), weights);
    // Weighted arithmetic mean (Forman & Peniwati 1998); sums to 1 when every input does.
    Eigen::VectorXd s = Eigen::VectorXd::Zero(p.front().size());
    double sumW = 0;
    for (size_t k = 0; k < p.size(); ++k) {
        s += w[k] * p[k];
        sumW += w[k];
    }
    return s / sumW;
}

ConsensusReport consensus(const std::vector<Eigen::VectorXd>& priorities, const std::vector<double>& weights) {
    checkVectors(priorities, false);
    auto w = expertWeights(priorities.size(), weights);
    double sumW = 0;
    for (double x : w) sumW += x;
    ConsensusAccumulator accumulator(priorities.front().size(), priorities.size(), sumW);
    for (size_t k = 0; k < priorities.size(); ++k) accumulator.add(priorities[k], w[k]);
    return accumulator.result();
}

ConsensusAccumulator::ConsensusAccumulator(Eigen::Index n, std::size_t experts, double weightTotal)
    : n_(n), experts_(experts), sumW_(weightTotal), mean_(Eigen::VectorXd::Zero(n)) {}

void ConsensusAccumulator::add(const Eigen::VectorXd& priorities, double weight) {
    ++added_;
    // One expert, or one item: agreement is total by definition (result() says so).
    if (experts_ < 2 || n_ < 2) return;
    // Goepel 2013 / AHP-OS: H_alpha = mean entropy of the individual vectors, H_gamma = entropy
    // of the mean vector, D_beta = exp(H_gamma - H_alpha). Weighted means generalise AHP-OS's
    // equal weights; each vector is first normalised to sum 1.
    const double total = priorities.sum();
    if (!(total > 0)) throw Error("priority vector of expert " + std::to_string(added_) + " sums to 0");
    const Eigen::VectorXd p = priorities / total;
    hAlpha_ += weight / sumW_ * entropy(p);
    mean_ += weight / sumW_ * p;
}

ConsensusReport ConsensusAccumulator::result() const {
    ConsensusReport r;
    if (experts_ < 2 || n_ < 2) return r;
    const double hBeta = std::max(0.0, entropy(mean_) - hAlpha_);
    // Correction for the 1..9 scale (Goepel 2013, AHP-OS ahpShannonCor): H_alpha,min for one
    // item M = 9 times more important than the others, H_gamma,max = ln n,
    // cor = exp(H_gamma,max - H_alpha,min); S* = (1/D_beta - 1/cor) / (1 - 1/cor).
    const double m = 9.0, nn = static_cast<double>(n_);
    const double top = m / (nn + m - 1), rest = 1.0 / (nn + m - 1);
    const double hAlphaMin = -top * std::log(top) - (nn - 1) * rest * std::log(rest);
    const double cor = std::exp(std::log(nn) - hAlphaMin);
    const double s = (std::exp(-hBeta) - 1.0 / cor) / (1.0 - 1.0 / cor);
    // Clamped to [0, 1]: judgments beyond the 1..9 scale can push the raw value below 0.
    r.sStar = std::min(1.0, std::max(0.0, s));
    // AHP-OS word scale (Goepel, bpmsg.com "AHP consensus word scale"):
    // < 0.5 very low, 0.5-0.625 low, 0.625-0.75 moderate, 0.75-0.875 high, >= 0.875 very high.
    using L = ConsensusReport::Level;
    r.level = r.sStar < 0.5     ? L::VeryLow
              : r.sStar < 0.625 ? L::Low
              : r.sStar < 0.75  ? L::Moderate
              : r.sStar < 0.875 ? L::High
                                : L::VeryHigh;
    return r;
}

const char* levelName(ConsensusReport::Level level) {
    switch (level) {
    case ConsensusReport::Level::VeryLow: return "very low";
    case ConsensusReport::Level::Low: return "low";
    case ConsensusReport::Level::Moderate: return "moderate";
    case ConsensusReport::Level::High: return "high";
    case ConsensusReport::Level::VeryHigh: return "very high";
    }
    return "unknown";
}

}  // namespace ahp
