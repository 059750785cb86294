# Third-party code, all from Debian: headers from -dev packages, sources from Debian source
# packages unpacked by scripts/setup.sh into third_party/ (ignored by git).
#
# Under Emscripten we never add /usr/include (it would pull glibc headers into the wasm build):
# the header folders we need are linked one by one into build/<preset>/sysdeps/.

set(SYSDEPS ${CMAKE_BINARY_DIR}/sysdeps)
file(MAKE_DIRECTORY ${SYSDEPS})
function(ahp_link_header_dir name source)
  if(NOT EXISTS ${SYSDEPS}/${name})
    file(CREATE_LINK ${source} ${SYSDEPS}/${name} SYMBOLIC)
  endif()
endfunction()

# Eigen (libeigen3-dev)
add_library(dep_eigen INTERFACE)
if(EMSCRIPTEN)
  ahp_link_header_dir(Eigen /usr/include/eigen3/Eigen)
  target_include_directories(dep_eigen SYSTEM INTERFACE ${SYSDEPS})
else()
  target_include_directories(dep_eigen SYSTEM INTERFACE /usr/include/eigen3)
endif()
target_compile_definitions(dep_eigen INTERFACE EIGEN_MPL2_ONLY)

# nlohmann-json (nlohmann-json3-dev)
add_library(dep_json INTERFACE)
if(EMSCRIPTEN)
  ahp_link_header_dir(nlohmann /usr/include/nlohmann)
  target_include_directories(dep_json SYSTEM INTERFACE ${SYSDEPS})
endif()

# Catch2 v2 single header (catch2)
add_library(dep_catch2 INTERFACE)
if(EMSCRIPTEN)
  ahp_link_header_dir(catch2 /usr/include/catch2)
  target_include_directories(dep_catch2 SYSTEM INTERFACE ${SYSDEPS})
endif()

# FriBidi: Debian's fribidi 1.0.8 source (it ships its generated tables) for the web; the
# system library natively.
add_library(dep_fribidi INTERFACE)
if(EMSCRIPTEN)
  set(FRIBIDI_DIR ${THIRD_PARTY}/fribidi)
  file(GLOB FRIBIDI_SOURCES ${FRIBIDI_DIR}/lib/*.c)
  set(FRIBIDI_GEN ${CMAKE_BINARY_DIR}/fribidi-gen)
  file(MAKE_DIRECTORY ${FRIBIDI_GEN})
  file(WRITE ${FRIBIDI_GEN}/config.h "#define HAVE_STDLIB_H 1\n#define HAVE_STRING_H 1\n#define HAVE_STRINGIZE 1\n#define HAVE_MEMSET 1\n#define HAVE_MEMMOVE 1\n")
  set(PACKAGE fribidi)
  set(PACKAGE_NAME "GNU FriBidi")
  set(PACKAGE_BUGREPORT "")
  set(FRIBIDI_VERSION 1.0.8)
  set(FRIBIDI_MAJOR_VERSION 1)
  set(FRIBIDI_MINOR_VERSION 0)
  set(FRIBIDI_MICRO_VERSION 8)
  set(FRIBIDI_INTERFACE_VERSION 4)
  set(SIZEOF_INT 4)
  set(FRIBIDI_MSVC_BUILD_PLACEHOLDER "")
  configure_file(${FRIBIDI_DIR}/lib/fribidi-config.h.in ${FRIBIDI_GEN}/fribidi-config.h @ONLY)
  add_library(fribidi_wasm STATIC ${FRIBIDI_SOURCES})
  target_include_directories(fribidi_wasm PUBLIC ${FRIBIDI_DIR}/lib ${FRIBIDI_GEN})
  target_compile_definitions(fribidi_wasm PRIVATE HAVE_CONFIG_H FRIBIDI_BUILD FRIBIDI_LIB_STATIC)
  target_compile_definitions(fribidi_wasm PUBLIC FRIBIDI_LIB_STATIC)
  target_compile_options(fribidi_wasm PRIVATE -w)
  target_link_libraries(dep_fribidi INTERFACE fribidi_wasm)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)
  target_link_libraries(dep_fribidi INTERFACE PkgConfig::FRIBIDI)
endif()

# Dear ImGui 1.86 from Debian's imgui source package, compiled for both targets.
set(IMGUI_DIR ${THIRD_PARTY}/imgui)
set(IMGUI_DRAW ${IMGUI_DIR}/imgui_draw.cpp)
if(EMSCRIPTEN)
  # ImGui 1.86 always links its built-in font, ProggyClean: 12 KB of base85 text, 10.8 KB of
  # the survey's gzipped WebAssembly (issue 11). The app never draws with it: App::buildFonts
  # adds the app's fonts before the atlas is built, and ImFontAtlas::Build adds ProggyClean only
  # to an empty atlas. 1.86 has no switch to leave it out, so the web build compiles a copy of
  # imgui_draw.cpp, made here from Debian's source, with that text emptied.
  file(READ ${IMGUI_DRAW} draw)
  set(font_begin "static const char proggy_clean_ttf_compressed_data_base85[11980 + 1] =")
  set(font_end "static const char* GetDefaultCompressedFontDataTTFBase85()\n{")
  string(FIND "${draw}" "${font_begin}" begin)
  if(NOT begin EQUAL -1)
    string(SUBSTRING "${draw}" ${begin} -1 after)
    string(FIND "${after}" "${font_end}" length)
  endif()
  if(begin EQUAL -1 OR length EQUAL -1)
    message(FATAL_ERROR "${IMGUI_DRAW}: ProggyClean's text not found where ImGui 1.86 has it")
  endif()
  string(SUBSTRING "${draw}" 0 ${begin} head)
  string(SUBSTRING "${after}" ${length} -1 tail)
  set(draw "${head}static const char proggy_clean_ttf_compressed_data_base85[1] = \"\";  // emptied by cmake/Dependencies.cmake\n\n${tail}")
  set(IMGUI_DRAW ${CMAKE_BINARY_DIR}/imgui/imgui_draw.cpp)
  set(previous "")
  if(EXISTS ${IMGUI_DRAW})
    file(READ ${IMGUI_DRAW} previous)
  endif()
  if(NOT previous STREQUAL draw)  # rewritten only when it changes (no needless rebuild)
    file(WRITE ${IMGUI_DRAW} "${draw}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${IMGUI_DIR}/imgui_draw.cpp)
endif()
add_library(dep_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DRAW} ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(dep_imgui SYSTEM PUBLIC ${IMGUI_DIR})
# IMGUI_DISABLE_FILE_FUNCTIONS: ImGui never touches a file here (no .ini: io.IniFilename is null;
# the fonts come from memory); without it fopen and its JavaScript system calls were linked.
target_compile_definitions(dep_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_FILE_FUNCTIONS)
