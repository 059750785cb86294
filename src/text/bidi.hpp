// Right-to-left text for Dear ImGui: bidirectional reordering (UAX #9) and Arabic-script
// shaping to presentation forms, via GNU FriBidi.
//
// ImGui draws code points left to right, one glyph each, with no shaping. The functions here
// turn logical UTF-8 (the order people type and store) into *visual* UTF-8: Arabic/Persian
// letters replaced by their contextual presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF),
// lam-alef ligatures formed, mirrored brackets swapped, invisible format characters (ZWNJ,
// ZWJ, bidi marks, the ligature filler) removed, and everything in left-to-right drawing order.
//
// Invalid UTF-8 never crashes anything here: each bad byte sequence becomes U+FFFD.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace text {

enum class Direction { Auto, LeftToRight, RightToLeft };

// One line, shaped and reordered for left-to-right drawing. `base` is the paragraph direction;
// Auto takes it from the first strong character (left-to-right if there is none). A '\n'
// separates paragraphs, each handled on its own (the '\n' is kept).
// Pure ASCII with base Auto or LeftToRight comes back unchanged without calling FriBidi.
std::string toVisual(std::string_view logicalUtf8, Direction base = Direction::Auto);

// True if the text holds a strong right-to-left character (bidi class R or AL).
bool hasRightToLeft(std::string_view utf8);

// Paragraph direction by the first strong character (UAX #9 P2/P3); LeftToRight if none.
// Never returns Auto.
Direction resolveDirection(std::string_view utf8);

// Word-wraps logical text so that each line, once shaped, measures at most maxWidth, and
// returns the lines top to bottom, each already in visual order (ready to draw). Breaks at
// spaces; a word that does not fit on a line by itself is broken between characters (never
// inside a lam-alef ligature or before a combining mark). Spaces at a break and at the start
// or end of a paragraph are dropped; runs of spaces between words on one line are kept.
// Bidi levels and shaping are resolved once for the whole paragraph (so every line uses the
// paragraph's direction) and each line is then reordered on its own, as UAX #9 prescribes.
// '\n' forces a break; an empty paragraph gives an empty line. Every line holds at least one
// character even if that one is wider than maxWidth.
std::vector<std::string> wrapVisual(std::string_view logicalUtf8, float maxWidth,
                                    const std::function<float(std::string_view visualUtf8)>& measure,
                                    Direction base = Direction::Auto);

// ASCII digits 0-9 -> Extended Arabic-Indic (Persian) digits U+06F0..U+06F9, and a '.' between
// two digits -> ARABIC DECIMAL SEPARATOR U+066B. Everything else is left as it is.
std::string toPersianDigits(std::string_view utf8);

// A number as a person types it in either language, or nothing if the text is not one: digits
// ASCII, Persian (U+06F0..) or Arabic-Indic (U+0660..); a decimal separator '.' or U+066B; an
// optional sign ('+', '-', U+2212); ',' or U+066C between groups of three digits before the
// separator; spaces and bidi marks around it ignored. "۰٫۱۵", "0.15", ".5", "10,000" are
// numbers; "", "1/2", "1.2.3", "1,00", "0x10", "1e3" are not.
std::optional<double> parseTypedNumber(std::string_view utf8);

// Every code point that toVisual / wrapVisual can produce for these logical strings under any
// base direction (shaped forms, ligatures, both mirror images of mirrored characters), sorted
// and unique, without the characters that are removed (ZWNJ, ...) and without C0/C1 controls.
// tests/ui/fonts_test.cpp checks with it that the subset fonts hold every glyph the interface
// can draw.
std::vector<uint32_t> codepointsAfterShaping(const std::vector<std::string>& logical);

// UTF-8 helpers used by the above, exposed for tests and callers.
std::u32string decodeUtf8(std::string_view utf8);  // bad sequences -> U+FFFD
std::string encodeUtf8(std::u32string_view codepoints);

}  // namespace text
