#include "model/matrix_text.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;

namespace {

std::string errorOf(const std::string& text) {
    try {
        model::parseMatrixText(text);
    } catch (const model::ModelError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("matrix text: upper triangle, full matrix, fractions, missing", "[matrix-text]") {
    ahp::PairwiseMatrix upper = model::parseMatrixText("3 5 1/2\n");
    CHECK(upper.size() == 3);
    CHECK(upper.get(0, 1) == 3.0);
    CHECK(upper.get(1, 2) == 0.5);
    CHECK(upper.get(2, 1) == 2.0);

    ahp::PairwiseMatrix full = model::parseMatrixText("# a comment\n1 2 4\n1/2 1 2\n\n0.25, 0.5, 1\n");
    CHECK(full.size() == 3);
    CHECK(full.get(0, 2) == 4.0);
    CHECK(full.isComplete());

    ahp::PairwiseMatrix missing = model::parseMatrixText("2 - 3");
    CHECK(missing.knownCount() == 2);
    CHECK_FALSE(missing.get(0, 2).has_value());

    // 0.33 stands for 1/3 within the 2.5 % tolerance; the upper triangle's value is kept.
    ahp::PairwiseMatrix rounded = model::parseMatrixText("1 3\n0.33 1");
    CHECK(rounded.get(0, 1) == 3.0);
}

TEST_CASE("matrix text errors name the line and the value", "[matrix-text][errors]") {
    CHECK(errorOf("3 abc 2") == "line 1, value 2: \"abc\" is not a number");
    CHECK(errorOf("\n\n3 5 nan") == "line 3, value 3: \"nan\" is not a number");
    CHECK_THAT(errorOf("3 0 2"), Contains("line 1, value 2: \"0\" is zero"));
    CHECK_THAT(errorOf("3 -2 2"), Contains("line 1, value 2: \"-2\" is negative"));
    CHECK_THAT(errorOf("3 1/0 2"), Contains("\"1/0\" divides by zero"));
    CHECK_THAT(errorOf("3 1e999 2"), Contains("\"1e999\" is too large"));
    CHECK_THAT(errorOf("3 5"), Contains("line 1: 2 values, but an upper triangle has n(n-1)/2 values"));
    CHECK_THAT(errorOf("1 2 4\n1/2 1\n1/4 1/2 1"), Contains("line 2: 2 values, expected 3"));
    CHECK_THAT(errorOf("1 2\n3 1"), Contains("line 2, value 1: \"3\" is not the reciprocal of line 1, value 2"));
    CHECK_THAT(errorOf("2 2\n1/2 1"), Contains("line 1, value 1: \"2\" is on the diagonal"));
    CHECK_THAT(errorOf("# only a comment\n"), Contains("no input"));
}

TEST_CASE("several upper triangles, one per expert line", "[matrix-text]") {
    auto lines = model::parseUpperTriangleLines("# experts\n3 5 2\n\n1/3 1 2\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].line == 2);
    CHECK(lines[1].line == 4);
    CHECK(lines[1].matrix.get(0, 1) == 1.0 / 3);
    CHECK_THROWS_WITH(model::parseUpperTriangleLines("3 5 2\n1 2 3 4 5 6"),
                      "line 2: 6 values (n = 4) but line 1 has n = 3");
    CHECK(model::parseWeightList("2,1 1", "--weights") == std::vector<double>{2, 1, 1});
    CHECK_THROWS_WITH(model::parseWeightList("2,x", "--weights"), "--weights value 2: \"x\" is not a number");
}
