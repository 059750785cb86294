// The hostile part of the catalogue (issue 14): every stated limit (docs/formats.md, "Limits")
// is refused before the work it bounds, with a message naming it and a stable code that has a
// text in every interface language; random bytes, duplicate keys, hidden characters in names,
// HTML in labels, and files whose names or bytes are not text.
#include "support.hpp"

#include "model/group.hpp"
#include "model/json_text.hpp"
#include "model/limits.hpp"
#include "model/response.hpp"
#include "model/text_format.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <set>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

// Every code the cases below produced, checked against the strings at the end.
std::set<std::string>& codesSeen() {
    static std::set<std::string> codes;
    return codes;
}

struct Refusal {
    std::string message, code;
    std::vector<std::string> args;
};
template <typename F>
Refusal refusalOf(F f) {
    try {
        f();
    } catch (const model::ModelError& error) {
        codesSeen().insert(error.code);
        return {error.what(), error.code, error.args};
    }
    return {};
}
Refusal modelRefusal(const std::string& text) {
    return refusalOf([&] { model::parseModel(text, "m.json"); });
}
Refusal responseRefusal(const std::string& text) {
    return refusalOf([&] { model::parseResponse(catalogue::studyModel(), text, "r.json"); });
}

json modelWith(json nodes) {
    return {{"format", "ahp-model"},  {"version", 1},        {"id", "m"},
            {"title", {{"en", "T"}}}, {"languages", {"en"}}, {"nodes", std::move(nodes)}};
}
json node(const std::string& id, const std::string& parent, const std::string& label = "") {
    return {{"id", id},
            {"parent", parent.empty() ? json(nullptr) : json(parent)},
            {"labels", {{"en", label.empty() ? id : label}}}};
}
json studyResponse(const std::string& name, const std::string& role = "") {
    const auto& study = catalogue::studyModel();
    return {{"format", "ahp-response"},
            {"version", 1},
            {"model", {{"id", study.id}, {"hash", study.hash}}},
            {"expert", {{"name", name}, {"role", role}}},
            {"saved_at", "2024-05-01T09:30:00Z"},
            {"judgments", json::array({{{"set", "G"}, {"row", "D1"}, {"col", "D2"}, {"value", 3}}})}};
}

// Valid UTF-8 (nlohmann's strict dump throws otherwise).
bool isUtf8(const std::string& text) {
    try {
        (void)json(text).dump();
        return true;
    } catch (const json::type_error&) {
        return false;
    }
}

std::string randomBytes(std::size_t size, std::uint64_t seed) {
    std::string bytes(size, '\0');
    for (char& c : bytes) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        c = char(seed >> 56);
    }
    return bytes;
}

}  // namespace

TEST_CASE("Hostile: a file over its kind's size is refused before parsing, naming both sizes", "[catalogue][hostile]") {
    // 50 MB of a valid-looking JSON array: refused by its size, at once.
    std::string big = "[" + std::string(50 * 1024 * 1024, ' ') + "]";
    const auto start = std::chrono::steady_clock::now();
    const Refusal response = responseRefusal(big);
    const Refusal model = modelRefusal(big);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(response.message == "r.json: the file is 50 MB; a response file is at most 2 MB");
    CHECK(response.code == "too_large.response");
    CHECK(response.args == std::vector<std::string>{"50 MB", "2 MB"});
    CHECK(model.message == "m.json: the file is 50 MB; a model file is at most 5 MB");
    CHECK(model.code == "too_large.model");
    INFO("both refusals took " << ms << " ms");
    CHECK(ms < 1000);  // a bound, not a speed goal: parsing 50 MB would take far longer
    // One byte over the limit is refused; at the limit the text is read.
    CHECK(responseRefusal(std::string(model::limits::kResponseBytes + 1, ' ')).code == "too_large.response");
    CHECK(responseRefusal(std::string(model::limits::kResponseBytes, ' ')).code == "empty");
    CHECK_THAT(responseRefusal(std::string(model::limits::kResponseBytes + 1, ' ')).message,
               Contains("the file is 2097153 bytes; a response file is at most 2097152 bytes"));
}

TEST_CASE("Hostile: random and binary bytes are reported as not a JSON text", "[catalogue][hostile]") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const std::string bytes = randomBytes(100000 + seed, seed);
        const Refusal model = modelRefusal(bytes), response = responseRefusal(bytes);
        INFO("seed " << seed << ": " << model.message);
        CHECK_THAT(model.message, Contains("not a JSON text"));
        CHECK(model.code == "not_json");
        CHECK(response.code == "not_json");
        CHECK(isUtf8(model.message));
        CHECK(isUtf8(response.message));
        CHECK(model.message.size() < 200);
    }
    // A picture, an archive, a PDF: the first byte already tells.
    for (const std::string start :
         {std::string("\x89PNG\r\n\x1a\n", 8), std::string("PK\x03\x04", 4), std::string("%PDF-1.7")}) {
        const Refusal r = responseRefusal(start + randomBytes(5000, 7));
        CHECK_THAT(r.message, StartsWith("r.json: line 1, column 1: not a JSON text"));
    }
    // A JSON text with a NUL inside a string, or binary after a valid start.
    CHECK(responseRefusal(std::string("{\"format\": \"ahp-res\0ponse\"}", 27)).code == "not_json");
    CHECK(responseRefusal(std::string("{\"format\": \"a\"}\x01\x02")).code == "not_json");
    // Deep nesting is still called that (and not "not JSON").
    CHECK(modelRefusal(std::string(1000, '[') + std::string(1000, ']')).code == "too_deep");
    // A byte-order mark before the text is fine.
    CHECK(modelRefusal("\xEF\xBB\xBF{}").code == "invalid");
}

TEST_CASE("Hostile: a key given twice is refused, naming it and where", "[catalogue][hostile]") {
    Refusal top = modelRefusal(R"({"format":"ahp-model","version":1,"id":"a","id":"b"})");
    CHECK(top.message == "m.json: id: the key \"id\" appears twice in one object (a file may give each key once)");
    CHECK(top.code == "duplicate_key");
    json m = modelWith({node("G", ""), node("A", "G"), node("B", "G")});
    std::string text = m.dump();
    text.replace(text.find("\"labels\":{\"en\":\"A\"}"), 20, "\"labels\":{\"en\":\"A\",\"en\":\"Hidden\"}");
    CHECK_THAT(modelRefusal(text).message, StartsWith("m.json: nodes[1].labels.en: the key \"en\" appears twice"));
    std::string response = studyResponse("Ali").dump();
    response.replace(response.find("\"name\":\"Ali\""), 12, "\"name\":\"Ali\",\"name\":\"Mallory\"");
    CHECK_THAT(responseRefusal(response).message, StartsWith("r.json: expert.name: the key \"name\" appears twice"));
    std::string judgment = studyResponse("Ali").dump();
    judgment.replace(judgment.find("\"value\":3"), 9, "\"value\":3,\"value\":9");
    CHECK_THAT(responseRefusal(judgment).message,
               StartsWith("r.json: judgments[0].value: the key \"value\" appears twice"));
    // The same key in different objects is fine.
    CHECK(modelRefusal(m.dump()).message.empty());
}

TEST_CASE("Hostile: control and direction characters in names and labels are refused", "[catalogue][hostile]") {
    const std::string nul("Alice\0Mallory", 13);
    for (const std::string& name : {nul, std::string("Alice\u202EyrollaM"), std::string("A\u2066B\u2069"),
                                    std::string("Tab\there"), std::string("Line\nbreak"), std::string("\x7F")}) {
        const Refusal r = responseRefusal(studyResponse(name).dump());
        INFO(r.message);
        CHECK(r.code == "characters");
        CHECK_THAT(r.message, StartsWith("r.json: expert.name: holds the character U+"));
        CHECK(responseRefusal(studyResponse("Ali", name).dump()).code == "characters");
    }
    CHECK_THAT(responseRefusal(studyResponse(nul).dump()).message, Contains("U+0000"));
    CHECK_THAT(responseRefusal(studyResponse("Alice\u202EyrollaM").dump()).message, Contains("U+202E"));
    // Persian names with ZWNJ, and marks that do not override, are names like any other.
    CHECK(responseRefusal(studyResponse("محمد\u200Cرضا", "کارشناس \u200Fارشد").dump()).message.empty());
    // Labels: one line, no hidden characters; descriptions may break lines.
    CHECK(modelRefusal(modelWith({node("G", ""), node("A", "G", "Good\u202Ebad"), node("B", "G")}).dump()).code ==
          "characters");
    json described = modelWith({node("G", ""), node("A", "G"), node("B", "G")});
    described["nodes"][1]["description"] = {{"en", "Two\nlines"}};
    CHECK(modelRefusal(described.dump()).message.empty());
}

TEST_CASE("Hostile: every count and length limit is stated in the refusal", "[catalogue][hostile]") {
    using namespace model::limits;
    SECTION("names and roles") {
        CHECK(responseRefusal(studyResponse(std::string(kNameCharacters, 'N')).dump()).message.empty());
        // Persian letters are two bytes each: the limit counts characters.
        std::string persian;
        for (int k = 0; k < kNameCharacters; ++k) persian += "ن";
        CHECK(responseRefusal(studyResponse(persian).dump()).message.empty());
        const Refusal longName = responseRefusal(studyResponse(std::string(kNameCharacters + 1, 'N')).dump());
        CHECK(longName.message == "r.json: expert.name: is 201 characters long; a name or role may have at most 200");
        CHECK(longName.code == "limit.name");
        CHECK(responseRefusal(studyResponse("Ali", std::string(5000, 'R')).dump()).code == "limit.name");
        // A 50 MB name is a 50 MB file.
        CHECK(responseRefusal(studyResponse(std::string(50 * 1024 * 1024, 'N')).dump()).code == "too_large.response");
    }
    SECTION("nodes") {
        json nodes = json::array({node("G", "")});
        // Sets of at most 40 (a wider tree would hit the items limit first).
        for (int k = 1; k < kNodes + 1; ++k)
            nodes.push_back(node("N" + std::to_string(k), k <= 40 ? "G" : "N" + std::to_string((k - 1) / 40)));
        const Refusal r = modelRefusal(modelWith(nodes).dump());
        CHECK(r.message == "m.json: nodes: lists 2001 nodes; a model may have at most 2000");
        CHECK(r.args == std::vector<std::string>{"2001", "2000"});
        nodes.erase(nodes.size() - 1);
        CHECK(modelRefusal(modelWith(nodes).dump()).message.empty());
    }
    SECTION("depth: a chain, listed either way round, is refused without recursion") {
        for (bool reversed : {false, true}) {
            json nodes = json::array({node("C0", "")});
            for (int k = 1; k <= kDepth + 1; ++k)
                nodes.push_back(node("C" + std::to_string(k), "C" + std::to_string(k - 1)));
            if (reversed) std::reverse(nodes.begin(), nodes.end());
            const Refusal r = modelRefusal(modelWith(nodes).dump());
            CHECK(r.code == "limit.depth");
            CHECK_THAT(r.message, Contains("node \"C501\" is more than 500 levels below the goal"));
            nodes.erase(reversed ? 0 : nodes.size() - 1);
            CHECK(modelRefusal(modelWith(nodes).dump()).message.empty());
        }
    }
    SECTION("items per set") {
        json nodes = json::array({node("G", "")});
        for (int k = 0; k < kItemsPerSet + 1; ++k) nodes.push_back(node("X" + std::to_string(k), "G"));
        const Refusal r = modelRefusal(modelWith(nodes).dump());
        CHECK(r.message == "m.json: nodes[0]: node \"G\" has 61 children; a comparison set may have at most 60 items");
        CHECK(r.code == "limit.items");
    }
    SECTION("languages, labels and texts") {
        json many = modelWith({node("G", ""), node("A", "G"), node("B", "G")});
        many["languages"] = json::array();
        for (int k = 0; k < kLanguages + 1; ++k)
            many["languages"].push_back(std::string("l") + char('a' + k / 26) + char('a' + k % 26));
        CHECK(modelRefusal(many.dump()).code == "limit.languages");
        const Refusal label = modelRefusal(
            modelWith({node("G", ""), node("A", "G", std::string(kLabelCharacters + 1, 'L')), node("B", "G")}).dump());
        CHECK(label.message == "m.json: nodes[1].labels.en: is 501 characters long; at most 500 are allowed here");
        CHECK(label.code == "limit.text");
        json purpose = modelWith({node("G", ""), node("A", "G"), node("B", "G")});
        purpose["purpose"] = {{"en", std::string(kTextCharacters + 1, 'p')}};
        CHECK(modelRefusal(purpose.dump()).code == "limit.text");
    }
    SECTION("judgments per file") {
        json response = studyResponse("Ali");
        for (int k = 0; k < 100; ++k) response["judgments"].push_back(response["judgments"][0]);
        CHECK(responseRefusal(response.dump()).message ==
              "r.json: judgments: has 101 judgments; this model asks for at most 78");
    }
}

TEST_CASE("Hostile: HTML in labels and names reaches the Markdown report as text", "[catalogue][hostile]") {
    json m = modelWith({node("G", "", "<script>alert(1)</script>"), node("A", "G", "<img src=x onerror=alert(2)>"),
                        node("B", "G", "Tom & Jerry")});
    m["title"] = {{"en", "<b>Title</b>"}};
    const model::Model parsed = model::parseModel(m.dump(), "html.json");
    model::Response r = model::emptyResponse(parsed);
    r.expert.name = "<a href=javascript:alert(3)>Eve</a>";
    r.savedAt = "2024-05-01T09:30:00Z";
    r.judgments.at("G").set(0, 1, 3);
    const model::GroupTables tables = model::buildGroupTables(parsed, {r});
    const std::string md = model::groupTablesMarkdown(parsed, tables);
    CHECK(md.find('<') == std::string::npos);
    CHECK_THAT(md, Contains("&lt;img src=x onerror=alert(2)&gt;"));
    CHECK_THAT(md, Contains("&lt;b&gt;Title&lt;/b&gt;"));
    CHECK_THAT(md, Contains("Tom &amp; Jerry"));
    CHECK_THAT(md, Contains("&lt;a href=javascript:alert(3)&gt;Eve&lt;/a&gt;"));
}

TEST_CASE("Hostile: a group report is valid JSON whatever the skipped files hold", "[catalogue][hostile]") {
    const auto& study = catalogue::studyModel();
    model::Response good = model::emptyResponse(study);
    good.expert.name = "علی";
    good.savedAt = "2024-05-01T09:30:00Z";
    good.judgments.at("G").set(0, 1, 3);
    const std::string badName("stray\xff\xfe.png", 11);  // a file name that is not UTF-8
    model::LoadedGroup group = model::loadGroup(
        study,
        {{"good.json", model::writeResponse(study, good)},
         {badName, std::string("\x89PNG\r\n\x1a\n", 8) + randomBytes(20000, 3)},
         {"latin1.json", "{\"format\": \"ahp-response\", \"x\": \"caf\xe9\"}"},
         {"persian-" + std::string(100, 'x') + ".json", "{\"format\": \"" + std::string(30, 'x') + "فارسی" + "\"}"}});
    REQUIRE(group.responses.size() == 1);
    REQUIRE(group.skipped.size() == 3);
    for (const auto& s : group.skipped) {
        INFO(s.message);
        codesSeen().insert(s.code);
        if (s.file != badName) CHECK(isUtf8(s.message));  // our own words never cut a character
    }
    nlohmann::ordered_json report = model::groupTablesJson(study, model::buildGroupTables(study, {good}));
    report["files"] = model::groupFilesJson(group, model::usedResponses(group));
    const std::string text = report.dump(2, ' ', false, json::error_handler_t::replace);
    const json back = json::parse(text);
    CHECK(back["files"]["skipped"].size() == 3);
    CHECK(back["files"]["used"] == json::array({"good.json"}));
}

TEST_CASE("Hostile: messages are cut between UTF-8 characters", "[catalogue][hostile]") {
    std::string persian;
    for (int k = 0; k < 60; ++k) persian += "پ";
    for (std::size_t cut = 0; cut < 50; ++cut) CHECK(isUtf8(model::cutUtf8(persian, cut)));
    CHECK(isUtf8(model::quoteForMessage(json(persian))));
    // A wrong value quoted in a message: Persian, long.
    json response = studyResponse("Ali");
    response["saved_at"] = persian;
    const Refusal r = responseRefusal(response.dump());
    CHECK(isUtf8(r.message));
    json format = studyResponse("Ali");
    format["format"] = persian;
    CHECK(isUtf8(responseRefusal(format.dump()).message));
}

TEST_CASE("Hostile: every code has a text in every interface language", "[catalogue][hostile][strings]") {
    // The codes of the model layer's refusals (this file's cases ran first: Catch2 keeps
    // declaration order) plus the ones not reached above.
    std::set<std::string> codes = codesSeen();
    for (const char* more : {"invalid", "empty", "syntax", "truncated", "wrong_kind.model", "wrong_kind.response",
                             "version", "other_model", "unreadable"})
        codes.insert(more);
    for (const char* language : {"en", "fa"}) {
        const json strings =
            json::parse(catalogue::readSourceFile(std::string("assets/strings/") + language + ".json"));
        for (const auto& code : codes) {
            INFO(language << ": problem." << code);
            CHECK(strings.contains("problem." + code));
        }
    }
    CHECK(codes.count("too_large.response"));
    CHECK(codes.count("not_json"));
}
