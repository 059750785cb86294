# cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DSITE_DIR=... -DGZIP=... [-DZOPFLI=...] [-DBROTLI=...] -P Site.cmake
#
# The folder to upload to a static host: exactly the files the hosted page loads (the page, which
# carries the survey's program; the second part of that program, which the page asks for only
# when the program calls into it before the page has it (web/index.html, loadRest); the workbench page's runtime and WebAssembly and its reading
# worker's, the single-file survey page the editor copies, the service worker, the manifest and
# the icon; no CMake files, no test programs), each beside a precompressed copy: FILE.gz (no name or time, so the same build
# gives the same bytes) and, when brotli is installed, FILE.br (brotli -q 11). The .gz is
# Debian's zopfli when installed: the same gzip format, 4-5% smaller than gzip -9 (issue 11:
# ahp-app.wasm 321.1 -> 306.8 KB, ahp-app.js 20.8 -> 20.0 KB), for 2-3 s per file.
# A host that serves precompressed files (or scripts/serve.sh) sends those to browsers that
# accept them.
set(SITE_FILES index.html ahp-app.deferred.wasm ahp-workbench.js ahp-workbench.wasm ahp-reader.js ahp-reader.wasm
    ahp-survey.html sw.js
    manifest.webmanifest icon.svg)
file(REMOVE_RECURSE ${SITE_DIR})
file(MAKE_DIRECTORY ${SITE_DIR})
foreach(f ${SITE_FILES})
  # Built files from the build; static ones straight from web/ (never a stale copy).
  set(from ${BINARY_DIR}/${f})
  if(EXISTS ${SOURCE_DIR}/web/${f} AND NOT f MATCHES "^(index\\.html|sw\\.js)$")
    set(from ${SOURCE_DIR}/web/${f})
  endif()
  if(NOT EXISTS ${from})
    message(FATAL_ERROR "Site.cmake: ${from} is missing")
  endif()
  file(COPY ${from} DESTINATION ${SITE_DIR})
  if(ZOPFLI)
    execute_process(COMMAND ${ZOPFLI} ${SITE_DIR}/${f} RESULT_VARIABLE rc)  # writes FILE.gz
  else()
    execute_process(COMMAND ${GZIP} -9 -n -k -f ${SITE_DIR}/${f} RESULT_VARIABLE rc)
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Site.cmake: gzip ${f} failed")
  endif()
  if(BROTLI)
    execute_process(COMMAND ${BROTLI} -q 11 -k -f ${SITE_DIR}/${f} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "Site.cmake: brotli ${f} failed")
    endif()
  endif()
endforeach()
