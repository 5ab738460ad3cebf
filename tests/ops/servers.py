"""Start gunicorn app servers in production settings against the test database (for the scale-out tests)."""

import contextlib
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "two-servers-" + "k3Pq9vX2mZ7rT5wY8bN1cF4hJ6gD0sLe" * 2


def database_url() -> str:
    """The URL of the database this test runs on (the test database, not the configured one)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = urllib.parse.quote(db.get("USER") or "")
    password = urllib.parse.quote(db.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """One gunicorn process with one worker, production settings (DEBUG=0) on the shared database."""

    def __init__(self, log_dir: Path, name: str, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"{name}.log"
        environ = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        environ.update({
            "DJANGO_SETTINGS_MODULE": "helpdesk.settings",
            "DEBUG": "0",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "2",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            **env,
        })
        environ.pop("REDIS_URL", None)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "helpdesk/gunicorn.conf.py", "helpdesk.wsgi"],
            cwd=ROOT, env=environ, stdout=self._log, stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log()}")
            with contextlib.suppress(OSError):
                request = urllib.request.Request(self.base + "/ping", headers={"X-Forwarded-Proto": "https"})
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback)
                    if response.status == 200:
                        return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout}s: {self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Browser:
    """A cookie-keeping HTTP client that behaves like a browser behind a TLS-terminating proxy."""

    def __init__(self):
        # Session and CSRF cookies are Secure in production; the proxy speaks HTTPS to the browser,
        # so the browser sends them back although the last hop (to gunicorn) is plain HTTP.
        policy = http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "http"))
        self.cookies = http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def request(self, server: AppServer, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        headers = {"X-Forwarded-Proto": "https"}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Origin"] = f"https://127.0.0.1:{server.port}"
            headers["Referer"] = f"https://127.0.0.1:{server.port}{path}"
        request = urllib.request.Request(server.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def csrf_token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token in the form"
        return match.group(1)
