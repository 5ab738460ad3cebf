"""A local fake of the LINE Messaging API (threading http.server on 127.0.0.1) and LINE settings."""

import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.publishing.conftest import make_request, section  # noqa: F401  (publishing fixtures)
from tests.tickets.conftest import hw, make_asset, make_ticket  # noqa: F401  (ticket and asset fixtures)

CHANNEL_SECRET = "test-channel-secret"
ACCESS_TOKEN = "test-access-token"


class FakeLineAPI:
    def __init__(self):
        self.requests: list[dict] = []
        self.statuses: list[int] = []  # the next responses' status codes (200 once the list is empty)
        self._lock = threading.Lock()

        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with fake._lock:
                    fake.requests.append({
                        "path": self.path,
                        "authorization": self.headers.get("Authorization"),
                        "json": json.loads(body or b"{}"),
                    })
                    status = fake.statuses.pop(0) if fake.statuses else 200
                payload = (
                    {"sentMessages": [{"id": "1", "quoteToken": "q"}]} if status == 200 else {"message": "boom"}
                )
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def pushes(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/v2/bot/message/push"]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_line(settings):
    api = FakeLineAPI()
    settings.LINE_CHANNEL_ACCESS_TOKEN = ACCESS_TOKEN
    settings.LINE_CHANNEL_SECRET = CHANNEL_SECRET
    settings.LINE_API_HOST = api.url
    yield api
    api.close()


def sign(body: str, secret: str = CHANNEL_SECRET) -> str:
    digest = hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def text_event(line_user_id: str, text: str) -> str:
    return json.dumps({
        "destination": "Uoa",
        "events": [{
            "type": "message", "mode": "active", "timestamp": 1764547200000,
            "webhookEventId": "01JWEBHOOK", "deliveryContext": {"isRedelivery": False},
            "replyToken": "r" * 32,
            "source": {"type": "user", "userId": line_user_id},
            "message": {"type": "text", "id": "468789577898262530", "quoteToken": "q", "text": text},
        }],
    })
