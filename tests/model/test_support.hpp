// Shared fixtures for the model-layer tests.
#pragma once

#include "model/model.hpp"
#include "model/response.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace test {

inline std::string readSourceFile(const std::string& relative) {
    std::ifstream file(std::string(AHP_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(file.good());
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

inline std::string studyModelText() { return readSourceFile("assets/models/egov-qom.json"); }

// Goal G over A, B, C; A over A1, A2. Two languages so label checks have something to check.
inline nlohmann::json smallModelJson() {
    return nlohmann::json::parse(R"({
      "format": "ahp-model", "version": 1, "id": "small",
      "title": {"en": "Small", "fa": "کوچک"},
      "languages": ["en", "fa"],
      "settings": {"method": "geometric", "ri": "saaty", "cr_threshold": 0.1},
      "nodes": [
        {"id": "G", "parent": null, "labels": {"en": "Goal", "fa": "هدف"}},
        {"id": "A", "parent": "G", "labels": {"en": "Cost, total", "fa": "هزینه"}},
        {"id": "B", "parent": "G", "labels": {"en": "Quality \"Q\"", "fa": "کیفیت"}},
        {"id": "C", "parent": "G", "labels": {"en": "Speed", "fa": "سرعت"}},
        {"id": "A1", "parent": "A", "labels": {"en": "Up front", "fa": "اولیه"}},
        {"id": "A2", "parent": "A", "labels": {"en": "Running", "fa": "جاری"}}
      ]
    })");
}

inline model::Model smallModel() { return model::parseModel(smallModelJson().dump(), "small.json"); }

// The ModelError message of parsing `text` as a model ("" if it parses).
inline std::string modelError(const std::string& text) {
    try {
        model::parseModel(text);
    } catch (const model::ModelError& error) {
        return error.what();
    }
    return "";
}

// One expert on the small model: a_AB, a_AC, a_BC under G and a_A1A2 under A.
inline model::Response smallModelResponse(const model::Model& m, const std::string& name, double ab, double ac,
                                          double bc, double a1a2) {
    model::Response r = model::emptyResponse(m);
    r.expert = {name, "specialist"};
    r.savedAt = "2024-05-01T09:30:00Z";
    r.judgments.at("G").set(0, 1, ab);
    r.judgments.at("G").set(0, 2, ac);
    r.judgments.at("G").set(1, 2, bc);
    r.judgments.at("A").set(0, 1, a1a2);
    return r;
}

// A response to `m` by an expert with quotes in the role: each judgment given with chance
// `given` (1: all), a scale value (awkward doubles among them: 1/3, 1/7, e) chosen by `seed`.
inline model::Response seededResponse(const model::Model& m, unsigned seed, double given) {
    static const double scale[] = {1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3,          0.5, 1, 2, 3,
                                   4,       5,       6,       7,       8,       9,       2.718281828459045};
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    model::Response response = model::emptyResponse(m);
    response.expert = {"Zahra Ahmadi, PhD", "e-service \"specialist\""};
    response.savedAt = "2024-05-01T09:30:00Z";
    response.appVersion = "0.1.0";
    response.language = "fa";
    for (auto& [set, matrix] : response.judgments)
        for (int i = 0; i < matrix.size(); ++i)
            for (int j = i + 1; j < matrix.size(); ++j)
                if (given >= 1.0 || chance(random) < given)
                    matrix.set(i, j, scale[random() % (sizeof scale / sizeof scale[0])]);
    return response;
}

}  // namespace test
