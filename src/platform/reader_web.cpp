// The reading worker's program (ahp-reader.{js,wasm}): parses response files against the
// model off the page's thread, so that the Research tab's frames keep coming while thousands
// of files load. The page's worker (js/services.js: readingWorker) reads a file, hands its
// bytes here and posts the record (model/response_record.hpp) beside the bytes; the app takes
// the record (web_bridge.cpp: ahp_import_add_parsed) or, when it wants them, the bytes. Any
// file this does not parse goes as bytes only, and the app's own parse says what is wrong.
#include "model/model.hpp"
#include "model/response.hpp"
#include "model/response_record.hpp"

#include <optional>
#include <string>

#include <emscripten.h>

namespace {

std::optional<model::Model> g_model;
std::string g_record;

}  // namespace

extern "C" {

// The model, as UTF-8 bytes; 1 when it reads.
EMSCRIPTEN_KEEPALIVE int ahp_reader_set_model(const char* text, int size) {
    try {
        g_model = model::parseModel(std::string(text, size > 0 ? std::size_t(size) : 0), "model");
        return 1;
    } catch (const std::exception&) {
        g_model.reset();
        return 0;
    }
}

// The record of a response file's bytes (its size from ahp_reader_record_size), or null when
// the file is not a response to the model, or is one best handed over as bytes (a session).
EMSCRIPTEN_KEEPALIVE const char* ahp_reader_parse(const char* bytes, int size) {
    g_record.clear();
    if (!g_model) return nullptr;
    try {
        g_record = model::encodeResponseRecord(
            model::parseResponse(*g_model, std::string(bytes, size > 0 ? std::size_t(size) : 0), "file"));
    } catch (const std::exception&) {
        g_record.clear();
    }
    return g_record.empty() ? nullptr : g_record.data();
}

EMSCRIPTEN_KEEPALIVE int ahp_reader_record_size() { return int(g_record.size()); }

}  // extern "C"
