"""
Neural Notebook's PyTorch oracle server: one long-lived Python process that answers the torch test
suite (npm run test:torch), so that importing torch (1 to 2 seconds) happens once per run.

    python3 server.py SOCKET_PATH

It listens on a Unix socket. Each request is one line of JSON, {"id", "kind", "payload"}; the
answer is one line, {"id", "ok": true, "result"} or {"id", "ok": false, "error": traceback}.
Requests are handled one at a time (a lock), so handlers may redirect stdout and record warnings.
Tensors travel as {"shape": [...], "data": [flat row-major floats]}, with NaN and infinities
written as the strings "NaN", "Infinity" and "-Infinity" (JSON has no such numbers).

The process exits when its standard input closes (the test run that started it has ended).
"""
import json
import os
import socketserver
import sys
import threading
import traceback

import torch

import handlers

LOCK = threading.Lock()


class RequestHandler(socketserver.StreamRequestHandler):
    """Answers every line of one connection (one vitest worker)."""

    def handle(self):
        for line in self.rfile:
            request = json.loads(line)
            with LOCK:
                try:
                    answer = {"id": request["id"], "ok": True, "result": handlers.HANDLERS[request["kind"]](request["payload"])}
                except Exception:  # noqa: BLE001 - every failure goes back to the test that asked
                    answer = {"id": request["id"], "ok": False, "error": traceback.format_exc()}
            self.wfile.write((json.dumps(answer, allow_nan=False) + "\n").encode())
            self.wfile.flush()


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def exit_when_parent_goes():
    sys.stdin.read()
    os._exit(0)


def main():
    path = sys.argv[1]
    server = Server(path, RequestHandler)
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(f"ready torch {torch.__version__}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
