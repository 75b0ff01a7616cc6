"""A Stripe webhook receiver on Python's http.server, written as quick receivers are.

It answers HTTP/1.0 and closes the connection after each answer, without a Connection header.
Usage: python3 stripe_receiver.py MODE SECRET; prints "PORT <n>" once it listens on 127.0.0.1.
  raw    verifies the raw body as stripe-python does (healthy)
  dumps  verifies json.dumps(json.loads(body)), a re-serialized body
  fail   answers 500 to everything
"""
import hashlib
import hmac
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

MODE, SECRET = sys.argv[1], sys.argv[2]


def verify(payload, header):
    items = [part.split("=", 1) for part in header.split(",")]
    timestamps = [kv[1] for kv in items if len(kv) == 2 and kv[0] == "t"]
    signatures = [kv[1] for kv in items if len(kv) == 2 and kv[0] == "v1"]
    if not timestamps or not signatures:
        return False
    signed = timestamps[0].encode() + b"." + payload
    expected = hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, s) for s in signatures):
        return False
    return int(timestamps[0]) >= time.time() - 300


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if MODE == "fail":
            return self.answer(500, "text/html", b"<h1>Internal Server Error</h1>")
        payload = body
        if MODE == "dumps":
            try:
                payload = json.dumps(json.loads(body)).encode()
            except ValueError:
                return self.answer(400, "application/json", b'{"error": "Invalid payload"}')
        if verify(payload, self.headers.get("Stripe-Signature", "")):
            return self.answer(200, "application/json", b'{"received": true}')
        return self.answer(400, "application/json", b'{"error": "Invalid signature"}')


server = HTTPServer(("127.0.0.1", 0), Handler)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
