#include "ui/strings.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace ui {

void Strings::addLanguage(const std::string& language, std::string_view json) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error("strings/" + language + ".json: " + e.what());
    }
    if (!doc.is_object()) throw std::runtime_error("strings/" + language + ".json: not a JSON object");
    auto& table = tables_[language];
    for (const auto& [key, value] : doc.items()) {
        if (!value.is_string())
            throw std::runtime_error("strings/" + language + ".json: \"" + key + "\" is not a string");
        table[key] = value.get<std::string>();
    }
}

const std::string& Strings::get(std::string_view language, std::string_view key) const {
    for (const std::string_view lang : {language, std::string_view("en")}) {
        const auto table = tables_.find(lang);
        if (table == tables_.end()) continue;
        const auto it = table->second.find(key);
        if (it != table->second.end()) return it->second;
    }
    static thread_local std::string missing;
    missing = "[" + std::string(key) + "]";
    return missing;
}

bool Strings::has(const std::string& language, const std::string& key) const {
    const auto table = tables_.find(language);
    return table != tables_.end() && table->second.count(key) > 0;
}

std::map<std::string, std::string> Strings::missingKeys() const {
    std::map<std::string, std::string> missing;
    for (const auto& [lang, table] : tables_)
        for (const auto& [key, text] : table)
            for (const auto& [other, otherTable] : tables_)
                if (!otherTable.count(key)) missing[other + ":" + key] = lang;
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
