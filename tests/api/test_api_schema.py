"""The OpenAPI schema is valid OpenAPI 3 (CI loads it with openapi-spec-validator) and the docs are vendored."""

import re

from django.contrib.staticfiles import finders
from openapi_spec_validator import validate
from rest_framework.test import APIClient

EXPECTED_PATHS = {
    "/api/v1/tickets/", "/api/v1/tickets/{id}/", "/api/v1/tickets/{id}/transition/", "/api/v1/tickets/{id}/work/",
    "/api/v1/tickets/{id}/notes/", "/api/v1/tickets/{id}/assign/", "/api/v1/tickets/{id}/withdraw/",
    "/api/v1/tickets/{id}/attachments/", "/api/v1/tickets/{id}/photos/{photo_pk}/", "/api/v1/tickets/{id}/memo/",
    "/api/v1/tracking/{token}/", "/api/v1/assets/", "/api/v1/assets/{id}/", "/api/v1/assets/{id}/history/",
    "/api/v1/stock-items/", "/api/v1/stock-items/{id}/", "/api/v1/stock-items/{id}/movements/",
    "/api/v1/ip-requests/", "/api/v1/ip-requests/{id}/", "/api/v1/mac-changes/", "/api/v1/mac-changes/{id}/",
    "/api/v1/account-requests/", "/api/v1/account-requests/{id}/", "/api/v1/account-requests/{id}/approve/",
    "/api/v1/account-requests/{id}/return/", "/api/v1/account-requests/{id}/cancel/", "/api/v1/publishing-requests/",
    "/api/v1/publishing-requests/{id}/", "/api/v1/publishing-requests/{id}/actions/", "/api/v1/news/",
    "/api/v1/news/{id}/", "/api/v1/meeting-bookings/", "/api/v1/meeting-bookings/{id}/",
    "/api/v1/meeting-bookings/{id}/confirm/", "/api/v1/meeting-bookings/{id}/cancel/", "/api/v1/meeting-rooms/",
    "/api/v1/meeting-rooms/{id}/", "/api/v1/vc-accounts/", "/api/v1/vc-accounts/{id}/", "/api/v1/data-requests/",
    "/api/v1/data-requests/{id}/", "/api/v1/systems/", "/api/v1/systems/{id}/", "/api/v1/system-changes/",
    "/api/v1/system-changes/{id}/", "/api/v1/system-dev-requests/", "/api/v1/system-dev-requests/{id}/",
    "/api/v1/consultations/", "/api/v1/consultations/{id}/", "/api/v1/knowledge-articles/",
    "/api/v1/knowledge-articles/{id}/",
}


def load_schema() -> dict:
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(db):
    schema = load_schema()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= EXPECTED_PATHS
    assert schema["components"]["securitySchemes"]["apiToken"] == {
        "type": "http", "scheme": "bearer", "description": schema["components"]["securitySchemes"]["apiToken"][
            "description"]}


def test_the_schema_never_offers_id_card_files(db):
    schema = load_schema()
    for name, component in schema["components"]["schemas"].items():
        assert "id_card" not in component.get("properties", {}), name


def test_the_schema_never_offers_stored_files_of_the_later_processes(db):
    """No file fields in the answers: data files (PDPA), letters, agendas and manuals stay on the pages."""
    schema = load_schema()
    for name, component in schema["components"]["schemas"].items():
        if name.endswith("CreateRequest"):
            continue  # request bodies (multipart uploads) are not answers
        for field in ("file", "letter_scan", "agenda", "manual", "memo_file", "scan"):
            assert field not in component.get("properties", {}), (name, field)


def test_the_docs_page_uses_vendored_files_and_no_inline_script_or_style(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style" not in html and " style=" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert all(src.startswith("/") for src in sources), sources  # nothing from a CDN
    for src in sources:
        if src.startswith("/static/"):
            assert finders.find(src.removeprefix("/static/")), src
    init = client.get(next(src for src in sources if "script" in src))
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in init.content.decode()


def test_the_schema_generates_without_warnings(db, tmp_path):
    """The command CI runs: `manage.py spectacular --validate --fail-on-warn` (a warning means a wrong schema)."""
    from django.core.management import call_command

    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert target.read_text(encoding="utf-8").startswith("openapi: 3")
