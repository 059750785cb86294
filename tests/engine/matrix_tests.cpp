#include "ahp/detail.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace ahp;
using Catch::Contains;

TEST_CASE("PairwiseMatrix stores reciprocal judgments", "[matrix]") {
    PairwiseMatrix m(3);
    CHECK(m.size() == 3);
    CHECK(m.judgmentCount() == 3);
    CHECK(m.knownCount() == 0);
    CHECK_FALSE(m.isComplete());
    CHECK(*m.get(1, 1) == 1.0);
    CHECK_FALSE(m.get(0, 2).has_value());

    m.set(0, 1, 3);
    m.set(2, 1, 4);  // lower cell: stores a_23 = 1/4
    CHECK(*m.get(0, 1) == 3);
    CHECK(*m.get(1, 0) == Approx(1.0 / 3).epsilon(1e-15));
    CHECK(*m.get(1, 2) == Approx(0.25).epsilon(1e-15));
    CHECK(*m.get(2, 1) == Approx(4).epsilon(1e-15));
    CHECK(m.knownCount() == 2);
    m.set(0, 2, 0.5);
    CHECK(m.isComplete());
    m.clear(2, 0);
    CHECK_FALSE(m.get(0, 2).has_value());
    CHECK(m.knownCount() == 2);
}

TEST_CASE("Invalid judgments are rejected naming the cell", "[matrix][errors]") {
    PairwiseMatrix m(4);
    REQUIRE_THROWS_WITH(m.set(1, 2, -1), Contains("row 2, column 3") && Contains("-1"));
    REQUIRE_THROWS_WITH(m.set(1, 2, 0), Contains("row 2, column 3"));
    REQUIRE_THROWS_WITH(m.set(3, 0, std::numeric_limits<double>::quiet_NaN()), Contains("row 4, column 1"));
    REQUIRE_THROWS_WITH(m.set(0, 3, std::numeric_limits<double>::infinity()),
                        Contains("row 1, column 4") && Contains("finite positive"));
    REQUIRE_THROWS_WITH(m.set(2, 2, 1), Contains("row 3, column 3"));
    REQUIRE_THROWS_WITH(m.set(0, 4, 2), Contains("row 1, column 5"));
    REQUIRE_THROWS_AS(PairwiseMatrix(0), Error);
    // Any finite positive ratio is accepted, on the scale or not.
    REQUIRE_NOTHROW(m.set(0, 1, 1e-6));
    REQUIRE_NOTHROW(m.set(0, 2, 2.37));
}

TEST_CASE("Upper-triangle round trip and its errors", "[matrix][errors]") {
    std::vector<std::optional<double>> v{2.0, std::nullopt, 0.25, 3.0, 5.0, 1.0};
    PairwiseMatrix m = PairwiseMatrix::fromUpperTriangle(v);
    CHECK(m.size() == 4);
    CHECK(*m.get(0, 1) == 2.0);
    CHECK_FALSE(m.get(0, 2).has_value());
    CHECK(*m.get(0, 3) == 0.25);
    CHECK(*m.get(1, 2) == 3.0);
    CHECK(*m.get(2, 3) == 1.0);
    CHECK(m.upperTriangle() == v);
    CHECK(PairwiseMatrix::fromUpperTriangle({}).size() == 1);

    REQUIRE_THROWS_WITH(PairwiseMatrix::fromUpperTriangle({1.0, 2.0, 3.0, 4.0}), Contains("4 values"));
    REQUIRE_THROWS_WITH(PairwiseMatrix::fromUpperTriangle({2.0, -3.0, 1.0}),
                        Contains("value 2") && Contains("row 1, column 3"));
}

TEST_CASE("Dense conversion checks diagonal and reciprocity", "[matrix][errors]") {
    Eigen::MatrixXd a(3, 3);
    a << 1, 3, 5, 1.0 / 3, 1, 3, 1.0 / 5, 1.0 / 3, 1;
    PairwiseMatrix m = PairwiseMatrix::fromDense(a);
    CHECK((m.toDense() - a).cwiseAbs().maxCoeff() < 1e-15);

    Eigen::MatrixXd bad = a;
    bad(2, 1) = 0.5;
    REQUIRE_THROWS_WITH(PairwiseMatrix::fromDense(bad), Contains("row 3, column 2"));
    bad = a;
    bad(1, 1) = 2;
    REQUIRE_THROWS_WITH(PairwiseMatrix::fromDense(bad), Contains("row 2, column 2"));
    bad = a;
    bad(0, 2) = -5;
    REQUIRE_THROWS_WITH(PairwiseMatrix::fromDense(bad), Contains("row 1, column 3"));
    REQUIRE_THROWS_AS(PairwiseMatrix::fromDense(Eigen::MatrixXd::Ones(2, 3)), Error);

    PairwiseMatrix inc(3);
    inc.set(0, 1, 2);
    inc.set(1, 2, 2);
    REQUIRE_THROWS_WITH(inc.toDense(), Contains("row 1, column 3"));
}

TEST_CASE("Equality and connectivity", "[matrix]") {
    PairwiseMatrix a(4), b(4);
    a.set(0, 1, 2);
    b.set(1, 0, 0.5);
    CHECK(a == b);
    b.set(2, 3, 2);
    CHECK_FALSE(a == b);
    CHECK_FALSE(b.isConnected());  // {1,2} and {3,4}
    b.set(1, 2, 7);
    CHECK(b.isConnected());
    CHECK(PairwiseMatrix(1).isConnected());
}

TEST_CASE("completedMatrix keeps the judgments and fills the missing cells with w_i / w_j", "[matrix]") {
    PairwiseMatrix m(3);
    m.set(0, 1, 2);
    m.set(1, 2, 5);
    Eigen::VectorXd w(3);
    w << 0.6, 0.3, 0.1;
    const Eigen::MatrixXd a = completedMatrix(m, w);
    CHECK(a(0, 1) == 2);
    CHECK(a(1, 0) == Approx(0.5));
    CHECK(a(1, 2) == 5);
    CHECK(a(0, 2) == Approx(6.0));        // missing: 0.6 / 0.1
    CHECK(a(2, 0) == Approx(1.0 / 6.0));  // and its reciprocal
    for (int i = 0; i < 3; ++i) CHECK(a(i, i) == 1);
    m.set(0, 2, 7);
    CHECK(completedMatrix(m, w) == m.toDense());  // complete: the judgments alone
}

TEST_CASE("The scale table holds all 17 scale values, each with the log computed", "[matrix]") {
    const detail::ScaleTable& table = detail::ScaleTable::get();
    for (double v : detail::scaleValues()) {
        CHECK(table.holds(v));  // a slot each: a lookup never falls back for a scale value
        CHECK(table.ln(v) == std::log(v));
    }
    for (double v : {0.3, 2.5, 1e-300, 7e10}) {  // other values: computed
        CHECK_FALSE(table.holds(v));
        CHECK(table.ln(v) == std::log(v));
    }
}
