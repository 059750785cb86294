#!/bin/sh
# Runs a link with the address space laid out the same each time (no ASLR), where the system
# allows it: LLVM's link-time code generation for WebAssembly's exception handling (Emscripten
# 3.1.6) places some try/delegate blocks by the order of pointers, so two links of the same
# objects gave different ahp-app.wasm files (measured: matrixTable's code, 84 lines of its text),
# hence a new service-worker cache, and a new download for every expert, with nothing changed.
# Without ASLR, two links gave the same bytes. A system that forbids it (some containers'
# seccomp) links as before.
if setarch "$(uname -m)" -R true 2>/dev/null; then
  exec setarch "$(uname -m)" -R "$@"
fi
exec "$@"
