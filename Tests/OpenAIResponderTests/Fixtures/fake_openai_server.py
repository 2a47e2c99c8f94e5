#!/usr/bin/env python3
"""A fake OpenAI-compatible server for Waymark's integration tests (stdlib only).

Listens on 127.0.0.1 on a free port and prints "PORT <port> CLOSED <closed-port>" on stdout
(the second is a port that was bound and released, so nothing listens there). Exits when
its stdin closes, so it never outlives the test process.

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
  silent      headers, then nothing for 30 s
  stall       two deltas, then nothing for 120 s
  slow        wait 1.5 s, then headers and the stream
  late        wait 10 s, then headers and the stream (far past a short first-token limit, even on a loaded machine)
  nonstream   ignores "stream": true and answers with one chat.completion JSON object
  pinging     headers, then only ": ping" comments every 0.1 s for 30 s (counted while open)
  quiet       headers, then nothing for 10 s, then a short reply (waymark-bench idle-cpu)
  steady      headers, then 20 small deltas a second for 10 s, then [DONE] (waymark-bench idle-cpu)
GET /stats returns {"pinging_open": N}: how many "pinging" responses are still connected.
"""
import json
import os
import random
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PINGING_OPEN = 0
PINGING_LOCK = threading.Lock()
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
        body = json.dumps(obj).encode()
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
            with PINGING_LOCK:
                self.send_json(200, {"pinging_open": PINGING_OPEN})
            return
        self.send_json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = [p for p in self.path.split("/") if p]
        mode = parts[0] if parts else "stream"
        seed = hash(body) & 0xFFFF
        try:
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
            time.sleep(30)
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
            global PINGING_OPEN
            self.start_stream()
            with PINGING_LOCK:
                PINGING_OPEN += 1
            try:
                for _ in range(300):
                    self.write_chunk(b": ping\n\n")
                    time.sleep(0.1)
                self.end_chunks()
            finally:
                with PINGING_LOCK:
                    PINGING_OPEN -= 1
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


def main():
    server = Server(("127.0.0.1", 0), Handler)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    print("PORT %d CLOSED %d" % (server.server_address[1], closed_port), flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
