// Behaviour tests for the rest of the API: ASCII fast path, direction detection, wrapping,
// Persian digits, invalid UTF-8, glyph sets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "text/bidi.hpp"

using namespace text;

namespace {
using V = std::vector<uint32_t>;
V cps(const std::string& s) {
    V v;
    for (char32_t c : decodeUtf8(s)) v.push_back(static_cast<uint32_t>(c));
    return v;
}
// Fake monospace font: every code point is one unit wide.
float monospace(std::string_view visual) { return static_cast<float>(decodeUtf8(visual).size()); }
}  // namespace

TEST_CASE("ASCII comes back unchanged", "[ascii]") {
    for (const char* s : {"", "Hello, world!", "CR = 0.083 (< 0.1)", "  padded  ", "a\nb", "(x)"}) {
        CHECK(toVisual(s) == s);
        CHECK(toVisual(s, Direction::LeftToRight) == s);
    }
    CHECK_FALSE(hasRightToLeft("ICT (CRM) 1.5"));
    CHECK(resolveDirection("ICT") == Direction::LeftToRight);
    CHECK(resolveDirection("") == Direction::LeftToRight);
}

TEST_CASE("ASCII in an explicitly right-to-left paragraph is reordered by UAX #9", "[ascii]") {
    // "Hello!": '!' at the end is neutral between L and eos(R) -> level 1 -> drawn first.
    CHECK(toVisual("Hello!", Direction::RightToLeft) == "!Hello");
    CHECK(toVisual("ICT", Direction::RightToLeft) == "ICT");
}

TEST_CASE("direction detection", "[direction]") {
    CHECK(hasRightToLeft("مشارکت"));
    CHECK(hasRightToLeft("CRM (مدیریت ارتباط)"));
    CHECK_FALSE(hasRightToLeft("۱۲۳"));     // Persian digits are EN, not strong
    CHECK_FALSE(hasRightToLeft("\u200c"));  // ZWNJ is not a strong character
    CHECK(hasRightToLeft("\u200f"));        // RLM is: its bidi class is R
    CHECK(resolveDirection("مشارکت ICT") == Direction::RightToLeft);
    CHECK(resolveDirection("ICT مشارکت") == Direction::LeftToRight);
    CHECK(resolveDirection("(۱۳۹۵) توسعه") == Direction::RightToLeft);  // skips neutrals, digits
    CHECK(resolveDirection("123 ...") == Direction::LeftToRight);       // no strong -> LTR
    // P2 skips isolates: RLI ... PDI around "abc" does not count.
    CHECK(resolveDirection("\u2067abc\u2069 مشارکت") == Direction::RightToLeft);
    // ... and toVisual(Auto) agrees: the paragraph is RTL, so the line ends (visually, on the
    // left) with مشارکت and the isolated "abc" comes last, on the right; the isolate controls
    // themselves are removed. مشارکت: FEE3 FEB8 FE8E FEAD FB90 FE96 as in the golden test.
    CHECK(cps(toVisual("\u2067abc\u2069 مشارکت")) ==
          V{0xFE96, 0xFB90, 0xFEAD, 0xFE8E, 0xFEB8, 0xFEE3, 0x20, 'a', 'b', 'c'});
}

TEST_CASE("bidi controls and marks are not drawn", "[format]") {
    // RLM after a Latin word at the end of an RTL phrase; the mark itself disappears.
    const std::string v = toVisual("در CRM\u200f");
    for (uint32_t c : cps(v)) CHECK((c != 0x200F && c != 0x200C && c != 0xFEFF));
    // BOM / ZWNBSP in the input is removed as well.
    CHECK(cps(toVisual("\xEF\xBB\xBF"
                       "با")) == V{0xFE8E, 0xFE91});
}

// A field's problem under a table in Persian: "<name>: «<typed>» ..." where the name holds a
// Latin part. Unisolated, "Expert 2: «x1" is one left-to-right run (the colon and the quote
// between two Latin runs take their direction); isolated (FSI ... PDI,
// ui::isolate), the name, the colon and the quoted text keep their places.
TEST_CASE("an isolated name and typed text keep their places in a Persian sentence", "[isolate]") {
    const std::string name = "\u0648\u0632\u0646 Expert 2";  // "weight of Expert 2"
    const std::string quoted = "\u00abx1\u00bb";
    const std::string number = " \u0639\u062f\u062f\u06cc";        // " (is not a) number"
    const std::string fsi = "\xE2\x81\xA8", pdi = "\xE2\x81\xA9";  // U+2068, U+2069 (as bytes: -Wbidi-chars)
    CHECK(toVisual(name + ": " + quoted + number, Direction::RightToLeft).find("Expert 2: \u00abx1") !=
          std::string::npos);
    const std::string isolated = fsi + name + pdi + ": \u00ab" + fsi + "x1" + pdi + "\u00bb" + number;
    const std::string drawn = toVisual(isolated, Direction::RightToLeft);
    CHECK(drawn.find("\u00abx1\u00bb :Expert 2") != std::string::npos);  // read right to left: Expert 2, ':', «x1»
    CHECK(drawn.find(fsi) == std::string::npos);
    CHECK(drawn.find(pdi) == std::string::npos);
}

TEST_CASE("paragraphs separated by newlines are handled one by one", "[newline]") {
    // Each line reversed on its own, the '\n' stays between them.
    // با: ب initial FE91 | ا final FE8E;  در: د FEA9 | ر FEAD
    CHECK(cps(toVisual("با\nدر")) == V{0xFE8E, 0xFE91, 0x0A, 0xFEAD, 0xFEA9});
}

TEST_CASE("wrapVisual: Persian phrase in a narrow box", "[wrap]") {
    const std::string text = "ایجاد امکان نظرسنجی آنلاین";
    // Shaped widths with one unit per code point: ایجاد 5, امکان 5, نظرسنجی 7, آنلاین 5
    // (6 letters, but لا is one ligature), spaces 1.
    SECTION("width 12") {
        const auto lines = wrapVisual(text, 12.0f, monospace);
        REQUIRE(lines.size() == 3);
        // Top to bottom = logical order of the words; each line in visual order.
        CHECK(lines[0] == toVisual("ایجاد امکان"));
        CHECK(lines[1] == toVisual("نظرسنجی"));
        CHECK(lines[2] == toVisual("آنلاین"));
        for (const auto& l : lines) CHECK(monospace(l) <= 12.0f);
    }
    SECTION("width 13: the second line fits only because it is measured shaped") {
        // "نظرسنجی آنلاین" is 14 code points logically but 13 once لا is a ligature.
        const auto lines = wrapVisual(text, 13.0f, monospace);
        REQUIRE(lines.size() == 2);
        CHECK(lines[0] == toVisual("ایجاد امکان"));
        CHECK(lines[1] == toVisual("نظرسنجی آنلاین"));
        // Visual order of line 2: آنلاین first (leftmost), then نظرسنجی.
        CHECK(cps(lines[1]) == V{0xFEE6, 0xFBFE, 0xFEFC, 0xFEE7, 0xFE81, 0x0020, 0xFBFD, 0xFEA0, 0xFEE8, 0xFEB3, 0xFEAE,
                                 0xFEC8, 0xFEE7});
    }
    SECTION("wide enough: one line equal to toVisual") {
        const auto lines = wrapVisual(text, 1000.0f, monospace);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == toVisual(text));
    }
}

TEST_CASE("wrapVisual: every study-like label stays within the width", "[wrap]") {
    const std::vector<std::string> labels = {
        "اولویت‌بندی ارزش‌های حکمرانی الکترونیکی در شهرداری",
        "شفافیت ساختارها و فرایندهای حاکم بر ارائه خدمات شهرداری",
        "تماس الکترونیکی مسئولان با مردم برای مشارکت در تصمیم‌گیری مدیریت شهری",
        "توسعه ICT در شهرداری (۱۳۹۵)",
        "Prioritising the values of e-governance in a municipality",
    };
    for (float width : {6.0f, 10.0f, 17.0f, 25.0f, 40.0f}) {
        for (const auto& label : labels) {
            const auto lines = wrapVisual(label, width, monospace);
            REQUIRE_FALSE(lines.empty());
            for (const auto& l : lines) {
                INFO(label << " @ " << width);
                CHECK(monospace(l) <= width);
                CHECK_FALSE(l.empty());
            }
        }
    }
}

TEST_CASE("wrapVisual: a word longer than the line is cut between characters", "[wrap]") {
    // اطلاعات shaped over the whole word: ا FE8D | ط FEC3 | لا FEFC | ع FECB | ا FE8E | ت FE95
    // = 6 units. Width 3: the first line is ا ط لا (the cut never falls inside لا), the second
    // ع ا ت. Letters keep the forms they have in the whole word.
    const auto lines = wrapVisual("اطلاعات", 3.0f, monospace);
    REQUIRE(lines.size() == 2);
    CHECK(cps(lines[0]) == V{0xFEFC, 0xFEC3, 0xFE8D});
    CHECK(cps(lines[1]) == V{0xFE95, 0xFE8E, 0xFECB});
    // Width 1: one unit per line, لا still whole.
    const auto narrow = wrapVisual("اطلاعات", 1.0f, monospace);
    REQUIRE(narrow.size() == 6);
    CHECK(cps(narrow[2]) == V{0xFEFC});
    // Width 0: still progresses, one character per line.
    CHECK(wrapVisual("abc", 0.0f, monospace) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("wrapVisual: mixed text, right-to-left paragraph", "[wrap]") {
    // Levels are resolved for the whole paragraph, so the bracket pair stays R (and mirrored)
    // even though its halves end up on different lines.
    const auto lines = wrapVisual("CRM (مدیریت ارتباط)", 12.0f, monospace, Direction::RightToLeft);
    REQUIRE(lines.size() == 2);
    // Line 1, logical "CRM (مدیریت": CRM level 2; ' ' and '(' level 1, '(' drawn mirrored as ')'.
    // Visual: مدیریت reversed, ')', ' ', CRM.
    CHECK(cps(lines[0]) == V{0xFE96, 0xFBFE, 0xFEAE, 0xFBFE, 0xFEAA, 0xFEE3, 0x0029, 0x0020, 0x0043, 0x0052, 0x004D});
    // Line 2, logical "ارتباط)": ')' drawn as '(' at the far left.
    CHECK(cps(lines[1]) == V{0x0028, 0xFEC1, 0xFE8E, 0xFE92, 0xFE97, 0xFEAD, 0xFE8D});
}

TEST_CASE("wrapVisual: English wraps normally; newlines and empty input", "[wrap]") {
    CHECK(wrapVisual("the quick brown fox", 10.0f, monospace) == std::vector<std::string>{"the quick", "brown fox"});
    CHECK(wrapVisual("ab\n\ncd", 10.0f, monospace) == std::vector<std::string>{"ab", "", "cd"});
    CHECK(wrapVisual("", 10.0f, monospace) == std::vector<std::string>{""});
    CHECK(wrapVisual("a   b", 10.0f, monospace) == std::vector<std::string>{"a   b"});
}

TEST_CASE("toPersianDigits", "[digits]") {
    CHECK(cps(toPersianDigits("1395")) == V{0x06F1, 0x06F3, 0x06F9, 0x06F5});
    CHECK(cps(toPersianDigits("0.5207")) == V{0x06F0, 0x066B, 0x06F5, 0x06F2, 0x06F0, 0x06F7});
    // '.' not between two digits is left alone; other text untouched.
    CHECK(cps(toPersianDigits("CR 0.08.")) == V{'C', 'R', ' ', 0x06F0, 0x066B, 0x06F0, 0x06F8, '.'});
    CHECK(cps(toPersianDigits(".5")) == V{'.', 0x06F5});
    CHECK(toPersianDigits("وزن") == "وزن");
    CHECK(toPersianDigits("") == "");
    CHECK(cps(toPersianDigits("۱.5")) == V{0x06F1, 0x066B, 0x06F5});  // already Persian digit
}

TEST_CASE("parseTypedNumber", "[digits]") {
    CHECK(parseTypedNumber("0.15") == 0.15);
    CHECK(parseTypedNumber("۰٫۱۵") == 0.15);                     // Persian digits and decimal separator
    CHECK(parseTypedNumber("٠٫٢٥") == 0.25);                     // Arabic-Indic digits
    CHECK(parseTypedNumber("۲.5") == 2.5);                       // mixed, as a phone keyboard may give
    CHECK(parseTypedNumber(toPersianDigits("0.083")) == 0.083);  // what the app shows reads back
    CHECK(parseTypedNumber(".5") == 0.5);
    CHECK(parseTypedNumber("5.") == 5.0);
    CHECK(parseTypedNumber("  3 ") == 3.0);
    CHECK(parseTypedNumber("\u200F۳\u200E") == 3.0);  // bidi marks around it
    CHECK(parseTypedNumber("-2") == -2.0);
    CHECK(parseTypedNumber("\u2212"
                           "2") == -2.0);  // MINUS SIGN
    CHECK(parseTypedNumber("+2") == 2.0);
    CHECK(parseTypedNumber("10,000") == 10000.0);
    CHECK(parseTypedNumber("۱۰٬۰۰۰") == 10000.0);
    CHECK(parseTypedNumber("1,234,567.5") == 1234567.5);
    for (const char* bad : {"",         " ",    "-",   ".",   "1/2", "۰/۱", "1.2.3", "1,00",    ",100", "1,0000",
                            "1,000,00", "0x10", "1e3", "inf", "nan", "abc", "2 3",   "1.5,000", "--1",  "12a"})
        CHECK_FALSE(parseTypedNumber(bad).has_value());
    CHECK_FALSE(parseTypedNumber(std::string(400, '9')).has_value());  // not finite
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and never crashes", "[utf8]") {
    CHECK(cps("a\xFF"
              "b") == V{'a', 0xFFFD, 'b'});
    CHECK(cps("\xC3") == V{0xFFFD});                                      // truncated 2-byte sequence
    CHECK(cps("\xE2\x82") == V{0xFFFD});                                  // truncated 3-byte sequence
    CHECK(cps("\xC0\xAF") == V{0xFFFD, 0xFFFD});                          // overlong
    CHECK(cps("\xED\xA0\x80") == V{0xFFFD, 0xFFFD, 0xFFFD});              // surrogate
    CHECK(cps("\xF4\x90\x80\x80") == V{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD});  // > U+10FFFF
    CHECK(cps("\xF0\x9F\x98\x80") == V{0x1F600});
    // The public functions: bad bytes inside Persian text.
    // U+FFFD (ON, non-joining) cuts the word, so ب is isolated FE8F and ا isolated FE8D; the
    // paragraph is RTL, U+FFFD between two R is R (N1), level 1: all reversed.
    CHECK(cps(toVisual("ب\x80ا")) == V{0xFE8D, 0xFFFD, 0xFE8F});
    CHECK_FALSE(hasRightToLeft("\xD8"));  // a lone lead byte of ا is U+FFFD, not a letter
    CHECK(cps(toPersianDigits("1\xFE"
                              "2")) == V{0x06F1, 0xFFFD, 0x06F2});
    const auto lines = wrapVisual("\xFF\xFE\xFD \xC3", 1.0f, monospace);
    CHECK_FALSE(lines.empty());
    CHECK(encodeUtf8(U"\U0001F600\x0627") == "\xF0\x9F\x98\x80\xD8\xA7");
}

TEST_CASE("codepointsAfterShaping", "[glyphs]") {
    const auto set = codepointsAfterShaping({"ارائه اطلاعات با کیفیت", "اداره‌کردن", "(x)"});
    auto has = [&](uint32_t c) { return std::binary_search(set.begin(), set.end(), c); };
    CHECK(std::is_sorted(set.begin(), set.end()));
    CHECK(std::adjacent_find(set.begin(), set.end()) == set.end());
    CHECK(has(0xFEFC));  // لا final ligature from اطلاعات
    CHECK(has(0xFB90));  // ک initial (کیفیت, کردن)
    CHECK(has(0xFEE9));  // ه isolated before the ZWNJ in اداره‌
    CHECK(has(0x0028));
    CHECK(has(0x0029));
    CHECK(has(0x0020));
    CHECK(has('x'));
    CHECK_FALSE(has(0x200C));  // ZWNJ is never drawn
    CHECK_FALSE(has(0xFEFF));  // nor the ligature filler
    CHECK_FALSE(has(0x0644));  // base letters are replaced by presentation forms
    // Everything toVisual produces for these strings is in the set.
    for (const char* s : {"ارائه اطلاعات با کیفیت", "اداره‌کردن", "(x)"})
        for (uint32_t c : cps(toVisual(s, Direction::RightToLeft))) CHECK(has(c));
}
