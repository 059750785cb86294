// Uncertainty of a hierarchy's result: Monte Carlo over perturbed judgments.
// Each sample multiplies every known judgment a_ij (i < j) by exp(spread * z), z ~ N(0, 1)
// (a log-normal factor with median 1, so a_ji = 1 / a_ij stays reciprocal), re-runs
// synthesize() and accumulates each leaf's global weight and rank.
// The random numbers come from our own generator (xoshiro256**, seeded by splitmix64; normal
// deviates by Marsaglia's polar method), so a seed gives the same sample sequence on every
// platform, natively and under WebAssembly.
#pragma once

#include "ahp/ahp.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ahp {

// xoshiro256** (Blackman & Vigna 2018), state filled by splitmix64 from one 64-bit seed.
class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed);
    std::uint64_t next();
    double uniform();  // [0, 1), 53 random bits
    double normal();   // N(0, 1), Marsaglia's polar method

private:
    std::uint64_t s_[4];
    double spare_ = 0;
    bool hasSpare_ = false;
};

struct LeafUncertainty {
    int node = 0;  // node index in the hierarchy
    std::string id;
    double baseWeight = 0;    // global weight from the unperturbed judgments
    double mean = 0;          // over the samples
    double stddev = 0;        // population standard deviation over the samples
    double p05 = 0, p95 = 0;  // 5th / 95th percentile (linear interpolation between order stats)
    // rankProbability[r]: share of samples in which this leaf ranked r + 1 (1 = highest global
    // weight; ties keep Hierarchy::leaves() order, as synthesize() does). Sums to 1.
    std::vector<double> rankProbability;
};

struct MonteCarloReport {
    int samples = 0;
    double spread = 0;
    std::uint64_t seed = 0;
    HierarchyResult base;                 // synthesize() of the unperturbed judgments
    std::vector<LeafUncertainty> leaves;  // Hierarchy::leaves() order
};

// Throws Error for samples < 1 or a spread that is negative or not finite. Sets that the base
// judgments cannot solve stay unsolved in every sample (their subtrees weigh 0).
// spread = 0 reproduces the base weights exactly (mean = p05 = p95 = base weight, and each
// leaf's base rank has probability 1).
MonteCarloReport monteCarlo(const Hierarchy& h, const HierarchyJudgments& judgments, const Settings& settings,
                            int samples, double spread, std::uint64_t seed);

}  // namespace ahp
