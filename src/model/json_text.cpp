#include "model/json_text.hpp"

#include "model/limits.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace model {

TextPosition positionOf(const std::string& text, std::size_t byteOffset) {
    TextPosition position;
    std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t k = 0; k < end; ++k) {
        if (text[k] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

namespace {

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error while parsing value - invalid literal; last read: 'tru x'"; keep the reason.
std::string parseReason(const nlohmann::json::parse_error& error) {
    std::string what = error.what();
    const std::string marker = "syntax error while parsing ";
    std::size_t at = what.find(marker);
    if (at != std::string::npos) {
        std::string reason = what.substr(at + marker.size());
        // "value - unexpected end of input; expected ..." -> "unexpected end of input; ..."
        std::size_t dash = reason.find(" - ");
        if (dash != std::string::npos) reason = reason.substr(dash + 3);
        return reason;
    }
    std::size_t colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

bool onlyWhitespace(const std::string& text, std::size_t from) {
    for (std::size_t k = from; k < text.size(); ++k) {
        char c = text[k];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
}

// One pass over the text before parsing, for what nlohmann would report badly or too late:
// nesting deeper than kJsonNesting (dumping and destroying a value recurse once per level), and
// bytes that no JSON text holds (control characters, or bytes >= 0x80 outside strings): random
// or binary data, reported as such rather than as whatever the parser tripped on first.
struct PreScan {
    enum class Problem { None, TooDeep, NotJson } problem = Problem::None;
    std::size_t at = 0;
};
PreScan preScan(const std::string& text) {
    int depth = 0;
    bool inString = false, escaped = false;
    std::size_t k = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark is allowed
    for (; k < text.size(); ++k) {
        const unsigned char c = static_cast<unsigned char>(text[k]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return {PreScan::Problem::NotJson, k};
        if (inString) {
            if (c < 0x20) return {PreScan::Problem::NotJson, k};
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c >= 0x7F) {
            return {PreScan::Problem::NotJson, k};
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits::kJsonNesting) return {PreScan::Problem::TooDeep, k};
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return {};
}

// What a JSON text may start with (after blanks); anything else is some other kind of file.
bool canStartJson(char c) {
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

// Builds the document from the parser's events (nlohmann's SAX interface), refusing an object
// that holds the same key twice (nlohmann keeps the last one silently), naming the key and
// where it is. Members of the top-level object named in `skipped` are parsed and checked the
// same way but not kept: each stands in the document as null. Built here rather than with
// nlohmann's callback parser, which allocated a copy of every key and a set per object: a
// response file took twice as long to read.
class DocumentBuilder {
public:
    DocumentBuilder(const std::string& source, const std::vector<std::string>& skipped)
        : source_(source), skipped_(skipped) {}

    nlohmann::json take() { return std::move(root_); }

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(nlohmann::json::number_integer_t value) { return add(value); }
    bool number_unsigned(nlohmann::json::number_unsigned_t value) { return add(value); }
    bool number_float(nlohmann::json::number_float_t value, const std::string&) { return add(value); }
    bool string(std::string& value) { return add(std::move(value)); }
    bool binary(nlohmann::json::binary_t&) { return add(nullptr); }  // not produced by JSON text
    bool start_object(std::size_t) { return open(nlohmann::json::object(), true); }
    bool start_array(std::size_t) { return open(nlohmann::json::array(), false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& key) {
        Frame& top = frames_.back();
        const bool seen =
            top.value ? top.value->contains(key) : std::find(top.keys.begin(), top.keys.end(), key) != top.keys.end();
        if (seen) {
            const std::string path = JsonChecker::member(pathOfParent(), key);
            throw ModelError(source_ + ": " + path + ": the key \"" + cutUtf8(key, 40) +
                                 "\" appears twice in one object (a file may give each key once)",
                             "duplicate_key", {cutUtf8(path, 80)});
        }
        if (!top.value) top.keys.push_back(key);
        top.key = std::move(key);
        return true;
    }
    // nlohmann's own error, thrown as its DOM parser throws it (parseJsonText words it).
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& error) {
        throw error;
    }

private:
    struct Frame {
        nlohmann::json* value;  // nullptr inside a member that is not kept
        bool object;
        std::string key;                // the member being read (objects)
        std::size_t index = 0;          // the element being read (arrays)
        std::vector<std::string> keys;  // the keys seen, where there is no value to ask
    };
    const std::string& source_;
    const std::vector<std::string>& skipped_;
    nlohmann::json root_;
    std::vector<Frame> frames_;

    // Puts a value where the parser is (the document, the next element, the current member);
    // returns it, or nullptr where nothing is kept.
    nlohmann::json* place(nlohmann::json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& top = frames_.back();
        if (!top.object) ++top.index;
        if (!top.value) return nullptr;
        if (!top.object) {
            top.value->push_back(std::move(value));
            return &top.value->back();  // stays put: the array grows only once this value is done
        }
        nlohmann::json& member = (*top.value)[top.key];  // null until given
        if (frames_.size() == 1 && std::find(skipped_.begin(), skipped_.end(), top.key) != skipped_.end())
            return nullptr;
        member = std::move(value);
        return &member;
    }
    bool add(nlohmann::json&& value) {
        place(std::move(value));
        return true;
    }
    bool open(nlohmann::json&& empty, bool object) {
        nlohmann::json* value = place(std::move(empty));
        frames_.push_back({value, object});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return true;
    }
    // The path of the innermost object (every frame but the last).
    std::string pathOfParent() const {
        std::string path;
        for (std::size_t k = 0; k + 1 < frames_.size(); ++k)
            path = frames_[k].object ? JsonChecker::member(path, frames_[k].key)
                                     : JsonChecker::element(path, frames_[k].index - 1);
        return path;
    }
};

// A reader for the plain JSON that programs write (a response file as the app saves it),
// building the document in one pass: nlohmann's lexer copies every token into a buffer and
// converts every number with strtod, which in WebAssembly is software long-double arithmetic
// (a response's numbers are mostly short decimals, converted here exactly without it). It
// takes only what nlohmann certainly takes the same way: strings of printable ASCII and
// well-formed UTF-8 with the short escapes (keys without escapes), finite numbers, no key
// twice in an object, nesting within limits::kJsonNesting, no byte-order mark. On anything else it says no and the text
// goes the ordinary way, which words any problem; so it never words an error itself.
// Members of the top-level object named in `skipped` are checked but not kept (null), as
// DocumentBuilder does. The fuzz target holds its documents equal to nlohmann's, type for type.
class PlainReader {
public:
    PlainReader(const std::string& text, const std::vector<std::string>& skipped)
        : at_(text.data()), end_(text.data() + text.size()), skipped_(skipped) {}

    // True when the text is one such value between blanks; `document` is then that value.
    bool read(nlohmann::json& document) {
        blanks();
        if (!value(&document, 0)) return false;
        blanks();
        return at_ == end_;
    }

private:
    const char* at_;
    const char* end_;
    const std::vector<std::string>& skipped_;
    std::vector<std::string_view> keys_;  // of the objects open, innermost last
    std::string unescaped_;

    void blanks() {
        while (at_ < end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
    }
    bool take(char c) {
        if (at_ == end_ || *at_ != c) return false;
        ++at_;
        return true;
    }
    bool word(const char* w) {
        for (; *w; ++w)
            if (!take(*w)) return false;
        return true;
    }
    // `out` is where the value goes, or nullptr inside a member that is not kept.
    bool value(nlohmann::json* out, int depth) {
        if (at_ == end_) return false;
        switch (*at_) {
        case '{': return object(out, depth + 1);
        case '[': return array(out, depth + 1);
        case '"': {
            std::string_view text;
            if (!string(text, false)) return false;
            if (out) *out = std::string(text);
            return true;
        }
        case 't':
            if (out) *out = true;
            return word("true");
        case 'f':
            if (out) *out = false;
            return word("false");
        case 'n':
            if (out) *out = nullptr;
            return word("null");
        default: return number(out);
        }
    }
    bool object(nlohmann::json* out, int depth) {
        if (depth > limits::kJsonNesting) return false;
        ++at_;
        if (out) *out = nlohmann::json::object();
        blanks();
        if (take('}')) return true;
        const std::size_t first = keys_.size();  // this object's keys from here
        for (;;) {
            std::string_view key;
            if (!string(key, true)) return false;
            if (std::find(keys_.begin() + std::ptrdiff_t(first), keys_.end(), key) != keys_.end()) return false;
            keys_.push_back(key);
            blanks();
            if (!take(':')) return false;
            blanks();
            nlohmann::json* member = out ? &(*out)[std::string(key)] : nullptr;
            if (member && depth == 1 && std::find(skipped_.begin(), skipped_.end(), key) != skipped_.end())
                member = nullptr;  // stays null
            if (!value(member, depth)) return false;
            blanks();
            if (take('}')) {
                keys_.resize(first);
                return true;
            }
            if (!take(',')) return false;
            blanks();
        }
    }
    bool array(nlohmann::json* out, int depth) {
        if (depth > limits::kJsonNesting) return false;
        ++at_;
        if (out) *out = nlohmann::json::array();
        blanks();
        if (take(']')) return true;
        for (;;) {
            nlohmann::json* element = nullptr;
            if (out) {
                out->push_back(nullptr);
                element = &out->back();  // stays put: the array grows only once this value is done
            }
            if (!value(element, depth)) return false;
            blanks();
            if (take(']')) return true;
            if (!take(',')) return false;
            blanks();
        }
    }
    // The length of the UTF-8 sequence at `at` when it is well formed (the Unicode standard's
    // table 3-7, which nlohmann's lexer checks: no overlong form, no surrogate, nothing past
    // U+10FFFF), else 0.
    static std::size_t wellFormedUtf8(const char* at, const char* end) {
        auto byte = [&](std::size_t k) { return at + k < end ? static_cast<unsigned char>(at[k]) : 0u; };
        auto within = [&](std::size_t k, unsigned low, unsigned high) { return byte(k) >= low && byte(k) <= high; };
        const unsigned first = byte(0);
        if (first >= 0xC2 && first <= 0xDF) return within(1, 0x80, 0xBF) ? 2 : 0;
        if (first >= 0xE0 && first <= 0xEF) {
            const unsigned low = first == 0xE0 ? 0xA0 : 0x80, high = first == 0xED ? 0x9F : 0xBF;
            return within(1, low, high) && within(2, 0x80, 0xBF) ? 3 : 0;
        }
        if (first >= 0xF0 && first <= 0xF4) {
            const unsigned low = first == 0xF0 ? 0x90 : 0x80, high = first == 0xF4 ? 0x8F : 0xBF;
            return within(1, low, high) && within(2, 0x80, 0xBF) && within(3, 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }
    // The string's text, escapes undone (in unescaped_ when it had any); a key (`isKey`) has
    // no escapes: two spellings of one key would not be caught.
    bool string(std::string_view& text, bool isKey) {
        if (!take('"')) return false;
        const char* start = at_;
        bool escapes = false;
        for (; at_ < end_; ++at_) {
            const char c = *at_;
            if (c == '"') break;
            if (static_cast<unsigned char>(c) >= 0x80) {  // names in Persian: UTF-8 as nlohmann takes it
                const std::size_t length = wellFormedUtf8(at_, end_);
                if (length == 0) return false;
                at_ += length - 1;
                continue;
            }
            if (c < 0x20 || c == 0x7F) return false;
            if (c == '\\') {
                if (isKey || ++at_ == end_) return false;
                const char e = *at_;
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                    return false;
                escapes = true;
            }
        }
        if (at_ == end_) return false;
        text = std::string_view(start, std::size_t(at_ - start));
        ++at_;
        if (escapes) {
            unescaped_.clear();
            for (std::size_t k = 0; k < text.size(); ++k) {
                char c = text[k];
                if (c == '\\') {
                    switch (text[++k]) {
                    case 'b': c = '\b'; break;
                    case 'f': c = '\f'; break;
                    case 'n': c = '\n'; break;
                    case 'r': c = '\r'; break;
                    case 't': c = '\t'; break;
                    default: c = text[k];  // " \ /
                    }
                }
                unescaped_.push_back(c);
            }
            text = unescaped_;
        }
        return true;
    }
    // JSON's number grammar, converted as nlohmann converts it: an integer to unsigned (no
    // sign) or signed (a minus) when it fits, otherwise, and for a fraction or an exponent, to
    // double by strtod; a number strtod makes infinite is nlohmann's error, so the ordinary way's.
    bool number(nlohmann::json* out) {
        const char* start = at_;
        const bool negative = take('-');
        std::uint64_t significand = 0;
        int digits = 0;           // significant digits in `significand` (the leading zeros are not)
        long dropped = 0;         // digits of the whole part past the 19th, not in `significand`
        long fractionDigits = 0;  // in `significand`
        bool exact = true;        // every digit in `significand`, the exponent read in full
        auto digit = [&](bool fraction) {
            if (digits < 19) {
                significand = significand * 10 + std::uint64_t(*at_ - '0');
                if (significand != 0) ++digits;
                if (fraction) ++fractionDigits;
            } else {
                exact = false;
                if (!fraction) ++dropped;
            }
            ++at_;
        };
        if (take('0')) {
        } else if (at_ < end_ && *at_ >= '1' && *at_ <= '9') {
            while (at_ < end_ && *at_ >= '0' && *at_ <= '9') digit(false);
        } else {
            return false;
        }
        bool integer = true;
        if (take('.')) {
            integer = false;
            if (at_ == end_ || *at_ < '0' || *at_ > '9') return false;
            while (at_ < end_ && *at_ >= '0' && *at_ <= '9') digit(true);
        }
        long exponent = 0;
        if (at_ < end_ && (*at_ == 'e' || *at_ == 'E')) {
            integer = false;
            ++at_;
            const bool negativeExponent = take('-');
            if (!negativeExponent) take('+');
            if (at_ == end_ || *at_ < '0' || *at_ > '9') return false;
            for (; at_ < end_ && *at_ >= '0' && *at_ <= '9'; ++at_) {
                if (exponent < 100000)
                    exponent = exponent * 10 + (*at_ - '0');
                else
                    exact = false;
            }
            if (negativeExponent) exponent = -exponent;
        }
        const long scale = exponent - fractionDigits + dropped;  // value = significand * 10^scale
        if (integer && exact && digits <= 18) {                  // fits either integer type
            if (out) {
                if (negative)
                    *out = -static_cast<std::int64_t>(significand);
                else
                    *out = significand;
            }
            return true;
        }
        // Exactly, as strtod rounds it (Clinger's fast path): both operands are doubles without
        // rounding, and one division or multiplication rounds once, correctly.
        static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        if (!integer && exact && significand <= (std::uint64_t(1) << 53) && scale >= -22 && scale <= 22) {
            if (out) {
                const double whole = double(significand);
                const double magnitude = scale < 0 ? whole / powers[-scale] : whole * powers[scale];
                *out = negative ? -magnitude : magnitude;
            }
            return true;
        }
        if (!out && exact && digits + scale < 300) return true;  // finite: not kept, not converted
        // The rest as nlohmann does it, with the C library's functions on the token.
        const std::string token(start, at_);
        char* tokenEnd = nullptr;
        errno = 0;
        if (integer && !negative) {
            const unsigned long long whole = std::strtoull(token.c_str(), &tokenEnd, 10);
            if (errno == 0 && static_cast<nlohmann::json::number_unsigned_t>(whole) == whole) {
                if (out) *out = static_cast<nlohmann::json::number_unsigned_t>(whole);
                return true;
            }
        } else if (integer) {
            const long long whole = std::strtoll(token.c_str(), &tokenEnd, 10);
            if (errno == 0 && static_cast<nlohmann::json::number_integer_t>(whole) == whole) {
                if (out) *out = static_cast<nlohmann::json::number_integer_t>(whole);
                return true;
            }
        }
        const double converted = std::strtod(token.c_str(), &tokenEnd);
        if (!std::isfinite(converted)) return false;
        if (out) *out = converted;
        return true;
    }
};

}  // namespace

nlohmann::json parseJsonText(const std::string& text, const std::string& source,
                             const std::vector<std::string>& skipped) {
    if (!skipped.empty()) {
        // A response as programs write it, read in one pass; any doubt, and it is read the
        // ordinary way, below, which says what is wrong.
        nlohmann::json document;
        if (PlainReader(text, skipped).read(document)) return document;
    }
    if (onlyWhitespace(text, 0)) throw ModelError(source + ": is empty (expected a JSON object)", "empty");
    auto where = [&](std::size_t offset) {
        const TextPosition position = positionOf(text, offset);
        return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
    };
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos)  // blanks and bytes of a byte-order mark only
        throw ModelError(source + ": is empty (expected a JSON object)", "empty");
    if (!canStartJson(text[first]))
        throw ModelError(source + ": " + where(first) + ": not a JSON text (it starts with \"" +
                             cutUtf8(printableUtf8(text.substr(first, 12)), 40) + "\": is this the right file?)",
                         "not_json", {where(first)});
    const PreScan scan = preScan(text);
    if (scan.problem == PreScan::Problem::NotJson) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[scan.at]));
        throw ModelError(source + ": " + where(scan.at) + ": not a JSON text (byte " + byte +
                             " cannot stand there in JSON: is this the right file?)",
                         "not_json", {where(scan.at)});
    }
    if (scan.problem == PreScan::Problem::TooDeep)
        throw ModelError(source + ": " + where(scan.at) + ": nested more than " + std::to_string(limits::kJsonNesting) +
                             " levels deep",
                         "too_deep", {std::to_string(limits::kJsonNesting)});
    try {
        // Read from pointers, as ui::Strings parses its string_view: nlohmann's lexer is
        // instantiated once in the web app.
        DocumentBuilder builder(source, skipped);
        nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &builder);
        return builder.take();
    } catch (const nlohmann::json::parse_error& error) {
        // error.byte is 1-based: the byte at which the parser gave up.
        std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        TextPosition position = positionOf(text, offset);
        std::string reason = printableUtf8(parseReason(error));  // nlohmann quotes raw bytes
        // nlohmann's "last read: '...'" quotes all the text since the last token, escaped
        // (megabytes of blanks become megabytes of <U+000A>): keep the message one line long.
        if (reason.size() > 200) {
            std::size_t head = 100, tail = reason.size() - 60;  // cut between UTF-8 characters
            while ((reason[head] & 0xC0) == 0x80) --head;
            while ((reason[tail] & 0xC0) == 0x80) ++tail;
            reason = reason.substr(0, head) + " ... " + reason.substr(tail);
        }
        bool atEnd = error.byte >= text.size() || onlyWhitespace(text, offset);
        if (atEnd)
            reason = "the text ends too early (truncated file?): " + reason;
        else
            reason = "not valid JSON: " + reason;
        const std::string at = "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
        throw ModelError(source + ": " + at + ": " + reason, atEnd ? "truncated" : "syntax", {at});
    } catch (const nlohmann::json::out_of_range& error) {
        // "number overflow parsing '1e999'": no position given, so find the number in the text.
        std::string what = error.what();
        std::size_t open = what.find('\''), close = what.rfind('\'');
        std::string where;
        if (open != std::string::npos && close > open) {
            std::size_t at = text.find(what.substr(open + 1, close - open - 1));
            if (at != std::string::npos) {
                TextPosition position = positionOf(text, at);
                where = "line " + std::to_string(position.line) + ", column " + std::to_string(position.column) + ": ";
            }
        }
        std::size_t bracket = what.find("] ");
        std::string reason = bracket == std::string::npos ? what : what.substr(bracket + 2);
        throw ModelError(source + ": " + where + reason + " (numbers must be finite)", "syntax",
                         {where.empty() ? where : where.substr(0, where.size() - 2)});
    }
}

std::string jsonTypeName(const nlohmann::json& value) {
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_object()) return "an object";
    if (value.is_array()) return "an array";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    return value.type_name();
}

std::string quoteForMessage(const nlohmann::json& value) {
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return cutUtf8(text, 40);
}

void JsonChecker::fail(const std::string& path, const std::string& problem) const {
    const std::string place = path.empty() ? std::string("document") : path;
    throw ModelError(source_ + ": " + place + ": " + problem, "invalid", {cutUtf8(place, 80)});
}

void JsonChecker::failWith(const std::string& code, const std::vector<std::string>& args, const std::string& path,
                           const std::string& problem) const {
    throw ModelError(source_ + ": " + (path.empty() ? std::string("document") : path) + ": " + problem, code, args);
}

std::string JsonChecker::member(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string JsonChecker::element(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

const nlohmann::json& JsonChecker::required(const nlohmann::json& object, const std::string& path,
                                            const std::string& key) const {
    auto it = object.find(key);
    if (it == object.end()) fail(member(path, key), "is missing");
    return *it;
}

const nlohmann::json* JsonChecker::optional(const nlohmann::json& object, const std::string& key) const {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return nullptr;
    return &*it;
}

void JsonChecker::expectObject(const nlohmann::json& value, const std::string& path) const {
    if (!value.is_object()) fail(path, "must be an object, found " + jsonTypeName(value));
}

void JsonChecker::expectArray(const nlohmann::json& value, const std::string& path) const {
    if (!value.is_array()) fail(path, "must be an array, found " + jsonTypeName(value));
}

std::string JsonChecker::expectString(const nlohmann::json& value, const std::string& path) const {
    if (!value.is_string()) fail(path, "must be a string, found " + jsonTypeName(value));
    return value.get<std::string>();
}

std::string JsonChecker::expectNonEmptyString(const nlohmann::json& value, const std::string& path) const {
    std::string text = expectString(value, path);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) fail(path, "must not be empty");
    return text;
}

double JsonChecker::expectFiniteNumber(const nlohmann::json& value, const std::string& path) const {
    if (!value.is_number()) fail(path, "must be a number, found " + jsonTypeName(value));
    double number = value.get<double>();
    if (!std::isfinite(number)) fail(path, "must be a finite number");
    return number;
}

long long JsonChecker::expectInteger(const nlohmann::json& value, const std::string& path) const {
    if (value.is_number_integer()) return value.get<long long>();
    if (value.is_number_float()) {
        double number = value.get<double>();
        if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15)
            return static_cast<long long>(number);
    }
    fail(path, "must be an integer, found " + quoteForMessage(value));
}

void JsonChecker::expectOnlyKeys(const nlohmann::json& object, const std::string& path,
                                 const std::vector<std::string>& allowed) const {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
            std::string list;
            for (const auto& key : allowed) list += (list.empty() ? "" : ", ") + key;
            fail(member(path, it.key()), "unknown key (allowed here: " + list + ")");
        }
    }
}

void JsonChecker::expectFormatAndVersion(const nlohmann::json& document, const std::string& format, long long version,
                                         const std::string& what) const {
    const nlohmann::json& found = required(document, "", "format");
    if (expectString(found, "format") != format)
        failWith("wrong_kind." + what, {}, "format",
                 "is " + quoteForMessage(found) + ", expected \"" + format + "\" (is this a " + what + " file?)");
    const long long foundVersion = expectInteger(required(document, "", "version"), "version");
    if (foundVersion != version)
        failWith("version", {std::to_string(foundVersion)}, "version",
                 "is " + std::to_string(foundVersion) + "; this program reads version " + std::to_string(version));
}

}  // namespace model
