"""A worker that loads every URL pattern has not paid for the PDF renderer or the LINE SDK.

WeasyPrint (~27 MiB) is imported only when a PDF is made and line-bot-sdk (aiohttp, pydantic, ~40 MiB)
only when a LINE message is sent or received; a fresh interpreter proves it, since the test process
itself has long imported both.
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


def _loaded_after_url_config() -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loading_the_url_configuration_imports_neither_weasyprint_nor_the_line_sdk():
    assert _loaded_after_url_config() == {"weasyprint": False, "linebot": False, "aiohttp": False, "pydantic": False}


def test_making_a_pdf_still_works_after_the_lazy_import():
    from helpdesk.pdf import html_to_pdf

    assert html_to_pdf("<p>ทดสอบ</p>").startswith(b"%PDF")
