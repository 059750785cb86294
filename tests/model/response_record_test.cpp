#include "test_support.hpp"

#include "model/response_record.hpp"

#include <cstring>

namespace {

// The study's model, three judgments in four given, a Persian name.
model::Response partlyAnswered(const model::Model& m, unsigned seed) {
    model::Response response = test::seededResponse(m, seed, 0.75);
    response.expert.name = "مریم \"M\" احمدی";
    return response;
}

void requireSame(const model::Response& a, const model::Response& b) {
    REQUIRE(a.modelId == b.modelId);
    REQUIRE(a.modelHash == b.modelHash);
    REQUIRE(a.expert.name == b.expert.name);
    REQUIRE(a.expert.role == b.expert.role);
    REQUIRE(a.savedAt == b.savedAt);
    REQUIRE(a.appVersion == b.appVersion);
    REQUIRE(a.language == b.language);
    REQUIRE(a.judgments == b.judgments);
    REQUIRE(!b.session);
}

}  // namespace

TEST_CASE("a response file read, made a record and read back is the response the file gives") {
    const model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const model::Response parsed = model::parseResponse(m, model::writeResponse(m, partlyAnswered(m, seed)));
        const std::string record = model::encodeResponseRecord(parsed);
        REQUIRE(!record.empty());
        const std::optional<model::Response> back = model::decodeResponseRecord(record);
        REQUIRE(back);
        requireSame(parsed, *back);
    }
}

TEST_CASE("a record cut short, with bytes after it, of another version or with a judgment off the scale is not read") {
    const model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    const std::string record = model::encodeResponseRecord(partlyAnswered(m, 7));
    for (std::size_t cut = 0; cut < record.size(); cut += 1 + cut / 8)
        REQUIRE_FALSE(model::decodeResponseRecord(std::string_view(record).substr(0, cut)));
    REQUIRE_FALSE(model::decodeResponseRecord(record + "x"));
    std::string otherVersion = record;
    otherVersion[std::string("ahp-response-record-").size()] = '2';
    REQUIRE_FALSE(model::decodeResponseRecord(otherVersion));
    // The last 8 bytes are the last set's last judgment: -1 is no judgment.
    std::string negative = record;
    const double minusOne = -1;
    std::memcpy(&negative[negative.size() - 8], &minusOne, 8);
    REQUIRE_FALSE(model::decodeResponseRecord(negative));
}

TEST_CASE("an autosaved session is not made a record: its place in the questionnaire would be lost") {
    const model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    model::Response session = partlyAnswered(m, 3);
    session.session = model::SessionPlace{"compare", "", "fa", true, {}};
    REQUIRE(model::encodeResponseRecord(session).empty());
}
