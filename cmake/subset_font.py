#!/usr/bin/python3
"""Subsets a Noto font to the code points the interface can draw (run by cmake/App.cmake).

    subset_font.py latin|arabic INPUT.ttf OUTPUT.ttf [TEXT.json ...]

The app bakes glyphs with ImGui's stb_truetype, which reads cmap, glyf, loca, hmtx and nothing
of OpenType layout or hinting, so those go too. What stays must cover every code point
src/ui/app.cpp (App::buildFonts, arabicGlyphRanges) asks the atlas for; tests/ui/fonts_test.cpp
checks that the subset bakes the same glyphs as the whole font.
  latin:  the ranges of `latinRanges` in App::buildFonts (Basic Latin, Latin-1, punctuation,
          arrows): every Latin letter a person can type into a name field that the app draws.
  arabic: the Persian and Arabic letters, digits and punctuation as typed, their shaped forms
          (Presentation Forms-A: Persian's own letters; Forms-B: the Arabic letters and
          lam-alef), and every code point of the given TEXT files (the UI strings and the
          built-in model). Other Arabic-script letters (Urdu, Pashto, Quranic marks) are not
          kept: the app draws '?' for them.
"""
import json
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

LATIN = [(0x0020, 0x00FF), (0x2010, 0x2027), (0x2030, 0x203A), (0x2190, 0x2193)]
ARABIC = [
    (0x060C, 0x060C), (0x061B, 0x061B), (0x061F, 0x061F),  # comma, semicolon, question mark
    (0x0621, 0x064A),                                      # the Arabic letters, tatweel (as typed: App::buildFonts)
    (0x0660, 0x066C),                                      # Arabic-Indic digits, %, decimal and thousands separators
    (0x067E, 0x067E), (0x0686, 0x0686), (0x0698, 0x0698),  # Persian's own: peh, tcheh, jeh,
    (0x06A9, 0x06A9), (0x06AF, 0x06AF), (0x06C0, 0x06C0),  # keheh, gaf, heh with yeh,
    (0x06CC, 0x06CC), (0x06F0, 0x06F9),                    # farsi yeh; Persian digits
    (0xFB56, 0xFB59), (0xFB7A, 0xFB7D), (0xFB8A, 0xFB95),  # their shaped forms (Forms-A)
    (0xFBA4, 0xFBA5), (0xFBE8, 0xFBE9), (0xFBFC, 0xFBFF),   # (alef maksura: FriBidi joins it)
    (0xFE70, 0xFEFC),                                      # the Arabic letters' forms, lam-alef (Forms-B)
    (0x200C, 0x200F),                                      # ZWNJ, ZWJ, LRM, RLM as typed
]


def texts_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from texts_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from texts_of(v)


def main():
    which, source, target, *text_files = sys.argv[1:]
    ranges = LATIN if which == "latin" else ARABIC
    wanted = {c for first, last in ranges for c in range(first, last + 1)}
    if which == "arabic":
        for path in text_files:
            with open(path, encoding="utf-8") as f:
                for text in texts_of(json.load(f)):
                    wanted.update(ord(ch) for ch in text if ord(ch) >= 0x0600)
    font = TTFont(source)
    wanted &= set(font.getBestCmap())

    options = subset.Options()
    options.layout_features = []      # no GSUB/GPOS: FriBidi shapes, ImGui draws one glyph per code point
    options.hinting = False           # stb_truetype does not hint
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "DSIG", "gasp", "kern"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    font.save(target + ".tmp")
    os.replace(target + ".tmp", target)


if __name__ == "__main__":
    main()
