// Consistency: CI/CR (Saaty 1980) with three random-index tables, GCI (Aguarón &
// Moreno-Jiménez 2003), Koczkodaj 1993 triad index, and judgment advice.
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ahp {

namespace {

// Saaty 1980 (The Analytic Hierarchy Process, McGraw-Hill), n = 1..15.
constexpr std::array<double, 15> kSaaty = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                           1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
// Alonso & Lamata 2006 (Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4)), n = 1..15.
constexpr std::array<double, 15> kAlonsoLamata = {0,      0,      0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056,
                                                  1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838};
// Donegan & Dodd 1991 (Math. Comput. Modelling 15(10) 135-137), as compiled with that citation
// by AHPy (Griffith): n = 3..20, 25, 30, 40, 50, ..., 100 (docs/formats.md: sources).
struct TabulatedRi {
    int n;
    double ri;
};
constexpr std::array<TabulatedRi, 27> kDoneganDodd = {
    {{3, 0.4914},  {4, 0.8286},  {5, 1.0591},  {6, 1.1797},  {7, 1.2519},  {8, 1.3171},  {9, 1.3733},
     {10, 1.4055}, {11, 1.4213}, {12, 1.4497}, {13, 1.4643}, {14, 1.4822}, {15, 1.4969}, {16, 1.5078},
     {17, 1.5153}, {18, 1.5262}, {19, 1.5313}, {20, 1.5371}, {25, 1.5619}, {30, 1.5772}, {40, 1.5976},
     {50, 1.6102}, {60, 1.6178}, {70, 1.6237}, {80, 1.6277}, {90, 1.6213}, {100, 1.6339}}};

double doneganDodd(int n) {
    if (n >= kDoneganDodd.back().n) return kDoneganDodd.back().ri;
    for (std::size_t k = 1; k < kDoneganDodd.size(); ++k) {
        const TabulatedRi lo = kDoneganDodd[k - 1], hi = kDoneganDodd[k];
        if (n > hi.n) continue;
        // Linear interpolation between tabulated sizes (as AHPy does).
        return lo.ri + (hi.ri - lo.ri) * (n - lo.n) / double(hi.n - lo.n);
    }
    return kDoneganDodd.back().ri;
}

using detail::scaleValues;

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
        throw Error("weights have " + std::to_string(w.size()) + " entries for a " + std::to_string(m.size()) + "x" +
                    std::to_string(m.size()) + " matrix");
    for (Eigen::Index i = 0; i < w.size(); ++i)
        if (!(std::isfinite(w(i)) && w(i) > 0))
            throw Error("weight " + std::to_string(i + 1) + " is " + detail::num(w(i)) +
                        ": must be a finite positive number");
}

// Position of (i, j), i < j, in the upper triangle in row order.
int upperIndex(int n, int i, int j) { return i * n - i * (i + 1) / 2 + (j - i - 1); }

double gciOf(const double* logs, int n, double* g) {
    // GCI = 2/((n-1)(n-2)) * sum_{i<j} ln^2(a_ij w_j / w_i), w = row geometric mean
    // (Aguarón & Moreno-Jiménez 2003).
    // In logs: ln(a_ij w_j / w_i) = ln a_ij + g_j - g_i with g the row means of ln a (the
    // normalisation of w cancels), so each ln a_ij is taken once (ln a_ji = -ln a_ij).
    // logs: ln a_ij, i < j, in row order; g: n doubles of scratch.
    if (n <= 2) return 0;
    // Row sums of ln a in column order, in one pass over the triangle: row r receives -ln a_ir
    // for i < r first (ascending i), then ln a_rj for j > r. Row 0 starts them (0 + v = v: the
    // same sums as from zeros, without a call of memset).
    g[0] = 0;
    for (int j = 1; j < n; ++j) {
        g[0] += logs[j - 1];
        g[j] = -logs[j - 1];
    }
    for (int i = 1, k = n - 1; i < n; ++i)
        for (int j = i + 1; j < n; ++j, ++k) {
            g[i] += logs[k];
            g[j] += -logs[k];
        }
    for (int i = 0; i < n; ++i) g[i] /= n;
    double s = 0;
    for (int i = 0, k = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j, ++k) {
            const double e = logs[k] + g[j] - g[i];
            s += e * e;
        }
    return 2.0 * s / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
}

double koczkodajOf(const PairwiseMatrix& m, const double* a, const double* logs) {
    // max over triads i<j<k of min(|1 - a_ik/(a_ij a_jk)|, |1 - a_ij a_jk/a_ik|) (Koczkodaj 1993);
    // only triads whose three judgments are all known.
    const int n = m.size();
    double worst = 0;
    if (m.isComplete()) {  // every triad: read rows i and j of the upper triangle
        // With p = a_ij a_jk and t = ln(p / a_ik) = ln a_ij + ln a_jk - ln a_ik, the smaller of the
        // two is 1 - e^-|t|: the worst triad has the largest |t|. Found in logs (an addition a
        // triad where the comparisons of a_ik with p took products: half the time in
        // WebAssembly, measured at n = 15), its index is computed from its judgments as the
        // formula does. The inner loop keeps the largest |t| only, in two running maxima (even
        // and odd k: half the loop's overhead, two shorter chains; one comparison a triad where
        // the largest and the smallest t took two: WebAssembly n = 15 0.9 -> 0.5 us). The maxima
        // run over a whole row i (its pairs (i, j) have 4 triads each on average at n = 15: the
        // work of a pair was mostly overhead); the row where they grew is noted, and its (j, k)
        // found after: the first triad with the largest |t|, as a search triad by triad finds.
        double largest = 0;
        int worstI = -1;
        auto rowOf = [n](int i) { return upperIndex(n, i, i + 1) - (i + 1); };  // logs[rowOf(i) + k] = ln a_ik
        for (int i = 0; i + 2 < n; ++i) {
            const double* rowI = logs + rowOf(i);
            double even = largest, odd = largest;  // from the largest so far: rarely grows (a branch predicted)
            for (int j = i + 1; j + 1 < n; ++j) {
                const double* rowJ = logs + rowOf(j);
                const double lij = rowI[j];
                int k = j + 1;
                for (; k + 1 < n; k += 2) {
                    even = std::max(even, std::abs(lij + (rowJ[k] - rowI[k])));
                    odd = std::max(odd, std::abs(lij + (rowJ[k + 1] - rowI[k + 1])));
                }
                if (k < n) even = std::max(even, std::abs(lij + (rowJ[k] - rowI[k])));
            }
            const double rowLargest = std::max(even, odd);
            if (rowLargest > largest) largest = rowLargest, worstI = i;
        }
        if (worstI < 0) return 0;  // every triad consistent
        const int i = worstI;
        const double* rowI = logs + rowOf(i);
        for (int j = i + 1; j + 1 < n; ++j)
            for (int k = j + 1; k < n; ++k)
                if (std::abs(rowI[j] + (logs[rowOf(j) + k] - rowI[k])) == largest) {
                    auto at = [&](int r, int c) { return a[static_cast<std::ptrdiff_t>(c) * n + r]; };
                    const double p = at(i, j) * at(j, k), aik = at(i, k);
                    return 1.0 - std::min(aik, p) / std::max(aik, p);
                }
        return 0;  // not reached: the largest |t| is one triad's
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
    if (table == RandomIndexTable::DoneganDodd1991) return doneganDodd(n);
    const auto& t = table == RandomIndexTable::Saaty1980 ? kSaaty : kAlonsoLamata;
    if (n <= 15) return t[n - 1];
    // Alonso & Lamata 2006: mean random lambda_max = 2.7699 n - 4.3513, hence
    // RI(n) = (lambda_mean - n)/(n - 1) = (1.7699 n - 4.3513)/(n - 1) beyond their table.
    if (table == RandomIndexTable::AlonsoLamata2006) return (1.7699 * n - 4.3513) / (n - 1);
    // Saaty 1980's table ends at n = 15: its last value is used beyond (and flagged).
    return t[14];
}

bool randomIndexExtrapolated(int n, RandomIndexTable table) {
    const int last = table == RandomIndexTable::DoneganDodd1991 ? kDoneganDodd.back().n : 15;
    return n > last;
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

ConsistencyReport consistency(const PairwiseMatrix& m, const Eigen::VectorXd& weights, PriorityMethod method,
                              RandomIndexTable table) {
    checkWeights(m, weights);
    const int n = m.size();
    ConsistencyReport r;
    r.n = n;
    // Missing entries are filled with w_i / w_j. For Eigenvector + Harker weights this filled
    // matrix has the Harker vector as its Perron vector with Harker's eigenvalue (Harker 1987),
    // so both readings of lambda_max coincide.
    const std::size_t count = static_cast<std::size_t>(n) * (n - 1) / 2;
    detail::Scratch storage(static_cast<std::size_t>(n) * (n + 1));
    double* a = storage.data();  // the filled matrix, column-major
    double* x = a + static_cast<std::ptrdiff_t>(n) * n;
    detail::Scratch logStorage(count + n);
    double* logs = logStorage.data();  // ln a_ij, i < j, of the filled matrix in row order
    detail::completedInto(m, weights.data(), a, logs);
    r.weightedSum.resize(n);
    detail::multiply(a, n, weights.data(), r.weightedSum.data());
    r.consistencyVector = r.weightedSum.cwiseQuotient(weights);
    if (method == PriorityMethod::Eigenvector) {
        // Principal eigenvalue (Saaty 1980), iteration started from the given weights (whose
        // product with A is the weighted sum).
        r.lambdaMax = n == 1 ? 1.0 : detail::perronRoot(a, n, x, weights.data(), r.weightedSum.data());
    } else {
        // Mean of (Aw)_i / w_i (Saaty 1980 approximation for non-eigenvector weights).
        r.lambdaMax = r.consistencyVector.mean();
    }
    if (n > 2) {
        // CI = (lambda_max - n)/(n - 1), CR = CI/RI (Saaty 1980); lambda_max >= n in exact
        // arithmetic, so a negative CI is round-off and is clamped to 0.
        r.ci = std::max(0.0, (r.lambdaMax - n) / (n - 1));
        r.ri = randomIndex(n, table);
        r.riExtrapolated = randomIndexExtrapolated(n, table);
        r.cr = r.ri > 0 ? r.ci / r.ri : 0.0;
    }
    r.gci = gciOf(logs, n, logs + count);
    r.koczkodaj = koczkodajOf(m, a, logs);
    r.consistent = r.cr <= graduatedCrThreshold(n);
    r.consistentPlain = r.cr < 0.10;
    return r;
}

ConsistencyReport consistency(const PairwiseMatrix& m, PriorityMethod method, RandomIndexTable table) {
    return consistency(m, priorities(m, method), method, table);
}

double nearestScaleValue(double ratio) {
    if (!(std::isfinite(ratio) && ratio > 0))
        throw Error("ratio " + detail::num(ratio) + " has no scale value: must be finite and positive");
    // Nearest in log distance; an exact tie goes to the smaller value.
    return scaleValues()[nearestScaleIndex(ratio)];
}

namespace {

// CRs within this distance count as equal in the suggestion rule.
constexpr double kCrTie = 1e-9;

// True when `a` is a better suggestion than `b` under the rule in ahp.hpp (suggestChange); equal
// candidates keep the one found first (row order, then ascending value).
bool betterSuggestion(const Suggestion& a, const Suggestion& b) {
    if (a.reachesThreshold != b.reachesThreshold) return a.reachesThreshold;
    const bool lowerCr = a.crIfChanged < b.crIfChanged - kCrTie;
    const bool sameCr = std::abs(a.crIfChanged - b.crIfChanged) <= kCrTie;
    if (a.reachesThreshold) return a.steps < b.steps || (a.steps == b.steps && lowerCr);
    return lowerCr || (sameCr && a.steps < b.steps);
}

double crOf(double lambdaMax, int n, RandomIndexTable table) {
    // As in consistency(): CI = max(0, (lambda_max - n)/(n - 1)), CR = CI/RI (Saaty 1980).
    if (n <= 2) return 0;
    const double ri = randomIndex(n, table);
    return ri > 0 ? std::max(0.0, (lambdaMax - n) / (n - 1)) / ri : 0.0;
}

// CR of the matrix with one judgment changed, for the candidates of the suggestion rule.
// Eigenvector: CR needs only lambda_max, that of the Harker matrix (the completed matrix has
// the same, Harker 1987), so the Harker matrix is built once and only a_ij, a_ji change; its
// Perron root starts from the previous candidate's vector (the scale values come in ascending
// order: neighbouring matrices), from the weights for a new judgment. Other methods: their
// weights, then consistency().
class ChangedCr {
public:
    ChangedCr(const PairwiseMatrix& m, const Eigen::VectorXd& w, PriorityMethod method, RandomIndexTable table)
        : m_(m),
          w_(w),
          method_(method),
          table_(table),
          n_(m.size()),
          storage_(method == PriorityMethod::Eigenvector ? static_cast<std::size_t>(n_) * (n_ + 1) : 0) {
        if (method_ == PriorityMethod::Eigenvector) detail::harkerInto(m_, storage_.data());
    }

    // CR as a function of ln a_ij is convex for the eigenvector method: lambda_max is a
    // log-convex function of t when every entry is (Kingman 1961; here e^t, e^-t and
    // constants), and CR is increasing and affine in lambda_max.
    bool convex() const { return method_ == PriorityMethod::Eigenvector; }
    // The next call starts from the weights, not from the previous candidate's vector.
    void restart() { lastI_ = -1; }

    double operator()(int i, int j, double value) {  // i < j
        if (method_ != PriorityMethod::Eigenvector) {
            PairwiseMatrix changed = m_;
            changed.set(i, j, value);
            return consistency(changed, priorities(changed, method_), method_, table_).cr;
        }
        double* b = storage_.data();
        double* x = b + static_cast<std::ptrdiff_t>(n_) * n_;
        const double* start = i != lastI_ || j != lastJ_ ? w_.data() : x;  // a new judgment: the weights
        lastI_ = i;
        lastJ_ = j;
        double& upper = b[j * n_ + i];  // column-major (i, j)
        double& lower = b[i * n_ + j];
        const double keptUpper = upper, keptLower = lower;
        upper = value;
        lower = 1.0 / value;  // as PairwiseMatrix::get(j, i) reads it
        const double lambdaMax = detail::perronRoot(b, n_, x, start);
        upper = keptUpper;
        lower = keptLower;
        return crOf(lambdaMax, n_, table_);
    }

private:
    const PairwiseMatrix& m_;
    const Eigen::VectorXd& w_;
    PriorityMethod method_;
    RandomIndexTable table_;
    int n_;
    detail::Scratch storage_;  // eigenvector: the Harker matrix, then the iterate
    int lastI_ = -1, lastJ_ = -1;
};

// The rule restricted to judgment (i, j): every other scale value, kept only if it lowers CR.
std::optional<Suggestion> bestChangeOf(const PairwiseMatrix& m, ChangedCr& crIfChanged, int i, int j, double currentCr,
                                       double threshold) {
    const auto value = m.get(i, j);
    if (!value) return std::nullopt;
    const auto scale = scaleValues();
    const int from = nearestScaleIndex(*value);
    // CR of each candidate; NaN where not computed (no such candidate can be the best).
    std::array<double, 17> crs;
    crs.fill(std::numeric_limits<double>::quiet_NaN());
    auto at = [&](int k) { return crs[k] = crIfChanged(i, j, scale[k]); };
    bool walked = false;
    if (crIfChanged.convex() && std::abs(scale[from] - *value) <= 1e-12 * *value) {
        // On the scale, CR convex in ln a_ij: it falls on at most one side of the current value,
        // and there only until it rises again. So: both neighbours; then, on the side that
        // falls, each next value until CR rises. The values left out have more steps and a
        // higher CR than one computed, so the rule below would not pick them.
        const double below = from > 0 ? at(from - 1) : currentCr;
        crIfChanged.restart();
        const double above = from < 16 ? at(from + 1) : currentCr;
        const bool fallsBelow = below < currentCr, fallsAbove = above < currentCr;
        if (!(fallsBelow && fallsAbove)) {  // both: rounding at a flat minimum; compute them all
            walked = true;
            const int d = fallsAbove ? 1 : -1;
            if (fallsBelow || fallsAbove)
                for (int k = from + 2 * d; k >= 0 && k < 17; k += d) {
                    if (!(at(k) <= crs[k - d])) break;  // rises: only higher beyond
                }
        }
    }
    if (!walked) {
        crIfChanged.restart();
        for (int k = 0; k < 17; ++k)
            if (std::abs(scale[k] - *value) > 1e-12 * *value) at(k);
    }
    std::optional<Suggestion> best;
    for (int k = 0; k < 17; ++k) {
        if (std::abs(scale[k] - *value) <= 1e-12 * *value) continue;  // not a change
        if (std::isnan(crs[k])) continue;                             // not computed (see above)
        Suggestion c;
        c.i = i;
        c.j = j;
        c.value = *value;
        c.suggested = scale[k];
        // An off-scale value moved to its nearest scale value counts as one step.
        c.steps = std::max(1, std::abs(k - from));
        c.crIfChanged = crs[k];
        if (!(c.crIfChanged < currentCr - kCrTie)) continue;  // never a change that does not lower CR
        c.reachesThreshold = c.crIfChanged <= threshold;
        if (!best || betterSuggestion(c, *best)) best = c;
    }
    return best;
}

}  // namespace

std::optional<Suggestion> suggestChange(const PairwiseMatrix& m, PriorityMethod method, RandomIndexTable table,
                                        double threshold) {
    if (m.size() <= 2 || !m.isConnected()) return std::nullopt;
    const Eigen::VectorXd w = priorities(m, method);
    const double cr = consistency(m, w, method, table).cr;
    if (cr <= threshold) return std::nullopt;
    std::optional<Suggestion> best;
    ChangedCr crIfChanged(m, w, method, table);
    for (int i = 0; i < m.size(); ++i)
        for (int j = i + 1; j < m.size(); ++j) {
            auto c = bestChangeOf(m, crIfChanged, i, j, cr, threshold);
            if (c && (!best || betterSuggestion(*c, *best))) best = c;
        }
    return best;
}

std::vector<JudgmentAdvice> rankJudgments(const PairwiseMatrix& m, PriorityMethod method, RandomIndexTable table) {
    const Eigen::VectorXd w = priorities(m, method);
    const double cr = consistency(m, w, method, table).cr;
    const double threshold = graduatedCrThreshold(m.size());
    std::vector<JudgmentAdvice> out;
    const int n = m.size();
    ChangedCr crIfChanged(m, w, method, table);
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
            if (n > 2) a.change = bestChangeOf(m, crIfChanged, i, j, cr, threshold);
            out.push_back(a);
        }
    // Worst first. Deviations equal to 10 decimals are ties and keep row order: a 3x3 matrix's
    // deviations are all equal in exact arithmetic, and which one rounding puts first would
    // follow the last bits of the weights (the order of the sums, native or wasm).
    auto key = [](const JudgmentAdvice& a) { return std::round(a.deviation * 1e10); };
    std::stable_sort(out.begin(), out.end(),
                     [&](const JudgmentAdvice& x, const JudgmentAdvice& y) { return key(x) > key(y); });
    return out;
}

}  // namespace ahp
