// Engine benchmarks: a plain program timing with std::chrono, one JSON line per benchmark:
//   {"name": "...", "iterations": N, "ns_per_op": X}
// Built natively and as WebAssembly (run under Node.js) by scripts/bench.sh, which prints the
// two side by side. Figures only: nothing here asserts a time.
//
//   engine_bench [--budget-ms M] [--only TEXT] [--calls N] | --matrices
//     --budget-ms: time spent per benchmark, default 300; at least one call per round, 5 rounds,
//                  3 for the Monte Carlo
//     --only:      run only the benchmarks whose name contains TEXT (e.g. "n=15", "UI set")
//     --calls:     N calls of each, untimed (for instruction counts under callgrind or perf
//                  stat, which a shared machine does not disturb as it does a clock)
//     --matrices:  print the random matrices of the one-matrix benchmarks instead, one JSON line
//                  each, {"n": N, "upper": [a12, a13, ...]} (bench/ahpy_bench.py times AHPy 2.1
//                  on the same ones)
//
// Inputs are synthetic and fixed by seed (the same on every platform): random reciprocal
// matrices on Saaty's scale; 1,000 experts answering the whole study (assets/models/egov-qom.json,
// 14 sets, 38 indicators).
#include "ahp/ahp.hpp"
#include "ahp/uncertainty.hpp"
#include "model/model.hpp"
#include "model/names.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double budgetMs = 300;
std::string only;          // --only: a part of the names to run; empty runs every benchmark
long long calls = 0;       // --calls: untimed calls per benchmark; 0 times them
volatile double sink = 0;  // results flow here so nothing is optimised away

// Times `op`: a batch size is calibrated so one round takes about budgetMs / rounds, then
// `rounds` rounds are timed and the median time per call is printed (the median shrugs off a
// round that another process on the machine slowed down).
void bench(const std::string& name, const std::function<double()>& op, int rounds = 5) {
    if (name.find(only) == std::string::npos) return;
    if (calls > 0) {
        for (long long k = 0; k < calls; ++k) sink = sink + op();
        std::printf("{\"name\": \"%s\", \"calls\": %lld}\n", name.c_str(), calls);
        return;
    }
    auto timeBatch = [&](long long batch) {
        const auto start = Clock::now();
        for (long long k = 0; k < batch; ++k) sink = sink + op();
        return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    };
    const double roundNs = budgetMs * 1e6 / rounds;
    // Warm-up for a third of the budget: caches and lazy allocation, and in WebAssembly V8's
    // tiering (code starts in its baseline compiler and is optimised once hot, in the
    // background: on a busy machine the first benchmarks were timed before it, n = 3 at 1-2 us
    // instead of 0.4).
    const auto warm = Clock::now() + std::chrono::duration<double, std::milli>(budgetMs / 3);
    while (Clock::now() < warm) timeBatch(1);
    long long batch = 1;
    double ns = timeBatch(1);
    while (ns < roundNs / 4 && batch < (1LL << 40)) {
        batch *= 2;
        ns = timeBatch(batch);
    }
    batch = std::max(1LL, static_cast<long long>(static_cast<double>(batch) * roundNs / std::max(ns, 1.0)));
    std::vector<double> perOp;
    for (int r = 0; r < rounds; ++r) perOp.push_back(timeBatch(batch) / static_cast<double>(batch));
    std::sort(perOp.begin(), perOp.end());
    std::printf("{\"name\": \"%s\", \"iterations\": %lld, \"ns_per_op\": %.1f}\n", name.c_str(), batch * rounds,
                perOp[perOp.size() / 2]);
    std::fflush(stdout);
}

// splitmix64: a portable seeded stream for the synthetic inputs.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Saaty's scale 1/9 .. 1/2, 1, 2 .. 9, uniformly over its 17 values.
    double scaleValue() {
        const int k = static_cast<int>(next() % 17) - 8;
        return k >= 0 ? 1.0 + k : 1.0 / (1.0 - k);
    }
};

ahp::PairwiseMatrix randomMatrix(int n, Random& random) {
    ahp::PairwiseMatrix m(n);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) m.set(i, j, random.scaleValue());
    return m;
}

// The one-matrix benchmarks' inputs: kMatrixCount random matrices of size n, the same on every
// platform and in every run (seeded by n).
constexpr int kMatrixSizes[] = {3, 5, 9, 15, 30};
constexpr int kMatrixCount = 200;
std::vector<ahp::PairwiseMatrix> randomMatrices(int n) {
    Random random{static_cast<std::uint64_t>(1000 + n)};
    std::vector<ahp::PairwiseMatrix> matrices;
    for (int k = 0; k < kMatrixCount; ++k) matrices.push_back(randomMatrix(n, random));
    return matrices;
}

void printMatrices() {
    for (int n : kMatrixSizes)
        for (const ahp::PairwiseMatrix& m : randomMatrices(n)) {
            std::printf("{\"n\": %d, \"upper\": [", n);
            const char* separator = "";
            for (const auto& v : m.upperTriangle()) {
                std::printf("%s%.17g", separator, *v);
                separator = ", ";
            }
            std::printf("]}\n");
        }
}

std::string readSource(const std::string& relative) {
    std::ifstream file(std::string(AHP_SOURCE_DIR) + "/" + relative, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "engine_bench: cannot read %s\n", relative.c_str());
        std::exit(2);
    }
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], "--budget-ms") == 0 && k + 1 < argc) {
            budgetMs = std::atof(argv[++k]);
        } else if (std::strcmp(argv[k], "--only") == 0 && k + 1 < argc) {
            only = argv[++k];
        } else if (std::strcmp(argv[k], "--calls") == 0 && k + 1 < argc) {
            calls = std::atoll(argv[++k]);
        } else if (std::strcmp(argv[k], "--matrices") == 0) {
            printMatrices();
            return 0;
        } else {
            std::fprintf(stderr, "usage: engine_bench [--budget-ms M] [--only TEXT] [--calls N] | --matrices\n");
            return 2;
        }
    }
#ifdef __EMSCRIPTEN__
    std::printf("{\"platform\": \"wasm\"}\n");
#else
    std::printf("{\"platform\": \"native\"}\n");
#endif

    const ahp::PriorityMethod methods[] = {ahp::PriorityMethod::Eigenvector, ahp::PriorityMethod::GeometricMean,
                                           ahp::PriorityMethod::NormalizedColumns};
    // ---- one complete matrix: priorities, weights + consistency, the UI's report ----
    // Each call takes the next of 200 random matrices of that size (the time of one fixed
    // matrix follows the matrix more than n: how fast its power iteration converges).
    for (int n : kMatrixSizes) {
        const std::vector<ahp::PairwiseMatrix> matrices = randomMatrices(n);
        std::size_t next = 0;
        auto matrix = [&]() -> const ahp::PairwiseMatrix& { return matrices[next++ % matrices.size()]; };
        const std::string suffix = " n=" + std::to_string(n) + " (" + std::to_string(kMatrixCount) + " random)";
        for (auto method : methods)
            bench("priorities " + std::string(model::methodName(method)) + suffix,
                  [&] { return ahp::priorities(matrix(), method)(0); });
        // What AHPy's Compare does for one matrix: eigenvector weights and the CR (AHPy figures
        // beside these in scripts/bench.sh).
        bench("weights + consistency eigen" + suffix, [&] {
            const ahp::PairwiseMatrix& m = matrix();
            const Eigen::VectorXd w = ahp::priorities(m, ahp::PriorityMethod::Eigenvector);
            return ahp::consistency(m, w, ahp::PriorityMethod::Eigenvector, ahp::RandomIndexTable::Saaty1980).cr;
        });
        // What the questionnaire computes for a set after each click (ui::App, setView):
        // weights, the consistency report, and the advice on every judgment.
        bench("UI set report eigen" + suffix, [&] {
            const ahp::PairwiseMatrix& m = matrix();
            const Eigen::VectorXd w = ahp::priorities(m, ahp::PriorityMethod::Eigenvector);
            const double cr =
                ahp::consistency(m, w, ahp::PriorityMethod::Eigenvector, ahp::RandomIndexTable::Saaty1980).cr;
            return cr + ahp::rankJudgments(m, ahp::PriorityMethod::Eigenvector, ahp::RandomIndexTable::Saaty1980)
                            .front()
                            .deviation;
        });
    }

    // ---- the study: 1,000 experts, AIJ per set, then synthesis ----
    const model::Model study = model::parseModel(readSource("assets/models/egov-qom.json"), "egov-qom.json");
    const ahp::Hierarchy& h = study.hierarchy;
    const int expertCount = 1000;
    std::vector<std::string> setIds;
    for (int set : h.comparisonSets()) setIds.push_back(h.node(set).id);
    // experts[set][expert]
    std::vector<std::vector<ahp::PairwiseMatrix>> experts(setIds.size());
    Random random{42};
    for (int e = 0; e < expertCount; ++e)
        for (std::size_t s = 0; s < setIds.size(); ++s)
            experts[s].push_back(randomMatrix(static_cast<int>(h.node(*h.find(setIds[s])).children.size()), random));
    ahp::HierarchyJudgments group;
    auto aggregateAll = [&] {
        for (std::size_t s = 0; s < setIds.size(); ++s) group[setIds[s]] = ahp::aggregateJudgments(experts[s]);
        return ahp::synthesize(h, group, study.settings).globalWeight.back();
    };
    bench("AIJ 1000 experts x 14 sets + synthesis", aggregateAll);
    bench("synthesis of the study (14 sets)",
          [&] { return ahp::synthesize(h, group, study.settings).globalWeight.back(); });

    // ---- Monte Carlo: 10,000 samples over the group judgments ----
    ahp::MonteCarloReport report;
    bench(
        "Monte Carlo 10000 samples (study)",
        [&] {
            report = ahp::monteCarlo(h, group, study.settings, 10000, 0.2, 7);
            return report.leaves.front().mean;
        },
        3);
    // The result itself, so the two platforms can be compared (same seed, same numbers).
    if (report.leaves.empty()) return sink == 12345.678 ? 1 : 0;  // --only left the Monte Carlo out
    const ahp::LeafUncertainty* top = &report.leaves.front();
    for (const auto& leaf : report.leaves)
        if (leaf.baseWeight > top->baseWeight) top = &leaf;
    std::printf(
        "{\"result\": \"Monte Carlo top leaf\", \"id\": \"%s\", \"mean\": %.17g, \"p05\": %.17g, "
        "\"p95\": %.17g, \"p_rank1\": %.17g}\n",
        top->id.c_str(), top->mean, top->p05, top->p95, top->rankProbability[0]);
    return sink == 12345.678 ? 1 : 0;
}
