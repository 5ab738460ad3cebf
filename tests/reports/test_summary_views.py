"""The summary report page, its PDF and CSV: access rules, period input, methods."""

import csv
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

pytestmark = pytest.mark.django_db

FY = {"period": "fiscal_year", "fiscal_year": "2570"}


def _text(response) -> str:
    return response.content.decode()


def test_executive_sees_the_whole_agency(login, executive, dataset):
    response = login(executive).get(reverse("reports:summary"), FY)
    assert response.status_code == 200
    body = _text(response)
    assert "ปีงบประมาณ 2570 (1 ตุลาคม 2569 – 30 กันยายน 2570)" in body
    assert 'id="fig-received">12<' in body
    assert 'id="fig-delivered">6<' in body
    assert "66.7%" in body
    assert "<svg" in body and "ต.ค. 69" in body
    assert response.context["scope"].unit_ids is None


def test_default_is_the_current_fiscal_year(login, executive, dataset):
    response = login(executive).get(reverse("reports:summary"))
    assert response.status_code == 200
    assert response.context["period"].label.startswith("ปีงบประมาณ")


def test_requester_is_limited_to_their_own_unit(login, requester_a, unit_a, dataset):
    response = login(requester_a).get(reverse("reports:summary"), FY)
    assert response.status_code == 200
    assert response.context["scope"].unit_ids == (unit_a.pk,)
    assert 'id="fig-received">7<' in _text(response)
    assert "สำนักงานเขตบางขุนเทียน" not in _text(response)  # unit B's name never appears


def test_requester_cannot_report_on_another_unit(login, requester_a, unit_b, dataset):
    client = login(requester_a)
    for name in ("reports:summary", "reports:summary_pdf", "reports:summary_csv"):
        response = client.get(reverse(name), {**FY, "unit": unit_b.pk})
        assert response.status_code == 404
        assert b"70100" not in response.content


def test_requester_cannot_use_area_or_team_filters(login, requester_a, area_b, team_b, dataset):
    response = login(requester_a).get(reverse("reports:summary"), {**FY, "team": team_b.pk, "area": area_b.pk})
    # The fields do not exist for unit users: ignored, the report stays on their unit.
    assert response.status_code == 200
    assert response.context["scope"].team_id is None
    assert 'id="fig-received">7<' in _text(response)


def test_supervisor_sees_their_unit_and_below(login, supervisor_a, unit_a, unit_a_child, unit_b, dataset):
    client = login(supervisor_a)
    response = client.get(reverse("reports:summary"), FY)
    assert set(response.context["scope"].unit_ids) == {unit_a.pk, unit_a_child.pk}
    assert 'id="fig-received">8<' in _text(response)
    child = client.get(reverse("reports:summary"), {**FY, "unit": unit_a_child.pk})
    assert child.context["scope"].unit_ids == (unit_a_child.pk,)
    assert 'id="fig-received">1<' in _text(child)
    assert client.get(reverse("reports:summary"), {**FY, "unit": unit_b.pk}).status_code == 404


def test_executive_filters_by_unit_area_and_team(login, executive, unit_b, area_a, team_b, dataset):
    client = login(executive)
    assert 'id="fig-received">4<' in _text(client.get(reverse("reports:summary"), {**FY, "unit": unit_b.pk}))
    assert 'id="fig-received">8<' in _text(client.get(reverse("reports:summary"), {**FY, "area": area_a.pk}))
    response = client.get(reverse("reports:summary"), {**FY, "team": team_b.pk})
    assert 'id="fig-received">4<' in _text(response)
    assert "ทีม ฝ่ายบริการ ๒" in _text(response)


def test_user_without_unit_or_role_is_refused(login, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x")
    assert login(user).get(reverse("reports:summary")).status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("reports:summary"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", ["reports:summary", "reports:summary_pdf", "reports:summary_csv"])
def test_post_is_not_allowed(login, executive, name):
    assert login(executive).post(reverse(name), FY).status_code == 405


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"period": "range", "start": "32/13/2569", "end": "01/01/2570"}, "start", "วันที่ไม่ถูกต้อง"),
        ({"period": "range", "start": "01/02/2570", "end": "01/01/2570"}, "end", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น"),
        ({"period": "range", "start": "", "end": "01/01/2570"}, "start", "กรุณาระบุวันที่"),
        ({"period": "range", "start": "01/01/2560", "end": "01/01/2570"}, "end", "ไม่เกิน 5 ปี"),
        ({"period": "fiscal_year", "fiscal_year": "abc"}, "fiscal_year", "กรุณาระบุปี พ.ศ. เป็นตัวเลข"),
        ({"period": "fiscal_year", "fiscal_year": "99999"}, "fiscal_year", "2700"),
        ({"period": "month", "year": "2569", "month": "13"}, "month", "13"),
        ({"period": "quarter", "fiscal_year": "2570", "quarter": "5"}, "quarter", "5"),
        ({"period": "weekly"}, "period", "weekly"),
    ],
)
def test_bad_period_input_is_a_thai_form_error(login, executive, params, field, message):
    response = login(executive).get(reverse("reports:summary"), params)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert "figures" not in response.context
    assert message in _text(response)


def test_unknown_unit_is_a_form_error_for_executives(login, executive):
    response = login(executive).get(reverse("reports:summary"), {**FY, "unit": "999999"})
    assert response.status_code == 400
    assert response.context["form"].errors["unit"]


def test_bad_input_on_pdf_and_csv_renders_the_form(login, executive):
    client = login(executive)
    for name in ("reports:summary_pdf", "reports:summary_csv"):
        response = client.get(reverse(name), {"period": "range", "start": "x", "end": "y"})
        assert response.status_code == 400
        assert "วันที่ไม่ถูกต้อง" in _text(response)


def test_month_quarter_and_range_periods(login, executive, dataset):
    client = login(executive)
    month = client.get(reverse("reports:summary"), {"period": "month", "year": "2569", "month": "10"})
    assert month.context["period"].label == "เดือนตุลาคม 2569"
    assert 'id="fig-received">6<' in _text(month)
    quarter = client.get(reverse("reports:summary"), {"period": "quarter", "fiscal_year": "2570", "quarter": "1"})
    assert quarter.context["period"].label == "ไตรมาสที่ 1 ปีงบประมาณ 2570 (1 ตุลาคม 2569 – 31 ธันวาคม 2569)"
    assert 'id="fig-received">9<' in _text(quarter)
    ranged = client.get(reverse("reports:summary"), {"period": "range", "start": "01/10/2569", "end": "01/10/2569"})
    assert 'id="fig-received">1<' in _text(ranged)


def test_pdf_is_thai_with_sarabun_and_the_cover_line(login, executive, dataset):
    response = login(executive).get(reverse("reports:summary_pdf"), FY)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("Sarabun" in name for name in fonts)
    text = reader.pages[0].extract_text()
    assert "ปีงบประมาณ" in text and "2570" in text
    assert "พิมพ์โดย" in text
    assert len(reader.pages) >= 2


def test_pdf_preview_is_the_same_template_as_html(login, executive, dataset):
    response = login(executive).get(reverse("reports:summary_pdf"), {**FY, "preview": "1"})
    assert response.status_code == 200
    body = _text(response)
    assert "css/pdf.css" in body and "พิมพ์โดย" in body and 'id="fig-received">12<' in body


def _ticket_rows(rows: list[list[str]]) -> list[list[str]]:
    """The ticket lines: after the two header lines, up to the blank line before the registered sections."""
    body = rows[2:]
    return body[: body.index([])] if [] in body else body


def test_csv_lists_the_tickets_of_the_scope(login, executive, dataset):
    response = login(executive).get(reverse("reports:summary_csv"), FY)
    assert response.status_code == 200
    assert response.streaming
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[1][0] == "เลขที่ใบแจ้งซ่อม"
    tickets = _ticket_rows(rows)
    assert len(tickets) == 12
    numbers = {row[0] for row in tickets}
    t = dataset["tickets"]
    assert t[0].number not in numbers and t[10].number not in numbers
    first = tickets[0]
    assert first[0] == t[1].number
    assert first[2] == "01/10/2569 00:30"
    assert first[9] == "ฮาร์ดแวร์" and first[10] == "เครื่องคอมพิวเตอร์"
    assert first[15] == "2" and first[16] == "ใช่"
    claim = next(row for row in tickets if row[0] == t[4].number)
    assert claim[13] == t[1].number


def test_csv_of_a_requester_holds_only_their_unit(login, requester_a, dataset):
    response = login(requester_a).get(reverse("reports:summary_csv"), FY)
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = _ticket_rows(list(csv.reader(io.StringIO(content))))
    assert len(rows) == 7
    assert {row[7] for row in rows} == {"สำนักงานเขตบางเขน"}
