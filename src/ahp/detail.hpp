// Private helpers shared by the engine's translation units (not part of the public API).
#pragma once

#include "ahp/ahp.hpp"

#include <string>

namespace ahp::detail {

// "row 2, column 3" for 0-based (i, j).
std::string cell(int i, int j);
// Shortest round-trip-ish text for a number in an error message.
std::string num(double v);
bool validJudgment(double v);  // finite and > 0

// Perron root and vector (normalised to sum 1, strictly positive) of a non-negative
// irreducible primitive matrix (Saaty 1980). Power iteration from `start` (if empty, from the
// normalised row sums of A squared repeatedly) to max |change| <= 1e-15; Eigen's EigenSolver
// is used to restart if it stalls.
struct Perron {
    Eigen::VectorXd vector;
    double value = 0;
};
Perron perron(const Eigen::MatrixXd& a, const Eigen::VectorXd& start = Eigen::VectorXd());

// Throws Error naming the first item the known judgments do not reach from item 1.
void requireConnected(const PairwiseMatrix& m);
// The first item (0-based) not linked to item 0 by a chain of judgments, or -1 (connected).
int firstUnconnected(const PairwiseMatrix& m);

// Harker 1987: a_ij where known, 0 where missing, b_ii = 1 + (missing entries in row i).
Eigen::MatrixXd harkerMatrix(const PairwiseMatrix& m);

// Row geometric mean normalised to 1 (Crawford & Williams 1985), of a complete dense matrix.
Eigen::VectorXd rowGeometricMean(const Eigen::MatrixXd& a);

}  // namespace ahp::detail
