// The questionnaire's 17-position verbal scale maps to Saaty's values and back.
#include "ui/screens.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the 17 positions are 9..2, 1, 1/2..1/9", "[scale]") {
    CHECK(ui::scaleValueAt(0) == 9);
    CHECK(ui::scaleValueAt(7) == 2);
    CHECK(ui::scaleValueAt(8) == 1);
    CHECK(ui::scaleValueAt(9) == Approx(0.5).epsilon(1e-15));
    CHECK(ui::scaleValueAt(16) == Approx(1.0 / 9).epsilon(1e-15));
    for (int p = 0; p <= 16; ++p) {
        INFO("position " << p);
        CHECK(ui::scalePositionOf(ui::scaleValueAt(p)) == p);
        // Mirror symmetry: position p and 16 - p are reciprocal judgments.
        CHECK(ui::scaleValueAt(p) * ui::scaleValueAt(16 - p) == Approx(1).epsilon(1e-15));
    }
}

TEST_CASE("values off the scale go to the nearest position", "[scale]") {
    CHECK(ui::scalePositionOf(2.4) == 7);       // 2
    CHECK(ui::scalePositionOf(1 / 2.6) == 10);  // 1/3
    CHECK(ui::scalePositionOf(40) == 0);        // clamped at 9
    CHECK(ui::scalePositionOf(1 / 40.0) == 16);
}
