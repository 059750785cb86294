#include "model/names.hpp"

namespace model {

const char* methodName(ahp::PriorityMethod method) {
    switch (method) {
    case ahp::PriorityMethod::Eigenvector: return "eigen";
    case ahp::PriorityMethod::GeometricMean: return "geometric";
    case ahp::PriorityMethod::NormalizedColumns: return "normalized";
    }
    return "eigen";
}

std::optional<ahp::PriorityMethod> parseMethodName(const std::string& name) {
    if (name == "eigen") return ahp::PriorityMethod::Eigenvector;
    if (name == "geometric") return ahp::PriorityMethod::GeometricMean;
    if (name == "normalized") return ahp::PriorityMethod::NormalizedColumns;
    return std::nullopt;
}

const char* riTableName(ahp::RandomIndexTable table) {
    switch (table) {
    case ahp::RandomIndexTable::Saaty1980: return "saaty";
    case ahp::RandomIndexTable::AlonsoLamata2006: return "alonso-lamata";
    case ahp::RandomIndexTable::DoneganDodd1991: return "donegan-dodd";
    }
    return "saaty";
}

std::optional<ahp::RandomIndexTable> parseRiTableName(const std::string& name) {
    if (name == "saaty") return ahp::RandomIndexTable::Saaty1980;
    if (name == "alonso-lamata") return ahp::RandomIndexTable::AlonsoLamata2006;
    if (name == "donegan-dodd") return ahp::RandomIndexTable::DoneganDodd1991;
    return std::nullopt;
}

const char* methodNameList() { return "eigen, geometric, normalized"; }
const char* riTableNameList() { return "saaty, alonso-lamata, donegan-dodd"; }

}  // namespace model
