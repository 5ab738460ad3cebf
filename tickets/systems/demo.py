"""Demo data: development requests (one rejected), an in-house project part-way with a late step, an outsourced
project with a contract and instalments, registered systems and change requests in every state. Safe to run twice.

Past steps are recorded at the times they would have happened (the clock is moved for each step).
"""

import datetime as dt
from contextlib import contextmanager
from decimal import Decimal
from unittest import mock

from django.contrib.auth.models import User
from django.utils import timezone

from helpdesk.models import Unit

from . import services
from .models import ChangeRequest, Contract, DevRequest, Project, ProjectStep, Quotation, System

FIRST_TITLE = "ระบบจองรถส่วนกลางออนไลน์"


@contextmanager
def _at(moment: dt.datetime):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _office(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def _working_day(back: int) -> dt.date:
    day = timezone.localdate() - dt.timedelta(days=back)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _project(requester, staff, approver, *, title, track, need, benefit, trigger, back, budget):
    start = timezone.localdate() - dt.timedelta(days=back)
    with _at(_office(start, 9)):
        request = services.devrequest_create(dev_request=DevRequest(
            unit=requester.profile.unit, title=title, trigger=trigger, need=need, expected_benefit=benefit),
            by=requester)
    with _at(_office(start, 14)):
        services.devrequest_accept(dev_request=request, by=staff, note="สอดคล้องกับแผนพัฒนาดิจิทัลของหน่วยงาน")
    with _at(_office(start + dt.timedelta(days=7), 10)):
        project = services.project_create(project=Project(
            title=title, rationale=need, objectives=benefit,
            targets="ผู้ใช้งานทุกฝ่ายในหน่วยงานใช้ระบบแทนเอกสารกระดาษ",
            scope="บันทึกคำขอ อนุมัติ แจ้งเตือน และรายงานสรุปรายเดือน",
            budget=budget, starts_on=start + dt.timedelta(days=8), ends_on=start + dt.timedelta(days=300),
            indicators="ร้อยละความพึงพอใจของการใช้งานระบบไม่น้อยกว่าร้อยละ 80",
            staff="นายสมชาย ใจดี (หัวหน้าโครงการ)\nนางสาวมาลี รักงาน (นักวิชาการคอมพิวเตอร์)",
            action_plan="สำรวจความต้องการ → ออกแบบ → ระบบจำลอง → พัฒนา → ทดสอบ → ติดตั้ง → อบรม → เปิดใช้งาน",
            track=track), dev_request=request, by=staff)
        services.project_propose(project=project, by=staff)
    with _at(_office(start + dt.timedelta(days=8), 11)):
        project = services.project_approve(project=project, by=approver, note="เห็นชอบ ให้ดำเนินการตามแผน")
    return project


def seed(command, options) -> None:
    if DevRequest.objects.filter(title=FIRST_TITLE).exists():
        return
    people = {u.username: u for u in User.objects.filter(
        username__in=["requester", "requester2", "supervisor", "technician", "technician2", "ithead", "executive"])}
    if len(people) < 5 or "executive" not in people or "technician" not in people:
        return
    requester, staff, approver = people["requester"], people["technician"], people["executive"]
    today = timezone.localdate()  # the real date (the clock is moved inside the steps below)
    other = people.get("requester2", requester)
    if requester.profile.unit is None:
        return

    # A rejected request: the reason goes back to the requester.
    with _at(_office(_working_day(20), 10)):
        rejected = services.devrequest_create(dev_request=DevRequest(
            unit=other.profile.unit, title="ระบบแชตภายในหน่วยงาน", trigger=DevRequest.Trigger.NEED,
            need="ต้องการช่องทางสื่อสารภายใน", expected_benefit="สื่อสารได้รวดเร็ว"), by=other)
    with _at(_office(_working_day(19), 9, 30)):
        services.devrequest_reject(dev_request=rejected, by=staff,
                                   reason="หน่วยงานมี Microsoft Teams ใช้งานอยู่แล้ว ไม่ควรพัฒนาระบบซ้ำซ้อน")
    with _at(_office(_working_day(1), 11)):
        services.devrequest_create(dev_request=DevRequest(
            unit=requester.profile.unit, title="ระบบนัดหมายยื่นเอกสารทะเบียนราษฎร", trigger=DevRequest.Trigger.STRATEGY,
            need="ประชาชนรอคิวนาน ต้องการให้จองคิวล่วงหน้าผ่านเว็บไซต์",
            expected_benefit="ลดเวลารอคิวของประชาชนและกระจายภาระงานของเจ้าหน้าที่"), by=requester)

    # In-house: started 120 days ago, survey and design done, the prototype running late.
    project = _project(requester, staff, approver, title=FIRST_TITLE, track="in_house",
                       need="การจองรถส่วนกลางยังใช้สมุดบันทึก ทำให้จองซ้ำซ้อนและตรวจสอบยาก",
                       benefit="จองรถได้ทันที เห็นตารางการใช้รถ และสรุปการใช้รถรายเดือน",
                       trigger=DevRequest.Trigger.PROBLEM, back=120, budget=None)
    steps = list(project.steps.all())
    flow = [(steps[0], 0, 32, None), (steps[1], 33, 64, "flowchart"), (steps[2], 65, None, None)]
    for step, begin, end, attach in flow:
        start_day = steps[0].planned_start + dt.timedelta(days=begin)
        with _at(_office(start_day, 9)):
            services.step_start(step=ProjectStep.objects.get(pk=step.pk), by=staff)
        if attach:
            from django.core.files.base import ContentFile

            upload = ContentFile(b"%PDF-1.4\n% demo flowchart\n%%EOF\n", name="flowchart.pdf")
            upload.size = len(upload)
            services.step_attach(step=step, by=staff, kind=attach, upload=upload, ext="pdf")
        if end is not None:
            with _at(_office(steps[0].planned_start + dt.timedelta(days=end), 15)):
                services.step_finish(step=ProjectStep.objects.get(pk=step.pk), by=staff,
                                     note="ดำเนินการครบถ้วนตามแผน")

    # Outsourced: TOR, quotations, selection and contract done; two instalments, the first due within a week.
    outsourced = _project(requester, staff, approver, title="ระบบบริหารงานบุคคลและเงินเดือน", track="outsourced",
                          need="ข้อมูลบุคลากรกระจายอยู่หลายแฟ้ม การคำนวณเงินเดือนใช้เวลานาน",
                          benefit="ข้อมูลบุคลากรถูกต้องเป็นปัจจุบัน คำนวณเงินเดือนได้ภายในวันเดียว",
                          trigger=DevRequest.Trigger.ORDER, back=60, budget=Decimal("480000"))
    o_steps = list(outsourced.steps.all())
    day = o_steps[0].planned_start
    for step in o_steps[:4]:
        with _at(_office(day, 9)):
            services.step_start(step=ProjectStep.objects.get(pk=step.pk), by=staff)
        if step.kind == "quotations":
            for vendor, amount in (("บริษัท ไทยซอฟต์ จำกัด", "465000"), ("บริษัท ดิจิทัลเวิร์ค จำกัด", "450000")):
                services.quotation_add(project=outsourced, by=staff, quotation=Quotation(
                    vendor=vendor, amount=Decimal(amount), received_on=day))
        if step.kind == "selection":
            chosen = Quotation.objects.get(project=outsourced, vendor="บริษัท ดิจิทัลเวิร์ค จำกัด")
            services.quotation_select(project=outsourced, by=staff, quotation_pk=chosen.pk)
        if step.kind == "contract":
            with _at(_office(day, 10)):
                services.contract_save(project=outsourced, by=staff, contract=Contract(
                    number="สญ. 15/2569", vendor="บริษัท ดิจิทัลเวิร์ค จำกัด", amount=Decimal("450000"),
                    signed_on=day), instalments=[
                    {"due_on": today + dt.timedelta(days=5), "amount": Decimal("200000"),
                     "deliverable": "ระบบทะเบียนประวัติบุคลากร"},
                    {"due_on": today + dt.timedelta(days=60), "amount": Decimal("250000"),
                     "deliverable": "ระบบคำนวณเงินเดือนและรายงาน"}])
        if step.kind in ("tor", "selection"):
            from django.core.files.base import ContentFile

            upload = ContentFile(b"%PDF-1.4\n% demo\n%%EOF\n", name=f"{step.kind}.pdf")
            upload.size = len(upload)
            services.step_attach(step=step, by=staff, kind=step.kind, upload=upload, ext="pdf")
        day += dt.timedelta(days=min(step.target_days, 10))
        with _at(_office(day, 15)):
            services.step_finish(step=ProjectStep.objects.get(pk=step.pk), by=staff)
    with _at(_office(day + dt.timedelta(days=1), 9)):
        services.step_start(step=ProjectStep.objects.get(pk=o_steps[4].pk), by=staff)

    # The register: systems already in use, and change requests against them.
    registered = []
    for name, unit_code, vendor, years in (
        ("ระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban)", None, "ศูนย์เทคโนโลยีสารสนเทศ", 3),
        ("ระบบบัญชีคอมพิวเตอร์ (e-LAAS)", None, "กรมส่งเสริมการปกครองท้องถิ่น", 5),
        ("ระบบรับเรื่องร้องเรียนออนไลน์", None, "บริษัท ซิตี้โซลูชัน จำกัด", 2),
    ):
        system = System(name=name, owner_unit=requester.profile.unit, vendor=vendor,
                        go_live_on=timezone.localdate() - dt.timedelta(days=365 * years),
                        description="ระบบที่ใช้งานอยู่ในหน่วยงาน", serves_public="ร้องเรียน" in name)
        if unit_code:
            system.owner_unit = Unit.objects.filter(code=unit_code).first() or system.owner_unit
        registered.append(services.system_create(system=system, by=staff))
    filed = _office(_working_day(3), 9, 5)
    with _at(filed):
        done = services.change_create(change=ChangeRequest(
            system=registered[0], unit=requester.profile.unit, kind="problem", title="แนบไฟล์ PDF ไม่ได้",
            details="กดแนบไฟล์แล้วขึ้นข้อความผิดพลาด"), by=requester)
    with _at(filed + dt.timedelta(minutes=6)):
        done = services.change_analyse(change=done, by=staff, analysis="ขนาดไฟล์เกินค่าที่กำหนดบนเซิร์ฟเวอร์")
    with _at(filed + dt.timedelta(minutes=14)):
        services.change_deliver(change=done, by=staff, resolution="ปรับค่าขนาดไฟล์สูงสุดเป็น 20 MB แล้ว")
    with _at(_office(_working_day(2), 10)):
        req = services.change_create(change=ChangeRequest(
            system=registered[2], unit=requester.profile.unit, kind="requirement", title="เพิ่มรายงานสรุปรายเดือน",
            details="ต้องการรายงานจำนวนเรื่องร้องเรียนแยกตามประเภทรายเดือน"), by=requester)
    with _at(_office(_working_day(2), 11, 30)):
        services.change_analyse(change=req, by=staff, analysis="เพิ่มหน้ารายงานและส่งออก Excel")
    services.change_create(change=ChangeRequest(
        system=registered[1], unit=requester.profile.unit, kind="problem", title="พิมพ์ใบเสร็จไม่ออก",
        details="กดพิมพ์แล้วหน้าว่าง"), by=requester)

    _golive_demo(requester, staff, approver)
    _survey_demo(staff, registered)


def _golive_demo(requester, staff, approver) -> None:
    """An in-house project walked to go-live: the go-live letter is issued through the outgoing register."""
    from django.core.files.base import ContentFile

    project = _project(requester, staff, approver, title="ระบบลงเวลาปฏิบัติงานออนไลน์", track="in_house",
                       need="การลงเวลาใช้สมุดลงชื่อ สรุปวันลาและมาสายด้วยมือทุกเดือน",
                       benefit="ลงเวลาผ่านระบบ สรุปการมาปฏิบัติงานรายเดือนได้ทันที",
                       trigger=DevRequest.Trigger.NEED, back=260, budget=None)
    day = project.steps.first().planned_start
    for step in project.steps.all():
        with _at(_office(day, 9)):
            services.step_start(step=ProjectStep.objects.get(pk=step.pk), by=staff)
        if step.required_attachment:
            upload = ContentFile(b"%PDF-1.4\n% demo\n%%EOF\n", name=f"{step.required_attachment}.pdf")
            upload.size = len(upload)
            services.step_attach(step=step, by=staff, kind=step.required_attachment, upload=upload, ext="pdf")
        if step.kind == "go_live":
            with _at(_office(day, 10)):
                services.golive_letter_issue(project=Project.objects.get(pk=project.pk), by=staff,
                                             go_live_on=day + dt.timedelta(days=7))
        day += dt.timedelta(days=min(step.target_days or 7, 14))
        with _at(_office(day, 15)):
            services.step_finish(step=ProjectStep.objects.get(pk=step.pk), by=staff, note="ดำเนินการครบถ้วนตามแผน")
    with _at(_office(day, 16)):
        services.project_go_live(project=Project.objects.get(pk=project.pk), by=staff)


def _survey_demo(staff, systems) -> None:
    """This fiscal year's satisfaction survey of the register, with staff and public answers."""
    from helpdesk.surveys.models import Invitation
    from helpdesk.surveys.services import survey_submit

    from .satisfaction import public_answer, round_start

    started = _office(_working_day(12), 9)
    scores = [5, 4, 4, 3, 5, 2]
    for n, system in enumerate(systems):
        with _at(started):
            survey = round_start(system=system, by=staff)
        service = None
        for k, invitation in enumerate(Invitation.objects.filter(system_respondent__round=survey)
                                       .select_related("service", "served")):
            service = invitation.service
            if k % 3 == 2:
                continue  # some staff have not answered yet
            value = scores[(n + k) % len(scores)]
            ratings = {q.pk: max(1, value - (q.order // 30) % 2) if not q.is_overall else value
                       for q in service.questions.filter(is_active=True)}
            with _at(started + dt.timedelta(days=1 + k)):
                survey_submit(invitation=invitation, by=invitation.served, ratings=ratings,
                              comment="ใช้งานได้ดี อยากให้เพิ่มรายงาน" if value >= 4 else "ระบบช้าในช่วงเช้า")
        if survey.public_token:
            from .satisfaction import ensure_service

            questions = list(ensure_service().questions.filter(is_active=True))
            for k, value in enumerate([5, 4, 5, 3, 4]):
                with _at(started + dt.timedelta(days=2, hours=k)):
                    public_answer(survey=survey, ratings={q.pk: value for q in questions},
                                  comment="สะดวก ไม่ต้องเดินทางมาสำนักงาน" if value >= 4 else "")
