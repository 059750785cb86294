// The UI's words, in every language, from assets/strings/<lang>.json: no literals in UI code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

class Strings {
public:
    // Adds a language's table (a flat JSON object of key -> text). Throws std::runtime_error
    // naming the language and the problem for a malformed table.
    void addLanguage(const std::string& language, std::string_view json);
    // The text for `key` in `language`; falls back to English, then to the key itself (so a
    // missing string is visible, never a crash).
    const std::string& get(std::string_view language, std::string_view key) const;
    bool has(const std::string& language, const std::string& key) const;
    // Keys present in one language and missing in another (tests keep the tables in step).
    std::map<std::string, std::string> missingKeys() const;

private:
    // Transparent comparators: a lookup by a literal or a string_view allocates nothing.
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> tables_;
};

// "{0} of {1}" style substitution.
std::string format(const std::string& pattern, const std::string& a0, const std::string& a1 = {},
                   const std::string& a2 = {}, const std::string& a3 = {});

}  // namespace ui
