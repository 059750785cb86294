#include "model/text_format.hpp"

#include <cmath>
#include <cstdio>

namespace model {

std::string csvField(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csvRow(const std::vector<std::string>& fields) {
    std::string row;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) row += ',';
        row += csvField(fields[i]);
    }
    row += "\r\n";
    return row;
}

std::string formatNumber(double value) {
    if (!std::isfinite(value)) return "";
    // nlohmann's dump prints the shortest round-trip representation.
    std::string text = nlohmann::json(value).dump();
    // "3.0" -> "3": reads back the same and looks like what people type.
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text;
}

std::string formatFixed(double value, int decimals) {
    if (!std::isfinite(value)) return "";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);
    return text;
}

std::string markdownCell(const std::string& text) {
    std::string cell;
    for (char c : text) {
        if (c == '|')
            cell += "\\|";
        else if (c == '<')
            cell += "&lt;";  // no HTML from a label or a name reaches a renderer
        else if (c == '>')
            cell += "&gt;";
        else if (c == '&')
            cell += "&amp;";
        else if (c == '\n' || c == '\r')
            cell += ' ';
        else
            cell += c;
    }
    return cell;
}

}  // namespace model
