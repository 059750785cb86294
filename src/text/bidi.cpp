#include "text/bidi.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>

extern "C" {
#include <fribidi.h>
}

namespace text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isAscii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Format characters that have no glyph and must not reach ImGui (which would draw a box or a
// '?' for them). Removed from the visual output after shaping and reordering, so they still do
// their job first: ZWNJ breaks cursive joining, ZWJ causes it, marks and embeddings steer the
// bidi algorithm. FRIBIDI_CHAR_FILL (U+FEFF) is what fribidi leaves where the lam of a lam-alef
// ligature was.
bool isRemovedFormatChar(char32_t c) {
    switch (c) {
    case 0x00AD:  // SOFT HYPHEN
    case 0x061C:  // ARABIC LETTER MARK
    case 0x200B:  // ZERO WIDTH SPACE
    case 0x200C:  // ZERO WIDTH NON-JOINER
    case 0x200D:  // ZERO WIDTH JOINER
    case 0x200E:  // LEFT-TO-RIGHT MARK
    case 0x200F:  // RIGHT-TO-LEFT MARK
    case 0x2060:  // WORD JOINER
    case 0xFEFF:  // ZWNBSP / BOM / FRIBIDI_CHAR_FILL
        return true;
    default:
        return (c >= 0x202A && c <= 0x202E)      // LRE RLE PDF LRO RLO
               || (c >= 0x2066 && c <= 0x2069);  // LRI RLI FSI PDI
    }
}

// Arabic-script combining marks (harakat, tanvin, Quranic marks). ImGui has no mark
// positioning, so a mark would be drawn as a spacing glyph beside its letter; Persian is
// written without them as a rule ("بُعد" reads as "بعد"), so they are dropped from the output.
bool isArabicCombiningMark(char32_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) ||
           (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
}

bool isBreakSpace(char32_t c) {
    return c == 0x20 || c == 0x09 || (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x205F || c == 0x3000;
}

FriBidiParType toParType(Direction d) {
    switch (d) {
    case Direction::LeftToRight: return FRIBIDI_PAR_LTR;
    case Direction::RightToLeft: return FRIBIDI_PAR_RTL;
    case Direction::Auto: break;
    }
    return FRIBIDI_PAR_ON;
}

constexpr FriBidiFlags kFlags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;

// One paragraph (no '\n'), analysed once: levels resolved over the whole paragraph (UAX #9
// rules up to I2, plus L1 for segment separators), Arabic joining resolved and the string
// shaped in logical order (presentation forms, lam-alef ligatures, mirrored brackets on
// right-to-left levels). Lines are cut out of it afterwards and reordered one by one.
struct Paragraph {
    std::vector<FriBidiChar> shaped;  // logical order, shaped
    std::vector<FriBidiCharType> types;
    std::vector<FriBidiLevel> levels;
    FriBidiParType dir = FRIBIDI_PAR_LTR;
    bool ok = false;  // false: fribidi failed (out of memory); fall back to logical order

    size_t size() const { return shaped.size(); }
};

Paragraph analyse(std::u32string_view logical, Direction base) {
    Paragraph p;
    const size_t n = logical.size();
    p.shaped.assign(logical.begin(), logical.end());
    p.dir = base == Direction::RightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (n == 0) {
        p.ok = true;
        return p;
    }
    if (n > static_cast<size_t>(std::numeric_limits<FriBidiStrIndex>::max())) return p;
    const auto len = static_cast<FriBidiStrIndex>(n);

    p.types.resize(n);
    p.levels.resize(n);
    std::vector<FriBidiBracketType> brackets(n);
    std::vector<FriBidiArabicProp> joining(n);

    fribidi_get_bidi_types(p.shaped.data(), len, p.types.data());
    fribidi_get_bracket_types(p.shaped.data(), len, p.types.data(), brackets.data());
    FriBidiParType dir = toParType(base);
    if (fribidi_get_par_embedding_levels_ex(p.types.data(), brackets.data(), len, &dir, p.levels.data()) == 0) return p;
    p.dir = FRIBIDI_IS_RTL(dir) ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;

    fribidi_get_joining_types(p.shaped.data(), len, joining.data());
    fribidi_join_arabic(p.types.data(), len, p.levels.data(), joining.data());
    fribidi_shape(kFlags, p.levels.data(), len, joining.data(), p.shaped.data());
    p.ok = true;
    return p;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The logical range [begin, end) of an analysed paragraph as one visual line.
std::string lineToVisual(const Paragraph& p, size_t begin, size_t end) {
    std::vector<FriBidiChar> line(p.shaped.begin() + begin, p.shaped.begin() + end);
    if (p.ok && end > begin) {
        // reorder_line applies L1 (trailing whitespace) to the levels, so work on a copy.
        std::vector<FriBidiLevel> levels(p.levels.begin() + begin, p.levels.begin() + end);
        const FriBidiLevel maxLevel =
            fribidi_reorder_line(kFlags, p.types.data() + begin, static_cast<FriBidiStrIndex>(end - begin), 0, p.dir,
                                 levels.data(), line.data(), nullptr);
        (void)maxLevel;  // 0 only for an empty line; the reordering cannot otherwise fail
    }
    std::string out;
    out.reserve(line.size() * 3);
    for (FriBidiChar c : line)
        if (!isRemovedFormatChar(c) && !isArabicCombiningMark(c)) appendUtf8(out, c);
    return out;
}

// Calls f(begin, end) for each '\n'-separated paragraph of cps.
template <class F>
void forEachParagraph(const std::u32string& cps, F&& f) {
    size_t start = 0;
    for (;;) {
        size_t nl = cps.find(U'\n', start);
        if (nl == std::u32string::npos) {
            f(start, cps.size(), false);
            return;
        }
        f(start, nl, true);
        start = nl + 1;
    }
}

Direction directionOf(const std::u32string_view cps) {
    // UAX #9 P2/P3: the first strong character (L, R, AL), skipping characters between an isolate
    // initiator and its matching PDI. This is the loop fribidi_get_par_embedding_levels_ex runs
    // for FRIBIDI_PAR_ON (fribidi_get_par_direction in 1.0.8 does not skip isolates), so the
    // answer always agrees with what toVisual(..., Auto) does.
    int isolates = 0;
    for (char32_t c : cps) {
        const FriBidiCharType t = fribidi_get_bidi_type(c);
        if (t == FRIBIDI_TYPE_PDI) {
            if (isolates > 0) --isolates;
        } else if (FRIBIDI_IS_ISOLATE(t)) {
            ++isolates;
        } else if (isolates == 0 && FRIBIDI_IS_LETTER(t)) {
            return FRIBIDI_IS_RTL(t) ? Direction::RightToLeft : Direction::LeftToRight;
        }
    }
    return Direction::LeftToRight;
}

}  // namespace

std::u32string decodeUtf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out += static_cast<char32_t>(b);
            ++i;
            continue;
        }
        int need;
        unsigned char lo = 0x80, hi = 0xBF;
        char32_t cp;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0)
                lo = 0xA0;  // no overlongs
            else if (b == 0xED)
                hi = 0x9F;  // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0)
                lo = 0x90;  // no overlongs
            else if (b == 0xF4)
                hi = 0x8F;  // nothing above U+10FFFF
        } else {
            out += kReplacement;  // stray continuation byte, C0/C1 overlong lead, F5..FF
            ++i;
            continue;
        }
        // Unicode's "maximal subpart" practice: one U+FFFD per truncated/broken sequence.
        size_t j = i + 1;
        bool good = true;
        for (int k = 0; k < need; ++k, ++j) {
            if (j >= n) {
                good = false;
                break;
            }
            const auto c = static_cast<unsigned char>(s[j]);
            const unsigned char l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
            if (c < l || c > h) {
                good = false;
                break;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        out += good ? cp : kReplacement;
        i = j;
    }
    return out;
}

std::string encodeUtf8(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size() * 2);
    for (char32_t c : cps) appendUtf8(out, c);
    return out;
}

std::string toVisual(std::string_view logicalUtf8, Direction base) {
    if (base != Direction::RightToLeft && isAscii(logicalUtf8))
        return std::string(logicalUtf8);  // all level 0, nothing to shape or mirror
    const std::u32string cps = decodeUtf8(logicalUtf8);
    std::string out;
    out.reserve(logicalUtf8.size() + 8);
    forEachParagraph(cps, [&](size_t b, size_t e, bool newline) {
        Paragraph p = analyse(std::u32string_view(cps).substr(b, e - b), base);
        out += lineToVisual(p, 0, p.size());
        if (newline) out += '\n';
    });
    return out;
}

bool hasRightToLeft(std::string_view utf8) {
    if (isAscii(utf8)) return false;
    for (char32_t c : decodeUtf8(utf8)) {
        FriBidiCharType t = fribidi_get_bidi_type(c);
        if (FRIBIDI_IS_LETTER(t) && FRIBIDI_IS_RTL(t)) return true;  // R or AL
    }
    return false;
}

Direction resolveDirection(std::string_view utf8) {
    if (isAscii(utf8)) return Direction::LeftToRight;
    return directionOf(decodeUtf8(utf8));
}

std::vector<std::string> wrapVisual(std::string_view logicalUtf8, float maxWidth,
                                    const std::function<float(std::string_view)>& measure, Direction base) {
    std::vector<std::string> lines;
    const std::u32string cps = decodeUtf8(logicalUtf8);
    // One direction for the whole text, so that every line (and every paragraph) of a label
    // aligns the same way.
    const Direction dir = base == Direction::Auto ? directionOf(cps) : base;

    forEachParagraph(cps, [&](size_t pb, size_t pe, bool) {
        const std::u32string_view logical = std::u32string_view(cps).substr(pb, pe - pb);
        const Paragraph p = analyse(logical, dir);
        const size_t n = p.size();

        auto fits = [&](size_t b, size_t e) { return measure(lineToVisual(p, b, e)) <= maxWidth; };
        auto emit = [&](size_t b, size_t e) { lines.push_back(lineToVisual(p, b, e)); };
        // Can a line end just before logical index k (inside a word)?
        auto canBreakBefore = [&](size_t k) {
            if (k == 0 || k >= n) return true;
            if (p.shaped[k - 1] == FRIBIDI_CHAR_FILL) return false;  // lam-alef ligature
            if (!p.types.empty()) {
                const FriBidiCharType t = p.types[k];
                if (t == FRIBIDI_TYPE_NSM || t == FRIBIDI_TYPE_BN) return false;  // marks, ZWNJ, ZWJ
            }
            return true;
        };

        bool have = false;
        size_t ls = 0, le = 0;
        size_t i = 0;
        while (i < n) {
            if (isBreakSpace(logical[i])) {
                ++i;
                continue;
            }
            const size_t ws = i;
            while (i < n && !isBreakSpace(logical[i])) ++i;
            const size_t we = i;

            if (have) {
                if (fits(ls, we)) {
                    le = we;
                    continue;
                }
                emit(ls, le);
                have = false;
            }
            if (fits(ws, we)) {
                ls = ws;
                le = we;
                have = true;
                continue;
            }

            // A word wider than a line: cut it at the longest fitting prefix, repeatedly.
            size_t pos = ws;
            for (;;) {
                std::vector<size_t> cuts;  // allowed line ends after pos
                for (size_t k = pos + 1; k <= we; ++k)
                    if (k == we || canBreakBefore(k)) cuts.push_back(k);
                // cuts[0] always goes on the line even if too wide; binary search for the last fit.
                size_t lo = 0, hi = cuts.size() - 1;
                while (lo < hi) {
                    size_t mid = (lo + hi + 1) / 2;
                    if (fits(pos, cuts[mid]))
                        lo = mid;
                    else
                        hi = mid - 1;
                }
                const size_t e = cuts[lo];
                if (e == we) {
                    ls = pos;
                    le = we;
                    have = true;
                    break;
                }
                emit(pos, e);
                pos = e;
            }
        }
        if (have) {
            emit(ls, le);
        } else {
            // No word at all (empty or all-space paragraph): still one, empty, line. (When there was
            // a word, the last line is always pending here, so this is the only case.)
            lines.emplace_back();
        }
    });
    return lines;
}

namespace {
// The value of an ASCII, Persian (U+06F0..) or Arabic-Indic (U+0660..) digit; -1 for anything else.
int digitValue(char32_t c) {
    if (c >= U'0' && c <= U'9') return int(c - U'0');
    if (c >= 0x06F0 && c <= 0x06F9) return int(c - 0x06F0);
    if (c >= 0x0660 && c <= 0x0669) return int(c - 0x0660);
    return -1;
}
}  // namespace

std::string toPersianDigits(std::string_view utf8) {
    const std::u32string in = decodeUtf8(utf8);
    auto isDigit = [](char32_t c) { return digitValue(c) >= 0; };
    std::u32string out(in);
    for (size_t i = 0; i < in.size(); ++i) {
        const char32_t c = in[i];
        if (c >= U'0' && c <= U'9')
            out[i] = 0x06F0 + (c - U'0');
        else if (c == U'.' && i > 0 && i + 1 < in.size() && isDigit(in[i - 1]) && isDigit(in[i + 1]))
            out[i] = 0x066B;
    }
    return encodeUtf8(out);
}

std::optional<double> parseTypedNumber(std::string_view utf8) {
    const std::u32string in = decodeUtf8(utf8);
    auto ignored = [](char32_t c) {
        return c == U' ' || c == U'\t' || c == 0x00A0 || c == 0x202F || isRemovedFormatChar(c);
    };
    std::size_t begin = 0, end = in.size();
    while (begin < end && ignored(in[begin])) ++begin;
    while (end > begin && ignored(in[end - 1])) --end;
    std::string ascii;  // what strtod reads: [-]digits[.digits]
    if (begin < end && (in[begin] == U'+' || in[begin] == U'-' || in[begin] == 0x2212)) {
        if (in[begin] != U'+') ascii += '-';
        ++begin;
    }
    int digits = 0, group = -1;  // group: digits since the last thousands separator (-1: none yet)
    bool separator = false;
    for (std::size_t i = begin; i < end; ++i) {
        const char32_t c = in[i];
        if (const int digit = digitValue(c); digit >= 0) {
            ascii += char('0' + digit);
            ++digits;
            if (group >= 0 && !separator) ++group;
        } else if ((c == U'.' || c == 0x066B) && !separator) {
            if (group >= 0 && group != 3) return std::nullopt;
            separator = true;
            ascii += '.';
        } else if ((c == U',' || c == 0x066C) && !separator && digits > 0 && (group < 0 ? digits <= 3 : group == 3)) {
            group = 0;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || (group >= 0 && !separator && group != 3)) return std::nullopt;
    const double value = std::strtod(ascii.c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;  // hundreds of digits
    return value;
}

std::vector<uint32_t> codepointsAfterShaping(const std::vector<std::string>& logical) {
    std::vector<uint32_t> out;
    auto add = [&](char32_t c) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || isRemovedFormatChar(c) || isArabicCombiningMark(c)) return;
        out.push_back(static_cast<uint32_t>(c));
    };
    for (const std::string& s : logical) {
        const std::u32string cps = decodeUtf8(s);
        for (char32_t c : cps) {
            // Either mirror image may be drawn, depending on the level the character gets.
            FriBidiChar m;
            if (fribidi_get_mirror_char(c, &m)) {
                add(c);
                add(m);
            }
            if (c < 0x80) add(c);
        }
        // Shapes depend on joining only; ligatures on Arabic letters being on a right-to-left
        // level, which they always are. Analyse under both base directions anyway to be safe.
        for (Direction d : {Direction::LeftToRight, Direction::RightToLeft}) {
            forEachParagraph(cps, [&](size_t b, size_t e, bool) {
                const Paragraph p = analyse(std::u32string_view(cps).substr(b, e - b), d);
                for (FriBidiChar c : p.shaped) add(c);
            });
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace text
