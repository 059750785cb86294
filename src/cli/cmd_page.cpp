// `ahp page`: a survey page (one self-contained HTML file with a model inside) and, for slides
// and posters, a QR code of the link where the researcher puts it.
#include "cli/commands.hpp"
#include "model/limits.hpp"

#include "model/errors.hpp"
#include "model/model.hpp"
#include "model/survey_page.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>

#ifdef AHP_HAVE_QRCODEGEN
#include <qrcodegen.h>
#endif

namespace cli {

namespace {

namespace fs = std::filesystem;

// The single-file page to start from: --template, else $AHP_SURVEY_HTML, else beside this
// program (an installed copy) or in the web build next to the native one (build/web).
std::string findTemplate(const Args& args) {
    if (args.has("--template")) return args.get("--template", "");
    if (const char* env = std::getenv("AHP_SURVEY_HTML"); env && *env) return env;
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        for (const fs::path& candidate :
             {exe.parent_path() / "ahp-survey.html", exe.parent_path().parent_path() / "web" / "ahp-survey.html"})
            if (fs::exists(candidate, error)) return candidate.string();
    }
    throw UsageError(
        "page needs the single-file survey page to start from: build it (build/web/ahp-survey.html, "
        "scripts/build.sh web) and give it with --template FILE or AHP_SURVEY_HTML");
}

// Writes through a temporary file, so a failed write leaves no half page behind.
void writeFile(const std::string& path, const std::string& bytes) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) throw model::ModelError(path + ": cannot write the file");
        file << bytes;
        file.flush();
        if (!file) throw model::ModelError(path + ": cannot write the file");
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, error);
        throw model::ModelError(path + ": cannot write the file");
    }
}

// The link as a QR code in SVG: black squares on white, a 4-module quiet zone, medium error
// correction (survives a little dirt on a poster).
std::string qrSvg(const std::string& link) {
#ifdef AHP_HAVE_QRCODEGEN
    std::vector<uint8_t> code(qrcodegen_BUFFER_LEN_MAX), scratch(qrcodegen_BUFFER_LEN_MAX);
    if (!qrcodegen_encodeText(link.c_str(), scratch.data(), code.data(), qrcodegen_Ecc_MEDIUM, qrcodegen_VERSION_MIN,
                              qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
        throw UsageError("--link: too long for a QR code (" + std::to_string(link.size()) + " bytes)");
    const int size = qrcodegen_getSize(code.data());
    const int border = 4;
    std::string path;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            if (qrcodegen_getModule(code.data(), x, y))
                path += "M" + std::to_string(x + border) + "," + std::to_string(y + border) + "h1v1h-1z";
    const std::string extent = std::to_string(size + 2 * border);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
           extent + " " + extent +
           "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
           "<path fill=\"#000\" d=\"" +
           path + "\"/>\n</svg>\n";
#else
    (void)link;
    throw UsageError("--qr: this build of ahp has no QR code support (use the native build)");
#endif
}

}  // namespace

int runPage(const std::vector<std::string>& words, std::ostream& out) {
    Args args = parseArgs("page", words, {"--out", "--template", "--link", "--qr"});
    if (args.positional.size() != 1)
        throw UsageError("page needs exactly one MODEL file (got " + std::to_string(args.positional.size()) + ")");
    if (!args.has("--out")) throw UsageError("page needs --out FILE.html");
    if (args.has("--qr") && !args.has("--link")) throw UsageError("--qr needs --link URL (where the page will be put)");
    const std::string& modelPath = args.positional.front();
    const std::string modelText = readFile(modelPath, model::limits::kModelBytes, "model");
    const model::Model m = model::parseModel(modelText, modelPath);
    const std::string templatePath = findTemplate(args);
    const std::string page =
        model::surveyPage(readFile(templatePath, model::limits::kPageBytes, "page"), modelText, templatePath);
    const std::string outPath = args.get("--out", "");

    nlohmann::ordered_json summary;
    summary["page"] = outPath;
    summary["model"] = m.id;
    summary["hash"] = m.hash;
    summary["bytes"] = page.size();
    std::string qr;
    if (args.has("--qr")) qr = qrSvg(args.get("--link", ""));  // before writing anything
    writeFile(outPath, page);
    if (args.has("--qr")) {
        writeFile(args.get("--qr", ""), qr);
        summary["qr"] = args.get("--qr", "");
        summary["link"] = args.get("--link", "");
    }
    out << summary.dump() << "\n";
    return 0;
}

}  // namespace cli
