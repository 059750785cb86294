// The fonts are subset at build time (cmake/subset_font.py) and the app bakes whatever Arabic
// glyphs the subset holds (App::buildFonts): every glyph the interface can show (every UI string
// and the built-in model, shaped) and the letters a person types (Latin and Persian) must be
// among them, and none may come from elsewhere than Debian's whole Noto fonts.
#include "../model/test_support.hpp"
#include "string_tables.hpp"
#include "text/bidi.hpp"
#include "ui/app.hpp"

#include <imgui.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifdef AHP_FONT_DIR  // set where the app is built (not in the sanitizer and fuzz builds)

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The code points of every glyph the app bakes with these two fonts.
std::set<unsigned> bakedGlyphs(const std::string& latinFont, const std::string& arabicFont) {
    const std::string model = test::readSourceFile("assets/models/egov-qom.json");
    const std::string en = test::builtStringTable("en");
    const std::string fa = test::builtStringTable("fa");
    ImGuiContext* context = ImGui::CreateContext();
    std::set<unsigned> glyphs;
    {
        ui::Resources resources{model, en, fa, latinFont, arabicFont};
        ui::App app(resources);
        app.buildFonts(1.0f);
        for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
            for (const ImFontGlyph& glyph : font->Glyphs) glyphs.insert(glyph.Codepoint);
    }
    ImGui::DestroyContext(context);
    return glyphs;
}

// Every string value in a JSON text (the UI strings, the model's labels and notes).
void collectTexts(const nlohmann::json& value, std::vector<std::string>& out) {
    if (value.is_string()) out.push_back(value.get<std::string>());
    if (value.is_structured())
        for (const auto& item : value) collectTexts(item, out);
}

// The code points the interface can show: every UI string and model text as shaped (under both
// base directions), and every Persian letter in each joining position and lam-alef ligature.
std::vector<uint32_t> shownCodepoints() {
    std::vector<std::string> texts;
    for (const char* file : {"assets/strings/en.json", "assets/strings/fa.json", "assets/models/egov-qom.json"})
        collectTexts(nlohmann::json::parse(test::readSourceFile(file)), texts);
    static const char* const kLetters[] = {"ا", "آ", "أ", "إ", "ء", "ؤ", "ئ", "ب", "پ", "ت", "ث", "ج", "چ", "ح",
                                           "خ", "د", "ذ", "ر", "ز", "ژ", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
                                           "ف", "ق", "ک", "ك", "گ", "ل", "م", "ن", "و", "ه", "ة", "ی", "ي", "ى"};
    for (const std::string l : kLetters)  // isolated, initial, medial, final; lam-alef ligatures
        texts.push_back(l + " " + l + "ب بـ" + l + "ب ب" + l + " ل" + l + " بل" + l);
    texts.push_back("۰۱۲۳۴۵۶۷۸۹٫٬،؛؟«»");
    return text::codepointsAfterShaping(texts);
}

}  // namespace

TEST_CASE("the subset fonts bake every glyph the interface shows, and only the whole fonts' glyphs", "[fonts]") {
    const std::string noto = "/usr/share/fonts/truetype/noto/";
    const std::set<unsigned> whole =
        bakedGlyphs(readFile(noto + "NotoSans-Regular.ttf"), readFile(noto + "NotoSansArabic-Regular.ttf"));
    const std::string latinSubset = readFile(AHP_FONT_DIR "/NotoSans-subset.ttf");
    const std::string arabicSubset = readFile(AHP_FONT_DIR "/NotoSansArabic-subset.ttf");
    const std::set<unsigned> subset = bakedGlyphs(latinSubset, arabicSubset);
    std::string missing, extra;  // as U+XXXX lists, so a failure says which
    for (uint32_t c : shownCodepoints())
        if (whole.count(c) && !subset.count(c)) missing += " U+" + std::to_string(c);
    for (unsigned c : subset)
        if (!whole.count(c)) extra += " U+" + std::to_string(c);
    INFO("shown, baked from the whole fonts but not from the subsets (decimal):" << missing);
    INFO("baked from the subsets only (decimal):" << extra);
    CHECK(missing.empty());
    CHECK(extra.empty());
    // Small enough to matter: the whole fonts are 512 KB and 244 KB; and the atlas stays small
    // (the whole fonts' blocks would bake over 1,000 Arabic glyphs).
    CHECK(latinSubset.size() < 40 * 1024);
    CHECK(arabicSubset.size() < 80 * 1024);
    CHECK(subset.size() < 600);

    // What people type: every printable ASCII and Latin-1 letter, the Persian alphabet (its
    // own letters too), Persian digits and punctuation, each as typed (unshaped, in text fields)
    // and in its shaped forms.
    std::set<unsigned> typed;
    for (unsigned c = 0x21; c <= 0x7E; ++c) typed.insert(c);
    for (unsigned c = 0xC0; c <= 0xFF; ++c) typed.insert(c);
    for (unsigned c = 0x0621; c <= 0x063A; ++c) typed.insert(c);
    for (unsigned c = 0x0641; c <= 0x064A; ++c) typed.insert(c);
    for (unsigned c : {0x067Eu, 0x0686u, 0x0698u, 0x06A9u, 0x06AFu, 0x06CCu, 0x060Cu, 0x061Bu, 0x061Fu})
        typed.insert(c);
    for (unsigned c = 0x06F0; c <= 0x06F9; ++c) typed.insert(c);
    for (unsigned c : {0xFB56u, 0xFB57u, 0xFB58u, 0xFB59u,  // peh
                       0xFB7Au, 0xFB7Bu, 0xFB7Cu, 0xFB7Du,  // tcheh
                       0xFB8Au, 0xFB8Bu,                    // jeh
                       0xFB8Eu, 0xFB8Fu, 0xFB90u, 0xFB91u,  // keheh
                       0xFB92u, 0xFB93u, 0xFB94u, 0xFB95u,  // gaf
                       0xFBFCu, 0xFBFDu, 0xFBFEu, 0xFBFFu,  // farsi yeh
                       0xFEFBu, 0xFEFCu})                   // lam-alef
        typed.insert(c);
    for (unsigned c : typed) {
        INFO("U+" << std::hex << c);
        CHECK(subset.count(c) == 1);
    }
}

// Persian is read at the size of the Latin text beside it: the baked alef (U+0627, a stem) stands
// at least as tall as a Latin H, and no more than a quarter taller; the Persian ye (U+06CC) and
// the Latin x, the letters' bodies, compare the same way within bounds. (At one ImGui size
// Noto Sans Arabic's alef was as tall as the Latin x.)
TEST_CASE("Persian letters are baked as large as the Latin letters beside them", "[fonts]") {
    const std::string model = test::readSourceFile("assets/models/egov-qom.json");
    const std::string en = test::builtStringTable("en");
    const std::string fa = test::builtStringTable("fa");
    const std::string latin = readFile(AHP_FONT_DIR "/NotoSans-subset.ttf");
    const std::string arabic = readFile(AHP_FONT_DIR "/NotoSansArabic-subset.ttf");
    ImGuiContext* context = ImGui::CreateContext();
    {
        ui::Resources resources{model, en, fa, latin, arabic};
        ui::App app(resources);
        app.buildFonts(1.0f);
        for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
            auto height = [&](ImWchar c) {
                const ImFontGlyph* glyph = font->FindGlyphNoFallback(c);
                REQUIRE(glyph != nullptr);
                return glyph->Y1 - glyph->Y0;
            };
            INFO("font size " << font->FontSize);
            const float alef = height(0x0627), capital = height('H');
            CHECK(alef >= capital);
            CHECK(alef <= 1.25f * capital);
            const float ye = height(0x06CC), x = height('x');
            CHECK(ye >= 0.6f * x);  // the ye has a descending tail: its body is measured whole
            CHECK(ye <= 1.6f * x);
        }
    }
    ImGui::DestroyContext(context);
}

#endif  // AHP_FONT_DIR
