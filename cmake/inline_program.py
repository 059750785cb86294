#!/usr/bin/python3
"""Puts the survey's program inside its page (run by cmake/App.cmake).

    inline_program.py PAGE.in.html RUNTIME.js PAGE.html PROGRAM.wasm [REST.wasm]

A phone on a slow network pays a round trip (0.56 s at Lighthouse's Slow 4G) for every file
asked for after the page, so the page carries its program (issue 11): the runtime's text where
PAGE.in.html says <!-- ahp:inline-runtime -->, and the WebAssembly where it says
<!-- ahp:program -->, as the page's last elements: for each part (the first frame's code, then
the rest of it: cmake/split_program.py)

    <script>ahpProgram.begin(BYTES, "ORDER")</script>
    <script type="text/x-ahp-wasm">TEXT</script><script>ahpProgram.chunk()</script>   (repeated)

then <script>ahpProgram.end()</script>. web/index.html decodes each block as the parser reads
it and compiles each part while the rest arrives (WebAssembly.compileStreaming over a stream
of its blocks).

The text of a block: one character per byte, so the server's gzip still finds the program's
repeats (base64 does not: gzip 425 KB against 309 KB for the raw file). Byte values are ranked
by how often the part uses them (ORDER: the 256 values, most used first, in hex); rank r is
the code point POINTS[r]: the 125 ASCII characters the HTML parser leaves alone in a script
(all but NUL, CR, which it replaces, and '<', which could end the block), then U+0080 on,
two bytes of UTF-8 each. Measured on ahp-app.wasm, zopfli: 319 KB against 326 KB unranked.
"""
import collections
import os
import sys

SINGLE = [c for c in range(1, 0x80) if c not in (0x0D, 0x3C)]
POINTS = SINGLE + [0x80 + r for r in range(256 - len(SINGLE))]
BLOCK_BYTES = 32 * 1024  # a block every ~0.1 s of a slow network: compiling and the bar keep up


def part_blocks(wasm):
    counts = collections.Counter(wasm)
    order = sorted(range(256), key=lambda b: (-counts[b], b))
    point_of = [0] * 256
    for rank, value in enumerate(order):
        point_of[value] = POINTS[rank]
    lines = ['<script>ahpProgram.begin(%d, "%s")</script>' % (len(wasm), bytes(order).hex())]
    for at in range(0, len(wasm), BLOCK_BYTES):
        text = ''.join(chr(point_of[b]) for b in wasm[at:at + BLOCK_BYTES])
        lines.append('<script type="text/x-ahp-wasm">%s</script><script>ahpProgram.chunk()</script>' % text)
    return lines


def runtime_block(js):
    # Inside a script the HTML parser only looks for "</script" (and "<!--" changes how it
    # looks); "<\/" and "<\!" mean the same as "</" and "<!" in JavaScript strings and regexes.
    for raw, escaped in (('</script', '<\\/script'), ('</SCRIPT', '<\\/SCRIPT'), ('<!--', '<\\!--')):
        js = js.replace(raw, escaped)
    return '<script type="text/x-ahp-runtime" id="ahp-runtime">\n%s\n</script>' % js


def fill(page, marker, text, what):
    if page.count(marker) != 1:
        sys.exit('inline_program.py: the page needs one %s line for %s' % (marker, what))
    return page.replace(marker, text)


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    source, runtime, out = sys.argv[1:4]
    with open(source, encoding='utf-8') as f:
        page = f.read()
    with open(runtime, encoding='utf-8') as f:
        page = fill(page, '<!-- ahp:inline-runtime -->', runtime_block(f.read()), "the program's runtime")
    lines = []
    for part in sys.argv[4:]:
        with open(part, 'rb') as f:
            lines += part_blocks(f.read())
    lines.append('<script>ahpProgram.end()</script>')
    page = fill(page, '<!-- ahp:program -->', '\n'.join(lines), "the program's WebAssembly")
    with open(out + '.tmp', 'w', encoding='utf-8', newline='\n') as f:
        f.write(page)
    os.replace(out + '.tmp', out)


if __name__ == '__main__':
    main()
