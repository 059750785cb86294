// The UI's words, in every language, from assets/strings/<lang>.json: no literals in UI code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ui {

class Strings {
public:
    // Adds a language's table as cmake/strings_table.py writes it from the JSON file: each key
    // and its text ended by a NUL byte, the keys in byte order. Throws std::runtime_error naming
    // the language for bytes not so written.
    void addLanguage(const std::string& language, std::string_view table);
    // The text for `key` in `language`; falls back to English, then to the key itself (so a
    // missing string is visible, never a crash).
    const std::string& get(std::string_view language, std::string_view key) const;
    bool has(const std::string& language, const std::string& key) const;
    // Keys present in one language and missing in another (tests keep the tables in step).
    std::map<std::string, std::string> missingKeys() const;

private:
    // Each language's (key, text) pairs in the key order of the table: found by bisection.
    using Table = std::vector<std::pair<std::string, std::string>>;
    static const std::string* find(const Table& table, std::string_view key);
    // Transparent comparator: a lookup by a literal or a string_view allocates nothing.
    std::map<std::string, Table, std::less<>> tables_;
};

// "{0} of {1}" style substitution.
std::string format(const std::string& pattern, const std::string& a0, const std::string& a1 = {},
                   const std::string& a2 = {}, const std::string& a3 = {});

}  // namespace ui
