"""The outsourced track (002 §5): TOR and median price, quotations from vendors, selection report, contract with
instalments, inspection of each instalment, training, payment; a reminder before each instalment's due date."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.systems.conftest import at, docx_upload, pdf_upload
from tickets.systems import services
from tickets.systems.integration import systems_due
from tickets.systems.models import Contract, Instalment, InstalmentEvent, Project, Quotation, System

pytestmark = pytest.mark.django_db
START = dt.date(2027, 3, 1)


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def test_the_outsourced_track(login, make_project, requester_a, technician, clock):
    clock.set(at(START, 9))
    project = make_project(requester_a, track="outsourced")
    steps = {s.kind: s for s in project.steps.all()}
    assert list(steps) == ["tor", "quotations", "selection", "contract", "inspection", "training", "payment",
                           "go_live"]
    client = login(technician)

    def start(kind):
        client.post(reverse("systems:step_start", args=[project.pk, steps[kind].pk]))

    def finish(kind):
        return client.post(reverse("systems:step_finish", args=[project.pk, steps[kind].pk]), follow=True)

    start("tor")
    client.post(reverse("systems:step_attach", args=[project.pk, steps["tor"].pk]),
                {"kind": "tor", "file": docx_upload()})
    finish("tor")
    start("quotations")
    assert "กรุณาบันทึกใบเสนอราคาอย่างน้อย 1 ราย" in finish("quotations").content.decode()
    today = be(timezone.localdate())
    client.post(reverse("systems:quotation_add", args=[project.pk]),
                {"vendor": "บริษัท เอ ซอฟต์ จำกัด", "amount": "480000", "received_on": today})
    client.post(reverse("systems:quotation_add", args=[project.pk]),
                {"vendor": "บริษัท บี เทค จำกัด", "amount": "450000", "received_on": today})
    response = client.post(reverse("systems:quotation_add", args=[project.pk]),
                           {"vendor": "", "amount": "-1", "received_on": today}, follow=True)
    assert "กรุณาระบุผู้เสนอราคา" in response.content.decode()
    assert Quotation.objects.filter(project=project).count() == 2
    finish("quotations")
    start("selection")
    chosen = Quotation.objects.get(vendor="บริษัท บี เทค จำกัด")
    client.post(reverse("systems:quotation_select", args=[project.pk, chosen.pk]))
    assert "กรุณาแนบรายงานผลการพิจารณา" in finish("selection").content.decode()
    client.post(reverse("systems:step_attach", args=[project.pk, steps["selection"].pk]),
                {"kind": "selection", "file": pdf_upload("selection.pdf")})
    finish("selection")
    start("contract")
    # Instalments must add up to the contract.
    bad = client.post(reverse("systems:contract_save", args=[project.pk]), {
        "number": "12/2570", "vendor": "บริษัท บี เทค จำกัด", "amount": "450000", "signed_on": today,
        "instalments": "30/04/2570 | 200000 | ระบบต้นแบบ"}, follow=True)
    assert "ไม่เท่ากับวงเงินตามสัญญา" in bad.content.decode() and not Contract.objects.exists()
    client.post(reverse("systems:contract_save", args=[project.pk]), {
        "number": "12/2570", "vendor": "บริษัท บี เทค จำกัด", "amount": "450000", "signed_on": today,
        "instalments": "30/04/2570 | 200,000 | ระบบต้นแบบ\n30/06/2570 | 250000 | ระบบสมบูรณ์"})
    contract = Contract.objects.get(project=project)
    first, second = contract.instalments.all()
    assert (first.due_on, first.amount, second.due_on) == (dt.date(2027, 4, 30), 200000, dt.date(2027, 6, 30))
    finish("contract")
    start("inspection")

    # Reminders: nothing a month ahead, a notice 7 days before, an overdue notice after the date.
    assert not [d for d in systems_due(at(dt.date(2027, 4, 1), 9)) if "instalment" in d.key]
    due = [d.key for d in systems_due(at(dt.date(2027, 4, 23), 9)) if "instalment" in d.key]
    assert due == [f"systems.instalment_due:{first.pk}"]
    overdue = [d.key for d in systems_due(at(dt.date(2027, 5, 3), 9)) if "instalment" in d.key]
    assert overdue == [f"systems.instalment_overdue:{first.pk}"]

    clock.set(at(dt.date(2027, 4, 30), 10))
    client.post(reverse("systems:instalment_inspect", args=[project.pk, first.pk]),
                {"passed": "no", "on": be(dt.date(2027, 4, 30)), "note": "ยังไม่ครบตาม TOR"})
    assert Instalment.objects.get(pk=first.pk).status == "rejected"
    client.post(reverse("systems:instalment_inspect", args=[project.pk, first.pk]),
                {"passed": "yes", "on": be(dt.date(2027, 4, 30)), "note": "ครบถ้วน"})
    assert "ยังมีงวดงานที่ยังไม่ผ่านการตรวจรับ" in finish("inspection").content.decode()
    clock.set(at(dt.date(2027, 6, 30), 10))
    client.post(reverse("systems:instalment_inspect", args=[project.pk, second.pk]),
                {"passed": "yes", "on": be(dt.date(2027, 6, 30))})
    finish("inspection")
    assert not [d for d in systems_due(at(dt.date(2027, 6, 30), 11)) if "instalment" in d.key]
    start("training")
    client.post(reverse("systems:step_attach", args=[project.pk, steps["training"].pk]),
                {"kind": "sign_in", "file": pdf_upload("signin.pdf")})
    finish("training")
    start("payment")
    assert "ยังมีงวดงานที่ยังไม่ได้เบิกจ่าย" in finish("payment").content.decode()
    for item in (first, second):
        client.post(reverse("systems:instalment_pay", args=[project.pk, item.pk]),
                    {"on": be(dt.date(2027, 6, 30)), "reference": f"ฎ {item.number}/2570"})
    finish("payment")
    assert list(Instalment.objects.filter(contract=contract).values_list("status", flat=True)) == ["paid", "paid"]
    assert list(InstalmentEvent.objects.filter(request=first).values_list("to_status", flat=True)) == [
        "pending", "rejected", "accepted", "paid"]
    start("go_live")
    client.post(reverse("systems:golive_letter", args=[project.pk]), {"go_live_on": be(dt.date(2027, 7, 1))})
    finish("go_live")
    client.post(reverse("systems:project_go_live", args=[project.pk]))
    project.refresh_from_db()
    assert project.status == Project.Status.LIVE
    system = System.objects.get(project=project)
    assert (system.vendor, system.contract, system.go_live_on) == ("บริษัท บี เทค จำกัด", contract,
                                                                   dt.date(2027, 7, 1))


def test_instalment_steps_refuse_get_requester_and_other_units(login, make_project, requester_a, requester_b,
                                                               technician):
    project = make_project(requester_a, track="outsourced")
    contract = services.contract_save(project=project, by=technician, contract=Contract(
        number="1/2570", vendor="บริษัท ซี", amount=100, signed_on=timezone.localdate()),
        instalments=[{"due_on": timezone.localdate(), "amount": 100, "deliverable": ""}])
    item = contract.instalments.get()
    url = reverse("systems:instalment_inspect", args=[project.pk, item.pk])
    data = {"passed": "yes", "on": be(timezone.localdate())}
    assert login(technician).get(url).status_code == 405
    assert login(requester_a).post(url, data).status_code == 403
    assert login(requester_b).post(url, data).status_code == 404
    future = login(technician).post(url, {"passed": "yes", "on": be(timezone.localdate() + dt.timedelta(days=3))},
                                    follow=True)
    assert "วันที่ต้องไม่เป็นวันในอนาคต" in future.content.decode()
    item.refresh_from_db()
    assert item.status == "pending"


def test_in_house_projects_take_no_quotations(make_project, requester_a, technician):
    from django.core.exceptions import ValidationError

    project = make_project(requester_a)
    with pytest.raises(ValidationError):
        services.quotation_add(project=project, by=technician,
                               quotation=Quotation(vendor="x", amount=1, received_on=timezone.localdate()))
    assert not Quotation.objects.exists()
