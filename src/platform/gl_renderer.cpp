#include "platform/gl_renderer.hpp"

#include "platform/embedded.hpp"
#include "platform/gl.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

extern const EmbeddedFile shader_imgui_vert;
extern const EmbeddedFile shader_imgui_frag;

namespace platform {

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kShaderPrelude = "#version 300 es\nprecision mediump float;\n";
#else
constexpr const char* kShaderPrelude = "#version 330 core\n";
#endif

// Compiles without asking how it went: the question waits for the GPU process (checkProgram).
unsigned compileShader(GLenum type, const EmbeddedFile& source) {
    const std::string text = std::string(kShaderPrelude) + std::string(source.text());
    const char* sources[] = {text.c_str()};
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, sources, nullptr);
    glCompileShader(shader);
    return shader;
}

void checkCompiled(GLuint shader) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        throw std::runtime_error(std::string("shader compile failed: ") + log);
    }
}

}  // namespace

// The shaders compile and link while the app starts (the fonts are baked meanwhile); whether
// they did is asked at the first draw (checkProgram). Asked here, each question waited for the
// GPU process on the way to the first frame (issue 11).
GlRenderer::GlRenderer() {
    vertexShader_ = compileShader(GL_VERTEX_SHADER, shader_imgui_vert);
    fragmentShader_ = compileShader(GL_FRAGMENT_SHADER, shader_imgui_frag);
    program_ = glCreateProgram();
    glAttachShader(program_, vertexShader_);
    glAttachShader(program_, fragmentShader_);
    glBindAttribLocation(program_, 0, "a_position");
    glLinkProgram(program_);

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGui::GetIO().BackendRendererName = "ahp_gl_renderer";
}

void GlRenderer::checkProgram() {
    if (!vertexShader_) return;  // checked
    checkCompiled(vertexShader_);
    checkCompiled(fragmentShader_);
    GLint ok = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(program_, sizeof log, nullptr, log);
        throw std::runtime_error(std::string("shader link failed: ") + log);
    }
    uProjection_ = glGetUniformLocation(program_, "u_projection");
    uTexture_ = glGetUniformLocation(program_, "u_texture");
    glDeleteShader(vertexShader_);
    glDeleteShader(fragmentShader_);
    vertexShader_ = fragmentShader_ = 0;
}

GlRenderer::~GlRenderer() {
    if (vertexShader_) glDeleteShader(vertexShader_);
    if (fragmentShader_) glDeleteShader(fragmentShader_);
    if (fontTexture_) glDeleteTextures(1, &fontTexture_);
    glDeleteBuffers(1, &vbo_);
    glDeleteBuffers(1, &ebo_);
    glDeleteVertexArrays(1, &vao_);
    glDeleteProgram(program_);
}

void GlRenderer::uploadFontAtlas() {
    ImGuiIO& io = ImGui::GetIO();
    // The atlas's own one-byte coverage as a one-channel texture: a quarter of the memory of
    // GetTexDataAsRGBA32's copy, which is white everywhere but its alpha.
    if (!io.Fonts->IsBuilt()) io.Fonts->Build();
    const unsigned char* pixels = io.Fonts->TexPixelsAlpha8;
    const int width = io.Fonts->TexWidth, height = io.Fonts->TexHeight;
    if (!fontTexture_) glGenTextures(1, &fontTexture_);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
    io.Fonts->ClearTexData();  // the GPU has it now
}

void GlRenderer::render(const ImDrawData* drawData) {
    const int fbWidth = static_cast<int>(drawData->DisplaySize.x * drawData->FramebufferScale.x);
    const int fbHeight = static_cast<int>(drawData->DisplaySize.y * drawData->FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0) return;
    checkProgram();

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fbWidth, fbHeight);

    // Orthographic projection from ImGui's display rectangle to clip space.
    const float l = drawData->DisplayPos.x, r = l + drawData->DisplaySize.x;
    const float t = drawData->DisplayPos.y, b = t + drawData->DisplaySize.y;
    const float projection[16] = {
        2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1,
    };
    glUseProgram(program_);
    glUniformMatrix4fv(uProjection_, 1, GL_FALSE, projection);
    glUniform1i(uTexture_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);

    const ImVec2 clipOffset = drawData->DisplayPos;
    const ImVec2 clipScale = drawData->FramebufferScale;
    // Each GL call is a call into the browser (validated there): state that stays is not set again.
    int scissor[4] = {-1, -1, -1, -1};
    GLuint texture = 0;
    bool textureBound = false;
    for (int n = 0; n < drawData->CmdListsCount; ++n) {
        const ImDrawList* list = drawData->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clipOffset.x) * clipScale.x;
            const float y0 = (cmd.ClipRect.y - clipOffset.y) * clipScale.y;
            const float x1 = (cmd.ClipRect.z - clipOffset.x) * clipScale.x;
            const float y1 = (cmd.ClipRect.w - clipOffset.y) * clipScale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            const int box[4] = {static_cast<int>(x0), static_cast<int>(fbHeight - y1), static_cast<int>(x1 - x0),
                                static_cast<int>(y1 - y0)};
            if (!std::equal(box, box + 4, scissor)) {
                glScissor(box[0], box[1], box[2], box[3]);
                std::copy(box, box + 4, scissor);
            }
            const GLuint cmdTexture = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (!textureBound || cmdTexture != texture) {
                glBindTexture(GL_TEXTURE_2D, cmdTexture);
                texture = cmdTexture;
                textureBound = true;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace platform
