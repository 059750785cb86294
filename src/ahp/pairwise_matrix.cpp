// PairwiseMatrix: reciprocal storage of the upper triangle, validation and conversions.
#include "ahp/ahp.hpp"
#include "ahp/detail.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

namespace ahp {

namespace detail {

std::string cell(int i, int j) { return "row " + std::to_string(i + 1) + ", column " + std::to_string(j + 1); }

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

bool validJudgment(double v) { return std::isfinite(v) && v > 0; }

std::array<double, 17> scaleValues() {
    std::array<double, 17> s{};
    for (int k = 0; k < 8; ++k) s[k] = 1.0 / (9 - k);
    for (int k = 0; k < 9; ++k) s[8 + k] = 1.0 + k;
    return s;
}

ScaleTable::ScaleTable() {
    for (double v : scaleValues()) {
        const int slot = slotOf(bitsOf(v));
        if (key_[slot] != 0) continue;  // taken (not with this multiplier): v is computed
        key_[slot] = bitsOf(v);
        ln_[slot] = std::log(v);
    }
}

const ScaleTable& ScaleTable::get() {
    static const ScaleTable table;
    return table;
}

double ScaleTable::ln(double v) const {
    const int slot = find(v);
    return slot >= 0 ? ln_[slot] : std::log(v);
}

// The first item (0-based) that no chain of judgments links to item 0, or -1: a breadth-first
// search over the answered cells.
int firstUnconnected(const PairwiseMatrix& m) {
    const int n = m.size();
    if (n <= 1 || m.isComplete()) return -1;
    std::vector<char> seen(n, 0);
    std::vector<int> todo{0};  // depth-first: the order does not matter, only what is reached
    todo.reserve(n);
    seen[0] = 1;
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        for (int j = 0; j < n; ++j)
            if (!seen[j] && j != i && m.get(i, j)) {
                seen[j] = 1;
                todo.push_back(j);
            }
    }
    for (int k = 1; k < n; ++k)
        if (!seen[k]) return k;
    return -1;
}

void requireConnected(const PairwiseMatrix& m) {
    if (const int k = firstUnconnected(m); k >= 0)
        throw Error("judgments do not connect item " + std::to_string(k + 1) +
                    " to item 1: at least one comparison chain is missing");
}

void harkerInto(const PairwiseMatrix& m, double* b) {
    // Harker 1987: missing a_ij -> 0, diagonal -> 1 + number of missing entries in the row.
    const int n = m.size();
    for (int i = 0; i < n; ++i) b[i * n + i] = 1.0;
    int k = 0;  // position of (i, j) in the upper triangle, row order
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j, ++k) {
            const auto& v = m.upperTriangle()[k];
            if (v) {
                b[j * n + i] = *v;  // column-major: (i, j)
                b[i * n + j] = 1.0 / *v;
            } else {
                b[j * n + i] = b[i * n + j] = 0.0;
                b[i * n + i] += 1.0;
                b[j * n + j] += 1.0;
            }
        }
}

Eigen::MatrixXd harkerMatrix(const PairwiseMatrix& m) {
    Eigen::MatrixXd b(m.size(), m.size());
    harkerInto(m, b.data());
    return b;
}

void completedInto(const PairwiseMatrix& m, const double* w, double* a, double* logs) {
    // Harker 1987: a missing a_ij is the ratio the weights imply, w_i / w_j.
    const int n = m.size();
    const ScaleTable* scale = logs ? &ScaleTable::get() : nullptr;
    int k = 0;  // position of (i, j) in the upper triangle, row order
    for (int i = 0; i < n; ++i) {
        a[i * n + i] = 1.0;
        for (int j = i + 1; j < n; ++j, ++k) {
            const auto& v = m.upperTriangle()[k];
            const double upper = v ? *v : w[i] / w[j];
            a[j * n + i] = upper;  // column-major: (i, j)
            a[i * n + j] = v ? 1.0 / *v : w[j] / w[i];
            if (scale) logs[k] = scale->ln(upper);
        }
    }
}

}  // namespace detail

Eigen::MatrixXd completedMatrix(const PairwiseMatrix& m, const Eigen::VectorXd& w) {
    Eigen::MatrixXd a(m.size(), m.size());
    detail::completedInto(m, w.data(), a.data());
    return a;
}

using detail::cell;
using detail::num;

PairwiseMatrix::PairwiseMatrix(int n) {
    if (n < 1) throw Error("matrix size " + std::to_string(n) + ": must be at least 1");
    n_ = n;
    upper_.assign(static_cast<size_t>(n) * (n - 1) / 2, std::nullopt);
}

int PairwiseMatrix::index(int i, int j) const {
    // Row-order position of (i, j), i < j: rows 0..i-1 hold (n-1) + ... + (n-i) entries.
    return i * n_ - i * (i + 1) / 2 + (j - i - 1);
}

static void checkCell(int n, int i, int j) {
    if (i < 0 || j < 0 || i >= n || j >= n)
        throw Error(cell(i, j) + " is outside the " + std::to_string(n) + "x" + std::to_string(n) + " matrix");
    if (i == j) throw Error("judgment at " + cell(i, j) + " is on the diagonal (always 1)");
}

void PairwiseMatrix::set(int i, int j, double value) {
    checkCell(n_, i, j);
    if (!detail::validJudgment(value))
        throw Error("judgment at " + cell(i, j) + " is " + num(value) + ": must be a finite positive number");
    if (i < j)
        upper_[index(i, j)] = value;
    else
        upper_[index(j, i)] = 1.0 / value;
}

void PairwiseMatrix::clear(int i, int j) {
    checkCell(n_, i, j);
    upper_[i < j ? index(i, j) : index(j, i)].reset();
}

std::optional<double> PairwiseMatrix::get(int i, int j) const {
    if (i < 0 || j < 0 || i >= n_ || j >= n_)
        throw Error(cell(i, j) + " is outside the " + std::to_string(n_) + "x" + std::to_string(n_) + " matrix");
    if (i == j) return 1.0;
    if (i < j) return upper_[index(i, j)];
    const auto& v = upper_[index(j, i)];
    if (!v) return std::nullopt;
    return 1.0 / *v;
}

bool PairwiseMatrix::isComplete() const { return knownCount() == judgmentCount(); }

int PairwiseMatrix::judgmentCount() const { return n_ * (n_ - 1) / 2; }

int PairwiseMatrix::knownCount() const {
    int k = 0;
    for (const auto& v : upper_) k += v.has_value();
    return k;
}

bool PairwiseMatrix::isConnected() const { return detail::firstUnconnected(*this) < 0; }

Eigen::MatrixXd PairwiseMatrix::toDense() const {
    for (int i = 0, k = 0; i < n_; ++i)
        for (int j = i + 1; j < n_; ++j, ++k)
            if (!upper_[k]) throw Error("matrix is incomplete: judgment at " + cell(i, j) + " is missing");
    Eigen::MatrixXd a(n_, n_);
    detail::completedInto(*this, nullptr, a.data());  // complete: no weights read
    return a;
}

PairwiseMatrix PairwiseMatrix::fromUpperTriangle(const std::vector<std::optional<double>>& values) {
    const long count = static_cast<long>(values.size());
    long n = 1;
    while (n * (n - 1) / 2 < count) ++n;
    if (n * (n - 1) / 2 != count)
        throw Error("upper triangle has " + std::to_string(count) +
                    " values: must be n(n-1)/2 for some n (0, 1, 3, 6, 10, ...)");
    PairwiseMatrix m(static_cast<int>(n));
    int k = 0;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j, ++k) {
            const auto& v = values[k];
            if (!v) continue;
            if (!detail::validJudgment(*v))
                throw Error("value " + std::to_string(k + 1) + " of the upper triangle (" + cell(i, j) + ") is " +
                            num(*v) + ": must be a finite positive number");
            m.upper_[k] = *v;
        }
    return m;
}

PairwiseMatrix PairwiseMatrix::fromDense(const Eigen::MatrixXd& a, double tolerance) {
    if (a.rows() != a.cols())
        throw Error("matrix is " + std::to_string(a.rows()) + "x" + std::to_string(a.cols()) + ": must be square");
    const int n = static_cast<int>(a.rows());
    if (n < 1) throw Error("matrix is empty: must be at least 1x1");
    PairwiseMatrix m(n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double v = a(i, j);
            if (!detail::validJudgment(v))
                throw Error("judgment at " + cell(i, j) + " is " + num(v) + ": must be a finite positive number");
            if (i == j && std::abs(v - 1.0) > tolerance)
                throw Error("diagonal at " + cell(i, j) + " is " + num(v) + ": must be 1");
        }
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            if (std::abs(a(i, j) * a(j, i) - 1.0) > tolerance)
                throw Error("matrix is not reciprocal at " + cell(j, i) + ": " + num(a(j, i)) + " should be 1/" +
                            num(a(i, j)));
            m.upper_[m.index(i, j)] = a(i, j);
        }
    return m;
}

bool PairwiseMatrix::operator==(const PairwiseMatrix& o) const { return n_ == o.n_ && upper_ == o.upper_; }

}  // namespace ahp
