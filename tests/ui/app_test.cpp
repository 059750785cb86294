// The model the app opens with (App::App): the platform's first model (a survey page's own, a
// shared link's, a file's) when it loads, else the built-in study, with the problem told.
#include "ui/app.hpp"
#include "../model/test_support.hpp"
#include "string_tables.hpp"

#include <imgui.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace {

std::string openedModelId(const ui::App& app) {
    return nlohmann::json::parse(app.stateJson()).at("model").at("id").get<std::string>();
}

const char* const kOwnModel = R"({"format": "ahp-model", "version": 1, "id": "own-model",
  "title": {"en": "Own model", "fa": "مدل خود"}, "languages": ["en", "fa"],
  "nodes": [{"id": "G", "parent": null, "labels": {"en": "Goal", "fa": "هدف"}},
            {"id": "A", "parent": "G", "labels": {"en": "Cost", "fa": "هزینه"}},
            {"id": "B", "parent": "G", "labels": {"en": "Speed", "fa": "سرعت"}}]})";

}  // namespace

TEST_CASE(
    "the app opens the platform's first model instead of the built-in study, and the study when it does not load") {
    const std::string study = test::readSourceFile("assets/models/egov-qom.json");
    const std::string en = test::builtStringTable("en");
    const std::string fa = test::builtStringTable("fa");
    ImGuiContext* context = ImGui::CreateContext();
    const ui::Resources resources{study, en, fa, {}, {}};
    {
        ui::App app(resources);
        CHECK(openedModelId(app) == "egov-qom");
        CHECK(app.modelText() == study);
        CHECK(app.firstModelError().empty());
    }
    {
        const ui::FirstModel own{kOwnModel, "own.json"};
        ui::App app(resources, {}, &own);
        CHECK(openedModelId(app) == "own-model");
        CHECK(app.modelText() == kOwnModel);
        CHECK(app.firstModelError().empty());
    }
    {
        const ui::FirstModel broken{R"({"format": "ahp-model", "version": 1, "id": "broken", "nodes": []})",
                                    "broken.json"};
        ui::App app(resources, {}, &broken);
        CHECK(openedModelId(app) == "egov-qom");
        CHECK(app.modelText() == study);
        CHECK_THAT(app.firstModelError(), Catch::StartsWith("broken.json"));
    }
    ImGui::DestroyContext(context);
}
