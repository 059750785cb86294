# Embeds files into the binary as byte arrays at build time, so the app needs no file access:
# shaders, fonts (from Debian's fonts-noto-core), the default model and the string tables.
#
#   ahp_embed_files(<target> <symbol> <file> [<symbol> <file> ...])
# generates embedded_<target>.cpp defining `extern const EmbeddedFile <symbol>;` for each file
# (see src/platform/embedded.hpp).

set(AHP_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedFile.cmake)

function(ahp_embed_files target)
  set(args ${ARGN})
  set(outputs)
  while(args)
    list(POP_FRONT args symbol file)
    set(out ${CMAKE_BINARY_DIR}/embedded/${target}/${symbol}.cpp)  # a symbol may differ by program
    add_custom_command(OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DSYMBOL=${symbol} -P ${AHP_EMBED_SCRIPT}
      DEPENDS ${file} ${AHP_EMBED_SCRIPT}
      COMMENT "Embedding ${file}" VERBATIM)
    list(APPEND outputs ${out})
  endwhile()
  target_sources(${target} PRIVATE ${outputs})
endfunction()
