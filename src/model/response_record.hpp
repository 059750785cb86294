// A response as a compact record of bytes: how the web page's reading worker, which parses
// response files off the page's thread (src/platform/reader_web.cpp), hands what it read to
// the app. Not a file format: both ends are this build's code, and a record is never stored.
#pragma once

#include "model/response.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace model {

// The record of a parsed response; "" for a response with a session place (an autosave),
// which is handed over as its bytes instead.
std::string encodeResponseRecord(const Response& response);

// The response back, or nothing when the record is not one encodeResponseRecord wrote
// (truncated, another version, a judgment off the scale): the caller then parses the file.
std::optional<Response> decodeResponseRecord(std::string_view record);

}  // namespace model
