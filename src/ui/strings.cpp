#include "ui/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace ui {

void Strings::addLanguage(const std::string& language, std::string_view table) {
    Table& pairs = tables_[language];
    pairs.clear();
    auto field = [&](std::size_t& at) {
        const std::size_t end = table.find('\0', at);
        if (end == std::string_view::npos)
            throw std::runtime_error("strings/" + language +
                                     ": the table ends inside a key or a text "
                                     "(it is written by cmake/strings_table.py)");
        const std::string_view text = table.substr(at, end - at);
        at = end + 1;
        return text;
    };
    for (std::size_t at = 0; at < table.size();) {
        const std::string_view key = field(at);
        const std::string_view text = field(at);
        if (!pairs.empty() && !(std::string_view(pairs.back().first) < key))
            throw std::runtime_error("strings/" + language + ": \"" + std::string(key) +
                                     "\" is out of order (the table is written by cmake/strings_table.py)");
        pairs.emplace_back(key, text);
    }
}

const std::string* Strings::find(const Table& table, std::string_view key) {
    const auto it = std::lower_bound(table.begin(), table.end(), key,
                                     [](const auto& pair, std::string_view k) { return pair.first < k; });
    return it != table.end() && it->first == key ? &it->second : nullptr;
}

const std::string& Strings::get(std::string_view language, std::string_view key) const {
    for (const std::string_view lang : {language, std::string_view("en")}) {
        const auto table = tables_.find(lang);
        if (table == tables_.end()) continue;
        if (const std::string* text = find(table->second, key)) return *text;
    }
    // A key with no text is a fault of the program (or of a table built without it, as the
    // survey page's are: cmake/App.cmake); said once, where the tests and developers look
    // (tests/web/harness.mjs counts it as a page error).
    static thread_local std::set<std::string, std::less<>> told;
    if (told.insert(std::string(key)).second)
        std::fprintf(stderr, "strings: no text for \"%.*s\" in %.*s or en\n", int(key.size()), key.data(),
                     int(language.size()), language.data());
    static thread_local std::string missing;
    missing = "[" + std::string(key) + "]";
    return missing;
}

bool Strings::has(const std::string& language, const std::string& key) const {
    const auto table = tables_.find(language);
    return table != tables_.end() && find(table->second, key) != nullptr;
}

std::map<std::string, std::string> Strings::missingKeys() const {
    std::map<std::string, std::string> missing;
    for (const auto& [lang, table] : tables_)
        for (const auto& [key, text] : table)
            for (const auto& [other, otherTable] : tables_)
                if (!find(otherTable, key)) missing[other + ":" + key] = lang;
    return missing;
}

std::string format(const std::string& pattern, const std::string& a0, const std::string& a1, const std::string& a2,
                   const std::string& a3) {
    const std::string* args[] = {&a0, &a1, &a2, &a3};
    std::string out;
    out.reserve(pattern.size() + a0.size() + a1.size() + a2.size() + a3.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '3') {
            out += *args[pattern[i + 1] - '0'];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace ui
