// Dear ImGui fragment shader: vertex colour times the font atlas's coverage (a one-channel
// texture: white, its alpha in red).
// The renderer prepends the #version line and, for GLSL ES, "precision mediump float;".
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    o_color = vec4(v_color.rgb, v_color.a * texture(u_texture, v_uv).r);
}
