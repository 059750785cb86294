// Files embedded into the binary at build time (cmake/Embed.cmake).
#pragma once
#include <cstddef>
#include <string_view>

struct EmbeddedFile {
    const unsigned char* data;
    std::size_t size;  // without the trailing NUL the generator appends
    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};
