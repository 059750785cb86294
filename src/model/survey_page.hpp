// A survey page: the single-file questionnaire (build/web/ahp-survey.html) with one model
// inside, as data the browser never runs. `ahp page` and the editor's "Download survey page"
// both write it here; the page's own script reads it back (web/index.html).
#pragma once

#include <optional>
#include <string>

namespace model {

// The element that holds the model. web/index.html carries it empty; a survey page carries
// the model's JSON text in it, every '<', '>' and '&' written as \u003c, \u003e, \u0026 (the
// same JSON value, so the same hash) so that no "</script>" or "<!--" can end or change it.
inline constexpr const char* kSurveyModelOpenTag = R"(<script type="application/json" id="ahp-survey-model">)";
inline constexpr const char* kSurveyModelCloseTag = "</script>";

// `modelText` as the element's content (the escaping above; nothing else changes).
std::string surveyModelData(const std::string& modelText);

// `pageHtml` with its model element holding `modelText` (replacing any model it held).
// `pageName` names the page in errors. Throws ModelError when the page has no model element
// (not a survey page of this app) or when `modelText` is not a valid model.
std::string surveyPage(const std::string& pageHtml, const std::string& modelText, const std::string& pageName = "page");

// The model inside a survey page as it is stored (a JSON text of the same model, escapes
// kept), or nullopt when its element is empty or missing.
std::optional<std::string> surveyPageModel(const std::string& pageHtml);

}  // namespace model
