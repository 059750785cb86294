// Priority derivation: eigenvector (Saaty 1980; Harker 1987), geometric mean / LLS
// (Crawford & Williams 1985), normalised columns (Saaty 1980 approximation).
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <Eigen/LU>

#include <algorithm>

#include <cmath>

namespace ahp {

namespace detail {

namespace {

constexpr int kSquaringMax = 4;  // sizes started by squaringStart (measured: fewer instructions to n = 4)

// Dense kernels over n x n column-major storage, in plain loops: at the sizes of a questionnaire
// (3..15 items) the set-up of Eigen's dynamic-size expressions cost more than the arithmetic.
// The products keep four rows of their result in registers while they walk the columns: one
// load per matrix entry and no store per multiply-add (the WebAssembly build has no SIMD, and a
// column-by-column loop loaded and stored y for every term: 1.8x the time at n = 15). Each
// entry is summed in the same order as column by column, so the results are the same bits.

// Entries that fall outside whole blocks of four are done as a last block of four ending at the
// end, which computes again a few entries already done (the same values; cheaper than one by one).

// y = A x.
template <int N>
void multiply(const double* __restrict a, int size, const double* __restrict x, double* __restrict y) {
    const int n = N > 0 ? N : size;
    if (n < 4) {
        for (int i = 0; i < n; ++i) {
            double yi = a[i] * x[0];
            for (int j = 1; j < n; ++j) yi += a[static_cast<std::ptrdiff_t>(j) * n + i] * x[j];
            y[i] = yi;
        }
        return;
    }
    for (int block = 0; block < n; block += 4) {
        const int i = std::min(block, n - 4);
        const double* p = a + i;
        double y0 = p[0] * x[0], y1 = p[1] * x[0], y2 = p[2] * x[0], y3 = p[3] * x[0];
        for (int j = 1; j < n; ++j) {
            p += n;
            const double xj = x[j];
            y0 += p[0] * xj;
            y1 += p[1] * xj;
            y2 += p[2] * xj;
            y3 += p[3] * xj;
        }
        y[i] = y0;
        y[i + 1] = y1;
        y[i + 2] = y2;
        y[i + 3] = y3;
    }
}

template <int N>
double sum(const double* v, int size) {
    const int n = N > 0 ? N : size;
    double s = 0;
    for (int i = 0; i < n; ++i) s += v[i];
    return s;
}

// y /= total, total = sum(y) (times the reciprocal: a division costs several multiplications);
// returns max_i |y_i - x_i|.
template <int N>
double normaliseAndCompare(double* y, const double* x, int size, double total) {
    const int n = N > 0 ? N : size;
    const double scale = 1.0 / total;
    double change = 0;
    for (int i = 0; i < n; ++i) {
        y[i] *= scale;
        change = std::max(change, std::abs(y[i] - x[i]));
    }
    return change;
}

// The iterations below keep their iterate in one of two buffers of n doubles, `from`, and
// write the next one into the other, `to`, then swap the pointers: no copy back. (A copy of
// a few doubles is a call of the C library's memmove in WebAssembly, ~600 instructions.)

// Power iteration x <- Ax / sum(Ax) (Saaty 1980) until max |change| <= 1e-15; false if
// `maxSteps` did not get there. At the fixed point, root = sum(Ax)/sum(x) of the last step's
// x (= mean of (Ax)_i / x_i there; Saaty 1980). `productGiven`: `to` already holds A from for
// the first step.
template <int N>
bool powerIterate(const double* a, int size, double*& from, double*& to, int maxSteps, double& root,
                  bool productGiven = false) {
    const int n = N > 0 ? N : size;
    bool converged = false;
    for (int step = 0; step < maxSteps && !converged; ++step) {
        if (step > 0 || !productGiven) multiply<N>(a, n, from, to);
        const double total = sum<N>(to, n);
        const double change = normaliseAndCompare<N>(to, from, n, total);
        if (change <= 1e-15) {
            root = total / sum<N>(from, n);
            converged = true;
        }
        std::swap(from, to);
    }
    return converged;
}

// The four-row kernel of the LU's columns of L and of the forward solve: v_r -= m(row + r, k) x_k
// for r = 0..3 and k = 0 .. count-1 in that order, m column-major n x n. The four sums stay in
// registers (see multiply).
struct FourSums {
    double v0, v1, v2, v3;
};
template <int N>
inline void subtractFourRows(const double* __restrict m, int size, int row, const double* __restrict x, int count,
                             FourSums& v) {
    const int n = N > 0 ? N : size;
    for (int k = 0; k < count; ++k) {
        const double xk = x[k];
        const double* column = m + static_cast<std::ptrdiff_t>(k) * n + row;
        v.v0 -= column[0] * xk;
        v.v1 -= column[1] * xk;
        v.v2 -= column[2] * xk;
        v.v3 -= column[3] * xk;
    }
}

// LU of sI - A without pivoting, in place in lu (column-major; L unit lower, U upper). For
// s > the Perron root, sI - A is a nonsingular M-matrix, whose LU exists with positive pivots
// (Berman & Plemmons 1994, ch. 6, Thm 2.3) and is stable without pivoting (Higham 2002, ch. 9).
// False when a pivot is not positive (s not above the root after rounding).
// Doolittle's order (Golub & Van Loan 2013, sec. 3.2.9): row i of U, then column i of L, each
// entry a sum over k < i kept in a register (four entries at a time), where the row-by-row
// elimination loaded and stored it for every k; the same terms in the same order, so the same bits.
template <int N>
bool factorShifted(const double* __restrict a, int size, double shift, double* __restrict lu) {
    const int n = N > 0 ? N : size;
    auto at = [n](int i, int j) { return static_cast<std::ptrdiff_t>(j) * n + i; };
    for (int i = 0; i < n; ++i) {
        // u_ij = (s d_ij - a_ij) - sum_{k<i} l_ik u_kj, j >= i: read from a and from finished
        // entries of L and U only, so a block may compute an entry again.
        if (n - i < 4) {
            for (int j = i; j < n; ++j) {
                double v = (j == i ? shift : 0.0) - a[at(i, j)];
                for (int k = 0; k < i; ++k) v -= lu[at(i, k)] * lu[at(k, j)];
                lu[at(i, j)] = v;
            }
        } else {
            for (int block = i; block < n; block += 4) {
                const int j = std::min(block, n - 4);
                double* u = lu + at(0, j);  // columns j .. j+3
                double v0 = (j == i ? shift : 0.0) - a[at(i, j)], v1 = -a[at(i, j + 1)], v2 = -a[at(i, j + 2)],
                       v3 = -a[at(i, j + 3)];
                for (int k = 0; k < i; ++k) {
                    const double l = lu[at(i, k)];
                    v0 -= l * u[k];
                    v1 -= l * u[n + k];
                    v2 -= l * u[2 * n + k];
                    v3 -= l * u[3 * n + k];
                }
                u[i] = v0;
                u[n + i] = v1;
                u[2 * n + i] = v2;
                u[3 * n + i] = v3;
            }
        }
        double* columnI = lu + at(0, i);
        const double pivot = columnI[i];
        if (!(pivot > 0)) return false;
        const double inverse = 1.0 / pivot;
        columnI[i] = inverse;  // U's diagonal is kept as its reciprocal, for solveFactored
        // l_ri = (-a_ri - sum_{k<i} l_rk u_ki) / u_ii, r > i.
        const double* ai = a + at(0, i);
        if (n - i - 1 < 4) {
            for (int r = i + 1; r < n; ++r) {
                double v = -ai[r];
                for (int k = 0; k < i; ++k) v -= lu[at(r, k)] * columnI[k];
                columnI[r] = v * inverse;
            }
        } else {
            for (int block = i + 1; block < n; block += 4) {
                const int r = std::min(block, n - 4);
                FourSums v{-ai[r], -ai[r + 1], -ai[r + 2], -ai[r + 3]};
                subtractFourRows<N>(lu, n, r, columnI, i, v);
                columnI[r] = v.v0 * inverse;
                columnI[r + 1] = v.v1 * inverse;
                columnI[r + 2] = v.v2 * inverse;
                columnI[r + 3] = v.v3 * inverse;
            }
        }
    }
    return true;
}

// y <- (LU)^-1 b: forward then back substitution, by blocks of four rows whose sums stay in
// registers (a triangular solve is a chain of dependent steps: a step that waits for a store
// and a load of y, as column by column, waits longer). Each y_i subtracts its terms in the same
// order as column by column (ascending k forward, descending back), so the same bits.
template <int N>
void solveFactored(const double* __restrict lu, int size, const double* __restrict b, double* __restrict y) {
    const int n = N > 0 ? N : size;
    auto at = [n](int i, int j) { return static_cast<std::ptrdiff_t>(j) * n + i; };
    // The rows outside whole blocks of four are done one by one. For the sizes not unrolled
    // (N = 0, n >= 7) they come where they have the fewest terms: the top ones forward, the
    // bottom ones back (after the blocks, at n = 15 they had 39 terms each way, in one dependent
    // chain each; now 3). Unrolled, after the blocks cost fewer instructions (n = 5).
    const int single = N > 0 ? 0 : n % 4;
    // Forward, L unit lower: y_i = b_i - sum_{k<i} l_ik y_k.
    auto forwardRow = [&](int i) {
        double v = b[i];
        for (int k = 0; k < i; ++k) v -= lu[at(i, k)] * y[k];
        y[i] = v;
    };
    int i = 0;
    for (; i < single; ++i) forwardRow(i);
    for (; i + 4 <= n; i += 4) {
        FourSums v{b[i], b[i + 1], b[i + 2], b[i + 3]};
        subtractFourRows<N>(lu, n, i, y, i, v);
        v.v1 -= lu[at(i + 1, i)] * v.v0;
        v.v2 -= lu[at(i + 2, i)] * v.v0;
        v.v3 -= lu[at(i + 3, i)] * v.v0;
        v.v2 -= lu[at(i + 2, i + 1)] * v.v1;
        v.v3 -= lu[at(i + 3, i + 1)] * v.v1;
        v.v3 -= lu[at(i + 3, i + 2)] * v.v2;
        y[i] = v.v0;
        y[i + 1] = v.v1;
        y[i + 2] = v.v2;
        y[i + 3] = v.v3;
    }
    for (; i < n; ++i) forwardRow(i);
    // Back, U upper with its diagonal as reciprocals: y_i = (y_i - sum_{k>i} u_ik y_k) / u_ii.
    auto backRow = [&](int i) {
        double v = y[i];
        for (int k = n - 1; k > i; --k) v -= lu[at(i, k)] * y[k];
        y[i] = v * lu[at(i, i)];
    };
    i = n - 1;
    for (; i >= n - single; --i) backRow(i);
    for (; i >= 3; i -= 4) {  // rows i-3 .. i
        double v0 = y[i - 3], v1 = y[i - 2], v2 = y[i - 1], v3 = y[i];
        for (int k = n - 1; k > i; --k) {
            const double yk = y[k];
            const double* u = lu + at(i - 3, k);
            v0 -= u[0] * yk;
            v1 -= u[1] * yk;
            v2 -= u[2] * yk;
            v3 -= u[3] * yk;
        }
        v3 *= lu[at(i, i)];
        v2 -= lu[at(i - 1, i)] * v3;
        v1 -= lu[at(i - 2, i)] * v3;
        v0 -= lu[at(i - 3, i)] * v3;
        v2 *= lu[at(i - 1, i - 1)];
        v1 -= lu[at(i - 2, i - 1)] * v2;
        v0 -= lu[at(i - 3, i - 1)] * v2;
        v1 *= lu[at(i - 2, i - 2)];
        v0 -= lu[at(i - 3, i - 2)] * v1;
        v0 *= lu[at(i - 3, i - 3)];
        y[i - 3] = v0;
        y[i - 2] = v1;
        y[i - 1] = v2;
        y[i] = v3;
    }
    for (; i >= 0; --i) backRow(i);
}

// Inverse iteration x <- (sI - A)^-1 x / sum, shifted to the Collatz-Wielandt bound
// s = max_i (Ax)_i / x_i >= lambda_max (Horn & Johnson 2013, Thm 8.1.26). Every other
// eigenvalue of a primitive matrix has a smaller real part, so lambda_max is the one nearest s
// and each step shrinks the error by |lambda_max - s| / |lambda_2 - s|; (sI - A)^-1 is
// positive, so the iterate stays positive. The bound tightens as x does: the shift is moved
// (a new LU) whenever a step contracts less than 5x, so convergence is about quadratic, and
// one LU serves several steps otherwise. Stops at max |change| <= 1e-13 (power iteration then
// confirms); leaves `from` at its last positive iterate if rounding makes the shift unusable.
template <int N>
void inverseIterate(const double* a, int size, double*& from, double*& to, double* lu) {
    const int n = N > 0 ? N : size;
    double lastChange = 1;
    bool factored = false;
    for (int step = 0; step < 30; ++step) {
        if (!factored) {
            multiply<N>(a, n, from, to);
            double bound = 0;
            for (int i = 0; i < n; ++i) bound = std::max(bound, to[i] / from[i]);
            if (!factorShifted<N>(a, n, bound + 1e-9 * std::max(1.0, bound), lu)) break;
            factored = true;
        }
        solveFactored<N>(lu, n, from, to);
        const double change = normaliseAndCompare<N>(to, from, n, sum<N>(to, n));
        bool positive = true;
        for (int i = 0; i < n; ++i) positive = positive && to[i] > 0 && std::isfinite(to[i]);
        if (!positive) break;
        std::swap(from, to);
        if (change <= 1e-13) break;
        if (change > 0.2 * lastChange) factored = false;
        lastChange = change;
    }
}

// Normalised row sums of A^(2^k), squaring repeatedly (Saaty 1980's own procedure): k
// squarings do the work of 2^k power steps, for n^3 each. Stops once the row sums change by
// <= 1e-15 (at most 12 squarings). x, w: the two buffers of the row sums (see powerIterate),
// x left at the last; scratch: 2 n^2 doubles.
template <int N>
void squaringStart(const double* a, int size, double*& x, double*& w, double* scratch) {
    const int n = N > 0 ? N : size;
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n) * n;
    double* b = scratch;
    double* square = b + nn;
    for (int i = 0; i < n; ++i) x[i] = 1.0;
    multiply<N>(a, n, x, w);  // row sums
    const double s = sum<N>(w, n);
    for (int i = 0; i < n; ++i) x[i] = w[i] / s;
    const double* power = a;  // A^(2^k) normalised; A itself first (no copy of it)
    for (int k = 0; k < 12; ++k) {
        for (int j = 0; j < n; ++j) multiply<N>(power, n, power + j * n, square + j * n);  // squared, column by column
        power = b;
        double total = 0;
        for (std::ptrdiff_t e = 0; e < nn; ++e) total += square[e];
        const double scale = 1.0 / total;
        for (std::ptrdiff_t e = 0; e < nn; ++e) b[e] = square[e] * scale;  // entries near 1: no overflow
        for (int i = 0; i < n; ++i) w[i] = 0;
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) w[i] += b[j * n + i];
        if (normaliseAndCompare<N>(w, x, n, sum<N>(w, n)) <= 1e-15) k = 12;
        std::swap(x, w);
    }
}

// Still no fixed point after inverseIterate (rounding at a singular shift): Eigen's pivoted LU,
// shift at the Collatz-Wielandt bound as in inverseIterate, from the last iterate.
void pivotedInverseIterate(const double* a, int n, double* x) {
    const Eigen::Map<const Eigen::MatrixXd> matrix(a, n, n);
    Eigen::Map<Eigen::VectorXd> v(x, n);
    const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(n, n);
    for (int it = 0; it < 100; ++it) {
        const double bound = ((matrix * v).array() / v.array()).maxCoeff();
        const double shift = bound + 1e-9 * std::max(1.0, bound);
        Eigen::VectorXd next = Eigen::PartialPivLU<Eigen::MatrixXd>(matrix - shift * identity).solve(v);
        next /= next.sum();
        if (!(next.array() > 0).all()) break;  // rounding at a singular shift: keep the last x
        const double change = (next - v).cwiseAbs().maxCoeff();
        v = next;
        if (change <= 1e-15) break;
    }
}

// perronRoot for n = N (N > 0: loops of known length, unrolled) or any n (N = 0).
template <int N>
double perronRootOf(const double* a, int size, double* x, const double* start, const double* ax) {
    const int n = N > 0 ? N : size;
    Scratch scratch(static_cast<std::size_t>(n) * (n + 1));
    double* y = scratch.data();
    double* lu = y + n;
    double* from = x;  // the iterate's buffer, x or y (see powerIterate)
    double* to = y;
    bool started = start != nullptr;
    for (int i = 0; i < n && started; ++i) started = start[i] > 0 && std::isfinite(start[i]);
    const bool productGiven = started && ax;
    // Normalisations multiply by the reciprocal of the sum (a division costs several products).
    if (started) {
        const double scale = 1.0 / sum<N>(start, n);
        for (int i = 0; i < n; ++i) x[i] = start[i] * scale;
        for (int i = 0; i < n && productGiven; ++i) y[i] = ax[i] * scale;  // A (x / sum)
    } else if (n <= kSquaringMax) {
        // Squaring costs n^3 a step against n^2 for a power step: it pays for small matrices only.
        double squaring[2 * kSquaringMax * kSquaringMax];
        squaringStart<N>(a, n, from, to, squaring);
    } else {
        // Normalised row sums: one power step from the uniform vector.
        for (int i = 0; i < n; ++i) y[i] = 1.0;
        multiply<N>(a, n, y, x);
        const double scale = 1.0 / sum<N>(x, n);
        for (int i = 0; i < n; ++i) x[i] *= scale;
    }
    if (!(sum<N>(from, n) > 0)) std::fill(from, from + n, 1.0 / n);
    // A few plain steps first (n^2 each, against n^3/3 for an LU): a start already converged
    // stops here, and the others give the shift a closer bound. Fewer from a given start (a
    // neighbouring matrix's vector): measured, 2 then and 6 otherwise cost the fewest
    // instructions at n = 3..15.
    double root = 0;
    bool converged = powerIterate<N>(a, n, from, to, started ? 2 : 6, root, productGiven);
    if (!converged) {
        inverseIterate<N>(a, n, from, to, lu);
        converged = powerIterate<N>(a, n, from, to, 1000, root);
        if (!converged) pivotedInverseIterate(a, n, from);
    }
    for (int i = 0; i < n; ++i) x[i] = std::abs(from[i]);
    const double scale = 1.0 / sum<N>(x, n);
    for (int i = 0; i < n; ++i) x[i] *= scale;
    if (!converged) {
        // Perron root as sum(Ax)/sum(x) (Saaty 1980), as in powerIterate.
        multiply<N>(a, n, x, y);
        root = sum<N>(y, n) / sum<N>(x, n);
    }
    return root;
}

}  // namespace

double perronRoot(const double* a, int n, double* x, const double* start, const double* ax) {
    switch (n) {  // the common sizes of a questionnaire's sets, unrolled
    case 3: return perronRootOf<3>(a, n, x, start, ax);
    case 4: return perronRootOf<4>(a, n, x, start, ax);
    case 5: return perronRootOf<5>(a, n, x, start, ax);
    case 6: return perronRootOf<6>(a, n, x, start, ax);
    default: return perronRootOf<0>(a, n, x, start, ax);
    }
}

void multiply(const double* a, int n, const double* x, double* y) { multiply<0>(a, n, x, y); }

Perron perron(const Eigen::MatrixXd& a, const Eigen::VectorXd& start) {
    const int n = static_cast<int>(a.rows());
    Perron p;
    p.vector.resize(n);
    p.value = perronRoot(a.data(), n, p.vector.data(), start.size() == n ? start.data() : nullptr);
    return p;
}

Eigen::VectorXd rowGeometricMean(const Eigen::MatrixXd& a) {
    // Row geometric mean, normalised to sum 1 (Crawford & Williams 1985); in logs, shifted
    // by the largest row mean so exp() cannot overflow.
    const Eigen::Index n = a.rows();
    Eigen::VectorXd logs(n);
    for (Eigen::Index i = 0; i < n; ++i) logs(i) = a.row(i).array().log().sum() / static_cast<double>(n);
    Eigen::VectorXd w = (logs.array() - logs.maxCoeff()).exp().matrix();
    return w / w.sum();
}

}  // namespace detail

namespace {

Eigen::VectorXd eigenvectorWeights(const PairwiseMatrix& m) {
    // Complete: principal right eigenvector (Saaty 1980). Incomplete: Harker 1987's matrix
    // (equal to A itself when complete, so one code path).
    const int n = m.size();
    detail::Scratch b(static_cast<std::size_t>(n) * n);
    detail::harkerInto(m, b.data());
    Eigen::VectorXd w(n);
    detail::perronRoot(b.data(), n, w.data(), nullptr);
    return w;
}

Eigen::VectorXd llsWeights(const PairwiseMatrix& m) {
    // Logarithmic least squares over the known judgments (Crawford & Williams 1985):
    // minimise sum_{known i<j} (ln a_ij - x_i + x_j)^2  <=>  L x = r with the graph
    // Laplacian L and r_i = sum_{known j} ln a_ij; x_1 fixed at 0, then w = exp(x) / sum.
    const int n = m.size();
    Eigen::MatrixXd l = Eigen::MatrixXd::Zero(n, n);
    Eigen::VectorXd r = Eigen::VectorXd::Zero(n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            if (i == j) continue;
            if (auto v = m.get(i, j)) {
                l(i, i) += 1;
                l(i, j) -= 1;
                r(i) += std::log(*v);
            }
        }
    Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
    const Eigen::MatrixXd lr = l.bottomRightCorner(n - 1, n - 1);
    x.tail(n - 1) = lr.ldlt().solve(r.tail(n - 1));
    Eigen::VectorXd w = (x.array() - x.maxCoeff()).exp().matrix();
    return w / w.sum();
}

Eigen::VectorXd normalizedColumns(const Eigen::MatrixXd& a) {
    // Divide each column by its sum, average across each row (Saaty 1980 approximation).
    const Eigen::Index n = a.rows();
    Eigen::VectorXd w = Eigen::VectorXd::Zero(n);
    for (Eigen::Index j = 0; j < n; ++j) w += a.col(j) / a.col(j).sum();
    w /= static_cast<double>(n);
    return w / w.sum();
}

}  // namespace

Eigen::VectorXd priorities(const PairwiseMatrix& m, PriorityMethod method) {
    const int n = m.size();
    if (n < 1) throw Error("matrix is empty: no items to weigh");
    if (n == 1) return Eigen::VectorXd::Ones(1);
    detail::requireConnected(m);
    switch (method) {
    case PriorityMethod::Eigenvector: return eigenvectorWeights(m);
    case PriorityMethod::GeometricMean: return llsWeights(m);
    case PriorityMethod::NormalizedColumns:
        // Incomplete: complete with the Harker 1987 weights (a_ij = w_i / w_j) first.
        if (m.isComplete()) return normalizedColumns(m.toDense());
        return normalizedColumns(completedMatrix(m, eigenvectorWeights(m)));
    }
    throw Error("unknown priority method");
}

}  // namespace ahp
