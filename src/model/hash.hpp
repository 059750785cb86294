// Content hash used to tie a response file to the exact model it answers.
#pragma once

#include <cstdint>
#include <string>

namespace model {

// FNV-1a, 64-bit (Fowler, Noll, Vo): tiny, stable across platforms, enough to tell model
// versions apart (it is an identity check, not a security measure).
std::uint64_t fnv1a64(const std::string& bytes);
// 16 lowercase hex digits.
std::string fnv1a64Hex(const std::string& bytes);

}  // namespace model
