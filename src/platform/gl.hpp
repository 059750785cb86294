// OpenGL headers: WebGL2 (GLES 3.0) under Emscripten, desktop OpenGL 3.3 core natively.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif
