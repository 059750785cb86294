#include "test_support.hpp"

#include "model/survey_page.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;

TEST_CASE("a model's contact and instructions are read and checked", "[model][survey]") {
    json doc = test::smallModelJson();
    doc["contact"] = "researcher@example.org";
    doc["instructions"] = {{"en", "Compare each pair."}, {"fa", "هر جفت را مقایسه کنید."}};
    model::Model m = model::parseModel(doc.dump());
    CHECK(m.contact == "researcher@example.org");
    CHECK(m.instructions.at("fa") == "هر جفت را مقایسه کنید.");
    CHECK(model::parseModel(test::smallModelJson().dump()).contact.empty());

    for (const char* bad : {"researcher", "a@b", "@example.org", "a b@example.org", "a@b@example.org",
                            "x@example.org?cc=all@example.org", "x@example.org>"}) {
        doc["contact"] = bad;
        CHECK_THAT(test::modelError(doc.dump()), Contains("contact") && Contains("e-mail"));
    }
    doc["contact"] = "";
    CHECK(model::parseModel(doc.dump()).contact.empty());
    doc["instructions"] = {{"de", "Vergleichen"}};
    CHECK_THAT(test::modelError(doc.dump()), Contains("instructions.de"));
}

TEST_CASE("a survey page holds its model as data no label can break out of", "[model][survey]") {
    const std::string page = std::string("<html><head>") + model::kSurveyModelOpenTag + "</script>" +
                             "<script>start()</script></head></html>";
    json doc = test::smallModelJson();
    doc["nodes"][1]["labels"]["en"] = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & ";
    const std::string modelText = doc.dump(2);
    const std::string out = model::surveyPage(page, modelText, "t.html");

    // Exactly one way out of the data: its own closing tag; the rest of the page unchanged.
    const std::string data = *model::surveyPageModel(out);
    CHECK(data.find('<') == std::string::npos);
    CHECK(data.find('>') == std::string::npos);
    CHECK(out.find("<script>start()</script></head></html>") != std::string::npos);
    // The same model (same hash) comes back from the stored text.
    CHECK(model::parseModel(data).hash == model::parseModel(modelText).hash);
    CHECK(json::parse(data)["nodes"][1]["labels"]["en"] == doc["nodes"][1]["labels"]["en"]);

    // Making a page from a survey page replaces its model.
    json other = test::smallModelJson();
    other["id"] = "other";
    const std::string again = model::surveyPage(out, other.dump(), "t.html");
    CHECK(model::parseModel(*model::surveyPageModel(again)).id == "other");
    CHECK(again.size() < out.size());

    CHECK_FALSE(model::surveyPageModel(page).has_value());
    CHECK_THROWS_WITH(model::surveyPage("<html></html>", modelText, "x.html"),
                      Contains("x.html") && Contains("not a survey page"));
    CHECK_THROWS_AS(model::surveyPage(page, "{\"format\":\"ahp-model\"}", "t.html"), model::ModelError);
}
