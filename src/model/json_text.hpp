// Reading JSON documents with errors that say where: "file.json: line 3, column 7: ..." for
// syntax, "file.json: nodes[2].labels.fa: ..." for content. Used by the model and response
// parsers; public so the UI can reuse the same wording.
#pragma once

#include "model/errors.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace model {

// Parses `text`; throws ModelError "<source>: line L, column C: <what>" for malformed or
// truncated input, "not a JSON text" for bytes no JSON holds (binary data), "<source>: is empty"
// for empty input, "<path>: the key ... appears twice" for a duplicate key in an object, and
// refuses nesting deeper than limits::kJsonNesting. The caller checks the size first. Members of
// the top-level object named in `skipped` are checked as JSON but not kept (they are null).
nlohmann::json parseJsonText(const std::string& text, const std::string& source,
                             const std::vector<std::string>& skipped = {});

// 1-based line and column of a byte offset in `text` (columns count bytes).
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionOf(const std::string& text, std::size_t byteOffset);

// Checks on one JSON value, each throwing ModelError "<source>: <path>: <problem>".
// Paths are written like nodes[3].labels.fa; the empty path is the document itself.
class JsonChecker {
public:
    explicit JsonChecker(std::string source) : source_(std::move(source)) {}

    // Code "invalid", argument: the path.
    [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
    // With a code of docs/formats.md's list and its arguments.
    [[noreturn]] void failWith(const std::string& code, const std::vector<std::string>& args, const std::string& path,
                               const std::string& problem) const;

    static std::string member(const std::string& path, const std::string& key);
    static std::string element(const std::string& path, std::size_t index);

    // The member `key` of object `object`: required ones throw when absent; optional ones
    // return nullptr.
    const nlohmann::json& required(const nlohmann::json& object, const std::string& path, const std::string& key) const;
    const nlohmann::json* optional(const nlohmann::json& object, const std::string& key) const;

    void expectObject(const nlohmann::json& value, const std::string& path) const;
    void expectArray(const nlohmann::json& value, const std::string& path) const;
    std::string expectString(const nlohmann::json& value, const std::string& path) const;
    std::string expectNonEmptyString(const nlohmann::json& value, const std::string& path) const;
    double expectFiniteNumber(const nlohmann::json& value, const std::string& path) const;
    long long expectInteger(const nlohmann::json& value, const std::string& path) const;
    // The document's "format" must be `format` ("... (is this a <what> file?)") and its
    // "version" must be `version`.
    void expectFormatAndVersion(const nlohmann::json& document, const std::string& format, long long version,
                                const std::string& what) const;
    // Rejects members not in `allowed` (catches misspelt keys that would otherwise be ignored).
    void expectOnlyKeys(const nlohmann::json& object, const std::string& path,
                        const std::vector<std::string>& allowed) const;

    const std::string& source() const { return source_; }

private:
    std::string source_;
};

// "string", "number", "object", ... for messages.
std::string jsonTypeName(const nlohmann::json& value);
// A short quoted rendering of a value for messages, cut at 40 bytes (between UTF-8 characters).
std::string quoteForMessage(const nlohmann::json& value);

// Runs a parser, turning the engine's and nlohmann's exceptions into a ModelError that names
// the source (a ModelError already does).
template <class Parse>
auto withSourceInErrors(const std::string& source, Parse&& parse) -> decltype(parse()) {
    try {
        return parse();
    } catch (const ModelError&) {
        throw;
    } catch (const std::exception& error) {  // ahp::Error, nlohmann::json::exception
        throw ModelError(source + ": " + error.what(), "invalid", {source});
    }
}

}  // namespace model
