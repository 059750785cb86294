#!/usr/bin/python3
"""Writes a UI string table as the app reads it (run by cmake/App.cmake).

    strings_table.py INPUT.json OUTPUT [--without PREFIX ...]

INPUT is assets/strings/<lang>.json, a flat JSON object of key -> text. OUTPUT holds each key
and its text, each ended by a NUL byte, in the byte order of the keys: ui::Strings reads it
without parsing JSON, which took a sixth of a phone's start-up (issue 11). Keys that begin with
a PREFIX are left out (the survey page has no workbench: "research." and "editor." are the
researcher's texts). A file that is not such an object fails the build, naming the file and the
key.
"""
import json
import sys


def fail(source, problem):
    sys.exit('%s: %s' % (source, problem))


def main():
    if len(sys.argv) < 3 or any(a != '--without' for a in sys.argv[3::2]) or len(sys.argv) % 2 == 0:
        sys.exit(__doc__)
    source, output = sys.argv[1:3]
    left_out = tuple(sys.argv[4::2])

    def unique(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                fail(source, '"%s" appears twice' % key)
            seen.add(key)
        return dict(pairs)

    try:
        with open(source, encoding='utf-8') as f:
            table = json.load(f, object_pairs_hook=unique)
    except (ValueError, UnicodeDecodeError) as e:
        fail(source, 'not a JSON text: %s' % e)
    if not isinstance(table, dict):
        fail(source, 'not a JSON object of key -> text')
    out = bytearray()
    for key in sorted(table, key=lambda k: k.encode('utf-8')):
        text = table[key]
        if not isinstance(text, str):
            fail(source, '"%s" is not a string' % key)
        if key == '' or '\0' in key or '\0' in text:
            fail(source, '"%s": a key must not be empty, and no key or text may hold a NUL character' % key)
        if key.startswith(left_out):
            continue
        out += key.encode('utf-8') + b'\0' + text.encode('utf-8') + b'\0'
    with open(output, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    main()
