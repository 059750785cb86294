#include "test_support.hpp"

#include "../fuzz/fuzz_checks.hpp"

#include "model/json_text.hpp"
#include "model/response.hpp"

#include <random>

using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// Every judgment given, a scale value (awkward doubles among them) chosen by a fixed seed.
model::Response filledResponse(const model::Model& m, unsigned seed) { return test::seededResponse(m, seed, 1.0); }

std::string responseError(const model::Model& m, const std::string& text) {
    try {
        model::parseResponse(m, text, "r.json");
    } catch (const model::ModelError& error) {
        return error.what();
    }
    return "";
}

// A valid response document for the small model with one judgment per set.
json smallResponseJson(const model::Model& m) {
    return {{"format", "ahp-response"},
            {"version", 1},
            {"model", {{"id", m.id}, {"hash", m.hash}}},
            {"expert", {{"name", "Ali"}, {"role", "manager"}}},
            {"saved_at", "2024-05-01T09:30:00Z"},
            {"app_version", "0.1.0"},
            {"language", "en"},
            {"judgments",
             {{{"set", "G"}, {"row", "A"}, {"col", "B"}, {"value", 3.0}},
              {{"set", "G"}, {"row", "A"}, {"col", "C"}, {"value", 5.0}},
              {{"set", "A"}, {"row", "A1"}, {"col", "A2"}, {"value", 0.5}}}}};
}

template <typename Change>
std::string errorAfter(const model::Model& m, Change change) {
    json doc = smallResponseJson(m);
    change(doc);
    return responseError(m, doc.dump());
}

}  // namespace

TEST_CASE("a response round-trips exactly through its file", "[response]") {
    model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    model::Response original = filledResponse(m, 7);
    std::string text = model::writeResponse(m, original);
    model::Response read = model::parseResponse(m, text, "r.json");
    CHECK(model::sameJudgments(read.judgments, original.judgments));
    CHECK(read.expert.name == original.expert.name);
    CHECK(read.expert.role == original.expert.role);
    CHECK(read.savedAt == original.savedAt);
    CHECK(read.appVersion == original.appVersion);
    CHECK(read.language == "fa");
    CHECK(read.modelHash == m.hash);
    CHECK(model::writeResponse(m, read) == text);

    json doc = json::parse(text);
    CHECK(doc["judgments"].size() == 78);
    CHECK(doc["judgments"][0]["set"] == "G");
    CHECK(doc["judgments"][0]["row"] == "D1");
    CHECK(doc["judgments"][0]["col"] == "D2");
    CHECK(doc["results"]["method"] == "normalized");
    CHECK(doc["results"]["sets"].size() == 14);
    CHECK(doc["results"]["global"].size() == 38);
}

TEST_CASE("a partly answered response keeps its missing judgments missing", "[response]") {
    model::Model m = test::smallModel();
    model::Response response = model::emptyResponse(m);
    response.expert = {"Sara", ""};
    response.savedAt = "2024-05-01T09:30:00.125Z";
    response.judgments.at("G").set(0, 2, 1.0 / 3);
    model::Response read = model::parseResponse(m, model::writeResponse(m, response));
    CHECK(read.judgments.at("G").knownCount() == 1);
    CHECK(read.judgments.at("G").get(0, 2) == 1.0 / 3);
    CHECK(read.judgments.at("A").knownCount() == 0);
    json doc = json::parse(model::writeResponse(m, response));
    CHECK(doc["results"]["unsolved"] == json({"G", "A"}));
    CHECK(doc.find("language") == doc.end());
}

TEST_CASE("every bad response is rejected with a message naming the field", "[response][errors]") {
    model::Model m = test::smallModel();
    CHECK(responseError(m, smallResponseJson(m).dump()).empty());

    std::string wrongHash = errorAfter(m, [](json& d) { d["model"]["hash"] = "0123456789abcdef"; });
    CHECK_THAT(wrongHash, Contains("r.json: model.hash: expected \"" + m.hash + "\", found \"0123456789abcdef\""));
    CHECK_THAT(errorAfter(m, [](json& d) { d["model"]["id"] = "other"; }),
               Contains("model.id: expected \"small\", found \"other\""));
    CHECK_THAT(errorAfter(m, [](json& d) { d["format"] = "ahp-model"; }),
               Contains("r.json: format: is \"ahp-model\", expected \"ahp-response\""));
    CHECK_THAT(errorAfter(m, [](json& d) { d["version"] = 3; }), Contains("r.json: version: is 3"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][1]["set"] = "Z"; }),
               Contains("r.json: judgments[1].set: unknown node id \"Z\""));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][1]["set"] = "B"; }),
               Contains("judgments[1].set: \"B\" is not a comparison set"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][1]["row"] = "Q"; }),
               Contains("judgments[1].row: unknown node id \"Q\""));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][1]["col"] = "A1"; }),
               Contains("judgments[1].col: \"A1\" is not a child of G (its children: A, B, C)"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][1]["col"] = "A"; }),
               Contains("judgments[1]: row and col are both \"A\""));
    CHECK_THAT(errorAfter(m,
                          [](json& d) {
                              d["judgments"][1]["row"] = "C";
                              d["judgments"][1]["col"] = "A";
                          }),
               Contains("judgments[1]: row \"C\" comes after col \"A\" in G's child order"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][2]["value"] = 10; }),
               Contains("judgments[2].value: 10 is outside the questionnaire's scale 1/9 .. 9"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][2]["value"] = 0.1; }),
               Contains("judgments[2].value: 0.1 is outside the questionnaire's scale"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][2]["value"] = 0; }),
               Contains("judgments[2].value: 0 must be a finite positive number"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][2]["value"] = -3; }),
               Contains("judgments[2].value: -3 must be a finite positive number"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][2]["value"] = "3"; }),
               Contains("judgments[2].value: must be a number, found a string"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"][2].erase("value"); }),
               Contains("judgments[2].value: is missing"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgments"].push_back(d["judgments"][0]); }),
               Contains("judgments[3]: duplicate judgment for set G, row A, col B (first at judgments[0])"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["expert"].erase("name"); }), Contains("expert.name: is missing"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["saved_at"] = "yesterday"; }),
               Contains("saved_at: \"yesterday\" is not an ISO-8601 UTC time"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["language"] = "de"; }),
               Contains("language: \"de\" is not one of the model's languages"));
    CHECK_THAT(errorAfter(m, [](json& d) { d["judgements"] = json::array(); }), Contains("judgements: unknown key"));

    std::string text = smallResponseJson(m).dump(2);
    CHECK_THAT(responseError(m, text.substr(0, text.size() - 40)),
               Contains("the text ends too early (truncated file?)"));
    CHECK_THAT(responseError(m, "PK\x03\x04 binary"), Contains("r.json: line 1, column 1: not a JSON text"));
    CHECK_THAT(responseError(m, "{\"format\": \"ahp-response\",\n\"version\": 1,,\n}"),
               Contains("r.json: line 2, column 14"));
}

TEST_CASE("results in a response file are ignored on import", "[response]") {
    model::Model m = test::smallModel();
    json doc = smallResponseJson(m);
    doc["results"] = {{"anything", "goes"}, {"weights", {1, 2, 3}}};
    CHECK(model::parseResponse(m, doc.dump()).judgments.at("G").get(0, 1) == 3.0);
}

TEST_CASE("a skipped member: the document and every message are the same as when it is parsed", "[response][json]") {
    model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    const std::string text = model::writeResponse(m, filledResponse(m, 7));  // results included
    REQUIRE(text.find("\"results\"") != std::string::npos);
    // The whole text parsed, results set to null: what skipping must give.
    json expected = model::parseJsonText(text, "r.json");
    expected["results"] = nullptr;
    CHECK(fuzzcheck::sameDocument(model::parseJsonText(text, "r.json", {"results"}), expected));
    CHECK(model::parseResponse(m, text).judgments == model::parseResponse(m, text).judgments);

    // Inside the skipped member, whatever the quick check does not take goes the ordinary way:
    // the same refusal, or the same document, as without skipping.
    auto skippedResult = [&](const std::string& results) {
        const std::string doc = "{\"a\": [1, 2.5e-3, \"x\\n\"], \"results\": " + results + ", \"z\": -0.0}";
        std::string skippedMessage, fullMessage;
        json skipped, full;
        try {
            skipped = model::parseJsonText(doc, "r.json", {"results"});
        } catch (const model::ModelError& e) {
            skippedMessage = e.what();
        }
        try {
            full = model::parseJsonText(doc, "r.json");
            full["results"] = nullptr;
        } catch (const model::ModelError& e) {
            fullMessage = e.what();
        }
        CHECK(skippedMessage == fullMessage);
        if (fullMessage.empty()) CHECK(fuzzcheck::sameDocument(skipped, full));
        return skippedMessage;
    };
    CHECK(skippedResult("{\"w\": [0.1, 0.2], \"s\": \"G\", \"ok\": true, \"n\": null}").empty());
    CHECK(skippedResult("{\"label\": \"\\u0041\\u00e9 caf\xC3\xA9\"}").empty());  // \u escapes, UTF-8
    CHECK(skippedResult("{\"e\\u0301\": 1, \"big\": 1e300, \"tiny\": 1e-400, \"long\": 12345678901234567890123}")
              .empty());
    CHECK_THAT(skippedResult("{\"k\": 1, \"k\": 2}"), Contains("results.k: the key \"k\" appears twice"));
    CHECK_THAT(skippedResult("[{\"a\": 1}, {\"b\": 1, \"b\": 2}]"),
               Contains("results[1].b: the key \"b\" appears twice"));
    CHECK_THAT(skippedResult("{\"x\": 1e999}"), Contains("numbers must be finite"));
    CHECK_THAT(skippedResult("{\"x\": 01}"), Contains("not valid JSON"));
    CHECK_THAT(skippedResult("{\"x\": [1, 2,]}"), Contains("not valid JSON"));
    CHECK_THAT(skippedResult("{\"x\": \"\\q\"}"), Contains("not valid JSON"));
    CHECK_THAT(skippedResult("{\"x\": \"\\ud800\"}"), Contains("not valid JSON"));
    CHECK_THAT(skippedResult("{\"x\": tru}"), Contains("not valid JSON"));
    CHECK_THAT(skippedResult("{\"x\": 1, y\": 2}"), Contains("not valid JSON"));  // a key without its quote (fuzzing)
    CHECK_THAT(skippedResult("{\"x\": \"\xFF\"}"), Contains("ill-formed UTF-8"));
    // UTF-8 as nlohmann takes it, and each way it refuses: overlong, surrogate, past U+10FFFF, cut short.
    CHECK(skippedResult("\"\xDA\xA9\xD8\xA7 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\"").empty());
    for (const char* bad :
         {"\"\xC0\x80\"", "\"\xC1\xBF\"", "\"\xE0\x80\x80\"", "\"\xED\xA0\x80\"", "\"\xF0\x80\x80\x80\"",
          "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"", "\"\xE2\x82\"", "\"\xDA\"", "\"\x80\""})
        CHECK_THAT(skippedResult(bad), Contains("UTF-8"));
    // Kept, as a name in Persian is.
    const std::string persian =
        "{\"results\": 1, \"name\": \"\xDA\xA9\xD8\xA7\xD8\xB1\xD8\xB4\xD9\x86\xD8\xA7\xD8\xB3 \xF0\x9F\x98\x80\"}";
    json persianFull = model::parseJsonText(persian, "r.json");
    persianFull["results"] = nullptr;
    CHECK(fuzzcheck::sameDocument(model::parseJsonText(persian, "r.json", {"results"}), persianFull));
}

TEST_CASE("numbers read the quick way are nlohmann's, type for type and bit for bit", "[response][json]") {
    // Kept members (not skipped) of every shape: small integers (unsigned, signed), integers past
    // both integer types, short decimals (converted without strtod), and long ones, tiny, huge
    // and subnormal (strtod's), each against the ordinary reading.
    std::vector<std::string> numbers = {"0",
                                        "-0",
                                        "0.0",
                                        "-0.0",
                                        "1",
                                        "-1",
                                        "1.0",
                                        "0.5",
                                        "2.5e-3",
                                        "1E+2",
                                        "1e22",
                                        "1e23",
                                        "0.1",
                                        "0.14285714285714285",
                                        "0.1111111111111111",
                                        "0.3333333333333333",
                                        "9007199254740993",
                                        "9007199254740993.0",
                                        "9007199254740992e-22",
                                        "123456789012345678",
                                        "1234567890123456789",
                                        "-9223372036854775808",
                                        "-9223372036854775809",
                                        "18446744073709551615",
                                        "18446744073709551616",
                                        "100000000000000000000000",
                                        "4.9e-324",
                                        "1e-400",
                                        "1.7976931348623157e308",
                                        "0.000000000000000000000000001",
                                        "1e0000000000001",
                                        "12345678901234567890.123456789e-10"};
    std::mt19937_64 random(14);
    for (int k = 0; k < 20000; ++k) {  // random decimals of up to 20 digits, point and exponent anywhere
        std::string digits = std::to_string(random() >> (random() % 64));
        std::string number = (random() % 4 == 0 ? "-" : "") + digits;
        if (random() % 3 != 0) {
            const std::size_t point = 1 + random() % digits.size();
            number.insert(number.size() - digits.size() + point, point == digits.size() ? ".0" : ".");
        }
        if (random() % 3 == 0) number += "e" + std::to_string(int(random() % 80) - 40);
        numbers.push_back(number);
    }
    std::string text = "{\"results\": 1, \"n\": [";
    for (std::size_t k = 0; k < numbers.size(); ++k) text += (k ? ", " : "") + numbers[k];
    text += "]}";
    json expected = model::parseJsonText(text, "n.json");
    expected["results"] = nullptr;
    const json quick = model::parseJsonText(text, "n.json", {"results"});
    REQUIRE(quick["n"].size() == numbers.size());
    for (std::size_t k = 0; k < numbers.size(); ++k) {
        INFO(numbers[k]);
        CHECK(fuzzcheck::sameDocument(quick["n"][k], expected["n"][k]));
    }
}

TEST_CASE("judgments export as RFC 4180 CSV for spreadsheets: BOM, labels in a language, expert", "[response][csv]") {
    model::Model m = test::smallModel();
    model::Response r = model::parseResponse(m, smallResponseJson(m).dump());
    r.expert = {"  Ana, \"A\"  ", " analyst "};
    CHECK(model::judgmentsCsv(m, r, "en") ==
          "\xEF\xBB\xBF"
          "expert,role,set,set_label,row,row_label,col,col_label,value\r\n"
          "\"Ana, \"\"A\"\"\",analyst,G,Goal,A,\"Cost, total\",B,\"Quality \"\"Q\"\"\",3\r\n"
          "\"Ana, \"\"A\"\"\",analyst,G,Goal,A,\"Cost, total\",C,Speed,5\r\n"
          "\"Ana, \"\"A\"\"\",analyst,A,\"Cost, total\",A1,Up front,A2,Running,0.5\r\n");
    const std::string fa = model::judgmentsCsv(m, r, "fa");
    CHECK_THAT(fa, Contains("G,هدف,A,هزینه,B,کیفیت,3\r\n"));
    // A language the model does not have: its first language.
    CHECK_THAT(model::judgmentsCsv(m, r, "de"), Contains("G,Goal,A,"));
}

TEST_CASE("names and roles are written and read without the blanks around them", "[response]") {
    CHECK(model::trimmedName(" \t Ana \n") == "Ana");
    CHECK(model::trimmedName("\xC2\xA0\xE2\x80\x8F\xE2\x80\x8C"
                             "علی رضایی"
                             "\xE2\x80\x8C\xE3\x80\x80") == "علی رضایی");
    CHECK(model::trimmedName("می\xE2\x80\x8Cروم") == "می\xE2\x80\x8Cروم");  // a ZWNJ inside stays
    CHECK(model::trimmedName("\xE2\x80\x83\xEF\xBB\xBF").empty());
    CHECK(model::trimmedName("x\xE2\x80").size() == 3);  // a broken sequence is kept, not cut further
    model::Model m = test::smallModel();
    json doc = smallResponseJson(m);
    doc["expert"] = {{"name", " \xC2\xA0 "}, {"role", ""}};
    CHECK_THAT(responseError(m, doc.dump()), Contains("expert.name") && Contains("must not be empty"));
    doc["expert"] = {{"name", "  Ana "}, {"role", " analyst\n"}};
    model::Response r = model::parseResponse(m, doc.dump());
    CHECK(r.expert.name == "Ana");
    CHECK(r.expert.role == "analyst");
}

TEST_CASE("an autosaved session: the session member round-trips, an empty name only when allowed",
          "[response][session]") {
    model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    model::Response response = filledResponse(m, 7);
    response.expert.name = "";
    response.session = model::SessionPlace{"compare", "C22", "en", false};
    const std::string text = model::writeResponse(m, response);
    CHECK_THAT(responseError(m, text), Contains("expert.name"));
    model::ResponseReadOptions options;
    options.allowEmptyName = true;
    model::Response read = model::parseResponse(m, text, "session", options);
    REQUIRE(read.session.has_value());
    CHECK(read.session->screen == "compare");
    CHECK(read.session->set == "C22");
    CHECK(read.session->uiLanguage == "en");
    CHECK(read.session->persianDigits == false);
    CHECK(model::sameJudgments(read.judgments, response.judgments));
    CHECK(model::writeResponse(m, read) == text);

    json doc = json::parse(text);
    doc["expert"]["name"] = "A";
    doc["session"]["screen"] = "elsewhere";
    CHECK_THAT(responseError(m, doc.dump()), Contains("session.screen"));
    doc["session"]["screen"] = "results";
    doc["session"]["set"] = "I111";  // a leaf, not a comparison set
    CHECK_THAT(responseError(m, doc.dump()), Contains("session.set"));
    doc["session"]["set"] = "G";
    doc["session"]["extra"] = 1;
    CHECK_THAT(responseError(m, doc.dump()), Contains("extra"));
}
