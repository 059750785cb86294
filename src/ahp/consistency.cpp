// Consistency: CI/CR (Saaty 1980) with three random-index tables, GCI (Aguarón &
// Moreno-Jiménez 2003), Koczkodaj 1993 triad index, and judgment advice.
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ahp {

namespace {

// Saaty 1980, n = 1..15.
constexpr std::array<double, 15> kSaaty = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                           1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
// Alonso & Lamata 2006, n = 1..15.
constexpr std::array<double, 15> kAlonsoLamata = {0,      0,      0.5245, 0.8815, 1.1086,
                                                  1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
                                                  1.5141, 1.5365, 1.5551, 1.5713, 1.5838};
// Donegan & Dodd 1991, n = 1..15 (values as tabulated in Alonso & Lamata 2006, Table 1).
constexpr std::array<double, 15> kDoneganDodd = {0,      0,      0.4887, 0.8045, 1.0591,
                                                 1.1797, 1.2519, 1.3171, 1.3733, 1.4055,
                                                 1.4213, 1.4497, 1.4643, 1.4822, 1.4969};

// Saaty's fundamental scale 1/9 .. 1/2, 1, 2 .. 9, ascending (Saaty 1980).
std::array<double, 17> scaleValues() {
    std::array<double, 17> s{};
    for (int k = 0; k < 8; ++k) s[k] = 1.0 / (9 - k);
    for (int k = 0; k < 9; ++k) s[8 + k] = 1.0 + k;
    return s;
}

int nearestScaleIndex(double ratio) {
    const auto s = scaleValues();
    const double lr = std::log(ratio);
    int best = 0;
    for (int k = 1; k < 17; ++k)
        if (std::abs(std::log(s[k]) - lr) < std::abs(std::log(s[best]) - lr)) best = k;
    return best;
}

void checkWeights(const PairwiseMatrix& m, const Eigen::VectorXd& w) {
    if (w.size() != m.size())
        throw Error("weights have " + std::to_string(w.size()) + " entries for a " +
                    std::to_string(m.size()) + "x" + std::to_string(m.size()) + " matrix");
    for (Eigen::Index i = 0; i < w.size(); ++i)
        if (!(std::isfinite(w(i)) && w(i) > 0))
            throw Error("weight " + std::to_string(i + 1) + " is " + detail::num(w(i)) +
                        ": must be a finite positive number");
}

double gciOf(const Eigen::MatrixXd& a) {
    // GCI = 2/((n-1)(n-2)) * sum_{i<j} ln^2(a_ij w_j / w_i), w = row geometric mean
    // (Aguarón & Moreno-Jiménez 2003).
    // In logs: ln(a_ij w_j / w_i) = ln a_ij + g_j - g_i with g the row means of ln a (the
    // normalisation of w cancels), so each ln a_ij is taken once (ln a_ji = -ln a_ij).
    const Eigen::Index n = a.rows();
    if (n <= 2) return 0;
    Eigen::MatrixXd logs(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        logs(i, i) = 0;
        for (Eigen::Index j = i + 1; j < n; ++j) {
            logs(i, j) = std::log(a(i, j));
            logs(j, i) = -logs(i, j);
        }
    }
    const Eigen::VectorXd g = logs.rowwise().mean();
    double s = 0;
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const double e = logs(i, j) + g(j) - g(i);
            s += e * e;
        }
    return 2.0 * s / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
}

double koczkodajOf(const PairwiseMatrix& m, const Eigen::MatrixXd& filledMatrix) {
    // max over triads i<j<k of min(|1 - a_ik/(a_ij a_jk)|, |1 - a_ij a_jk/a_ik|) (Koczkodaj 1993);
    // only triads whose three judgments are all known.
    const int n = m.size();
    double worst = 0;
    if (m.isComplete()) {  // every triad: read the dense matrix
        const Eigen::MatrixXd& a = filledMatrix;
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                for (int k = j + 1; k < n; ++k) {
                    const double p = a(i, j) * a(j, k);
                    worst = std::max(worst, std::min(std::abs(1.0 - a(i, k) / p), std::abs(1.0 - p / a(i, k))));
                }
        return worst;
    }
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            auto aij = m.get(i, j);
            if (!aij) continue;
            for (int k = j + 1; k < n; ++k) {
                auto ajk = m.get(j, k), aik = m.get(i, k);
                if (!ajk || !aik) continue;
                const double p = *aij * *ajk;
                const double t = std::min(std::abs(1.0 - *aik / p), std::abs(1.0 - p / *aik));
                worst = std::max(worst, t);
            }
        }
    return worst;
}

}  // namespace

double randomIndex(int n, RandomIndexTable table) {
    if (n <= 2) return 0;
    const auto& t = table == RandomIndexTable::Saaty1980          ? kSaaty
                    : table == RandomIndexTable::AlonsoLamata2006 ? kAlonsoLamata
                                                                  : kDoneganDodd;
    if (n <= 15) return t[n - 1];
    // Alonso & Lamata 2006: mean random lambda_max = 2.7699 n - 4.3513, hence
    // RI(n) = (lambda_mean - n)/(n - 1) = (1.7699 n - 4.3513)/(n - 1) beyond their table.
    if (table == RandomIndexTable::AlonsoLamata2006) return (1.7699 * n - 4.3513) / (n - 1);
    // Saaty 1980 and Donegan & Dodd 1991 tables end at n = 15: their last value is used beyond.
    return t[14];
}

double graduatedCrThreshold(int n) {
    // Saaty's graduated CR thresholds (Saaty 1980; as used by Goepel 2013).
    if (n == 3) return 0.05;
    if (n == 4) return 0.08;
    return 0.10;
}

double gciThreshold(int n) {
    // Aguarón & Moreno-Jiménez 2003: 0.31 (n=3), 0.35 (n=4), 0.37 (n>4); n <= 2 is always 0.
    if (n <= 3) return 0.31;
    if (n == 4) return 0.35;
    return 0.37;
}

ConsistencyReport consistency(const PairwiseMatrix& m, const Eigen::VectorXd& weights,
                              PriorityMethod method, RandomIndexTable table) {
    checkWeights(m, weights);
    const int n = m.size();
    ConsistencyReport r;
    r.n = n;
    // Missing entries are filled with w_i / w_j. For Eigenvector + Harker weights this filled
    // matrix has the Harker vector as its Perron vector with Harker's eigenvalue (Harker 1987),
    // so both readings of lambda_max coincide.
    const Eigen::MatrixXd a = detail::filled(m, weights);
    r.weightedSum = a * weights;
    r.consistencyVector = r.weightedSum.cwiseQuotient(weights);
    if (method == PriorityMethod::Eigenvector) {
        // Principal eigenvalue (Saaty 1980), power iteration started from the given weights.
        r.lambdaMax = n == 1 ? 1.0 : detail::perron(a, weights).value;
    } else {
        // Mean of (Aw)_i / w_i (Saaty 1980 approximation for non-eigenvector weights).
        r.lambdaMax = r.consistencyVector.mean();
    }
    if (n > 2) {
        // CI = (lambda_max - n)/(n - 1), CR = CI/RI (Saaty 1980); lambda_max >= n in exact
        // arithmetic, so a negative CI is round-off and is clamped to 0.
        r.ci = std::max(0.0, (r.lambdaMax - n) / (n - 1));
        r.ri = randomIndex(n, table);
        r.cr = r.ri > 0 ? r.ci / r.ri : 0.0;
    }
    r.gci = gciOf(a);
    r.koczkodaj = koczkodajOf(m, a);
    r.consistent = r.cr <= graduatedCrThreshold(n);
    r.consistentPlain = r.cr < 0.10;
    return r;
}

ConsistencyReport consistency(const PairwiseMatrix& m, PriorityMethod method,
                              RandomIndexTable table) {
    return consistency(m, priorities(m, method), method, table);
}

double nearestScaleValue(double ratio) {
    if (!(std::isfinite(ratio) && ratio > 0))
        throw Error("ratio " + detail::num(ratio) + " has no scale value: must be finite and positive");
    // Nearest in log distance; an exact tie goes to the smaller value.
    return scaleValues()[nearestScaleIndex(ratio)];
}

std::vector<JudgmentAdvice> rankJudgments(const PairwiseMatrix& m, PriorityMethod method,
                                          RandomIndexTable table) {
    const Eigen::VectorXd w = priorities(m, method);
    const auto scale = scaleValues();
    std::vector<JudgmentAdvice> out;
    const int n = m.size();
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            auto v = m.get(i, j);
            if (!v) continue;
            JudgmentAdvice a;
            a.i = i;
            a.j = j;
            a.value = *v;
            a.implied = w(i) / w(j);
            a.deviation = std::abs(std::log(*v * w(j) / w(i)));
            int k = nearestScaleIndex(a.implied);
            // If the nearest scale value is the current one, step once towards the implied ratio
            // (not when the judgment already equals it up to round-off: nothing to improve).
            if (std::abs(scale[k] - a.value) <= 1e-12 * a.value && a.deviation > 1e-9) {
                if (a.implied > a.value && k < 16) ++k;
                else if (a.implied < a.value && k > 0) --k;
            }
            a.suggested = scale[k];
            PairwiseMatrix changed = m;
            changed.set(i, j, a.suggested);
            a.crIfChanged = consistency(changed, method, table).cr;
            out.push_back(a);
        }
    std::stable_sort(out.begin(), out.end(),
                     [](const JudgmentAdvice& x, const JudgmentAdvice& y) { return x.deviation > y.deviation; });
    return out;
}

}  // namespace ahp
