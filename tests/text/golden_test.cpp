// Golden tests: logical Persian / mixed phrases -> visual code points.
//
// Every expected sequence below was worked out by hand from the Unicode rules, not copied from
// the function's output:
//  * Cursive joining (Unicode ch. 9.2, ArabicShaping.txt): dual-joining letters (D: ب پ ت ج چ
//    س ش ط ظ ع ف ک گ ل م ن ه ی ئ ...) take isolated / final / initial / medial forms; right-
//    joining letters (R: ا آ د ر ز ژ و) only isolated / final and never join the next letter.
//    ZWNJ (U+200C) is non-joining (U) and so cuts the word.
//  * Presentation forms (Unicode charts FB50 and FE70; the same values as FriBidi 1.0.8's
//    arabic-shaping.tab.i), listed isolated, final, initial, medial:
//      ا FE8D FE8E            آ FE81 FE82            ب FE8F FE90 FE91 FE92
//      ت FE95 FE96 FE97 FE98  ج FE9D FE9E FE9F FEA0  د FEA9 FEAA
//      ر FEAD FEAE            ز FEAF FEB0            س FEB1 FEB2 FEB3 FEB4
//      ش FEB5 FEB6 FEB7 FEB8  ط FEC1 FEC2 FEC3 FEC4  ظ FEC5 FEC6 FEC7 FEC8
//      ع FEC9 FECA FECB FECC  ف FED1 FED2 FED3 FED4  ل FEDD FEDE FEDF FEE0
//      م FEE1 FEE2 FEE3 FEE4  ن FEE5 FEE6 FEE7 FEE8  ه FEE9 FEEA FEEB FEEC
//      و FEED FEEE            ئ FE89 FE8A FE8B FE8C
//      پ FB56 FB57 FB58 FB59  چ FB7A FB7B FB7C FB7D  ژ FB8A FB8B
//      ک FB8E FB8F FB90 FB91  گ FB92 FB93 FB94 FB95  ی FBFC FBFD FBFE FBFF
//  * Mandatory lam-alef ligature: initial lam + final alef -> FEFB (isolated ligature), medial
//    lam + final alef -> FEFC (final ligature); the lam's slot is dropped.
//  * Bidi (UAX #9): all Arabic letters are AL (-> R, level 1 in an RTL paragraph); a pure RTL
//    line is therefore simply reversed. W2: digits after an AL become AN; Persian digits
//    U+06F0..U+06F9 are EN like ASCII digits. L and numbers go to level 2 in an RTL paragraph
//    and keep their internal order. N0: a bracket pair takes the embedding direction if it
//    encloses a strong type of that direction. L4: brackets on odd levels are mirrored.
//
// The same sequences were cross-checked with the `fribidi` command-line tool 1.0.8
// (package libfribidi-bin), whose output is identical apart from the U+FEFF filler it leaves
// behind the lam-alef ligature and the ZWNJ it keeps (this module removes both).
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "text/bidi.hpp"

using text::Direction;
using text::toVisual;

namespace {
std::vector<uint32_t> cps(const std::string& s) {
    std::vector<uint32_t> v;
    for (char32_t c : text::decodeUtf8(s)) v.push_back(static_cast<uint32_t>(c));
    return v;
}
using V = std::vector<uint32_t>;
}  // namespace

TEST_CASE("golden: مشارکت الکترونیکی (E-participation)", "[golden]") {
    // مشارکت: م initial FEE3 | ش medial FEB8 | ا final FE8E (alef never joins on)
    //         ر isolated FEAD (after alef) | ک initial FB90 | ت final FE96
    // الکترونیکی: ا isolated FE8D | ل initial FEDF | ک medial FB91 | ت medial FE98
    //         ر final FEAE | و isolated FEED | ن initial FEE7 | ی medial FBFF
    //         ک medial FB91 | ی final FBFD
    // RTL paragraph (first strong is AL), everything level 1: the whole line is reversed.
    const V expected = {0xFBFD, 0xFB91, 0xFBFF, 0xFEE7, 0xFEED, 0xFEAE, 0xFE98, 0xFB91, 0xFEDF,
                        0xFE8D, 0x0020, 0xFE96, 0xFB90, 0xFEAD, 0xFE8E, 0xFEB8, 0xFEE3};
    CHECK(cps(toVisual("مشارکت الکترونیکی")) == expected);
    CHECK(cps(toVisual("مشارکت الکترونیکی", Direction::RightToLeft)) == expected);
}

TEST_CASE("golden: اداره‌کردن الکترونیکی (ZWNJ inside the word)", "[golden][zwnj]") {
    // اداره: ا isolated FE8D | د isolated FEA9 | ا isolated FE8D | ر isolated FEAD
    //        ه isolated FEE9 -- the ZWNJ after it is non-joining, so ه is NOT initial (FEEB)
    // ZWNJ:  removed from the output
    // کردن:  ک initial FB90 (nothing joins from the ZWNJ side) | ر final FEAE
    //        د isolated FEA9 | ن isolated FEE5
    // الکترونیکی: as in the previous test.
    const V expected = {0xFBFD, 0xFB91, 0xFBFF, 0xFEE7, 0xFEED, 0xFEAE, 0xFE98, 0xFB91, 0xFEDF, 0xFE8D,
                        0x0020, 0xFEE5, 0xFEA9, 0xFEAE, 0xFB90, 0xFEE9, 0xFEAD, 0xFE8D, 0xFEA9, 0xFE8D};
    CHECK(cps(toVisual("اداره\u200cکردن الکترونیکی")) == expected);
}

TEST_CASE("golden: ایجاد امکان نظرسنجی آنلاین (lam-alef final ligature)", "[golden][ligature]") {
    // ایجاد:   ا FE8D | ی initial FBFE | ج medial FEA0 | ا final FE8E | د isolated FEA9
    // امکان:   ا FE8D | م initial FEE3 | ک medial FB91 | ا final FE8E | ن isolated FEE5
    // نظرسنجی: ن initial FEE7 | ظ medial FEC8 | ر final FEAE | س initial FEB3 | ن medial FEE8
    //          ج medial FEA0 | ی final FBFD
    // آنلاین:  آ isolated FE81 | ن initial FEE7 | ل medial FEE0 + ا final FE8E -> FEFC
    //          ی initial FBFE | ن final FEE6
    // Reversed word by word and letter by letter.
    const V expected = {0xFEE6, 0xFBFE, 0xFEFC, 0xFEE7, 0xFE81, 0x0020,                  // آنلاین
                        0xFBFD, 0xFEA0, 0xFEE8, 0xFEB3, 0xFEAE, 0xFEC8, 0xFEE7, 0x0020,  // نظرسنجی
                        0xFEE5, 0xFE8E, 0xFB91, 0xFEE3, 0xFE8D, 0x0020,                  // امکان
                        0xFEA9, 0xFE8E, 0xFEA0, 0xFBFE, 0xFE8D};                         // ایجاد
    CHECK(cps(toVisual("ایجاد امکان نظرسنجی آنلاین")) == expected);
}

TEST_CASE("golden: ارائه اطلاعات با کیفیت (lam-alef in اطلاعات)", "[golden][ligature]") {
    // ارائه:   ا FE8D | ر isolated FEAD | ا FE8D | ئ initial FE8B | ه final FEEA
    // اطلاعات: ا FE8D | ط initial FEC3 | ل medial FEE0 + ا final FE8E -> FEFC
    //          ع initial FECB | ا final FE8E | ت isolated FE95
    // با:      ب initial FE91 | ا final FE8E
    // کیفیت:   ک initial FB90 | ی medial FBFF | ف medial FED4 | ی medial FBFF | ت final FE96
    const V expected = {0xFE96, 0xFBFF, 0xFED4, 0xFBFF, 0xFB90, 0x0020,          // کیفیت
                        0xFE8E, 0xFE91, 0x0020,                                  // با
                        0xFE95, 0xFE8E, 0xFECB, 0xFEFC, 0xFEC3, 0xFE8D, 0x0020,  // اطلاعات
                        0xFEEA, 0xFE8B, 0xFE8D, 0xFEAD, 0xFE8D};                 // ارائه
    CHECK(cps(toVisual("ارائه اطلاعات با کیفیت")) == expected);
}

TEST_CASE("golden: لازم (lam-alef isolated ligature)", "[golden][ligature]") {
    // ل initial FEDF + ا final FE8E -> FEFB | ز isolated FEAF | م isolated FEE1
    CHECK(cps(toVisual("لازم")) == V{0xFEE1, 0xFEAF, 0xFEFB});
    // From I221 "... زمان لازم برای ...": same word inside a phrase.
    // زمان: ز FEAF | م initial FEE3 | ا final FE8E | ن isolated FEE5
    // برای: ب initial FE91 | ر final FEAE | ا isolated FE8D | ی isolated FBFC
    CHECK(cps(toVisual("زمان لازم برای")) ==
          V{0xFBFC, 0xFE8D, 0xFEAE, 0xFE91, 0x0020, 0xFEE1, 0xFEAF, 0xFEFB, 0x0020, 0xFEE5, 0xFE8E, 0xFEE3, 0xFEAF});
}

TEST_CASE("golden: Persian letters پ چ ژ گ ک ی in every form", "[golden][persian]") {
    // پژوهش: پ initial FB58 | ژ final FB8B | و isolated FEED | ه initial FEEB | ش final FEB6
    CHECK(cps(toVisual("پژوهش")) == V{0xFEB6, 0xFEEB, 0xFEED, 0xFB8B, 0xFB58});
    // چیپ: چ initial FB7C | ی medial FBFF | پ final FB57
    CHECK(cps(toVisual("چیپ")) == V{0xFB57, 0xFBFF, 0xFB7C});
    // سپس: س initial FEB3 | پ medial FB59 | س final FEB2
    CHECK(cps(toVisual("سپس")) == V{0xFEB2, 0xFB59, 0xFEB3});
    // بچه: ب initial FE91 | چ medial FB7D | ه final FEEA
    CHECK(cps(toVisual("بچه")) == V{0xFEEA, 0xFB7D, 0xFE91});
    // گرگ: گ initial FB94 | ر final FEAE | گ isolated FB92
    CHECK(cps(toVisual("گرگ")) == V{0xFB92, 0xFEAE, 0xFB94});
    // نگاه: ن initial FEE7 | گ medial FB95 | ا final FE8E | ه isolated FEE9
    CHECK(cps(toVisual("نگاه")) == V{0xFEE9, 0xFE8E, 0xFB95, 0xFEE7});
    // یک: ی initial FBFE | ک final FB8F;  کی: ک initial FB90 | ی final FBFD
    CHECK(cps(toVisual("یک")) == V{0xFB8F, 0xFBFE});
    CHECK(cps(toVisual("کی")) == V{0xFBFD, 0xFB90});
    // Isolated: پ FB56, چ FB7A, ژ FB8A, گ FB92, ک FB8E, ی FBFC (separated by spaces).
    CHECK(cps(toVisual("پ چ ژ گ ک ی")) ==
          V{0xFBFC, 0x20, 0xFB8E, 0x20, 0xFB92, 0x20, 0xFB8A, 0x20, 0xFB7A, 0x20, 0xFB56});
}

TEST_CASE("golden: ZWNJ breaks joining and is not drawn", "[golden][zwnj]") {
    // به‌روز (I234): ب initial FE91 | ه final FEEA (ZWNJ follows) | ر isolated FEAD
    //                و isolated FEED | ز isolated FEAF
    CHECK(cps(toVisual("به\u200cروز")) == V{0xFEAF, 0xFEED, 0xFEAD, 0xFEEA, 0xFE91});
    // Without the ZWNJ ه would be medial (FEEC) and ر final (FEAE):
    CHECK(cps(toVisual("بهروز")) == V{0xFEAF, 0xFEED, 0xFEAE, 0xFEEC, 0xFE91});
    // می‌شود: م initial FEE3 | ی final FBFD | ش initial FEB7 | و final FEEE | د isolated FEA9
    CHECK(cps(toVisual("می\u200cشود")) == V{0xFEA9, 0xFEEE, 0xFEB7, 0xFBFD, 0xFEE3});
    // میشود: ی and ش become medial (FBFF, FEB8).
    CHECK(cps(toVisual("میشود")) == V{0xFEA9, 0xFEEE, 0xFEB8, 0xFBFF, 0xFEE3});
}

TEST_CASE("golden: توسعه ICT در شهرداری (۱۳۹۵)", "[golden][mixed]") {
    // توسعه:   ت initial FE97 | و final FEEE | س initial FEB3 | ع medial FECC | ه final FEEA
    // در:      د FEA9 | ر FEAD (both isolated)
    // شهرداری: ش initial FEB7 | ه medial FEEC | ر final FEAE | د FEA9 | ا FE8D | ر FEAD
    //          ی isolated FBFC
    // Bidi: RTL paragraph. ICT is L -> level 2, keeps its order. ۱۳۹۵ are EN after AL -> AN
    // (W2) -> level 2, keep their order. The brackets enclose AN (counts as R for N0) -> R,
    // level 1, so they are mirrored: the logical '(' is drawn as ')' and vice versa. Reversed,
    // the line starts with the logical ')' (drawn '(') and the number.
    const V expected = {0x0028, 0x06F1, 0x06F3, 0x06F9, 0x06F5, 0x0029, 0x0020,          // (۱۳۹۵)
                        0xFBFC, 0xFEAD, 0xFE8D, 0xFEA9, 0xFEAE, 0xFEEC, 0xFEB7, 0x0020,  // شهرداری
                        0xFEAD, 0xFEA9, 0x0020,                                          // در
                        0x0049, 0x0043, 0x0054, 0x0020,                                  // ICT
                        0xFEEA, 0xFECC, 0xFEB3, 0xFEEE, 0xFE97};                         // توسعه
    CHECK(cps(toVisual("توسعه ICT در شهرداری (۱۳۹۵)")) == expected);
}

TEST_CASE("golden: نسبت 3 به 1", "[golden][mixed]") {
    // نسبت: ن initial FEE7 | س medial FEB4 | ب medial FE92 | ت final FE96
    // به:   ب initial FE91 | ه final FEEA
    // 3 and 1: EN after AL -> AN, level 2; spaces between AL and AN -> R (N1), level 1.
    const V expected = {0x0031, 0x0020, 0xFEEA, 0xFE91, 0x0020, 0x0033, 0x0020, 0xFE96, 0xFE92, 0xFEB4, 0xFEE7};
    CHECK(cps(toVisual("نسبت 3 به 1")) == expected);
    // A multi-digit number with a decimal point stays in reading order: وزن 0.52
    // و FEED | ز FEAF | ن FEE5 (all isolated); "0.52" is AN CS AN AN -> AN (W4), one run.
    CHECK(cps(toVisual("وزن 0.52")) == V{0x30, 0x2E, 0x35, 0x32, 0x20, 0xFEE5, 0xFEAF, 0xFEED});
}

TEST_CASE("golden: CRM (مدیریت ارتباط)", "[golden][mixed]") {
    // مدیریت: م initial FEE3 | د final FEAA | ی initial FBFE | ر final FEAE | ی initial FBFE
    //         ت final FE96
    // ارتباط: ا FE8D | ر FEAD | ت initial FE97 | ب medial FE92 | ا final FE8E | ط isolated FEC1
    SECTION("Auto: first strong is C -> LTR paragraph") {
        // The brackets enclose only R; the strong type before '(' is L (CRM), so N0 gives them the
        // embedding direction L: level 0, not mirrored. Only the Persian words (and the space
        // between them) are level 1 and reversed.
        const V expected = {0x0043, 0x0052, 0x004D, 0x0020, 0x0028, 0xFEC1,
                            0xFE8E, 0xFE92, 0xFE97, 0xFEAD, 0xFE8D, 0x0020,  // ارتباط
                            0xFE96, 0xFBFE, 0xFEAE, 0xFBFE, 0xFEAA, 0xFEE3,  // مدیریت
                            0x0029};
        CHECK(cps(toVisual("CRM (مدیریت ارتباط)")) == expected);
        CHECK(cps(toVisual("CRM (مدیریت ارتباط)", Direction::LeftToRight)) == expected);
    }
    SECTION("RightToLeft paragraph") {
        // Brackets enclose R = embedding direction -> R, level 1, mirrored. CRM is level 2.
        // Reversed: logical ')' (drawn '(') first, then the words, '(' (drawn ')'), space, CRM.
        const V expected = {0x0028, 0xFEC1, 0xFE8E, 0xFE92, 0xFE97, 0xFEAD, 0xFE8D, 0x0020,  // ارتباط
                            0xFE96, 0xFBFE, 0xFEAE, 0xFBFE, 0xFEAA, 0xFEE3,                  // مدیریت
                            0x0029, 0x0020, 0x0043, 0x0052, 0x004D};
        CHECK(cps(toVisual("CRM (مدیریت ارتباط)", Direction::RightToLeft)) == expected);
    }
}

TEST_CASE("golden: فیلم، صوت و متن (Arabic comma, from I322)", "[golden]") {
    // فیلم: ف initial FED3 | ی medial FBFF | ل medial FEE0 | م final FEE2
    // ، U+060C is CS, not between numbers -> ON -> between R and R -> R (N1): plain reversal.
    // صوت: ص initial FEBB | و final FEEE | ت isolated FE95;  و: isolated FEED
    // متن: م initial FEE3 | ت medial FE98 | ن final FEE6
    CHECK(cps(toVisual("فیلم، صوت و متن")) == V{0xFEE6, 0xFE98, 0xFEE3, 0x0020, 0xFEED, 0x0020, 0xFE95, 0xFEEE, 0xFEBB,
                                                0x0020, 0x060C, 0xFEE2, 0xFEE0, 0xFBFF, 0xFED3});
}

TEST_CASE("golden: لطفاً and بُعد (combining marks shape through, then are dropped)", "[golden][nsm]") {
    // ل initial FEDF (followed by ط, so no lam-alef) | ط medial FEC4 | ف medial FED4
    // ا final FE8E | ً U+064B fathatan: NSM, joining-transparent, so ف still joins ا.
    // ImGui cannot position marks (it would draw one as a spacing glyph), so they are dropped
    // after shaping: the letters keep the forms the mark did not interrupt.
    CHECK(cps(toVisual("لطفاً")) == V{0xFE8E, 0xFED4, 0xFEC4, 0xFEDF});
    // ب initial FE91 | ُ U+064F damma (transparent) | ع medial FECC | د final FEAA
    CHECK(cps(toVisual("بُعد")) == V{0xFEAA, 0xFECC, 0xFE91});
}
