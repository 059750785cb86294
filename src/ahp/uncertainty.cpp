// Monte Carlo uncertainty of synthesized weights (see uncertainty.hpp).
#include "ahp/uncertainty.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <cmath>

namespace ahp {

namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Linear interpolation between order statistics (Hyndman & Fan type 7) of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.size() == 1) return sorted.front();
    const double at = p * static_cast<double>(sorted.size() - 1);
    const std::size_t lo = static_cast<std::size_t>(std::floor(at));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double t = at - static_cast<double>(lo);
    if (sorted[lo] == sorted[hi]) return sorted[lo];
    return sorted[lo] + (sorted[hi] - sorted[lo]) * t;
}

}  // namespace

Xoshiro256::Xoshiro256(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& word : s_) word = splitmix64(x);
}

std::uint64_t Xoshiro256::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Xoshiro256::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Xoshiro256::normal() {
    if (hasSpare_) {
        hasSpare_ = false;
        return spare_;
    }
    double u, v, s;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double factor = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * factor;
    hasSpare_ = true;
    return u * factor;
}

MonteCarloReport monteCarlo(const Hierarchy& h, const HierarchyJudgments& judgments, const Settings& settings,
                            int samples, double spread, std::uint64_t seed) {
    if (samples < 1) throw Error("Monte Carlo needs at least 1 sample, got " + std::to_string(samples));
    if (!std::isfinite(spread) || spread < 0)
        throw Error("Monte Carlo spread is " + detail::num(spread) + ": must be a finite number >= 0");
    MonteCarloReport report;
    report.samples = samples;
    report.spread = spread;
    report.seed = seed;
    report.base = synthesize(h, judgments, settings);

    const std::vector<int> leaves = h.leaves();
    const std::size_t leafCount = leaves.size();
    std::vector<std::size_t> leafSlot(h.nodes().size(), 0);
    for (std::size_t k = 0; k < leafCount; ++k) leafSlot[leaves[k]] = k;

    std::vector<std::vector<double>> weights(leafCount, std::vector<double>(samples));
    std::vector<std::vector<int>> rankCounts(leafCount, std::vector<int>(leafCount, 0));
    std::vector<double> mean(leafCount, 0), m2(leafCount, 0);

    Xoshiro256 random(seed);
    HierarchyJudgments perturbed = judgments;
    for (int sample = 0; sample < samples; ++sample) {
        // Same draw order every time: sets in map (id) order, cells in row order.
        for (auto& [id, matrix] : perturbed) {
            const PairwiseMatrix& original = judgments.at(id);
            for (int i = 0; i < matrix.size(); ++i)
                for (int j = i + 1; j < matrix.size(); ++j)
                    if (auto value = original.get(i, j)) {
                        if (spread == 0) {
                            matrix.set(i, j, *value);
                            continue;
                        }
                        // In logs, kept within e^+-300 so a huge spread cannot overflow.
                        const double logValue = std::log(*value) + spread * random.normal();
                        matrix.set(i, j, std::exp(std::clamp(logValue, -300.0, 300.0)));
                    }
        }
        const HierarchyResult result = synthesize(h, perturbed, settings);
        for (std::size_t k = 0; k < leafCount; ++k) {
            const double w = result.globalWeight[leaves[k]];
            weights[k][sample] = w;
            // Welford's running mean and variance: exact for constant samples.
            const double delta = w - mean[k];
            mean[k] += delta / static_cast<double>(sample + 1);
            m2[k] += delta * (w - mean[k]);
        }
        for (std::size_t rank = 0; rank < result.leafRanking.size(); ++rank)
            ++rankCounts[leafSlot[result.leafRanking[rank]]][rank];
    }

    for (std::size_t k = 0; k < leafCount; ++k) {
        LeafUncertainty leaf;
        leaf.node = leaves[k];
        leaf.id = h.node(leaves[k]).id;
        leaf.baseWeight = report.base.globalWeight[leaves[k]];
        leaf.mean = mean[k];
        leaf.stddev = std::sqrt(std::max(0.0, m2[k] / static_cast<double>(samples)));
        std::sort(weights[k].begin(), weights[k].end());
        leaf.p05 = percentile(weights[k], 0.05);
        leaf.p95 = percentile(weights[k], 0.95);
        leaf.rankProbability.resize(leafCount);
        for (std::size_t r = 0; r < leafCount; ++r)
            leaf.rankProbability[r] = static_cast<double>(rankCounts[k][r]) / samples;
        report.leaves.push_back(std::move(leaf));
    }
    return report;
}

}  // namespace ahp
