// The stated limits on what the program reads (docs/formats.md, "Limits"). Each is checked
// before the work it bounds, and each refusal names the limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace model {

namespace limits {
constexpr std::size_t kModelBytes = 5 * 1024 * 1024;     // a model file (or a link's model text)
constexpr std::size_t kResponseBytes = 2 * 1024 * 1024;  // a response file or an autosaved session
constexpr std::size_t kPageBytes = 32 * 1024 * 1024;     // a survey page's template (the single-file page)
constexpr int kJsonNesting = 64;                         // [ and { inside each other
constexpr int kNodes = 2000;                             // nodes in a model, the goal included
constexpr int kDepth = 500;                              // levels below the goal
constexpr int kItemsPerSet = 60;                         // children of one node (a 60 x 60 matrix: 1,770 judgments)
constexpr int kLanguages = 20;
constexpr int kNameCharacters = 200;    // an expert's name, and a role
constexpr int kLabelCharacters = 500;   // a node's label, a title
constexpr int kTextCharacters = 20000;  // a purpose, a description, a note
}  // namespace limits

// "50 MB", "2 MB", "18 KB", "512 bytes" (1 KB = 1,024 bytes), for messages. Sizes are 64-bit:
// a file the browser offers may be over 4 GB where size_t (WebAssembly) is 32 bits.
std::string formatByteSize(std::uint64_t bytes);

// Throws ModelError "<source>: the file is 50 MB; a <kind> file is at most 2 MB" (code
// "too_large.<kind>", args: size, limit) when `size` is over `limit`. Kinds: "model", "response".
void checkFileSize(std::uint64_t size, std::uint64_t limit, const std::string& kind, const std::string& source);

// The number of characters (UTF-8 code points) in `text`.
std::size_t characterCount(const std::string& text);

// The first character a name or a text must not hold: C0 and C1 control characters (except tab
// and line ends where `allowLineBreaks`), DEL, the bidi embeddings, overrides and isolates
// (U+202A..U+202E, U+2066..U+2069), line/paragraph separators and U+FEFF. They would make the
// text shown differ from the text stored. Returns "" when there is none, else "U+202E".
std::string forbiddenCharacter(const std::string& text, bool allowLineBreaks);

// `text` with every byte that is not part of a valid UTF-8 sequence written as "\xNN" (and
// control characters as "\u00NN"): for quoting what a file holds inside a message.
std::string printableUtf8(const std::string& text);

// `text` cut to at most `maxBytes` bytes, never inside a UTF-8 sequence, "..." added when cut.
std::string cutUtf8(const std::string& text, std::size_t maxBytes);

}  // namespace model
