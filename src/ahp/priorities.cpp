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

bool powerIterate(const Eigen::MatrixXd& a, Eigen::VectorXd& x, int maxIterations) {
    Eigen::VectorXd y(x.size());  // one buffer for all iterations: no allocation in the loop
    for (int it = 0; it < maxIterations; ++it) {
        y.noalias() = a * x;
        y /= y.sum();
        const double change = (y - x).cwiseAbs().maxCoeff();
        x.swap(y);
        if (change <= 1e-15) return true;
    }
    return false;
}

// Normalised row sums of A^(2^k), squaring repeatedly (Saaty 1980's own procedure): k squarings do
// the work of 2^k steps, so a matrix whose second eigenvalue is close to the Perron root (an
// inconsistent one: a few hundred plain steps) needs about ten. Returns the row sums of the
// last power, normalised, once they change by <= 1e-15: a start that the plain iteration then
// confirms in a step or two. a is non-negative with a positive diagonal (primitive).
Eigen::VectorXd squaringStart(const Eigen::MatrixXd& a) {
    Eigen::MatrixXd b = a / a.sum(), square(a.rows(), a.cols());
    Eigen::VectorXd v = b.rowwise().sum(), w(a.rows());
    v /= v.sum();
    for (int k = 0; k < 12; ++k) {
        square.noalias() = b.lazyProduct(b);
        b.swap(square);
        b /= b.sum();  // keeps the entries near 1: no overflow or underflow
        w.noalias() = b.rowwise().sum();
        w /= w.sum();
        const double change = (w - v).cwiseAbs().maxCoeff();
        v.swap(w);
        if (change <= 1e-15) break;
    }
    return v;
}

}  // namespace

Perron perron(const Eigen::MatrixXd& a, const Eigen::VectorXd& start) {
    const Eigen::Index n = a.rows();
    const bool started = start.size() == n && (start.array() > 0).all();
    // Squaring costs n^3 a step against n^2 for plain power iteration: it pays for small
    // matrices only (instructions per 3x3 matrix -42%, 5x5 -42%, 9x9 +12%, 15x15 +98%).
    Eigen::VectorXd x = started  ? Eigen::VectorXd(start / start.sum())
                        : n <= 6 ? squaringStart(a)
                                 : Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
    if (!(x.array() > 0).all()) x = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
    if (!powerIterate(a, x, 1000)) {
        // Slow convergence (|lambda_2| close to lambda_1, e.g. Harker matrices with large
        // diagonals): inverse iteration shifted to the Collatz-Wielandt bound
        // s = max_i (Ax)_i / x_i >= lambda_max (Horn & Johnson 2013, Thm 8.1.26). Every other
        // eigenvalue of a primitive matrix has a smaller real part, so lambda_max is the one
        // nearest s; (sI - A)^-1 is positive, so the iterate stays positive; the bound
        // tightens as x does, so the shift follows it and a few steps suffice.
        const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(n, n);
        for (int it = 0; it < 100; ++it) {
            const double bound = ((a * x).array() / x.array()).maxCoeff();
            const double shift = bound + 1e-9 * std::max(1.0, bound);
            Eigen::VectorXd y = Eigen::PartialPivLU<Eigen::MatrixXd>(a - shift * identity).solve(x);
            y /= y.sum();
            if (!(y.array() > 0).all()) break;  // rounding at a singular shift: keep the last x
            const double change = (y - x).cwiseAbs().maxCoeff();
            x.swap(y);
            if (change <= 1e-15) break;
        }
    }
    x = x.cwiseAbs();
    x /= x.sum();
    Perron p;
    // Perron root as sum(Ax)/sum(x) (= mean of (Ax)_i / x_i at the fixed point) (Saaty 1980).
    p.value = (a * x).sum() / x.sum();
    p.vector = x;
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
    return detail::perron(detail::harkerMatrix(m)).vector;
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
