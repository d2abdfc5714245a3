"""Issue 14, slow clients: behind deploy/nginx.conf a normal request is answered while slow clients are connected;
straight to gunicorn (2 workers x 2 threads) the same slow clients hold every thread and it waits.
"""
import http.client
import socket
import ssl
import subprocess
import threading
import time

import pytest

from deploy.render_nginx import PLACEHOLDER, render
from tests.deploy.servers import (ROOT, app_environment, connections_per_worker, migrate, nginx_files,
                                  require_nginx, start_gunicorn, start_nginx, stop, wait_for_port)
from tests.system import free_port

WORKERS, THREADS = 2, 2
SLOW_CLIENTS = 2 * WORKERS * THREADS
DRIP_SECONDS = 0.3   # one byte per slow client per tick
DRIP_LIMIT = 60      # a slow client never outlives this, whatever happens to the test


class SlowClients:
    """Half send a request header one byte at a time, half a whole header and then a body one byte at a time."""

    def __init__(self, port, tls, count=SLOW_CLIENTS):
        self.port, self.tls, self.count = port, tls, count
        self.clients = []   # [socket, bytes still to drip]
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)

    def __enter__(self):
        self.add(self.count)
        self.thread.start()
        return self

    def add(self, count):
        context = ssl._create_unverified_context() if self.tls else None
        for _ in range(count):
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
            if context:
                sock = context.wrap_socket(sock, server_hostname="127.0.0.1")
            if len(self.clients) % 2 == 0:  # a header that never ends within the test
                head, rest = b"", b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1000
            else:                           # a whole header, then a body of 100 kB one byte at a time
                head = (b"POST /inloggen HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n")
                rest = b"a" * 100000
            sock.sendall(head + rest[:1])
            self.clients.append([sock, rest[1:]])

    def _drip(self):
        deadline = time.monotonic() + DRIP_LIMIT
        while not self.done.wait(DRIP_SECONDS) and time.monotonic() < deadline:
            for client in list(self.clients):  # add() may append meanwhile
                sock, rest = client
                if rest:
                    try:
                        sock.sendall(rest[:1])
                        client[1] = rest[1:]
                    except OSError:  # closed by the server
                        client[1] = b""

    def connected(self):
        return sum(1 for _sock, rest in self.clients if rest)

    def __exit__(self, *_exc):
        self.done.set()
        self.thread.join(timeout=10)
        for sock, _rest in self.clients:
            sock.close()


def get(port, path="/", tls=True, timeout=10, method="GET", headers=None, raw=False):
    """(status, headers, body as text; as bytes with raw=True)."""
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout,
                                                 context=ssl._create_unverified_context())
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, response.headers, body if raw else body.decode("utf-8", "replace")
    finally:
        connection.close()


def self_signed_certificate(folder):
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True, timeout=60)
    return certificate, key


@pytest.mark.slow
def test_nginx_answers_a_normal_request_while_slow_clients_hold_gunicorn_directly(tmp_path):
    require_nginx()
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    env = app_environment(tmp_path, SITE_URL=f"https://127.0.0.1:{https_port}", PROXY_COUNT="1")
    migrate(env)
    certificate, key = self_signed_certificate(tmp_path)
    site = render({  # the shipped template, only the placeholders filled (README "In productie")
        "SERVER_NAME": "127.0.0.1",
        "LISTEN_HTTP": f"127.0.0.1:{http_port}",
        "LISTEN_HTTPS": f"127.0.0.1:{https_port}",
        "TLS_CERTIFICATE": certificate,
        "TLS_CERTIFICATE_KEY": key,
        "UPSTREAM": f"127.0.0.1:{app_port}",
        "STATIC_ROOT": ROOT / "static",
    })
    processes = []
    try:
        processes.append(start_gunicorn(tmp_path, app_port, env, workers=WORKERS, threads=THREADS))
        processes.append(start_nginx(tmp_path, site))
        wait_for_port(app_port, processes[0])
        wait_for_port(https_port, processes[1])
        assert get(app_port, tls=False, timeout=60)[0] == 200  # a worker has loaded the app

        with SlowClients(https_port, tls=True) as slow:
            time.sleep(1)  # every slow client has started dripping
            status, headers, body = get(https_port, timeout=10)
            assert status == 200, body
            assert "Waar zoekt u hulp bij" in body
            assert slow.connected() == SLOW_CLIENTS  # still there: nginx holds them, gunicorn never sees them
        assert headers["Server"] == "nginx"  # server_tokens off: no version
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"  # once, from the app
        assert "Content-Security-Policy" in headers  # the app's own headers come through

        status, headers, _ = get(https_port, "/static/css/site.css")
        assert status == 200
        assert headers["Cache-Control"] == "max-age=3600"
        assert "Content-Security-Policy" not in headers  # from disk by nginx, not from Flask
        assert headers["X-Content-Type-Options"] == "nosniff"

        status, headers, _ = get(http_port, "/zoeken?q=schulden", tls=False)
        assert status == 301
        assert headers["Location"] == "https://127.0.0.1/zoeken?q=schulden"

        status, _, _ = get(https_port, "/inloggen", method="POST", headers={"Content-Length": str(10 * 1024 * 1024)})
        assert status == 413  # above client_max_body_size, refused before a byte of the body is read

        # The contrast: the same slow clients straight to gunicorn take every thread. Which worker accepts a
        # connection is up to the kernel (often one takes most), so more slow clients until each holds THREADS.
        gunicorn = processes[0]
        with SlowClients(app_port, tls=False) as slow:
            deadline = time.monotonic() + 30
            while True:
                time.sleep(0.2)
                held = connections_per_worker(gunicorn, app_port)
                if len(held) == WORKERS and min(held.values()) >= THREADS:
                    break
                assert len(slow.clients) < 40 and time.monotonic() < deadline, held
                slow.add(1)
            with pytest.raises(TimeoutError):
                get(app_port, tls=False, timeout=3)
        status, _, _ = get(app_port, tls=False, timeout=10)  # free again once they are gone
        assert status == 200
    finally:
        for process in reversed(processes):
            stop(process)


def test_the_production_values_pass_nginx_t(tmp_path):
    require_nginx()
    certificate, key = self_signed_certificate(tmp_path)
    site = render({"SERVER_NAME": "buurtkaart.meppel.nl", "LISTEN_HTTP": "80", "LISTEN_HTTPS": "443",
                   "TLS_CERTIFICATE": certificate, "TLS_CERTIFICATE_KEY": key, "UPSTREAM": "127.0.0.1:8000",
                   "STATIC_ROOT": ROOT / "static"})
    result = subprocess.run(nginx_files(tmp_path, site) + ["-t"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr


def test_render_refuses_a_missing_or_unsafe_value():
    values = {"SERVER_NAME": "a", "LISTEN_HTTP": "80", "LISTEN_HTTPS": "443", "TLS_CERTIFICATE": "/c",
              "TLS_CERTIFICATE_KEY": "/k", "UPSTREAM": "127.0.0.1:8000", "STATIC_ROOT": "/srv/static"}
    assert not PLACEHOLDER.search(render(values))
    with pytest.raises(ValueError, match="UPSTREAM"):
        render({**values, "UPSTREAM": ""})
    with pytest.raises(ValueError, match="SERVER_NAME"):
        render({**values, "SERVER_NAME": "a; include /etc/passwd"})
