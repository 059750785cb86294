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

// y = A x, column by column (vectorises without reordering the sums).
template <int N>
void multiply(const double* __restrict a, int size, const double* __restrict x, double* __restrict y) {
    const int n = N > 0 ? N : size;
    for (int i = 0; i < n; ++i) y[i] = a[i] * x[0];
    for (int j = 1; j < n; ++j) {
        const double xj = x[j];
        const double* column = a + static_cast<std::ptrdiff_t>(j) * n;
        for (int i = 0; i < n; ++i) y[i] += column[i] * xj;
    }
}

template <int N>
double sum(const double* v, int size) {
    const int n = N > 0 ? N : size;
    double s = 0;
    for (int i = 0; i < n; ++i) s += v[i];
    return s;
}

// y /= sum(y) (times the reciprocal: a division costs several multiplications); returns
// max_i |y_i - x_i|.
template <int N>
double normaliseAndCompare(double* y, const double* x, int size) {
    const int n = N > 0 ? N : size;
    const double scale = 1.0 / sum<N>(y, n);
    double change = 0;
    for (int i = 0; i < n; ++i) {
        y[i] *= scale;
        change = std::max(change, std::abs(y[i] - x[i]));
    }
    return change;
}

// Power iteration x <- Ax / sum(Ax) (Saaty 1980) until max |change| <= 1e-15; false if
// `maxSteps` did not get there. At the fixed point, root = sum(Ax)/sum(x) of the last step's
// x (= mean of (Ax)_i / x_i there; Saaty 1980). y: n doubles of scratch.
template <int N>
bool powerIterate(const double* a, int size, double* x, double* y, int maxSteps, double& root) {
    const int n = N > 0 ? N : size;
    for (int step = 0; step < maxSteps; ++step) {
        multiply<N>(a, n, x, y);
        root = sum<N>(y, n) / sum<N>(x, n);
        const double change = normaliseAndCompare<N>(y, x, n);
        std::copy(y, y + n, x);
        if (change <= 1e-15) return true;
    }
    return false;
}

// LU of sI - A without pivoting, in place in lu (column-major; L unit lower, U upper). For
// s > the Perron root, sI - A is a nonsingular M-matrix, whose LU exists with positive pivots
// (Berman & Plemmons 1994, ch. 6, Thm 2.3) and is stable without pivoting (Higham 2002, ch. 9).
// False when a pivot is not positive (s not above the root after rounding).
template <int N>
bool factorShifted(const double* __restrict a, int size, double shift, double* __restrict lu) {
    const int n = N > 0 ? N : size;
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n) * n;
    for (std::ptrdiff_t k = 0; k < nn; ++k) lu[k] = -a[k];
    for (int k = 0; k < n; ++k) lu[static_cast<std::ptrdiff_t>(k) * n + k] += shift;
    for (int k = 0; k < n; ++k) {
        double* columnK = lu + static_cast<std::ptrdiff_t>(k) * n;
        const double pivot = columnK[k];
        if (!(pivot > 0)) return false;
        const double inverse = 1.0 / pivot;
        columnK[k] = inverse;  // U's diagonal is kept as its reciprocal, for solveFactored
        for (int i = k + 1; i < n; ++i) columnK[i] *= inverse;
        for (int j = k + 1; j < n; ++j) {
            double* columnJ = lu + static_cast<std::ptrdiff_t>(j) * n;
            const double u = columnJ[k];
            for (int i = k + 1; i < n; ++i) columnJ[i] -= columnK[i] * u;
        }
    }
    return true;
}

// y <- (LU)^-1 y: forward then back substitution, column by column.
template <int N>
void solveFactored(const double* __restrict lu, int size, double* __restrict y) {
    const int n = N > 0 ? N : size;
    for (int k = 0; k < n; ++k) {
        const double* column = lu + static_cast<std::ptrdiff_t>(k) * n;
        const double yk = y[k];
        for (int i = k + 1; i < n; ++i) y[i] -= column[i] * yk;
    }
    for (int k = n - 1; k >= 0; --k) {
        const double* column = lu + static_cast<std::ptrdiff_t>(k) * n;
        y[k] *= column[k];  // the reciprocal of U's diagonal (factorShifted)
        const double yk = y[k];
        for (int i = 0; i < k; ++i) y[i] -= column[i] * yk;
    }
}

// Inverse iteration x <- (sI - A)^-1 x / sum, shifted to the Collatz-Wielandt bound
// s = max_i (Ax)_i / x_i >= lambda_max (Horn & Johnson 2013, Thm 8.1.26). Every other
// eigenvalue of a primitive matrix has a smaller real part, so lambda_max is the one nearest s
// and each step shrinks the error by |lambda_max - s| / |lambda_2 - s|; (sI - A)^-1 is
// positive, so the iterate stays positive. The bound tightens as x does: the shift is moved
// (a new LU) whenever a step contracts less than 5x, so convergence is about quadratic, and
// one LU serves several steps otherwise. Stops at max |change| <= 1e-13 (power iteration then
// confirms); leaves x at its last positive iterate if rounding makes the shift unusable.
template <int N>
void inverseIterate(const double* a, int size, double* x, double* y, double* lu) {
    const int n = N > 0 ? N : size;
    double lastChange = 1;
    bool factored = false;
    for (int step = 0; step < 30; ++step) {
        if (!factored) {
            multiply<N>(a, n, x, y);
            double bound = 0;
            for (int i = 0; i < n; ++i) bound = std::max(bound, y[i] / x[i]);
            if (!factorShifted<N>(a, n, bound + 1e-9 * std::max(1.0, bound), lu)) return;
            factored = true;
        }
        std::copy(x, x + n, y);
        solveFactored<N>(lu, n, y);
        const double change = normaliseAndCompare<N>(y, x, n);
        for (int i = 0; i < n; ++i)
            if (!(y[i] > 0 && std::isfinite(y[i]))) return;
        std::copy(y, y + n, x);
        if (change <= 1e-13) return;
        if (change > 0.2 * lastChange) factored = false;
        lastChange = change;
    }
}

// Normalised row sums of A^(2^k), squaring repeatedly (Saaty 1980's own procedure), into x: k
// squarings do the work of 2^k power steps, for n^3 each. Stops once the row sums change by
// <= 1e-15 (at most 12 squarings). scratch: 2 n^2 + n doubles.
template <int N>
void squaringStart(const double* a, int size, double* x, double* scratch) {
    const int n = N > 0 ? N : size;
    const std::ptrdiff_t nn = static_cast<std::ptrdiff_t>(n) * n;
    double* b = scratch;
    double* square = b + nn;
    double* w = square + nn;
    std::copy(a, a + nn, b);
    for (int i = 0; i < n; ++i) x[i] = 1.0;
    multiply<N>(b, n, x, w);  // row sums
    const double s = sum<N>(w, n);
    for (int i = 0; i < n; ++i) x[i] = w[i] / s;
    for (int k = 0; k < 12; ++k) {
        for (int j = 0; j < n; ++j) multiply<N>(b, n, b + j * n, square + j * n);  // B^2, column by column
        double total = 0;
        for (std::ptrdiff_t e = 0; e < nn; ++e) total += square[e];
        const double scale = 1.0 / total;
        for (std::ptrdiff_t e = 0; e < nn; ++e) b[e] = square[e] * scale;  // entries near 1: no overflow
        for (int i = 0; i < n; ++i) w[i] = 0;
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) w[i] += b[j * n + i];
        if (normaliseAndCompare<N>(w, x, n) <= 1e-15) k = 12;
        std::copy(w, w + n, x);
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
double perronRootOf(const double* a, int size, double* x, bool started) {
    const int n = N > 0 ? N : size;
    Scratch scratch(static_cast<std::size_t>(n) * (n + 1));
    double* y = scratch.data();
    double* lu = y + n;
    for (int i = 0; i < n && started; ++i) started = x[i] > 0 && std::isfinite(x[i]);
    if (started) {
        const double s = sum<N>(x, n);
        for (int i = 0; i < n; ++i) x[i] /= s;
    } else if (n <= kSquaringMax) {
        // Squaring costs n^3 a step against n^2 for a power step: it pays for small matrices only.
        double squaring[2 * kSquaringMax * kSquaringMax + kSquaringMax];
        squaringStart<N>(a, n, x, squaring);
    } else {
        // Normalised row sums: one power step from the uniform vector.
        for (int i = 0; i < n; ++i) y[i] = 1.0;
        multiply<N>(a, n, y, x);
        const double s = sum<N>(x, n);
        for (int i = 0; i < n; ++i) x[i] /= s;
    }
    if (!(sum<N>(x, n) > 0)) std::fill(x, x + n, 1.0 / n);
    // A few plain steps first (n^2 each, against n^3/3 for an LU): a start already converged
    // stops here, and the others give the shift a closer bound. Fewer from a given start (a
    // neighbouring matrix's vector): measured, 2 then and 6 otherwise cost the fewest
    // instructions at n = 3..15.
    double root = 0;
    bool converged = powerIterate<N>(a, n, x, y, started ? 2 : 6, root);
    if (!converged) {
        inverseIterate<N>(a, n, x, y, lu);
        converged = powerIterate<N>(a, n, x, y, 1000, root);
        if (!converged) pivotedInverseIterate(a, n, x);
    }
    for (int i = 0; i < n; ++i) x[i] = std::abs(x[i]);
    const double s = sum<N>(x, n);
    for (int i = 0; i < n; ++i) x[i] /= s;
    if (!converged) {
        // Perron root as sum(Ax)/sum(x) (Saaty 1980), as in powerIterate.
        multiply<N>(a, n, x, y);
        root = sum<N>(y, n) / sum<N>(x, n);
    }
    return root;
}

}  // namespace

double perronRoot(const double* a, int n, double* x, bool started) {
    switch (n) {  // the common sizes of a questionnaire's sets, unrolled
    case 3: return perronRootOf<3>(a, n, x, started);
    case 4: return perronRootOf<4>(a, n, x, started);
    case 5: return perronRootOf<5>(a, n, x, started);
    case 6: return perronRootOf<6>(a, n, x, started);
    default: return perronRootOf<0>(a, n, x, started);
    }
}

Perron perron(const Eigen::MatrixXd& a, const Eigen::VectorXd& start) {
    const int n = static_cast<int>(a.rows());
    Perron p;
    const bool started = start.size() == n;
    p.vector = started ? start : Eigen::VectorXd(n);
    p.value = perronRoot(a.data(), n, p.vector.data(), started);
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
    detail::perronRoot(b.data(), n, w.data(), false);
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
