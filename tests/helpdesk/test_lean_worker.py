"""A worker that loads every URL pattern has not paid for the PDF renderer or the LINE SDK, nor for the API.

WeasyPrint (~27 MiB) is imported only when a PDF is made and line-bot-sdk (aiohttp, pydantic, ~40 MiB)
only when a LINE message is sent or received; Django REST framework and drf-spectacular (~30 MiB) only when an
/api/ request arrives (helpdesk.lazyurls). A fresh interpreter proves it, since the test process itself has long
imported them all.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
import django
django.setup()
from django.urls import get_resolver

def walk(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            walk(pattern.url_patterns)

walk(get_resolver().url_patterns)
print(json.dumps({name: name in sys.modules for name in ("weasyprint", "linebot", "aiohttp", "pydantic")}))
"""


# Serves pages the way a worker does, then an API request; reports what was imported before the API request.
SERVING_PROBE = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.urls import reverse

# What the app registry loads is left out: the apps, their checks and the (empty) tag library package.
def api_modules():
    return sorted(name for name in sys.modules if name.startswith(("rest_framework.", "drf_spectacular."))
                  and not name.endswith((".apps", ".checks", ".templatetags")))

host = next(h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*")
client = Client(HTTP_HOST=host)
pages = [client.get(reverse(name), secure=True).status_code for name in ("ping", "login")]
links = [reverse("api_docs"), reverse("api_schema"), reverse("api_tokens")]
before = api_modules()
api = client.get(reverse("api_v1:ticket-list"), secure=True, HTTP_ACCEPT="application/json")
print(json.dumps({"pages": pages, "links": links, "before": before, "api_status": api.status_code,
                  "api_type": api["Content-Type"], "after": "rest_framework.views" in sys.modules}))
"""


def _run(probe: str) -> dict:
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _loaded_after_url_config() -> dict:
    return _run(PROBE)


def test_loading_the_url_configuration_imports_neither_weasyprint_nor_the_line_sdk():
    assert _loaded_after_url_config() == {"weasyprint": False, "linebot": False, "aiohttp": False, "pydantic": False}


def test_making_a_pdf_still_works_after_the_lazy_import():
    from helpdesk.pdf import html_to_pdf

    assert html_to_pdf("<p>ทดสอบ</p>").startswith(b"%PDF")


def test_serving_pages_and_reversing_api_names_imports_neither_rest_framework_nor_drf_spectacular():
    served = _run(SERVING_PROBE)
    assert served["pages"] == [200, 200]
    assert served["links"] == ["/api/docs/", "/api/schema/", "/accounts/api-tokens/"]
    assert served["before"] == []


def test_the_api_answers_after_loading_on_its_first_request():
    served = _run(SERVING_PROBE)
    assert served["api_status"] in (401, 403)
    assert served["api_type"].startswith("application/json")
    assert served["after"] is True


def test_the_lazy_api_include_reverses_and_resolves_like_include(client):
    from django.urls import resolve, reverse

    assert reverse("api_v1:ticket-detail", args=[7]) == "/api/v1/tickets/7/"
    assert reverse("api_v1:tracking", args=["abc"]) == "/api/v1/tracking/abc/"
    assert resolve("/api/v1/tickets/7/").namespace == "api_v1"
    assert resolve("/api/v1/tickets/7/").url_name == "ticket-detail"
