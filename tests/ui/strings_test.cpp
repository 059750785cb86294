// The UI's string tables: both languages have every key, patterns substitute, and the Persian
// table really is Persian.
#include "ui/strings.hpp"
#include "../model/test_support.hpp"
#include "string_tables.hpp"
#include "text/bidi.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace {}  // namespace

TEST_CASE("the Persian and English string tables have the same keys", "[strings]") {
    ui::Strings strings;
    strings.addLanguage("en", test::builtStringTable("en"));
    strings.addLanguage("fa", test::builtStringTable("fa"));
    const auto missing = strings.missingKeys();
    for (const auto& [key, from] : missing) INFO("missing " << key << " (present in " << from << ")");
    CHECK(missing.empty());
}

TEST_CASE("every Persian string contains Persian text", "[strings]") {
    const auto fa = nlohmann::json::parse(test::readSourceFile("assets/strings/fa.json"));
    const auto en = nlohmann::json::parse(test::readSourceFile("assets/strings/en.json"));
    for (const auto& [key, value] : fa.items()) {
        INFO(key << ": " << value.get<std::string>());
        // Strings of digits and signs only ("123", "۱۲۳") have no language; any with Latin
        // letters in it must have Persian letters too.
        const std::string text = value.get<std::string>();
        const bool latinLetters = std::any_of(text.begin(), text.end(),
                                              [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
        if (!latinLetters && !text::hasRightToLeft(text)) continue;
        CHECK(text::hasRightToLeft(value.get<std::string>()));
    }
    CHECK(fa.size() == en.size());
}

TEST_CASE("the built tables hold every text of the JSON files", "[strings]") {
    ui::Strings strings;
    for (const std::string language : {"en", "fa"}) {
        strings.addLanguage(language, test::builtStringTable(language));
        const auto json = nlohmann::json::parse(test::readSourceFile("assets/strings/" + language + ".json"));
        REQUIRE(json.size() > 100);
        for (const auto& [key, value] : json.items()) {
            INFO(language << ": " << key);
            CHECK(strings.has(language, key));
            CHECK(strings.get(language, key) == value.get<std::string>());
        }
    }
}

TEST_CASE("the survey page's tables hold every text but the researcher's", "[strings]") {
    ui::Strings strings;
    for (const std::string language : {"en", "fa"}) {
        strings.addLanguage(language, test::builtStringTable("survey-" + language));
        const auto json = nlohmann::json::parse(test::readSourceFile("assets/strings/" + language + ".json"));
        int researchers = 0;
        for (const auto& [key, value] : json.items()) {
            INFO(language << ": " << key);
            const bool researcher = key.rfind("research.", 0) == 0 || key.rfind("editor.", 0) == 0;
            researchers += researcher;
            CHECK(strings.has(language, key) == !researcher);
            if (!researcher) CHECK(strings.get(language, key) == value.get<std::string>());
        }
        CHECK(researchers > 100);
    }
}

TEST_CASE("a table not written by the build names the language", "[strings]") {
    using namespace std::string_view_literals;
    ui::Strings strings;
    REQUIRE_THROWS_WITH(strings.addLanguage("fa", "a\0A"sv), Catch::Contains("strings/fa") && Catch::Contains("ends"));
    REQUIRE_THROWS_WITH(strings.addLanguage("en", "b\0B\0a\0A\0"sv),
                        Catch::Contains("strings/en") && Catch::Contains("\"a\" is out of order"));
    REQUIRE_THROWS_WITH(strings.addLanguage("en", "a\0A\0a\0A\0"sv), Catch::Contains("out of order"));
}

TEST_CASE("lookups fall back to English, then to a visible key", "[strings]") {
    using namespace std::string_view_literals;
    ui::Strings strings;
    strings.addLanguage("en", "a\0A\0b\0B\0"sv);
    strings.addLanguage("fa", "a\0\xd8\xa2\0"sv);
    CHECK(strings.get("fa", "a") == "آ");
    CHECK(strings.get("fa", "b") == "B");
    CHECK(strings.get("fa", "zzz") == "[zzz]");
    CHECK(strings.get("en", "") == "[]");
}

TEST_CASE("format substitutes numbered arguments", "[strings]") {
    CHECK(ui::format("{0} of {1}", "3", "78") == "3 of 78");
    CHECK(ui::format("{1} از {0}", "78", "3") == "3 از 78");
    CHECK(ui::format("{0}{0}{2}", "a", "b", "c") == "aac");
    CHECK(ui::format("{9} {", "a") == "{9} {");
}
