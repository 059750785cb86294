// Small writers shared by the CSV / Markdown / JSON outputs.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace model {

// RFC 4180: a field is quoted when it contains a comma, quote, CR or LF; quotes are doubled.
std::string csvField(const std::string& field);
// Fields joined by commas, ended by CRLF (RFC 4180 line break).
std::string csvRow(const std::vector<std::string>& fields);

// Shortest text that reads back as the same double ("0.1", "0.30000000000000004");
// empty for NaN or infinity, so tables never show "nan".
std::string formatNumber(double value);
// Fixed decimals for human tables (Markdown); "" for non-finite.
std::string formatFixed(double value, int decimals);

// A JSON number, or null when not finite (JSON has no NaN); null for no value too. `Json` is
// the document's type (nlohmann::json, or ordered_json where the key order is the format's).
template <class Json = nlohmann::json>
Json jsonNumber(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}
template <class Json = nlohmann::json>
Json jsonNumber(const std::optional<double>& value) {
    return value ? jsonNumber<Json>(*value) : Json(nullptr);
}
// A vector as a JSON array of jsonNumber.
template <class Json = nlohmann::json>
Json jsonNumbers(const Eigen::VectorXd& values) {
    Json array = Json::array();
    for (Eigen::Index i = 0; i < values.size(); ++i) array.push_back(jsonNumber<Json>(values(i)));
    return array;
}

// Markdown text (a table cell, a heading): escapes '|', writes < > & as HTML entities (so a
// label's HTML shows as text), turns newlines into spaces.
std::string markdownCell(const std::string& text);

}  // namespace model
