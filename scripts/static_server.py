#!/usr/bin/env python3
"""A static server for build/site, as a static host serves it (used by scripts/serve.sh).

    static_server.py ROOT [--port 8080] [--bind 127.0.0.1]

Sends FILE.br or FILE.gz (precompressed by the build) when the browser accepts that encoding,
with Content-Encoding and Vary: Accept-Encoding; the content types a host must send
(application/wasm for the WebAssembly, so browsers compile it while it downloads); ETag and
Last-Modified with Cache-Control: no-cache, so a reload revalidates (a 304, no body) and a new
build is seen at once. Serves nothing outside ROOT.
"""
import argparse
import email.utils
import hashlib
import http.server
import os
import posixpath
import urllib.parse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class Handler(http.server.BaseHTTPRequestHandler):
    root = "."

    def do_HEAD(self):
        self.respond(head=True)

    def do_GET(self):
        self.respond(head=False)

    def respond(self, head):
        path = urllib.parse.urlsplit(self.path).path
        path = posixpath.normpath(urllib.parse.unquote(path))
        parts = [p for p in path.split("/") if p and p not in (".", "..")]
        file = os.path.join(self.root, *parts)
        if os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if not os.path.isfile(file) or file.endswith((".gz", ".br")):
            self.send_error(404)
            return
        accepted = {e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")}
        sent, encoding = file, None
        for enc, suffix in (("br", ".br"), ("gzip", ".gz")):
            if enc in accepted and os.path.isfile(file + suffix):
                sent, encoding = file + suffix, enc
                break
        stat = os.stat(sent)
        etag = '"%s"' % hashlib.sha1(("%s:%d:%d" % (sent, stat.st_size, stat.st_mtime_ns)).encode()).hexdigest()[:20]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(os.path.splitext(file)[1], "application/octet-stream"))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if not head:
            with open(sent, "rb") as f:
                self.wfile.write(f.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args()
    Handler.root = os.path.abspath(args.root)
    server = http.server.ThreadingHTTPServer((args.bind, args.port), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
