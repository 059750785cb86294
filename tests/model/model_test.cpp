#include "test_support.hpp"

#include "model/hash.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;

TEST_CASE("the study model loads with its tree, sets and reported weights", "[model][study]") {
    model::Model m = model::parseModel(test::studyModelText(), "egov-qom.json");
    const ahp::Hierarchy& h = m.hierarchy;
    CHECK(m.id == "egov-qom");
    CHECK(m.languages == std::vector<std::string>{"fa", "en"});
    CHECK(h.nodes().size() == 52);
    CHECK(h.leaves().size() == 38);
    CHECK(h.comparisonSets().size() == 14);
    CHECK(h.judgmentCount() == 78);

    // Sets in questionnaire order: depth-first, as Hierarchy::comparisonSets() defines.
    std::vector<std::string> setIds;
    std::vector<int> sizes;
    for (int k : h.comparisonSets()) {
        setIds.push_back(h.node(k).id);
        sizes.push_back(static_cast<int>(h.node(k).children.size()));
    }
    CHECK(setIds == std::vector<std::string>{"G", "D1", "C11", "C12", "C13", "D2", "C21", "C22", "C23", "C24", "D3",
                                             "C31", "C32", "C33"});
    CHECK(sizes == std::vector<int>{3, 3, 4, 2, 3, 4, 4, 6, 5, 3, 3, 2, 3, 6});
    // The same sizes in the study's listing order (dimensions, components, indicators).
    std::vector<int> studyOrder;
    for (const char* id : {"G", "D1", "D2", "D3", "C11", "C12", "C13", "C21", "C22", "C23", "C24", "C31", "C32", "C33"})
        studyOrder.push_back(static_cast<int>(h.node(*h.find(id)).children.size()));
    CHECK(studyOrder == std::vector<int>{3, 3, 4, 3, 4, 2, 3, 4, 6, 5, 3, 2, 3, 6});

    CHECK(m.settings.method == ahp::PriorityMethod::NormalizedColumns);
    CHECK(m.settings.riTable == ahp::RandomIndexTable::Saaty1980);
    CHECK(m.settings.crThreshold == 0.10);
    CHECK(m.reportedLocalWeights.at("I231") == 0.5609);  // the printed value, erratum kept
    CHECK(m.reportedLocalWeights.at("C11") == 0.5207);
    CHECK(m.reportedLocalWeights.size() == 48);  // every node below the dimensions
    CHECK_THAT(m.notes.at("I231").at("en"), Contains("0.2609"));
    CHECK(m.notes.count("C32") == 1);
    CHECK(model::nodeLabel(m, "D2", "en") == "E-service delivery");
    CHECK(model::nodeLabel(m, "D2", "fa") == "ارائه خدمات الکترونیکی");
    CHECK(m.title.at("fa").size() > 0);
    CHECK(m.purpose.at("en").find("Qom") != std::string::npos);
    CHECK(m.hash.size() == 16);
    CHECK(m.hash.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("the model hash ignores layout and key order but not content", "[model][hash]") {
    json doc = test::smallModelJson();
    std::string hash = model::parseModel(doc.dump()).hash;
    CHECK(model::parseModel(doc.dump(4)).hash == hash);
    // Same content, members written in another order.
    std::string reordered = R"({"version":1,"format":"ahp-model",)" + doc.dump().substr(1);
    reordered = json::parse(reordered).dump();  // still valid JSON
    CHECK(model::parseModel(reordered).hash == hash);
    doc["nodes"][1]["labels"]["en"] = "Cost";
    CHECK(model::parseModel(doc.dump()).hash != hash);
}

TEST_CASE("FNV-1a 64 matches its published test vectors", "[model][hash]") {
    CHECK(model::fnv1a64Hex("") == "cbf29ce484222325");
    CHECK(model::fnv1a64Hex("a") == "af63dc4c8601ec8c");
    CHECK(model::fnv1a64Hex("foobar") == "85944171f73967e8");
}

TEST_CASE("node order follows the file's order, depth first from the root", "[model]") {
    json doc = test::smallModelJson();
    // Children listed before their parent, root last: still the same tree and order.
    json nodes = json::array();
    for (int k : {4, 5, 1, 2, 3, 0}) nodes.push_back(doc["nodes"][k]);
    doc["nodes"] = nodes;
    model::Model m = model::parseModel(doc.dump());
    std::vector<std::string> ids;
    for (const auto& node : m.hierarchy.nodes()) ids.push_back(node.id);
    CHECK(ids == std::vector<std::string>{"G", "A", "A1", "A2", "B", "C"});
    CHECK(model::childIds(m.hierarchy, 0) == std::vector<std::string>{"A", "B", "C"});
}

TEST_CASE("settings are optional with documented defaults", "[model]") {
    json doc = test::smallModelJson();
    doc.erase("settings");
    model::Model m = model::parseModel(doc.dump());
    CHECK(m.settings.method == ahp::PriorityMethod::Eigenvector);
    CHECK(m.settings.riTable == ahp::RandomIndexTable::Saaty1980);
    CHECK(m.settings.crThreshold == 0.10);
}

namespace {

// Applies `change` to the small model and returns the error message.
template <typename Change>
std::string errorAfter(Change change) {
    json doc = test::smallModelJson();
    change(doc);
    return test::modelError(doc.dump());
}

}  // namespace

TEST_CASE("every bad model is rejected with a message naming the field", "[model][errors]") {
    CHECK(errorAfter([](json& d) { d["nodes"][3]["parent"] = "D9"; }) ==
          "model: nodes[3].parent: unknown node id \"D9\"");
    CHECK_THAT(errorAfter([](json& d) { d["format"] = "ahp-response"; }),
               Contains("model: format: is \"ahp-response\", expected \"ahp-model\""));
    CHECK_THAT(errorAfter([](json& d) { d["version"] = 2; }),
               Contains("model: version: is 2; this program reads version 1"));
    CHECK_THAT(errorAfter([](json& d) { d["version"] = "1"; }), Contains("version: must be an integer"));
    CHECK_THAT(errorAfter([](json& d) { d.erase("id"); }), Contains("model: id: is missing"));
    CHECK_THAT(errorAfter([](json& d) { d["id"] = "has space"; }),
               Contains("model: id: \"has space\" is not a valid id"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][4]["id"] = "B"; }),
               Contains("nodes[4].id: duplicate id \"B\" (first used by nodes[2])"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][2]["parent"] = nullptr; }),
               Contains("nodes[2].parent: a second root"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][0]["parent"] = "A"; }), Contains("model: nodes: no root"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][2]["parent"] = "B"; }),
               Contains("nodes[2].parent: a node cannot be its own parent"));
    std::string cycle = errorAfter([](json& d) {
        d["nodes"][1]["parent"] = "A2";  // A -> A2 -> A
    });
    CHECK_THAT(cycle, Contains("nodes[1].parent: node \"A\" is not connected to the root"));
    CHECK_THAT(cycle, Contains("cycle (A -> A2 -> A)"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][1]["labels"].erase("fa"); }),
               Contains("model: nodes[1].labels.fa: is missing"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][1]["labels"]["fa"] = ""; }),
               Contains("nodes[1].labels.fa: must not be empty"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][1]["labels"]["de"] = "Kosten"; }),
               Contains("nodes[1].labels.de: language \"de\" is not declared in languages (en, fa)"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][1]["labels"]["en"] = 5; }),
               Contains("nodes[1].labels.en: must be a string, found a number"));
    CHECK_THAT(errorAfter([](json& d) { d["title"].erase("en"); }), Contains("model: title.en: is missing"));
    CHECK_THAT(errorAfter([](json& d) { d["languages"] = json::array(); }), Contains("languages: must list"));
    CHECK_THAT(errorAfter([](json& d) {
                   d["languages"] = {"en", "en"};
               }),
               Contains("languages[1]: \"en\" is listed twice"));
    CHECK_THAT(errorAfter([](json& d) { d["settings"]["method"] = "power"; }),
               Contains("settings.method: unknown method \"power\" (known: eigen, geometric, normalized)"));
    CHECK_THAT(errorAfter([](json& d) { d["settings"]["ri"] = "random"; }),
               Contains("settings.ri: unknown random index table \"random\""));
    CHECK_THAT(errorAfter([](json& d) { d["settings"]["cr_threshold"] = 0; }),
               Contains("settings.cr_threshold: is 0; must be in (0, 1]"));
    CHECK_THAT(errorAfter([](json& d) { d["settings"]["cr_threshold"] = "0.1"; }),
               Contains("settings.cr_threshold: must be a number, found a string"));
    CHECK_THAT(errorAfter([](json& d) { d["settings"]["threshold"] = 0.1; }),
               Contains("settings.threshold: unknown key"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][2]["reported_local_weight"] = 1.5; }),
               Contains("nodes[2].reported_local_weight: is 1.5; must be in [0, 1]"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][2]["reported_local_weight"] = "0.5"; }),
               Contains("nodes[2].reported_local_weight: must be a number"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][0]["labls"] = json::object(); }),
               Contains("nodes[0].labls: unknown key"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"] = json::object(); }),
               Contains("model: nodes: must be an array, found an object"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][3].erase("parent"); }), Contains("nodes[3].parent: is missing"));
    CHECK_THAT(errorAfter([](json& d) { d["nodes"][3] = 7; }), Contains("nodes[3]: must be an object, found a number"));
}

TEST_CASE("numbers that are not finite never get into a model", "[model][errors]") {
    std::string text = test::smallModelJson().dump();
    std::string huge = text;
    huge.replace(huge.find("\"cr_threshold\":0.1"), 18, "\"cr_threshold\":1e999");
    std::string message = test::modelError(huge);
    CHECK_THAT(message, Contains("model: line 1, column "));
    CHECK_THAT(message, Contains("number overflow parsing '1e999' (numbers must be finite)"));
}

TEST_CASE("malformed model files give line and column", "[model][errors]") {
    std::string text = test::smallModelJson().dump(2);
    CHECK_THAT(test::modelError(text.substr(0, text.size() / 2)),
               Contains("the text ends too early (truncated file?)"));
    CHECK_THAT(test::modelError("{\n  \"format\": \"ahp-model\",\n  oops\n}"),
               Contains("model: line 3, column 3: not valid JSON"));
    CHECK_THAT(test::modelError("not json at all"), Contains("model: line 1, column 2: not valid JSON"));
    CHECK(test::modelError("") == "model: is empty (expected a JSON object)");
    CHECK(test::modelError(std::string(100000, '[')) == "model: line 1, column 65: nested more than 64 levels deep");
    CHECK_THAT(test::modelError("[1, 2]"), Contains("model: document: must be an object, found an array"));
}

TEST_CASE("isValidId: the one id rule of the parser and the editor", "[model]") {
    CHECK(model::isValidId("A1"));
    CHECK(model::isValidId("c_2-x.y:z"));
    CHECK(model::isValidId(std::string(64, 'a')));
    CHECK_FALSE(model::isValidId(""));
    CHECK_FALSE(model::isValidId(std::string(65, 'a')));
    CHECK_FALSE(model::isValidId("B B"));
    CHECK_FALSE(model::isValidId("a/b"));
    CHECK_FALSE(model::isValidId("\xD9\x85"));  // Persian letter: not ASCII
}
