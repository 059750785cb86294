#include "model/limits.hpp"

#include "model/errors.hpp"

#include <cstdio>

namespace model {

std::string formatByteSize(std::uint64_t bytes) {
    char text[32];
    if (bytes >= 1024 * 1024) {
        const double mb = double(bytes) / (1024.0 * 1024.0);
        std::snprintf(text, sizeof text, mb >= 10 ? "%.0f MB" : "%.1f MB", mb);
        std::string shown = text;
        if (shown.size() > 5 && shown.compare(shown.size() - 5, 5, ".0 MB") == 0) shown.erase(shown.size() - 5, 2);
        return shown;
    } else if (bytes >= 1024) {
        std::snprintf(text, sizeof text, "%llu KB", static_cast<unsigned long long>((bytes + 1023) / 1024));
    } else {
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    }
    return text;
}

void checkFileSize(std::uint64_t size, std::uint64_t limit, const std::string& kind, const std::string& source) {
    if (size <= limit) return;
    std::string shown = formatByteSize(size), most = formatByteSize(limit);
    if (shown == most) shown = std::to_string(size) + " bytes", most = std::to_string(limit) + " bytes";
    throw ModelError(source + ": the file is " + shown + "; a " + kind + " file is at most " + most,
                     "too_large." + kind, {shown, most});
}

std::size_t characterCount(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

namespace {
// Decodes the code point at `at` (valid UTF-8 assumed, as nlohmann checks it); advances `at`.
unsigned decodeAt(const std::string& text, std::size_t& at) {
    const unsigned char c = text[at];
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    unsigned cp = extra == 0 ? c : extra == 1 ? c & 0x1F : extra == 2 ? c & 0x0F : c & 0x07;
    ++at;
    for (; extra > 0 && at < text.size(); --extra, ++at) cp = (cp << 6) | (static_cast<unsigned char>(text[at]) & 0x3F);
    return cp;
}
}  // namespace

std::string forbiddenCharacter(const std::string& text, bool allowLineBreaks) {
    for (std::size_t at = 0; at < text.size();) {
        const unsigned cp = decodeAt(text, at);
        const bool lineBreak = cp == '\n' || cp == '\r' || cp == '\t';
        const bool bad = (cp < 0x20 && !(allowLineBreaks && lineBreak)) || (cp >= 0x7F && cp <= 0x9F) ||
                         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
                         cp == 0x2029 || cp == 0xFEFF;
        if (bad) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", cp);
            return code;
        }
    }
    return "";
}

std::string printableUtf8(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    char escaped[8];
    for (std::size_t at = 0; at < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[at]);
        const int length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool valid = length > 0 && at + length <= text.size();
        for (int k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[at + k]) & 0xC0) == 0x80;
        if (valid && length > 1) {  // no overlong forms, surrogates or code points past U+10FFFF
            std::size_t next = at;
            const unsigned cp = decodeAt(text, next);
            valid = cp >= (length == 2   ? 0x80u
                           : length == 3 ? 0x800u
                                         : 0x10000u) &&
                    !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
        }
        if (!valid) {
            std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
            out += escaped;
            ++at;
        } else if (c < 0x20 || c == 0x7F) {
            std::snprintf(escaped, sizeof escaped, "\\u%04X", c);
            out += escaped;
            ++at;
        } else {
            out.append(text, at, std::size_t(length));
            at += std::size_t(length);
        }
    }
    return out;
}

std::string cutUtf8(const std::string& text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes >= 3 ? maxBytes - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

}  // namespace model
