// Private helpers shared by the engine's translation units (not part of the public API).
#pragma once

#include "ahp/ahp.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace ahp::detail {

// "row 2, column 3" for 0-based (i, j).
std::string cell(int i, int j);
// Shortest round-trip-ish text for a number in an error message.
std::string num(double v);
bool validJudgment(double v);  // finite and > 0

// Saaty's fundamental scale 1/9 .. 1/2, 1, 2 .. 9, ascending (Saaty 1980).
std::array<double, 17> scaleValues();

// ln v of a judgment. A questionnaire's judgments take the 17 values of Saaty's scale: their
// logs are computed once per run into a table looked up by the value's bits (the same double as
// computing it: results unchanged; a lookup costs far less than a log); any other value is
// computed. (Reciprocals were tried too: in WebAssembly the lookup cost more than the division.)
class ScaleTable {
public:
    static const ScaleTable& get();
    bool holds(double v) const { return find(v) >= 0; }
    double ln(double v) const;

private:
    ScaleTable();
    static constexpr int kSlots = 64;
    static std::uint64_t bitsOf(double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return bits;
    }
    // The multiplier puts the 17 scale values in 17 different slots (checked by the test of
    // the table), so a lookup reads one slot and never probes: no branch to mispredict.
    static int slotOf(std::uint64_t bits) { return static_cast<int>((bits * 0x9e3779b97f4a7c1bULL) >> 58); }
    // Slot of v, or -1.
    int find(double v) const {
        const std::uint64_t bits = bitsOf(v);
        const int slot = slotOf(bits);
        return key_[slot] == bits ? slot : -1;
    }
    std::uint64_t key_[kSlots] = {};
    double ln_[kSlots] = {};
};

// Storage for `count` doubles: on the stack up to a 16x16 matrix and its vector (the sizes a
// questionnaire has), so the hot paths allocate nothing; on the heap beyond.
class Scratch {
public:
    explicit Scratch(std::size_t count) {
        if (count > kInline) {
            heap_.resize(count);
            data_ = heap_.data();
        }
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    double* data() { return data_; }

private:
    static constexpr std::size_t kInline = 16 * 17;
    double inline_[kInline];
    std::vector<double> heap_;
    double* data_ = inline_;
};

// Perron root of a non-negative irreducible primitive n x n matrix `a` (column-major), and its
// vector in `x` (normalised to sum 1, strictly positive) (Saaty 1980). `start`: n positive
// entries to start from (may be x itself), or null. The vector is the one power iteration
// reaches, max |change| <= 1e-15 in a step; shifted inverse iteration brings it there first
// (priorities.cpp). `ax`: A start when the caller has it (saves a product), or null.
double perronRoot(const double* a, int n, double* x, const double* start, const double* ax = nullptr);
// y = A x for n x n column-major A (priorities.cpp's product).
void multiply(const double* a, int n, const double* x, double* y);

struct Perron {
    Eigen::VectorXd vector;
    double value = 0;
};
// perronRoot over an Eigen matrix; `start` empty: no start.
Perron perron(const Eigen::MatrixXd& a, const Eigen::VectorXd& start = Eigen::VectorXd());

// Throws Error naming the first item the known judgments do not reach from item 1.
void requireConnected(const PairwiseMatrix& m);
// The first item (0-based) not linked to item 0 by a chain of judgments, or -1 (connected).
int firstUnconnected(const PairwiseMatrix& m);

// Harker 1987: a_ij where known, 0 where missing, b_ii = 1 + (missing entries in row i).
Eigen::MatrixXd harkerMatrix(const PairwiseMatrix& m);
void harkerInto(const PairwiseMatrix& m, double* b);  // into n x n column-major storage
// completedMatrix into n x n column-major storage; w (n weights) is read only where a judgment
// is missing. `logs`, when given: ln a_ij, i < j, in row order (ScaleTable), n(n-1)/2 of them.
void completedInto(const PairwiseMatrix& m, const double* w, double* a, double* logs = nullptr);

// Row geometric mean normalised to 1 (Crawford & Williams 1985), of a complete dense matrix.
Eigen::VectorXd rowGeometricMean(const Eigen::MatrixXd& a);

}  // namespace ahp::detail
