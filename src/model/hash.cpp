#include "model/hash.hpp"

namespace model {

std::uint64_t fnv1a64(const std::string& bytes) {
    std::uint64_t hash = 14695981039346656037ull;  // offset basis
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 1099511628211ull;  // FNV prime
    }
    return hash;
}

std::string fnv1a64Hex(const std::string& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::uint64_t hash = fnv1a64(bytes);
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i) {
        hex[i] = digits[hash & 0xf];
        hash >>= 4;
    }
    return hex;
}

}  // namespace model
