// The app's session and response-file logic (src/ui/session.hpp): what autosave writes is what
// a restart restores; imported files are checked without touching the state.
#include "ui/session.hpp"
#include "../model/test_support.hpp"

#include <catch2/catch.hpp>

#include "model/errors.hpp"
#include "model/limits.hpp"
#include "model/text_format.hpp"

#include <fstream>
#include <random>
#include <sstream>

namespace {

ui::AppState freshState() {
    ui::AppState state;
    state.model = model::parseModel(test::readSourceFile("assets/models/egov-qom.json"), "egov-qom.json");
    for (int parent : state.model.hierarchy.comparisonSets()) {
        const ahp::Node& node = state.model.hierarchy.node(parent);
        state.judgments.emplace(node.id, ahp::PairwiseMatrix(int(node.children.size())));
        ui::SetView view;
        view.parentId = node.id;
        state.sets.push_back(view);
    }
    return state;
}

ui::AppState answeredState() {
    ui::AppState state = freshState();
    state.expertName = "Zahra Ahmadi";
    state.expertRole = "مدیر فناوری \"IT\"";
    state.language = "en";
    state.persianDigits = false;
    state.screen = ui::Screen::Compare;
    state.currentSet = 4;
    static const double scale[] = {1.0 / 9, 1.0 / 7, 1.0 / 3, 0.5, 1, 2, 3, 7, 9};
    int k = 0;
    for (auto& [set, matrix] : state.judgments)
        for (int i = 0; i < matrix.size(); ++i)
            for (int j = i + 1; j < matrix.size(); ++j)
                if (++k % 3 != 0) matrix.set(i, j, scale[k % 9]);  // some left out
    return state;
}

}  // namespace

TEST_CASE("a saved session restores answers, expert, language, screen and set exactly") {
    const ui::AppState saved = answeredState();
    const std::string text = ui::sessionText(saved, "2024-05-01T09:30:00Z", "0.1.0");
    ui::AppState restored = freshState();
    ui::restoreSession(restored, text);
    CHECK(model::sameJudgments(restored.judgments, saved.judgments));
    CHECK(restored.expertName == saved.expertName);
    CHECK(restored.expertRole == saved.expertRole);
    CHECK(restored.language == "en");
    CHECK(restored.persianDigits == false);
    CHECK(restored.screen == ui::Screen::Compare);
    CHECK(restored.currentSet == 4);
    // Saving the restored state gives the same document.
    CHECK(ui::sessionText(restored, "2024-05-01T09:30:00Z", "0.1.0") == text);
}

TEST_CASE("a session from before the expert typed a name is restored") {
    ui::AppState saved = freshState();
    saved.judgments.at("G").set(0, 1, 3);
    saved.screen = ui::Screen::Results;
    ui::AppState restored = freshState();
    ui::restoreSession(restored, ui::sessionText(saved, "2024-05-01T09:30:00Z", ""));
    CHECK(restored.judgments.at("G").get(0, 1) == 3.0);
    CHECK(restored.expertName.empty());
    CHECK(restored.screen == ui::Screen::Results);
}

TEST_CASE("a bad session changes nothing") {
    const ui::AppState before = answeredState();
    const std::string good = ui::sessionText(before, "2024-05-01T09:30:00Z", "0.1.0");
    for (const std::string& bad : {good.substr(0, good.size() / 2), std::string("not json"), std::string(), [&] {
                                       std::string t = good;
                                       t.replace(t.find(before.model.hash), 16, "0123456789abcdef");
                                       return t;
                                   }()}) {
        ui::AppState state = answeredState();
        CHECK_THROWS_AS(ui::restoreSession(state, bad), model::ModelError);
        CHECK(model::sameJudgments(state.judgments, before.judgments));
        CHECK(state.expertName == before.expertName);
        CHECK(state.screen == before.screen);
    }
}

TEST_CASE("a response file (no session, name required) round-trips through checkImports") {
    const ui::AppState state = answeredState();
    const model::Response response = ui::responseFromState(state, "2024-05-01T09:30:00Z", "0.1.0", false);
    CHECK_FALSE(response.session.has_value());
    const std::string file = model::writeResponse(state.model, response);
    CHECK(file.find("\"session\"") == std::string::npos);
    const ui::ImportCheck check = ui::checkImports(state.model, {{"mine.json", file}});
    REQUIRE(check.problems.empty());
    REQUIRE(check.good.size() == 1);
    ui::AppState other = freshState();
    ui::applyResponse(other, check.good[0].response);
    CHECK(model::sameJudgments(other.judgments, state.judgments));
    CHECK(other.expertName == "Zahra Ahmadi");
}

TEST_CASE("every bad import is named with its file and reason") {
    const ui::AppState state = answeredState();
    const std::string good =
        model::writeResponse(state.model, ui::responseFromState(state, "2024-05-01T09:30:00Z", "0.1.0", false));
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    const ui::ImportCheck check =
        ui::checkImports(state.model, {{"cut.json", good.substr(0, 200)},
                                       {"text.json", "hello"},
                                       {"hash.json", replaced(state.model.hash, "0123456789abcdef")},
                                       {"unknown.json", replaced("\"set\": \"G\"", "\"set\": \"NOPE\"")},
                                       {"range.json", replaced("\"value\": 9", "\"value\": 10")},
                                       {"ok.json", good}});
    REQUIRE(check.problems.size() == 5);
    CHECK(check.good.size() == 1);
    CHECK_THAT(check.problems[0].message, Catch::Contains("cut.json") && Catch::Contains("truncated"));
    CHECK_THAT(check.problems[1].message, Catch::Contains("text.json"));
    CHECK_THAT(check.problems[2].message, Catch::Contains("hash.json") && Catch::Contains("model.hash"));
    CHECK_THAT(check.problems[3].message, Catch::Contains("unknown.json") && Catch::Contains("NOPE"));
    CHECK_THAT(check.problems[4].message, Catch::Contains("range.json") && Catch::Contains("scale"));
}

TEST_CASE("files not read because they are too large get the message a file read and found too large gets") {
    const std::uint64_t fiftyMb = 50ull * 1024 * 1024, sixGb = 6ull * 1024 * 1024 * 1024;
    const auto problems =
        ui::tooLargeFiles({{"huge.json", fiftyMb}, {"bigger.json", sixGb}}, model::limits::kResponseBytes, "response");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "huge.json");
    CHECK(problems[0].code == "too_large.response");
    CHECK(problems[0].args == std::vector<std::string>{"50 MB", "2 MB"});
    CHECK(problems[0].message == "huge.json: the file is 50 MB; a response file is at most 2 MB");
    CHECK(problems[1].args[0] == "6144 MB");  // over 4 GB: sizes are not cut to 32 bits
    // The same text as the model layer's own refusal of the bytes.
    try {
        model::parseResponse(answeredState().model, std::string(model::limits::kResponseBytes + 1, ' '), "huge.json");
        FAIL("a response over the limit was read");
    } catch (const model::ModelError& error) {
        CHECK(error.code == problems[0].code);
    }
    const auto model = ui::tooLargeFiles({{"m.json", fiftyMb}}, model::limits::kModelBytes, "model");
    REQUIRE(model.size() == 1);
    CHECK(model[0].message == "m.json: the file is 50 MB; a model file is at most 5 MB");
}

TEST_CASE("export file names") {
    CHECK(ui::exportFileName("egov-qom", "Zahra Ahmadi, PhD", "2024-05-01T09:30:00Z", "json") ==
          "ahp-egov-qom-Zahra-Ahmadi-PhD-2024-05-01.json");
    CHECK(ui::exportFileName("egov-qom", "", "2024-05-01T09:30:00Z", "csv") == "ahp-egov-qom-expert-2024-05-01.csv");
    CHECK(ui::exportFileName("m", "زهرا احمدی", "2024-05-01T09:30:00Z", "json") == "ahp-m-زهرا-احمدی-2024-05-01.json");
    CHECK(ui::exportFileName("m", "../../etc/passwd", "2024-05-01T09:30:00Z", "json") ==
          "ahp-m-etc-passwd-2024-05-01.json");
}

TEST_CASE("start over clears answers and expert, back to the welcome screen") {
    ui::AppState state = answeredState();
    ui::clearAnswers(state);
    for (const auto& [set, matrix] : state.judgments) CHECK(matrix.knownCount() == 0);
    CHECK(state.expertName.empty());
    CHECK(state.screen == ui::Screen::Welcome);
    CHECK(state.currentSet == 0);
}

// Property: whatever name an expert types, either the app asks for one (nothing is written)
// or the file it writes reads back, here and in `ahp group` (the same parser), with the name
// trimmed and the file name usable.
TEST_CASE("every name: the written file reads back with the trimmed name, or the app asks first") {
    const std::vector<std::string> pieces = {" ",
                                             "\t",
                                             "\n",
                                             "\r",
                                             "\xC2\xA0",
                                             "\xE2\x80\x8C",
                                             "\xE2\x80\x8F",
                                             "\xE2\x80\x8E",
                                             "\xE2\x81\xA7",
                                             "\xE3\x80\x80",
                                             "\xEF\xBB\xBF",
                                             "\xE2\x80\x83",
                                             "Ana",
                                             "Z",
                                             "علی",
                                             "رضایی",
                                             "\xF0\x9F\x98\x80",
                                             "\"",
                                             "\\",
                                             "/",
                                             ",",
                                             "<script>",
                                             "-",
                                             "0",
                                             "é",
                                             "\xE2\x80\xAE",
                                             "."};
    std::mt19937 random(20261127);
    ui::AppState state = answeredState();
    int asked = 0, written = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string name;
        const int count = int(random() % 6);
        for (int k = 0; k < count; ++k) name += pieces[random() % pieces.size()];
        state.expertName = name;
        const std::optional<model::Response> response = ui::responseForDownload(state, "2026-11-27T06:00:00Z", "test");
        const std::string trimmed = model::trimmedName(name);
        if (!response) {  // no name, or one a file may not carry (the field says why)
            ++asked;
            CHECK((trimmed.empty() || !model::isStorableName(trimmed)));
            continue;
        }
        ++written;
        REQUIRE_FALSE(trimmed.empty());
        CHECK(response->expert.name == trimmed);
        const std::string bytes = model::writeResponse(state.model, *response);
        const model::Response read = model::parseResponse(state.model, bytes, "written.json");  // strict
        CHECK(read.expert.name == trimmed);
        CHECK(model::sameJudgments(read.judgments, response->judgments));
        const std::string file = ui::exportFileName(state.model.id, read.expert.name, read.savedAt, "json");
        CHECK(file.find_first_of("/\\ \t\r\n\"") == std::string::npos);
        // A CSV of the same download starts with the byte-order mark and carries the name.
        const std::string csv = model::judgmentsCsv(state.model, *response, "fa");
        CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
        CHECK(csv.find(model::csvField(trimmed)) != std::string::npos);
    }
    CHECK(asked > 100);
    CHECK(written > 1000);
}

// Two tabs of one session: each saves through the stored copy; later changes win judgment by
// judgment, so no answer given in either tab is lost.
TEST_CASE("two tabs of one session merge judgment by judgment, the later change winning") {
    ui::AppState tabA = freshState(), tabB = freshState();
    const std::string g = tabA.sets[0].parentId;  // "G": 3 items
    // Tab A answers (0,1) at t=100; tab B, which never saw it, answers (0,2) at t=200.
    tabA.judgments.at(g).set(0, 1, 3);
    tabA.changeTimes[ui::judgmentKey(tabA.model, g, 0, 1)] = 100;
    const std::string storedByA = ui::sessionText(tabA, "2026-11-27T07:00:00Z", "test");
    tabB.judgments.at(g).set(0, 2, 5);
    tabB.changeTimes[ui::judgmentKey(tabB.model, g, 0, 2)] = 200;
    model::ResponseReadOptions lenient;
    lenient.allowEmptyName = true;
    // B saves: it merges what A stored first.
    CHECK(ui::mergeSession(tabB, model::parseResponse(tabB.model, storedByA, "stored", lenient)));
    CHECK(tabB.judgments.at(g).get(0, 1) == 3.0);
    CHECK(tabB.judgments.at(g).get(0, 2) == 5.0);
    const std::string storedByB = ui::sessionText(tabB, "2026-11-27T07:00:00Z", "test");
    // A new tab (a restore) sees both answers, with their times.
    ui::AppState fresh = freshState();
    ui::restoreSession(fresh, storedByB);
    CHECK(fresh.judgments.at(g).knownCount() == 2);
    CHECK(fresh.changeTimes.at(ui::judgmentKey(fresh.model, g, 0, 1)) == 100);

    // The same judgment in both: the later one wins, whichever tab merges.
    tabA.judgments.at(g).set(0, 1, 7);
    tabA.changeTimes[ui::judgmentKey(tabA.model, g, 0, 1)] = 300;
    CHECK(ui::mergeSession(tabA, model::parseResponse(tabA.model, storedByB, "stored", lenient)));
    CHECK(tabA.judgments.at(g).get(0, 1) == 7.0);  // A's later change stays
    CHECK(tabA.judgments.at(g).get(0, 2) == 5.0);  // B's answer arrives
    // A clear is a change too: cleared later in A, it is cleared in B when B merges.
    tabA.judgments.at(g).clear(0, 2);
    tabA.changeTimes[ui::judgmentKey(tabA.model, g, 0, 2)] = 400;
    CHECK(ui::mergeSession(tabB, model::parseResponse(tabB.model, ui::sessionText(tabA, "2026-11-27T07:00:00Z", "test"),
                                                      "stored", lenient)));
    CHECK_FALSE(tabB.judgments.at(g).get(0, 2).has_value());
    CHECK(tabB.judgments.at(g).get(0, 1) == 7.0);
    // Nothing newer: nothing changes.
    CHECK_FALSE(ui::mergeSession(
        tabB,
        model::parseResponse(tabB.model, ui::sessionText(tabA, "2026-11-27T07:00:00Z", "test"), "stored", lenient)));
    // The expert's name follows the same rule.
    tabA.expertName = "Nima";
    tabA.changeTimes["expert"] = 500;
    CHECK(ui::mergeSession(tabB, model::parseResponse(tabB.model, ui::sessionText(tabA, "2026-11-27T07:00:00Z", "test"),
                                                      "stored", lenient)));
    CHECK(tabB.expertName == "Nima");
}

TEST_CASE("a session's change times must be times") {
    ui::AppState state = freshState();
    state.changeTimes["G/D1/D2"] = 5;
    auto doc = nlohmann::json::parse(ui::sessionText(state, "2026-11-27T07:00:00Z", "test"));
    doc["session"]["changed"]["G/D1/D2"] = -1;
    model::ResponseReadOptions lenient;
    lenient.allowEmptyName = true;
    CHECK_THROWS_WITH(model::parseResponse(state.model, doc.dump(), "s", lenient), Catch::Contains("session.changed"));
    doc["session"]["changed"]["G/D1/D2"] = "soon";
    CHECK_THROWS_AS(model::parseResponse(state.model, doc.dump(), "s", lenient), model::ModelError);
}

TEST_CASE("the welcome screen's list of saved sessions: name, role, judgments given, when; empty ones left out") {
    const ui::AppState saved = answeredState();
    int given = 0;
    for (const auto& [set, matrix] : saved.judgments)
        for (const auto& v : matrix.upperTriangle()) given += v.has_value();
    REQUIRE(given > 0);
    const std::string slot = ui::sessionSlotFor(saved.model.hash, "k3x9");
    CHECK(slot == saved.model.hash + ".k3x9");
    const auto listed = ui::savedExpertFrom(saved.model, slot, ui::sessionText(saved, "2024-05-01T09:30:00Z", "0.1.0"));
    REQUIRE(listed);
    CHECK(listed->slot == slot);
    CHECK(listed->name == saved.expertName);
    CHECK(listed->role == saved.expertRole);
    CHECK(listed->answered == given);
    CHECK(listed->savedAt == "2024-05-01T09:30:00Z");

    // A name alone is listed (an expert who has not answered yet); nothing at all is not.
    ui::AppState named = freshState();
    named.expertName = "Ali";
    const auto onlyName =
        ui::savedExpertFrom(named.model, slot, ui::sessionText(named, "2024-05-02T10:00:00Z", "0.1.0"));
    REQUIRE(onlyName);
    CHECK(onlyName->answered == 0);
    ui::AppState blank = freshState();
    blank.expertName = "   ";
    CHECK_FALSE(ui::savedExpertFrom(blank.model, slot, ui::sessionText(blank, "2024-05-02T10:00:00Z", "0.1.0")));
    // Unreadable or another model's: not listed (and not an error).
    CHECK_FALSE(ui::savedExpertFrom(saved.model, slot, "{\"format\": \"ahp-response\""));
    CHECK_FALSE(ui::savedExpertFrom(saved.model, slot, "not json"));
}
