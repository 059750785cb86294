#include "cli/commands.hpp"

#include "model/errors.hpp"
#include "model/limits.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace cli {

std::string readFile(const std::string& path, std::size_t maxBytes, const std::string& kind) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw model::ModelError(path + ": cannot open the file", "unreadable");
    // The size first, so a huge file is refused before it is read (a pipe or a device has no
    // size: then at most one byte over the limit is read).
    file.seekg(0, std::ios::end);
    const std::streamoff size = file.tellg();
    if (size >= 0) model::checkFileSize(std::size_t(size), maxBytes, kind, path);
    file.clear();
    file.seekg(0, std::ios::beg);
    std::string bytes;
    char buffer[65536];
    while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
        bytes.append(buffer, std::size_t(file.gcount()));
        model::checkFileSize(bytes.size(), maxBytes, kind, path);
    }
    if (file.bad()) throw model::ModelError(path + ": cannot read the file", "unreadable");
    return bytes;
}

std::string readAll(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const char* usageText() {
    return R"(usage: ahp COMMAND [options]

  ahp priorities [--method eigen|geometric|normalized] [--ri saaty|alonso-lamata|donegan-dodd]
      One pairwise matrix on stdin: n lines of n values, or one line of the n(n-1)/2
      upper-triangle judgments a12 a13 .. a1n a23 ..; "-" = missing, fractions like 1/3 allowed.
      Prints JSON: weights, lambda_max, ci, ri, cr, gci, koczkodaj, consistent, worst.
  ahp aggregate [--method ..] [--ri ..] [--weights w1,w2,..]
      One upper-triangle line per expert on stdin (blank lines and # comments skipped).
      Prints the AIJ group matrix and its priorities as JSON, with each expert's CR.
  ahp model FILE [--format json|csv|markdown] [--language CODE]
      Validates a model file and prints its tree, comparison sets and hash.
  ahp group MODEL RESPONSE... [--format json|csv|markdown] [--exclude-above CR]
            [--weights w1,w2,..] [--language CODE] [--include-identical]
      Group results of the response files (bad files are reported and skipped; of one
      expert's files the newest saved_at is used; identical judgments under another name are
      left out unless --include-identical).
  ahp page MODEL --out FILE.html [--template ahp-survey.html] [--link URL --qr FILE.svg]
      A survey page: the single-file questionnaire (default: $AHP_SURVEY_HTML, or
      ahp-survey.html beside ahp or in ../web/) with MODEL inside; with --qr, a QR code of
      URL (where the page will be put) as SVG. Prints JSON: page, model, hash, bytes.

Defaults: --method eigen, --ri saaty, --format json, --language (of the labels in Markdown and
the group CSV) en when the model has it, else its first language. Exit status 0 on success,
2 on bad input or usage (one line on stderr). Formats: docs/formats.md.
)";
}

}  // namespace cli
