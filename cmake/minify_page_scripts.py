#!/usr/bin/python3
"""Minifies the page's own scripts in place (run by cmake/App.cmake on each page before the
program goes in).

    minify_page_scripts.py UGLIFYJS PAGE.html

Each classic inline script (a plain <script> element: web/index.html's own, and web/share-link.js
and web/inflate.js as cmake/SingleFile.cmake inlined them) goes through Debian's uglifyjs: comments
and spaces go, local names are shortened; top-level names stay, as the page's scripts share them.
They come before the program, so each byte of them delays its first part: gzip, 37.1 KB of page
before the program became 30.9 KB (issue 11). A script uglifyjs cannot read fails the build.
Not --compress, which would save 90 bytes more: uglifyjs 3.17 then moved code after an early
return into a block, where a strict-mode function declaration is out of reach ("v is not
defined").
"""
import os
import re
import subprocess
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    uglifyjs, path = sys.argv[1:]
    with open(path, encoding='utf-8') as f:
        page = f.read()

    def minified(match):
        code = match.group(1)
        if not code.strip():
            return match.group(0)
        result = subprocess.run([uglifyjs, '--mangle'], input=code, capture_output=True,
                                text=True, encoding='utf-8')
        if result.returncode != 0:
            sys.exit('%s: a script uglifyjs cannot read (%s...): %s' % (path, code.strip()[:60], result.stderr))
        out = result.stdout.strip()
        if re.search(r'</script|<!--', out, re.IGNORECASE):
            sys.exit('%s: a minified script holds "</script" or "<!--" (%s...)' % (path, code.strip()[:60]))
        return '<script>' + out + '</script>'

    page = re.sub(r'<script>(.*?)</script>', minified, page, flags=re.DOTALL)
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        f.write(page)
    os.replace(path + '.tmp', path)


if __name__ == '__main__':
    main()
