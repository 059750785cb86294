// Draws Dear ImGui's draw data with OpenGL 3.3 core / WebGL2. Shaders live in shaders/ and are
// embedded at build time; the GLSL version line is chosen here.
#pragma once

struct ImDrawData;

namespace platform {

class GlRenderer {
public:
    GlRenderer();  // needs a current GL context
    ~GlRenderer();
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;

    // Uploads ImGui's font atlas as a texture (call after fonts change).
    void uploadFontAtlas();
    void render(const ImDrawData* drawData);

private:
    void checkProgram();  // once, at the first draw: throws what the compiler or linker said

    unsigned vertexShader_ = 0, fragmentShader_ = 0;  // until checked
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, fontTexture_ = 0;
    int uProjection_ = -1, uTexture_ = -1;
};

}  // namespace platform
