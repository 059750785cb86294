#include "model/matrix_text.hpp"

#include "model/text_format.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>

namespace model {

namespace {

struct Token {
    std::string text;
    int line = 0;
    int index = 0;  // 1-based position in its line
};

struct TextLine {
    int line = 0;
    std::vector<Token> tokens;
};

std::string where(const Token& token) {
    return "line " + std::to_string(token.line) + ", value " + std::to_string(token.index);
}

[[noreturn]] void failToken(const Token& token, const std::string& problem) {
    throw ModelError(where(token) + ": \"" + token.text + "\" " + problem);
}

std::vector<TextLine> splitLines(const std::string& text) {
    std::vector<TextLine> lines;
    int lineNumber = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        ++lineNumber;
        start = end + 1;
        std::size_t first = line.find_first_not_of(" \t\r,");
        if (first == std::string::npos || line[first] == '#') {
            if (end == text.size()) break;
            continue;
        }
        TextLine parsed{lineNumber, {}};
        std::size_t at = 0;
        while (at < line.size()) {
            at = line.find_first_not_of(" \t\r,", at);
            if (at == std::string::npos) break;
            std::size_t stop = line.find_first_of(" \t\r,", at);
            if (stop == std::string::npos) stop = line.size();
            parsed.tokens.push_back(
                {line.substr(at, stop - at), lineNumber, static_cast<int>(parsed.tokens.size()) + 1});
            at = stop;
        }
        lines.push_back(std::move(parsed));
        if (end == text.size()) break;
    }
    return lines;
}

// A plain decimal: digits, one optional point, optional exponent. Rejects "nan", "inf", hex.
std::optional<double> parseDecimal(const std::string& text) {
    if (text.empty()) return std::nullopt;
    for (char c : text) {
        bool ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
        if (!ok) return std::nullopt;
    }
    const char* begin = text.c_str();
    char* end = nullptr;
    double value = std::strtod(begin, &end);
    if (end != begin + text.size()) return std::nullopt;
    return value;
}

// A judgment value; nullopt for "-" (missing).
std::optional<double> parseJudgment(const Token& token) {
    if (token.text == "-") return std::nullopt;
    double value = 0;
    std::size_t slash = token.text.find('/');
    if (slash != std::string::npos) {
        auto numerator = parseDecimal(token.text.substr(0, slash));
        auto denominator = parseDecimal(token.text.substr(slash + 1));
        if (!numerator || !denominator) failToken(token, "is not a number or fraction like 1/3");
        if (*denominator == 0) failToken(token, "divides by zero");
        value = *numerator / *denominator;
    } else {
        auto decimal = parseDecimal(token.text);
        if (!decimal) failToken(token, "is not a number");
        value = *decimal;
    }
    if (!std::isfinite(value)) failToken(token, "is too large");
    if (value == 0) failToken(token, "is zero: a judgment must be a positive ratio (e.g. 1/9 .. 9)");
    if (value < 0) failToken(token, "is negative: a judgment must be a positive ratio (e.g. 1/9 .. 9)");
    // Far-off ratios (1e300) make the weights underflow to 0 or overflow: no AHP scale goes
    // beyond 1/1000 .. 1000.
    if (value > 1000 || value < 1.0 / 1000)
        failToken(token, "is outside 1/1000 .. 1000: a judgment is a ratio on a scale like 1/9 .. 9");
    return value;
}

// n with n(n-1)/2 == count, or 0.
int sizeForTriangle(std::size_t count) {
    for (int n = 2; n <= kMaxTextMatrixSize; ++n)
        if (static_cast<std::size_t>(n) * (n - 1) / 2 == count) return n;
    return 0;
}

std::string triangleCountProblem(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " value" : " values") +
           ", but an upper triangle has n(n-1)/2 values (1, 3, 6, 10, 15, ... for n = 2, 3, 4, 5, 6, ...)";
}

ahp::PairwiseMatrix upperTriangle(const TextLine& line) {
    int n = sizeForTriangle(line.tokens.size());
    if (n == 0) throw ModelError("line " + std::to_string(line.line) + ": " + triangleCountProblem(line.tokens.size()));
    ahp::PairwiseMatrix matrix(n);
    std::size_t k = 0;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j, ++k)
            if (auto value = parseJudgment(line.tokens[k])) matrix.set(i, j, *value);
    return matrix;
}

ahp::PairwiseMatrix fullMatrix(const std::vector<TextLine>& lines) {
    int n = static_cast<int>(lines.size());
    if (n > kMaxTextMatrixSize)
        throw ModelError("line " + std::to_string(lines.back().line) + ": " + std::to_string(n) +
                         " rows is more than this tool handles (" + std::to_string(kMaxTextMatrixSize) + ")");
    for (const auto& line : lines)
        if (static_cast<int>(line.tokens.size()) != n)
            throw ModelError("line " + std::to_string(line.line) + ": " + std::to_string(line.tokens.size()) +
                             " values, expected " + std::to_string(n) + " (a full matrix with " + std::to_string(n) +
                             " rows has " + std::to_string(n) +
                             " values per row; for an upper triangle give one line)");
    std::vector<std::vector<std::optional<double>>> values(n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) values[i].push_back(parseJudgment(lines[i].tokens[j]));
    ahp::PairwiseMatrix matrix(n);
    for (int i = 0; i < n; ++i) {
        const Token& diagonal = lines[i].tokens[i];
        if (values[i][i] && std::fabs(*values[i][i] - 1) > 1e-12)
            failToken(diagonal, "is on the diagonal, which must be 1");
        for (int j = i + 1; j < n; ++j) {
            const auto& upper = values[i][j];
            const auto& lower = values[j][i];
            if (upper && lower && std::fabs(*upper * *lower - 1) > 0.025)
                failToken(lines[j].tokens[i], "is not the reciprocal of line " + std::to_string(lines[i].line) +
                                                  ", value " + std::to_string(j + 1) + " (\"" +
                                                  lines[i].tokens[j].text + "\"): expected " +
                                                  formatNumber(1 / *upper));
            if (upper)
                matrix.set(i, j, *upper);
            else if (lower)
                matrix.set(i, j, 1 / *lower);
        }
    }
    return matrix;
}

}  // namespace

ahp::PairwiseMatrix parseMatrixText(const std::string& text) {
    std::vector<TextLine> lines = splitLines(text);
    if (lines.empty())
        throw ModelError("no input: expected a matrix (n lines of n values, or one line of n(n-1)/2 judgments)");
    if (lines.size() == 1) return upperTriangle(lines.front());
    return fullMatrix(lines);
}

std::vector<MatrixLine> parseUpperTriangleLines(const std::string& text) {
    std::vector<MatrixLine> matrices;
    for (const auto& line : splitLines(text)) {
        ahp::PairwiseMatrix matrix = upperTriangle(line);
        if (!matrices.empty() && matrix.size() != matrices.front().matrix.size())
            throw ModelError("line " + std::to_string(line.line) + ": " + std::to_string(line.tokens.size()) +
                             " values (n = " + std::to_string(matrix.size()) + ") but line " +
                             std::to_string(matrices.front().line) +
                             " has n = " + std::to_string(matrices.front().matrix.size()));
        matrices.push_back({line.line, std::move(matrix)});
    }
    if (matrices.empty()) throw ModelError("no input: expected one line of upper-triangle judgments per expert");
    return matrices;
}

std::vector<double> parseWeightList(const std::string& text, const std::string& what) {
    std::vector<double> weights;
    for (const auto& line : splitLines(text)) {
        for (const auto& token : line.tokens) {
            auto value = parseDecimal(token.text);
            std::string position = what + " value " + std::to_string(weights.size() + 1);
            if (!value) throw ModelError(position + ": \"" + token.text + "\" is not a number");
            if (!std::isfinite(*value) || *value <= 0)
                throw ModelError(position + ": \"" + token.text + "\" must be a finite positive number");
            weights.push_back(*value);
        }
    }
    if (weights.empty()) throw ModelError(what + ": no weights given");
    return weights;
}

}  // namespace model
