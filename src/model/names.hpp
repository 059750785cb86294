// Spellings of the engine's settings in files and on the command line.
#pragma once

#include <ahp/ahp.hpp>

#include <optional>
#include <string>

namespace model {

// "eigen", "geometric", "normalized"
const char* methodName(ahp::PriorityMethod method);
std::optional<ahp::PriorityMethod> parseMethodName(const std::string& name);

// "saaty", "alonso-lamata", "donegan-dodd"
const char* riTableName(ahp::RandomIndexTable table);
std::optional<ahp::RandomIndexTable> parseRiTableName(const std::string& name);

// The accepted spellings, for error messages: "eigen, geometric, normalized".
const char* methodNameList();
const char* riTableNameList();

}  // namespace model
