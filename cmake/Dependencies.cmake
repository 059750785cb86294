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
add_library(dep_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(dep_imgui SYSTEM PUBLIC ${IMGUI_DIR})
# IMGUI_DISABLE_FILE_FUNCTIONS: ImGui never touches a file here (no .ini: io.IniFilename is null;
# the fonts come from memory); without it fopen and its JavaScript system calls were linked.
target_compile_definitions(dep_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_FILE_FUNCTIONS)
