// Pairwise matrices typed as plain text (command line, pasted into the app). Errors name the
// line and the value: `line 2, value 3: "abc" is not a number`.
#pragma once

#include "model/errors.hpp"

#include <ahp/ahp.hpp>

#include <string>
#include <vector>

namespace model {

// Largest matrix accepted from text; bigger inputs are almost surely a mistake.
constexpr int kMaxTextMatrixSize = 100;

// One matrix, either
//   - n lines of n values (full matrix: diagonal 1, a_ji = 1/a_ij within 2.5 %, so 0.33 may
//     stand for 1/3; the upper triangle's values are kept), or
//   - one line of n(n-1)/2 values: a12 a13 ... a1n a23 ... (upper triangle, row order).
// Values: decimals ("0.5", "3"), fractions ("1/3"), "-" for a missing judgment. Separators:
// spaces, tabs, commas. Blank lines and lines starting with '#' are skipped.
ahp::PairwiseMatrix parseMatrixText(const std::string& text);

// One upper-triangle matrix per non-blank, non-comment line (one expert per line); all of the
// same size.
struct MatrixLine {
    int line = 0;  // 1-based line number in the text
    ahp::PairwiseMatrix matrix;
};
std::vector<MatrixLine> parseUpperTriangleLines(const std::string& text);

// Expert weights "2,1,1" or "0.5 0.25 0.25": finite, positive. `what` names the option in
// messages (e.g. "--weights").
std::vector<double> parseWeightList(const std::string& text, const std::string& what);

}  // namespace model
