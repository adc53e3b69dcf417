"""A real `bilat serve` on a free 127.0.0.1 port, for tests and benchmarks/bench_server.py."""
import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(db: str, *, token: str | None = None, log=None, **env):
    """Start ``bilat serve --db db`` (with ``BILAT_TOKEN=token`` and ``env``); yield its port."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if k not in ("BILAT_TOKEN", "BILAT_DB")}
    environ.update({k: str(v) for k, v in env.items()})
    if token:
        environ["BILAT_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "bilat.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=log or subprocess.DEVNULL, env=environ)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(port, "GET", "/api/actors")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"bilat serve did not start on port {port} (exit {proc.poll()})")
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def request(port: int, method: str, path: str, body=None, headers=None, conn=None, timeout=120):
    """(status, headers, body bytes); ``path`` is sent as given, not normalised."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
        conn.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        if own:
            conn.close()
