#!/usr/bin/env python3
"""Stand-in for the Telestation server in deploy/nginx/check.sh --functional.

Answers every request with the headers it received (as `x-seen-*` response headers), sets its own HSTS header (which
nginx must hide), and accepts a WebSocket upgrade with 101 then echoes raw bytes, which is enough to show that the
proxy passes the upgrade through and keeps the tunnel open.
Usage: fake_backend.py PORT
"""
import socketserver
import sys


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        request_line = self.rfile.readline().decode("latin-1").strip()
        headers = {}
        while True:
            line = self.rfile.readline().decode("latin-1")
            if line in ("\r\n", "\n", ""):
                break
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("upgrade", "").lower() == "websocket":
            self.wfile.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             b"Sec-WebSocket-Accept: x\r\n\r\n")
            self.wfile.flush()
            while chunk := self.request.recv(4096):
                self.request.sendall(chunk)
            return
        length = int(headers.get("content-length", "0"))
        if length:
            self.rfile.read(length)
        seen = "".join(f"x-seen-{k}: {v}\r\n" for k, v in headers.items() if k.startswith("x-forwarded") or k == "host")
        body = f"{request_line}\n".encode()
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nStrict-Transport-Security: max-age=1\r\n"
                         + seen.encode() + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
