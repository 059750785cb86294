#include "model/response_record.hpp"

#include <cstdint>
#include <cstring>
#include <limits>

namespace model {

namespace {

constexpr std::string_view kMagic = "ahp-response-record-1";

void putCount(std::string& out, std::uint32_t count) { out.append(reinterpret_cast<const char*>(&count), 4); }
void putText(std::string& out, const std::string& text) {
    putCount(out, std::uint32_t(text.size()));
    out += text;
}

// Reads from the front of `rest`; every read says whether the record held it.
struct RecordReader {
    std::string_view rest;
    bool count(std::uint32_t& value) {
        if (rest.size() < 4) return false;
        std::memcpy(&value, rest.data(), 4);
        rest.remove_prefix(4);
        return true;
    }
    bool text(std::string& value) {
        std::uint32_t size = 0;
        if (!count(size) || rest.size() < size) return false;
        value.assign(rest.data(), size);
        rest.remove_prefix(size);
        return true;
    }
    bool number(double& value) {
        if (rest.size() < 8) return false;
        std::memcpy(&value, rest.data(), 8);
        rest.remove_prefix(8);
        return true;
    }
};

}  // namespace

std::string encodeResponseRecord(const Response& response) {
    if (response.session) return "";
    std::string out(kMagic);
    for (const std::string* text : {&response.modelId, &response.modelHash, &response.expert.name,
                                    &response.expert.role, &response.savedAt, &response.appVersion, &response.language})
        putText(out, *text);
    putCount(out, std::uint32_t(response.judgments.size()));
    for (const auto& [set, matrix] : response.judgments) {
        putText(out, set);
        putCount(out, std::uint32_t(matrix.size()));
        // A missing judgment is a NaN, which no judgment is (PairwiseMatrix::set refuses it).
        for (const std::optional<double>& value : matrix.upperTriangle()) {
            const double number = value ? *value : std::numeric_limits<double>::quiet_NaN();
            out.append(reinterpret_cast<const char*>(&number), 8);
        }
    }
    return out;
}

std::optional<Response> decodeResponseRecord(std::string_view record) {
    if (record.substr(0, kMagic.size()) != kMagic) return std::nullopt;
    RecordReader in{record.substr(kMagic.size())};
    Response response;
    for (std::string* text : {&response.modelId, &response.modelHash, &response.expert.name, &response.expert.role,
                              &response.savedAt, &response.appVersion, &response.language})
        if (!in.text(*text)) return std::nullopt;
    std::uint32_t sets = 0;
    if (!in.count(sets)) return std::nullopt;
    for (std::uint32_t s = 0; s < sets; ++s) {
        std::string set;
        std::uint32_t n = 0;
        if (!in.text(set) || !in.count(n) || n == 0 || n > 1000) return std::nullopt;
        std::vector<std::optional<double>> upper(std::size_t(n) * (n - 1) / 2);
        for (std::optional<double>& value : upper) {
            double number = 0;
            if (!in.number(number)) return std::nullopt;
            if (number == number) value = number;  // NaN: missing
        }
        try {
            ahp::PairwiseMatrix matrix =
                n == 1 ? ahp::PairwiseMatrix(1) : ahp::PairwiseMatrix::fromUpperTriangle(upper);
            if (matrix.size() != int(n)) return std::nullopt;
            response.judgments[set] = std::move(matrix);
        } catch (const ahp::Error&) {
            return std::nullopt;
        }
    }
    if (!in.rest.empty()) return std::nullopt;
    return response;
}

}  // namespace model
