// Shared helpers for the engine tests: a portable deterministic generator (identical sequences
// natively and under Emscripten) and matrix builders.
#pragma once

#include "ahp/ahp.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace testutil {

// 64-bit LCG (Knuth MMIX constants): same numbers on every platform.
struct Lcg {
    std::uint64_t s;
    explicit Lcg(std::uint64_t seed) : s(seed * 2862933555777941757ULL + 3037000493ULL) {}
    double uniform() {  // [0, 1)
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(s >> 11) * (1.0 / 9007199254740992.0);
    }
    int below(int k) { return static_cast<int>(uniform() * k); }
};

// A value of Saaty's scale 1/9..9, uniformly over the 17 values.
inline double scaleValue(Lcg& g) {
    const int k = g.below(17) - 8;  // -8..8
    return k >= 0 ? 1.0 + k : 1.0 / (1.0 - k);
}

inline ahp::PairwiseMatrix randomMatrix(int n, Lcg& g) {
    ahp::PairwiseMatrix m(n);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) m.set(i, j, scaleValue(g));
    return m;
}

inline ahp::PairwiseMatrix consistentMatrix(const std::vector<double>& w) {
    const int n = static_cast<int>(w.size());
    ahp::PairwiseMatrix m(n);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) m.set(i, j, w[i] / w[j]);
    return m;
}

inline Eigen::VectorXd vec(const std::vector<double>& v) {
    Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
    for (size_t k = 0; k < v.size(); ++k) out(static_cast<Eigen::Index>(k)) = v[k];
    return out;
}

inline double maxAbsDiff(const Eigen::VectorXd& a, const Eigen::VectorXd& b) { return (a - b).cwiseAbs().maxCoeff(); }

}  // namespace testutil
