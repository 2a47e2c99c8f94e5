#!/usr/bin/env python3
"""A hostile OpenAI-compatible server for Waymark's hardening tests (issue 13; stdlib only).

Listens on 127.0.0.1 only, on two free ports, and prints "PORT <port> OTHER <other-port>".
The other port is "another host": redirects point there, and it counts what reaches it.
Bounded: every response stops by itself (at most 40 s or 64 MB), and the whole server exits
when its stdin closes (the test process ended) or after 15 minutes, whichever comes first.

POST /<mode>/v1/chat/completions
  retry_inf      429 with Retry-After: inf        retry_huge  429 with Retry-After: 1e308
  retry_far      429 with Retry-After: an HTTP date in 2099
  redirect307    307 to the other port           redirect302 302 to the other port
  escape_body    400 whose error message holds OSC 52, ESC[2J and U+202E
  escape_stream  one delta, then {"error": ...} holding the same escapes
  flood          deltas as fast as possible (stops after 40 s or 64 MB)
  comment_flood  only ": padding" comment lines as fast as possible (same bounds)
  huge_line      one "data:" line of 16 MB with no line end
  drip           one delta, then one byte of comments every 0.2 s for 30 s
  trickle        one delta every 0.3 s for 40 s
The raw modes write bytes outside BaseHTTPRequestHandler's framing (issue 17's socket client):
  bad_chunk      one valid chunk with a delta, then a chunk size "zz"
  chunk_overrun  a chunk carrying more bytes than its size says
  huge_chunk_size a chunk size of 2^64 and more
  huge_headers   a 1 MB header line (the head limit is 64 KB)
  many_headers   100,000 short header lines
  endless_header a status line, then one header byte every 0.1 s for 30 s (slow loris)
  reset          one delta, then the connection is reset (RST) mid-stream
  error_chunked  400 with a chunked JSON error body
  error_cut      400 whose Content-Length promises more than is sent before the close
  length_stream  an SSE reply without [DONE] framed by Content-Length, then 30 s before the close
  close_stream   an HTTP/1.0 SSE reply ended by closing the connection
  early_hints    103 Early Hints, then the streamed reply
  bad_status     a status line that is not HTTP
GET /stats  {"other_hits": N, "other_with_key": N, "flood_open": N}
"""
import json
import os
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATS = {"other_hits": 0, "other_with_key": 0, "flood_open": 0}
ESCAPES = "\x1b]52;c;SGFja2VkIGNsaXBib2FyZA==\x07\x1b[2J\u202egnirts desrever\u202c \x9b31m"
MAX_SECONDS = 40
MAX_BYTES = 64 * 1024 * 1024
OTHER_PORT = 0


def delta(text, finish=None):
    chunk = {"id": "h", "object": "chat.completion.chunk",
             "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}]}
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


class Server(ThreadingHTTPServer):
    request_queue_size = 64
    daemon_threads = True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def write_chunk(self, data):
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

    def end_chunks(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def start_stream(self):
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()

    def send_json(self, status, obj, extra=None):
        body = json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def do_GET(self):
        with LOCK:
            self.send_json(200, dict(STATS))

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 20))
        parts = [p for p in self.path.split("/") if p]
        try:
            if self.server.server_address[1] == OTHER_PORT:
                self.other()
            else:
                self.dispatch(parts[0] if parts else "")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def other(self):
        with LOCK:
            STATS["other_hits"] += 1
            if self.headers.get("authorization"):
                STATS["other_with_key"] += 1
        self.start_stream()
        self.write_chunk(delta("I am another host.", "stop") + b"data: [DONE]\n\n")
        self.end_chunks()

    def bounded(self, piece):
        """Writes piece until the client goes, 40 s pass or 64 MB are sent."""
        start = time.monotonic()
        sent = 0
        while time.monotonic() - start < MAX_SECONDS and sent < MAX_BYTES:
            self.write_chunk(piece)
            sent += len(piece)
        self.end_chunks()

    def dispatch(self, mode):
        if mode == "retry_inf":
            self.send_json(429, {"error": {"message": "slow down"}}, {"Retry-After": "inf"})
        elif mode == "retry_huge":
            self.send_json(429, {"error": {"message": "slow down"}}, {"Retry-After": "1e308"})
        elif mode == "retry_far":
            self.send_json(429, {"error": {"message": "slow down"}},
                           {"Retry-After": "Thu, 01 Jan 2099 00:00:00 GMT"})
        elif mode in ("redirect307", "redirect302"):
            self.send_response(307 if mode == "redirect307" else 302)
            self.send_header("Location", "http://127.0.0.1:%d/capture/v1/chat/completions" % OTHER_PORT)
            self.send_header("content-length", "0")
            self.end_headers()
            self.wfile.flush()
        elif mode == "escape_body":
            self.send_json(400, {"error": {"message": "bad " + ESCAPES + " request"}})
        elif mode == "escape_stream":
            self.start_stream()
            self.write_chunk(delta("Hello. "))
            error = {"error": {"message": "broke " + ESCAPES + " down"}}
            self.write_chunk(b"data: " + json.dumps(error).encode() + b"\n\n")
            self.end_chunks()
        elif mode in ("flood", "comment_flood"):
            with LOCK:
                STATS["flood_open"] += 1
            try:
                self.start_stream()
                unit = delta("word ") if mode == "flood" else b": " + b"padding " * 16 + b"\n"
                self.bounded(unit * max(1, 65536 // len(unit)))
            finally:
                with LOCK:
                    STATS["flood_open"] -= 1
        elif mode == "huge_line":
            self.start_stream()
            self.write_chunk(b'data: {"choices": [{"delta": {"content": "')
            block = b"a" * 65536
            for _ in range(256):
                self.write_chunk(block)
            self.end_chunks()
        elif mode == "drip":
            self.start_stream()
            self.write_chunk(delta("Hello. "))
            start = time.monotonic()
            while time.monotonic() - start < 30:
                self.write_chunk(b":")
                time.sleep(0.1)
                self.write_chunk(b"\n")
                time.sleep(0.1)
            self.end_chunks()
        elif mode == "trickle":
            self.start_stream()
            start = time.monotonic()
            while time.monotonic() - start < MAX_SECONDS:
                self.write_chunk(delta("and "))
                time.sleep(0.3)
            self.write_chunk(delta("end.", "stop") + b"data: [DONE]\n\n")
            self.end_chunks()
        elif mode in RAW_MODES:
            self.close_connection = True
            self.raw(mode)
        else:
            self.send_json(404, {"error": {"message": "unknown mode " + mode}})

    def send_raw(self, data):
        self.wfile.write(data)
        self.wfile.flush()

    def raw(self, mode):
        reply = delta("Hello there.", "stop") + b"data: [DONE]\n\n"
        chunked_head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
        hello = delta("Hello. ")
        if mode == "bad_chunk":
            self.send_raw(chunked_head + b"%x\r\n%s\r\n" % (len(hello), hello) + b"zz\r\nmore\r\n")
            time.sleep(5)
        elif mode == "chunk_overrun":
            self.send_raw(chunked_head + b"%x\r\n%s\r\n" % (len(hello), hello) + b"4\r\ndata: smuggled\r\n")
            time.sleep(5)
        elif mode == "huge_chunk_size":
            self.send_raw(chunked_head + b"1" + b"0" * 20 + b"\r\n" + hello)
            time.sleep(5)
        elif mode == "huge_headers":
            self.send_raw(b"HTTP/1.1 200 OK\r\nx-padding: " + b"a" * (1 << 20) + b"\r\n\r\n" + reply)
        elif mode == "many_headers":
            self.send_raw(b"HTTP/1.1 200 OK\r\n" + b"x-a: b\r\n" * 100000 + b"\r\n" + reply)
        elif mode == "endless_header":
            self.send_raw(b"HTTP/1.1 200 OK\r\nx-slow: ")
            start = time.monotonic()
            while time.monotonic() - start < 30:
                self.send_raw(b"a")
                time.sleep(0.1)
        elif mode == "reset":
            self.send_raw(chunked_head + b"%x\r\n%s\r\n" % (len(hello), hello))
            time.sleep(0.2)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif mode == "error_chunked":
            body = json.dumps({"error": {"message": "context too long for this model"}}).encode()
            self.send_raw(b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
                          b"transfer-encoding: chunked\r\n\r\n"
                          + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
        elif mode == "error_cut":
            body = json.dumps({"error": {"message": "context too long"}}).encode()
            self.send_raw(b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
                          b"content-length: %d\r\n\r\n" % (len(body) + 1000) + body)
        elif mode == "length_stream":
            # No [DONE]: only the end of the Content-Length body ends the reply, 30 s before the close.
            body = delta("Hello there.", "stop")
            self.send_raw(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                          b"content-length: %d\r\n\r\n" % len(body) + body)
            time.sleep(30)
        elif mode == "close_stream":
            self.send_raw(b"HTTP/1.0 200 OK\r\ncontent-type: text/event-stream\r\n\r\n" + reply)
        elif mode == "early_hints":
            self.send_raw(b"HTTP/1.1 103 Early Hints\r\nlink: </style.css>; rel=preload\r\n\r\n")
            self.send_raw(chunked_head + b"%x\r\n%s\r\n0\r\n\r\n" % (len(reply), reply))
        elif mode == "bad_status":
            self.send_raw(b"HTTP/1.1 2OO OK\r\n\r\n" + reply)


RAW_MODES = {"bad_chunk", "chunk_overrun", "huge_chunk_size", "huge_headers", "many_headers",
             "endless_header", "reset", "error_chunked", "error_cut", "length_stream",
             "close_stream", "early_hints", "bad_status"}


def main():
    global OTHER_PORT
    server = Server(("127.0.0.1", 0), Handler)
    other = Server(("127.0.0.1", 0), Handler)
    OTHER_PORT = other.server_address[1]
    print("PORT %d OTHER %d" % (server.server_address[1], OTHER_PORT), flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Timer(15 * 60, lambda: os._exit(0)).start()
    threading.Thread(target=other.serve_forever, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
