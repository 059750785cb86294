#!/usr/bin/python3
"""Puts the survey's program inside its page (run by cmake/App.cmake).

    inline_program.py PAGE.in.html RUNTIME.js PAGE.html PROGRAM.wasm [REST.wasm]

A phone on a slow network pays a round trip (0.56 s at Lighthouse's Slow 4G) for every file
asked for after the page, so the page carries its program (issue 11): the runtime's text where
PAGE.in.html says <!-- ahp:inline-runtime -->, and the WebAssembly where it says
<!-- ahp:program -->, as the page's last elements: for each part (the first frame's code, then
the rest of it: cmake/split_program.py)

    <script>ahpProgram.begin(DEFLATED, BYTES)</script>
    <script type="text/x-ahp-wasm">TEXT</script><script>ahpProgram.chunk()</script>   (repeated)

then <script>ahpProgram.end()</script>. web/index.html decodes each block as the parser reads
it, and inflates and compiles each part while the rest arrives (DecompressionStream, then
WebAssembly.compileStreaming).

Each part is deflated (RFC 1951: zopfli's, when Debian's zopfli is installed, else zlib's,
about 5% larger) and written seven bits to a character: every 7 bytes become 8 characters,
whose values 0..127 are the ASCII characters themselves, except the three the HTML parser
would not leave alone in a script, NUL and CR (replaced) and '<' (which could end the block):
those are U+0080, U+008D and U+00BC, two bytes of UTF-8 (the page reads a character's low
seven bits). BEGIN's arguments are the part's deflated and inflated sizes. Measured on the
two parts: a server's gzip (zopfli) of the blocks 325 KB, where one character per byte of
the raw WebAssembly gave 331 KB; uncompressed, as some hosts serve it, 371 KB against 866 KB.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

BLOCK_BYTES = 7 * 4096  # 32 KB of text: a block every ~0.2 s of a slow network, the bar keeps up
ESCAPED = {0x00: 0x80, 0x0D: 0x8D, 0x3C: 0xBC}


def deflate(data):
    zopfli = shutil.which('zopfli')
    if not zopfli:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
        return packer.compress(data) + packer.flush()
    with tempfile.NamedTemporaryFile() as f:
        f.write(data)
        f.flush()
        return subprocess.run([zopfli, '--deflate', '-c', f.name], check=True, stdout=subprocess.PIPE).stdout


def seven_bits(data):
    """8 characters for every 7 bytes, from the high bit of the first byte (the last padded)."""
    points = []
    bits = 0
    count = 0
    for byte in data:
        bits = (bits << 8) | byte
        count += 8
        while count >= 7:
            count -= 7
            points.append((bits >> count) & 0x7F)
        bits &= (1 << count) - 1
    if count:
        points.append((bits << (7 - count)) & 0x7F)
    return ''.join(chr(ESCAPED.get(p, p)) for p in points)


def part_blocks(wasm):
    deflated = deflate(wasm)
    lines = ['<script>ahpProgram.begin(%d, %d)</script>' % (len(deflated), len(wasm))]
    for at in range(0, len(deflated), BLOCK_BYTES):
        text = seven_bits(deflated[at:at + BLOCK_BYTES])
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
