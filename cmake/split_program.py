#!/usr/bin/python3
"""Splits the survey's WebAssembly in two (run by cmake/App.cmake after linking ahp-app).

    split_program.py WASM_SPLIT PROGRAM.wasm.orig FUNCTIONS.txt PROGRAM.wasm PROGRAM.deferred.wasm

On a slow network the bytes before the first frame are the wait (issue 11), and the first frame
needs about two thirds of the program: the functions FUNCTIONS.txt lists stay in PROGRAM.wasm,
the rest go to PROGRAM.deferred.wasm (binaryen's wasm-split, as Emscripten's SPLIT_MODULE
expects: each call into the rest goes through a placeholder until it is loaded). The page
(web/index.html) carries both, the first part first, and loads the rest as soon as it arrives.

FUNCTIONS.txt (web/first-frame-functions.txt) names each function by the first 12 hex digits of
the SHA-1 of its name in the program's name section (the link keeps names: --profiling-funcs;
wasm-split drops them from what it writes). tests/web/first_frame_functions.mjs writes it from
what the app runs up to its first frame. A function missing from it (new code) only goes to the
second part: the first frame then waits for it, and nothing breaks.
"""
import hashlib
import os
import subprocess
import sys
import tempfile


def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def function_names(wasm):
    """The function names of the wasm's name section (subsection 1)."""
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, at = leb(wasm, at + 1)
        end = at + size
        if section == 0:
            length, p = leb(wasm, at)
            if wasm[p:p + length] == b'name':
                p += length
                while p < end:
                    kind = wasm[p]
                    size, p = leb(wasm, p + 1)
                    if kind == 1:
                        count, q = leb(wasm, p)
                        names = []
                        for _ in range(count):
                            _, q = leb(wasm, q)
                            length, q = leb(wasm, q)
                            names.append(wasm[q:q + length])
                            q += length
                        return names
                    p += size
        at = end
    sys.exit('split_program.py: the program has no function names (link it with --profiling-funcs)')


def binaryen_name(raw):
    """A name as binaryen spells it: bytes outside its identifier characters as \\XX."""
    plain = set(b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
                b"!#$%&'*+-./:<=>?@^_`|~")
    return ''.join(chr(b) if b in plain else '\\%02x' % b for b in raw)


def name_key(raw):
    return hashlib.sha1(raw).hexdigest()[:12]


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    wasm_split, original, listed, primary, deferred = sys.argv[1:]
    with open(listed) as f:
        wanted = {line.strip() for line in f if line.strip() and not line.startswith('#')}
    with open(original, 'rb') as f:
        names = function_names(f.read())
    listed = [n for n in names if name_key(n) in wanted]
    keep = sorted({binaryen_name(n) for n in listed})
    found = {name_key(n) for n in listed}
    if len(found) < 0.9 * len(wanted):
        print('split_program.py: %d of the %d first-frame functions listed in %s are in the program: '
              'run tests/web/first_frame_functions.mjs to list them afresh' % (len(found), len(wanted), listed))
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write('\n'.join(keep) + '\n')
        keep_file = f.name
    try:
        subprocess.run([wasm_split, original, '--split', '--keep-funcs=@' + keep_file, '-o1', primary + '.tmp',
                        '-o2', deferred, '--export-prefix=%', '--enable-mutable-globals',
                        '--enable-exception-handling', '--quiet'], check=True)
    finally:
        os.unlink(keep_file)
    os.replace(primary + '.tmp', primary)


if __name__ == '__main__':
    main()
