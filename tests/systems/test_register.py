"""The register of delivered systems: who reads it, who adds to it, manuals checked by content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.systems.conftest import pdf_upload
from tickets.systems import services
from tickets.systems.models import System

pytestmark = pytest.mark.django_db


def test_staff_register_a_system_with_its_manual(login, technician, unit_a):
    response = login(technician).post(reverse("systems:system_create"), {
        "name": "ระบบบัญชีคอมพิวเตอร์", "owner_unit": unit_a.pk, "go_live_on": "01/10/2568", "vendor": "กรมบัญชีกลาง",
        "manual": pdf_upload("manual.pdf"), "satisfaction_target": "85"})
    system = System.objects.get()
    assert response.status_code == 302
    assert (system.owner_unit, system.status, str(system.go_live_on)) == (unit_a, "active", "2025-10-01")
    assert system.manual.name.startswith("systems/manuals/") and system.events.get().to_status == "active"
    download = login(technician).get(reverse("systems:system_manual", args=[system.pk]))
    assert download["Content-Disposition"].startswith("attachment")


def test_manual_must_be_a_pdf_and_bad_input_is_kept(login, technician, unit_a):
    fake = SimpleUploadedFile("manual.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = login(technician).post(reverse("systems:system_create"), {
        "name": "ระบบเงินเดือน", "owner_unit": unit_a.pk, "manual": fake, "satisfaction_target": "150"})
    page = response.content.decode()
    assert response.status_code == 200 and "ระบบเงินเดือน" in page
    assert "ตรวจจากเนื้อหาไฟล์" in page and "เป้าหมายต้องอยู่ระหว่าง 0 ถึง 100" in page
    assert not System.objects.exists()


def test_requesters_cannot_register(login, requester_a, unit_a):
    assert login(requester_a).post(reverse("systems:system_create"), {
        "name": "x", "owner_unit": unit_a.pk, "satisfaction_target": "80"}).status_code == 403
    assert not System.objects.exists()


def test_units_see_their_own_systems(login, system_a, requester_a, requester_b, technician):
    assert [s.pk for s in login(requester_a).get(reverse("systems:system_list")).context["page_obj"]] == [system_a.pk]
    assert list(login(requester_b).get(reverse("systems:system_list")).context["page_obj"]) == []
    assert login(requester_b).get(reverse("systems:system_detail", args=[system_a.pk])).status_code == 404
    assert login(requester_b).post(reverse("systems:system_status", args=[system_a.pk])).status_code == 404


def test_retire_and_reactivate(login, system_a, technician, requester_a):
    client = login(technician)
    assert client.get(reverse("systems:system_status", args=[system_a.pk])).status_code == 405
    client.post(reverse("systems:system_status", args=[system_a.pk]), {"note": "เลิกใช้"})
    system_a.refresh_from_db()
    assert system_a.status == "retired"
    assert login(requester_a).post(reverse("systems:system_status", args=[system_a.pk])).status_code == 403
    services.system_set_status(system=system_a, by=technician, to="active")
    assert list(system_a.events.values_list("to_status", flat=True)) == ["active", "retired", "active"]


def test_register_list_query_budget(login, technician, unit_a, django_assert_max_num_queries):
    for n in range(10):
        services.system_create(system=System(name=f"ระบบ {n}", owner_unit=unit_a), by=technician)
    client = login(technician)
    client.get(reverse("systems:system_list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("systems:system_list"))
    assert len(response.context["page_obj"]) == 10


def test_staff_widget(login, technician, requester_a, system_a, make_change):
    make_change(requester_a, system_a)
    page = login(technician).get("/").content.decode()
    assert 'id="widget-systems-staff"' in page
    assert 'id="widget-systems-staff"' not in login(requester_a).get("/").content.decode()


def test_executive_widget_lists_projects_awaiting_approval(login, executive, make_project, requester_a):
    project = make_project(requester_a, until="proposed")
    page = login(executive).get("/").content.decode()
    assert 'id="widget-systems-executive"' in page and project.title in page
    listed = login(executive).get(reverse("systems:project_list") + "?status=proposed").context["page_obj"]
    assert [p.pk for p in listed] == [project.pk]
    assert 'id="widget-systems-executive"' not in login(requester_a).get("/").content.decode()
