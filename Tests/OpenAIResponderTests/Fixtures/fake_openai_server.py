#!/usr/bin/env python3
"""The fake OpenAI-compatible server for Waymark's tests and benchmarks (stdlib only): the
ordinary behaviours of a real server, and the hostile ones of issue 13, in one process.

Listens on 127.0.0.1 only, on two free ports, and prints
"PORT <port> CLOSED <closed-port> OTHER <other-port>" on stdout. CLOSED was bound and
released, so nothing listens there; OTHER is "another host": redirects point there, and it
counts what reaches it. Bounded: every response stops by itself (at most 40 s or 64 MB past
its headers), and the server exits when its stdin closes (the test process ended) or after
60 minutes, whichever comes first.

The first path component picks the behaviour: POST /<mode>/v1/chat/completions
  stream      replay the captured llama-cpp-python stream byte-for-byte, random chunks, delays
  long        replay the long capture in random chunks
  bytewise    replay the short capture one byte per write
  crlf        the short capture with CRLF line ends, ": ping" comments and a usage-only chunk
  noterminator the short capture with no [DONE] and no final blank line
  echo        stream back, as one delta, the JSON of the request (messages + auth header)
  unauthorized 401     forbidden 403     notfound 404     ratelimit 429 + Retry-After: 7
  servererror 500      badrequest 400 with an error object
  cut         half the stream, then the connection is dropped
  malformed   a data: line with broken JSON
  errorobject a data: line holding an {"error": ...} object
  silent      headers, then nothing for 90 s
  stall       two deltas, then nothing for 120 s
  slow        wait 1.5 s, then headers and the stream
  late        wait 10 s, then headers and the stream (far past a short first-token limit, even on a loaded machine)
  nonstream   ignores "stream": true and answers with one chat.completion JSON object
  pinging     headers, then only ": ping" comments every 0.1 s for 30 s (counted while open)
  quiet       headers, then nothing for 10 s, then a short reply (waymark-bench idle-cpu)
  steady      headers, then 20 small deltas a second for 10 s, then [DONE] (waymark-bench idle-cpu)
Hostile behaviours (issue 13):
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
  endless_header a status line, then one header byte every 0.1 s for 300 s (slow loris; long,
                 so a client whose timer is delayed by a busy test run still meets its limit first)
  reset          one delta, then the connection is reset (RST) mid-stream
  error_chunked  400 with a chunked JSON error body
  error_cut      400 whose Content-Length promises more than is sent before the close
  length_stream  an SSE reply without [DONE] framed by Content-Length, then 90 s before the close
  close_stream   an HTTP/1.0 SSE reply ended by closing the connection
  early_hints    103 Early Hints, then the streamed reply
  bad_status     a status line that is not HTTP
GET /stats returns {"pinging_open": N, "flood_open": N, "other_hits": N, "other_with_key": N}:
the "pinging" and "flood" responses still connected, and the requests that reached OTHER
(with an Authorization header).
"""
import json
import os
import random
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATS = {"pinging_open": 0, "flood_open": 0, "other_hits": 0, "other_with_key": 0}
ESCAPES = "\x1b]52;c;SGFja2VkIGNsaXBib2FyZA==\x07\x1b[2J\u202egnirts desrever\u202c \x9b31m"
MAX_SECONDS = 40
MAX_BYTES = 64 * 1024 * 1024
OTHER_PORT = 0
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "llama-cpp-python-stream.sse"), "rb") as f:
    SHORT = f.read()
with open(os.path.join(HERE, "llama-cpp-python-long.sse"), "rb") as f:
    LONG = f.read()


def random_chunks(data, seed, max_size=40):
    rng = random.Random(seed)
    i = 0
    while i < len(data):
        n = rng.randint(1, max_size)
        yield data[i:i + n]
        i += n


def delta_event(text, finish=None):
    chunk = {"id": "chatcmpl-bench", "object": "chat.completion.chunk",
             "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}]}
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


delta = delta_event


def crlf_variant():
    events = [e for e in SHORT.split(b"\n\n") if e]
    out = b": ping - 2026-11-21 23:33:55.000000+00:00\r\n\r\n"
    for e in events[:-1]:
        out += e + b"\r\n\r\n"
    usage = {"id": "x", "object": "chat.completion.chunk", "choices": [],
             "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
    out += b"data: " + json.dumps(usage).encode() + b"\r\n\r\n"
    out += b": keep-alive\r\n\r\n"
    out += events[-1] + b"\r\n\r\n"
    return out


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def write_chunk(self, data):
        if not data:
            return
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def end_chunks(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def start_stream(self):
        self.send_response(200)
        self.send_header("content-type", "text/event-stream; charset=utf-8")
        self.send_header("cache-control", "no-store")
        self.send_header("x-accel-buffering", "no")
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
        if self.path.startswith("/stats"):
            with LOCK:
                self.send_json(200, dict(STATS))
            return
        self.send_json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(min(length, 1 << 24)) if length else b""
        parts = [p for p in self.path.split("/") if p]
        mode = parts[0] if parts else "stream"
        seed = hash(body) & 0xFFFF
        try:
            if self.server.server_address[1] == OTHER_PORT:
                self.other()
            elif mode in HOSTILE_MODES:
                self.hostile(mode)
            else:
                self.dispatch(mode, body, seed)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def dispatch(self, mode, body, seed):
        if mode == "stream":
            self.start_stream()
            for chunk in random_chunks(SHORT, seed):
                self.write_chunk(chunk)
                time.sleep(0.002)
            self.end_chunks()
        elif mode == "long":
            self.start_stream()
            for chunk in random_chunks(LONG, seed, max_size=700):
                self.write_chunk(chunk)
            self.end_chunks()
        elif mode == "bytewise":
            self.start_stream()
            for i in range(len(SHORT)):
                self.write_chunk(SHORT[i:i + 1])
            self.end_chunks()
        elif mode == "crlf":
            self.start_stream()
            for chunk in random_chunks(crlf_variant(), seed, max_size=17):
                self.write_chunk(chunk)
            self.end_chunks()
        elif mode == "noterminator":
            self.start_stream()
            trimmed = SHORT.rstrip(b"\n")
            trimmed = trimmed[: trimmed.rfind(b"data: [DONE]")].rstrip(b"\n")
            self.write_chunk(trimmed + b"\n")
            self.end_chunks()
        elif mode == "echo":
            request = json.loads(body)
            request["authorization"] = self.headers.get("authorization")
            chunk = {"choices": [{"index": 0, "delta": {"content": json.dumps(request)}, "finish_reason": "stop"}]}
            self.start_stream()
            self.write_chunk(b"data: " + json.dumps(chunk).encode() + b"\n\ndata: [DONE]\n\n")
            self.end_chunks()
        elif mode == "unauthorized":
            self.send_json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
        elif mode == "forbidden":
            self.send_json(403, {"error": {"message": "Forbidden"}})
        elif mode == "notfound":
            self.send_json(404, {"error": {"message": "The model `nope` does not exist", "code": "model_not_found"}})
        elif mode == "ratelimit":
            self.send_json(429, {"error": {"message": "Rate limit reached"}}, {"Retry-After": "7"})
        elif mode == "servererror":
            self.send_json(500, {"error": {"message": "Internal Server Error"}})
        elif mode == "badrequest":
            self.send_json(400, {"error": {"message": "This model's maximum context length is 2048 tokens"}})
        elif mode == "cut":
            self.start_stream()
            half = SHORT[: len(SHORT) // 2]
            for chunk in random_chunks(half, seed):
                self.write_chunk(chunk)
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif mode == "malformed":
            self.start_stream()
            self.write_chunk(SHORT.split(b"\n\n")[0] + b"\n\n")
            self.write_chunk(b'data: {"choices": [{"delta": {"content": "Hel\n\n')
            self.end_chunks()
        elif mode == "errorobject":
            self.start_stream()
            self.write_chunk(b'data: {"error": {"message": "model crashed", "code": 500}}\n\n')
            self.end_chunks()
        elif mode == "silent":
            self.start_stream()
            time.sleep(90)
            self.end_chunks()
        elif mode == "quiet":
            self.start_stream()
            time.sleep(10)
            self.write_chunk(delta_event("Still here.", "stop") + b"data: [DONE]\n\n")
            self.end_chunks()
        elif mode == "steady":
            self.start_stream()
            start = time.monotonic()
            for index in range(200):
                # On a schedule, not after each write: 20 a second however long writes take.
                time.sleep(max(0.0, start + index * 0.05 - time.monotonic()))
                self.write_chunk(delta_event("word "))
            self.write_chunk(delta_event("end.", "stop") + b"data: [DONE]\n\n")
            self.end_chunks()
        elif mode == "nonstream":
            self.send_json(200, {"id": "x", "object": "chat.completion", "choices": [
                {"index": 0, "message": {"role": "assistant", "content": "Hello in one piece."}, "finish_reason": "stop"}]})
        elif mode == "pinging":
            self.start_stream()
            with LOCK:
                STATS["pinging_open"] += 1
            try:
                for _ in range(300):
                    self.write_chunk(b": ping\n\n")
                    time.sleep(0.1)
                self.end_chunks()
            finally:
                with LOCK:
                    STATS["pinging_open"] -= 1
        elif mode == "stall":
            self.start_stream()
            events = SHORT.split(b"\n\n")
            self.write_chunk(events[0] + b"\n\n" + events[1] + b"\n\n" + events[2] + b"\n\n")
            time.sleep(120)
            self.end_chunks()
        elif mode in ("slow", "late"):
            time.sleep(1.5 if mode == "slow" else 10)
            self.start_stream()
            for chunk in random_chunks(SHORT, seed):
                self.write_chunk(chunk)
            self.end_chunks()
        else:
            self.send_json(404, {"error": {"message": "unknown mode " + mode}})

    # Hostile behaviours (issue 13)

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

    def hostile(self, mode):
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
            while time.monotonic() - start < 300:
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
            # No [DONE]: only the end of the Content-Length body ends the reply, 90 s before the close.
            body = delta("Hello there.", "stop")
            self.send_raw(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                          b"content-length: %d\r\n\r\n" % len(body) + body)
            time.sleep(90)
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


HOSTILE_MODES = RAW_MODES | {"retry_inf", "retry_huge", "retry_far", "redirect307", "redirect302",
                             "escape_body", "escape_stream", "flood", "comment_flood", "huge_line",
                             "drip", "trickle"}


def main():
    global OTHER_PORT
    server = Server(("127.0.0.1", 0), Handler)
    other = Server(("127.0.0.1", 0), Handler)
    OTHER_PORT = other.server_address[1]
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    print("PORT %d CLOSED %d OTHER %d" % (server.server_address[1], closed_port, OTHER_PORT), flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Timer(60 * 60, lambda: os._exit(0)).start()
    threading.Thread(target=other.serve_forever, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
