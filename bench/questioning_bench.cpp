// Adaptive questioning, simulated (issue 15 B): experts with hidden true weights answer each
// pair with the nearest value of Saaty's scale and, now and then, one position off (a slip).
// Asked adaptively (ahp::nextQuestion: connect, then Harker 1987's most informative pair until
// the set is settled), how many pairs does it take, and how far are the weights at the stop from
// the weights the same expert gives with every answer? Figures only: nothing here asserts.
//
//   questioning_bench [--experts N] [--slip P]   (default 400 experts per size, slips 0.1)
//
// Prints, per set size 3..9 (eigenvector, one set alone) and over the study model
// (assets/models/egov-qom.json with its own method, every set asked the same way): the share of pairs asked and the mean absolute
// distance of the weights at the stop; for the study also the judgments asked out of 78 and
// Kendall's tau between the 38 indicators' rankings at the stop and with every answer.
#include "ahp/ahp.hpp"
#include "model/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Random {  // 64-bit LCG (Knuth MMIX): the same numbers everywhere
    std::uint64_t s;
    double uniform() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(s >> 11) * (1.0 / 9007199254740992.0);
    }
    double normal() {  // Box-Muller
        const double u = std::max(uniform(), 1e-300), v = uniform();
        return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
};

// Scale position 0..16 <-> 1/9 .. 1/2, 1, 2 .. 9.
double scaleAt(int k) { return k < 8 ? 1.0 / (9 - k) : 1.0 + (k - 8); }
int positionOf(double v) {
    int best = 0;
    for (int k = 1; k < 17; ++k)
        if (std::abs(std::log(scaleAt(k) / v)) < std::abs(std::log(scaleAt(best) / v))) best = k;
    return best;
}

// Hidden true weights: log-normal (sd 0.8 in ln), so most ratios fall inside 1/9..9.
std::vector<double> trueWeights(int n, Random& r) {
    std::vector<double> w(n);
    for (double& x : w) x = std::exp(0.8 * r.normal());
    return w;
}

// Every answer the expert would give: nearest scale value, one position off with probability slip.
ahp::PairwiseMatrix answers(const std::vector<double>& w, double slip, Random& r) {
    const int n = static_cast<int>(w.size());
    ahp::PairwiseMatrix m(n);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            int k = positionOf(w[i] / w[j]);
            if (r.uniform() < slip) k = std::clamp(k + (r.uniform() < 0.5 ? -1 : 1), 0, 16);
            m.set(i, j, scaleAt(k));
        }
    return m;
}

// Asks one set adaptively from `m` (answers taken from `all`) until settled; returns pairs asked.
int askUntilSettled(ahp::PairwiseMatrix& m, const ahp::PairwiseMatrix& all, ahp::PriorityMethod method) {
    int asked = 0;
    for (;;) {
        const ahp::QuestionAdvice q = ahp::nextQuestion(m, method);
        if (q.settled || !q.next) return asked;
        m.set(q.next->first, q.next->second, *all.get(q.next->first, q.next->second));
        ++asked;
    }
}

double meanAbs(const Eigen::VectorXd& a, const Eigen::VectorXd& b) { return (a - b).cwiseAbs().mean(); }

// Kendall's tau-a between two score lists over the same items.
double kendallTau(const std::vector<double>& a, const std::vector<double>& b) {
    long concordant = 0, discordant = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = i + 1; j < a.size(); ++j) {
            const double s = (a[i] - a[j]) * (b[i] - b[j]);
            concordant += s > 0;
            discordant += s < 0;
        }
    const double pairs = a.size() * (a.size() - 1) / 2.0;
    return (concordant - discordant) / pairs;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

std::string readSource(const std::string& relative) {
    std::ifstream in(std::string(AHP_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    int experts = 400;
    double slip = 0.1;
    for (int k = 1; k + 1 < argc; k += 2) {
        if (!std::strcmp(argv[k], "--experts")) experts = std::max(1, std::atoi(argv[k + 1]));
        if (!std::strcmp(argv[k], "--slip")) slip = std::atof(argv[k + 1]);
    }
    std::printf(
        "Adaptive questioning: %d simulated experts per row, slips %.0f %% (settled when the "
        "next answer is predicted to move no weight by more than %.2f)\n\n",
        experts, slip * 100, ahp::kSettledChange);
    std::printf("| set size | pairs | asked (mean) | share asked | mean abs distance | 95th pct | within 0.02 |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
    Random random{20261127};
    for (int n = 3; n <= 9; ++n) {
        double askedSum = 0;
        std::vector<double> distances;
        for (int e = 0; e < experts; ++e) {
            const ahp::PairwiseMatrix all = answers(trueWeights(n, random), slip, random);
            ahp::PairwiseMatrix m(n);
            askedSum += askUntilSettled(m, all, ahp::PriorityMethod::Eigenvector);
            distances.push_back(meanAbs(ahp::priorities(m, ahp::PriorityMethod::Eigenvector),
                                        ahp::priorities(all, ahp::PriorityMethod::Eigenvector)));
        }
        const int pairs = n * (n - 1) / 2;
        double mean = 0, within = 0;
        for (double d : distances) mean += d / experts, within += (d <= 0.02) / double(experts);
        std::printf("| %d | %d | %.2f | %.1f %% | %.4f | %.4f | %.1f %% |\n", n, pairs, askedSum / experts,
                    100 * askedSum / experts / pairs, mean, percentile(distances, 0.95), 100 * within);
    }

    // The study model: every set asked adaptively, in questionnaire order.
    const model::Model study = model::parseModel(readSource("assets/models/egov-qom.json"), "egov-qom.json");
    const ahp::Hierarchy& h = study.hierarchy;
    const int total = h.judgmentCount();
    const int studyExperts = std::max(1, experts / 4);
    std::vector<double> asked, taus, distances;
    for (int e = 0; e < studyExperts; ++e) {
        ahp::HierarchyJudgments full, adaptive;
        for (int set : h.comparisonSets()) {
            const int n = static_cast<int>(h.node(set).children.size());
            full[h.node(set).id] = answers(trueWeights(n, random), slip, random);
            adaptive[h.node(set).id] = ahp::PairwiseMatrix(n);
        }
        int count = 0;
        for (int set : h.comparisonSets())
            count += askUntilSettled(adaptive[h.node(set).id], full[h.node(set).id], study.settings.method);
        const ahp::HierarchyResult a = ahp::synthesize(h, adaptive, study.settings);
        const ahp::HierarchyResult f = ahp::synthesize(h, full, study.settings);
        std::vector<double> ga, gf;
        double d = 0;
        for (int leaf : h.leaves()) {
            ga.push_back(a.globalWeight[leaf]);
            gf.push_back(f.globalWeight[leaf]);
            d += std::abs(a.globalWeight[leaf] - f.globalWeight[leaf]);
        }
        asked.push_back(count);
        taus.push_back(kendallTau(ga, gf));
        distances.push_back(d / static_cast<double>(ga.size()));
    }
    double meanAsked = 0, meanTau = 0, meanDistance = 0;
    for (int k = 0; k < studyExperts; ++k) {
        meanAsked += asked[k] / studyExperts;
        meanTau += taus[k] / studyExperts;
        meanDistance += distances[k] / studyExperts;
    }
    std::printf("\nStudy model (%d simulated experts, %d judgments, method %s):\n", studyExperts, total,
                study.settings.method == ahp::PriorityMethod::NormalizedColumns ? "normalized" : "other");
    std::printf("  asked: mean %.1f of %d (%.1f %%), 95th pct %.0f, most %.0f\n", meanAsked, total,
                100 * meanAsked / total, percentile(asked, 0.95), percentile(asked, 1.0));
    std::printf("  Kendall tau of the 38 indicators' ranking (stop vs every answer): mean %.3f, 5th pct %.3f\n",
                meanTau, percentile(taus, 0.05));
    std::printf("  global weights, mean abs distance: mean %.4f\n", meanDistance);
    return 0;
}
