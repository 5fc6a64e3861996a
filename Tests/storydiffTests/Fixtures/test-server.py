#!/usr/bin/env python3
"""A local HTTP server for the URL tests: prints its port, then serves fixed answers on 127.0.0.1.
Never a real site. Stops when its standard input closes (the test ends) or after 10 minutes."""
import http.server, os, socketserver, sys, threading, time

ARTICLE = ("<html><head><title>Bridge closes | Daily</title>"
           "<link rel=\"canonical\" href=\"https://daily.example/bridge\"></head><body><nav><a href=\"/\">Home</a></nav>"
           "<article><h1>Bridge closes</h1>"
           + "".join("<p>Paragraph %d: the council met on Monday and voted to close the old bridge to traffic, officials said.</p>" % i for i in range(1, 6))
           + "</article></body></html>")
NO_CANONICAL = ARTICLE.replace('<link rel="canonical" href="https://daily.example/bridge">', "")

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass

    def send(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers: self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/article.html": return self.send(200, ARTICLE.encode())
        if path == "/nocanonical": return self.send(200, NO_CANONICAL.encode())
        if path == "/latin":
            # The server says ISO-8859-1, the page's meta says UTF-8: the server wins.
            page = ("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf\u00e9 \u201cok\u201d said the owner of the shop on Friday morning, "
                    "and the council agreed.</p></article></body></html>")
            return self.send(200, page.encode("cp1252"), "text/html; charset=ISO-8859-1")
        if path == "/plain.txt":
            return self.send(200, b"<p>Not markup.</p> The council met on Monday.\n\nIt voted to close the bridge.\n", "text/plain; charset=utf-8")
        if path == "/redirect": return self.send(302, b"", headers=[("Location", "/nocanonical")])
        if path == "/loop": return self.send(302, b"", headers=[("Location", "/loop")])
        if path == "/ftp": return self.send(302, b"", headers=[("Location", "ftp://127.0.0.1/file")])
        if path == "/missing": return self.send(404, b"<html><body><p>Not found</p></body></html>")
        if path == "/broken": return self.send(500, b"oops", "text/plain")
        if path == "/empty": return self.send(200, b"")
        if path == "/ua":
            agent = self.headers.get("User-Agent", "")
            return self.send(200, ("The request came with the agent %s today." % agent).encode(), "text/plain; charset=utf-8")
        if path == "/huge":
            # A declared length past the limit: refused before the body is read.
            self.send_response(200); self.send_header("Content-Type", "text/plain"); self.send_header("Content-Length", str(40 * 1024 * 1024)); self.end_headers()
            try:
                for _ in range(40): self.wfile.write(b"word " * 209715 + b"w")
            except Exception: pass
            return
        if path == "/huge-chunked":
            # No length: the body is cut off at the limit.
            self.send_response(200); self.send_header("Content-Type", "text/plain"); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
            try:
                chunk = b"word " * 200000
                for _ in range(40):
                    self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except Exception: pass
            return
        if path == "/stall":
            self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Content-Length", "100000"); self.end_headers()
            try:
                self.wfile.write(b"<html><body><p>The start of a page that never ends")
                self.wfile.flush()
                time.sleep(60)
            except Exception: pass
            return
        self.send(404, b"no such fixture", "text/plain")

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
# Never outlives its test by long: ten minutes at most, or until the test closes our stdin.
threading.Timer(600, lambda: os._exit(0)).start()
sys.stdin.read()
os._exit(0)
