#include "model/survey_page.hpp"

#include "model/errors.hpp"
#include "model/model.hpp"

#include <cstring>

namespace model {

namespace {

// Where the model element's content starts and ends in `page`, or npos.
std::pair<std::size_t, std::size_t> modelElement(const std::string& page) {
    const std::size_t open = page.find(kSurveyModelOpenTag);
    if (open == std::string::npos) return {std::string::npos, std::string::npos};
    const std::size_t begin = open + std::strlen(kSurveyModelOpenTag);
    const std::size_t end = page.find(kSurveyModelCloseTag, begin);
    if (end == std::string::npos) return {std::string::npos, std::string::npos};
    return {begin, end};
}

}  // namespace

std::string surveyModelData(const std::string& modelText) {
    // Inside a JSON text these characters can only be in strings, where \uXXXX means the same.
    std::string data;
    data.reserve(modelText.size() + 64);
    for (char c : modelText) {
        if (c == '<')
            data += "\\u003c";
        else if (c == '>')
            data += "\\u003e";
        else if (c == '&')
            data += "\\u0026";
        else
            data += c;
    }
    return data;
}

std::string surveyPage(const std::string& pageHtml, const std::string& modelText, const std::string& pageName) {
    parseModel(modelText);  // throws ModelError: only a valid model goes into a page
    const auto [begin, end] = modelElement(pageHtml);
    if (begin == std::string::npos)
        throw ModelError(pageName + ": not a survey page of this app (it has no " + std::string(kSurveyModelOpenTag) +
                         " element; use build/web/ahp-survey.html)");
    std::string page = pageHtml.substr(0, begin);
    page += surveyModelData(modelText);
    page += pageHtml.substr(end);
    return page;
}

std::optional<std::string> surveyPageModel(const std::string& pageHtml) {
    const auto [begin, end] = modelElement(pageHtml);
    if (begin == std::string::npos || begin == end) return std::nullopt;
    return pageHtml.substr(begin, end - begin);
}

}  // namespace model
