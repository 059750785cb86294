#!/usr/bin/python3
"""Subsets a Noto font to the code points the interface can draw (run by cmake/App.cmake).

    subset_font.py latin|arabic INPUT.ttf OUTPUT.ttf [TEXT.json ...]

The app bakes glyphs with ImGui's stb_truetype, which reads cmap, glyf, loca, hmtx and nothing
of OpenType layout or hinting, so those go too. What stays must cover every code point
src/ui/app.cpp (App::buildFonts, arabicGlyphRanges) asks the atlas for; tests/ui/fonts_test.cpp
checks that the subset bakes the same glyphs as the whole font.
  latin:  the ranges of `latinRanges` in App::buildFonts (Basic Latin, Latin-1, punctuation,
          arrows): every Latin letter a person can type into a name field that the app draws.
  arabic: the Arabic block's letters, digits and punctuation as typed (Persian and Arabic), their
          shaped forms (Presentation Forms-A U+FB50-FBFF: Persian's own letters; Forms-B
          U+FE70-FEFF: the Arabic letters and lam-alef), and every code point of the given
          TEXT files (the UI strings and the built-in model).
"""
import json
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

LATIN = [(0x0020, 0x00FF), (0x2010, 0x2027), (0x2030, 0x203A), (0x2190, 0x2193)]
ARABIC = [(0x0600, 0x06FF), (0xFB50, 0xFBFF), (0xFE70, 0xFEFF), (0x200C, 0x200F)]


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
