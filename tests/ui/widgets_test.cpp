// Drawing helpers that stand in for ImGui's own must lay out and draw exactly as ImGui does.
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef AHP_FONT_DIR  // the app's fonts, built where the app is (not in the sanitizer and fuzz builds)

namespace {

// What a window's layout holds after an item: where the next one goes and what it measured.
struct Layout {
    ImVec2 cursor, cursorMax, prevLineSize, itemMin, itemMax;
    bool visible;
};
Layout layoutNow() {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    return {w->DC.CursorPos,         w->DC.CursorMaxPos,      w->DC.PrevLineSize,
            ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemVisible()};
}
bool same(ImVec2 a, ImVec2 b) { return a.x == b.x && a.y == b.y; }

// Lays out `lines` in a window scrolled so that the first are above its visible part and the
// last below it, every third on the same line as the one before; each line by `draw`.
template <class Draw>
std::vector<Layout> drawLines(const char* name, const std::vector<std::string>& lines, Draw draw) {
    std::vector<Layout> after;
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(300, 120));
    ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (k % 3 == 2) ImGui::SameLine();
        draw(lines[k]);
        after.push_back(layoutNow());
    }
    ImGui::SetScrollY(90);
    ImGui::End();
    return after;
}

}  // namespace

TEST_CASE("a line drawn with its known width is the item ImGui::TextUnformatted makes", "[widgets]") {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    std::ifstream file(AHP_FONT_DIR "/NotoSans-subset.ttf", std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    std::string font = bytes.str();
    REQUIRE(!font.empty());
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    io.Fonts->AddFontFromMemoryTTF(font.data(), int(font.size()), 17.0f, &config);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;

    std::vector<std::string> lines;
    for (int k = 0; k < 24; ++k) lines.push_back("line " + std::to_string(k) + std::string(std::size_t(k % 5), 'W'));
    lines.push_back("");

    std::vector<Layout> theirs, ours;
    for (int frame = 0; frame < 3; ++frame) {  // the scroll applies from the second frame
        ImGui::NewFrame();
        theirs = drawLines("theirs", lines, [](const std::string& line) { ImGui::TextUnformatted(line.c_str()); });
        ours = drawLines("ours", lines,
                         [](const std::string& line) { ui::TextLine(line, ImGui::CalcTextSize(line.c_str()).x); });
        ImGui::Render();
    }
    REQUIRE(theirs.size() == ours.size());
    int hidden = 0, shown = 0;
    for (std::size_t k = 0; k < ours.size(); ++k) {
        INFO("line " << k);
        CHECK(same(ours[k].cursor, theirs[k].cursor));
        CHECK(same(ours[k].cursorMax, theirs[k].cursorMax));
        CHECK(same(ours[k].prevLineSize, theirs[k].prevLineSize));
        CHECK(same(ours[k].itemMin, theirs[k].itemMin));
        CHECK(same(ours[k].itemMax, theirs[k].itemMax));
        CHECK(ours[k].visible == theirs[k].visible);
        (ours[k].visible ? shown : hidden) += 1;
    }
    CHECK(shown > 0);  // some lines in view, some above or below it
    CHECK(hidden > 0);

    // The same vertices, in the same places, for what is drawn.
    const ImDrawList* a = ImGui::FindWindowByName("theirs")->DrawList;
    const ImDrawList* b = ImGui::FindWindowByName("ours")->DrawList;
    REQUIRE(a->VtxBuffer.Size == b->VtxBuffer.Size);
    REQUIRE(a->IdxBuffer.Size == b->IdxBuffer.Size);
    for (int k = 0; k < a->VtxBuffer.Size; ++k) {
        const ImDrawVert &u = a->VtxBuffer[k], &v = b->VtxBuffer[k];
        INFO("vertex " << k);
        CHECK(same(u.pos, v.pos));
        CHECK(same(u.uv, v.uv));
        CHECK(u.col == v.col);
    }
    ImGui::DestroyContext(context);
}

#endif  // AHP_FONT_DIR
