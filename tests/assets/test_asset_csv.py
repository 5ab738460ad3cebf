import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assets.models import Asset
from tests.assets.conftest import make_asset

IMPORT = reverse("assets:import")
CONFIRM = reverse("assets:import_confirm")
EXPORT = reverse("assets:export")

THAI_HEADER = "เลขครุภัณฑ์,ประเภท,ยี่ห้อ,รุ่น,หมายเลขเครื่อง,รหัสหน่วยงาน,วันที่ได้มา,ราคา,ปีงบประมาณ,สิ้นสุดการรับประกัน,สถานะ\n"


def upload(content: str | bytes, name="assets.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def check(client, content, name="assets.csv"):
    return client.post(IMPORT, {"file": upload(content, name)})


def test_a_valid_thai_file_with_bom_is_checked_then_imported(login, stock_officer, unit_a, unit_b):
    content = "\ufeff" + THAI_HEADER + (
        f"7440-001-0001/2566,เครื่องคอมพิวเตอร์,Dell,OptiPlex 7010,ABC123,{unit_a.code},15/03/2566,\"25,900.00\",2566,"
        "15/03/2569,ใช้งาน\n"
        f"7440-001-0002/2566,printer,Epson,L3250,EPS1,{unit_b.code},2023-03-15,5290,2566,,spare\n"
    )
    client = login(stock_officer)
    response = check(client, content)
    assert response.status_code == 200
    assert "ข้อมูลถูกต้องทั้ง 2 รายการ" in response.content.decode()
    assert not Asset.objects.exists()  # the check writes nothing
    token = response.context["token"]
    response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 302
    first = Asset.objects.get(asset_number="7440-001-0001/2566")
    assert str(first.price) == "25900.00" and first.acquired_date.isoformat() == "2023-03-15"
    assert first.warranty_end.isoformat() == "2026-03-15" and first.unit == unit_a
    assert Asset.objects.get(asset_number="7440-001-0002/2566").status == Asset.Status.SPARE
    assert first.history.get().history_user == stock_officer
    # The token is used up.
    assert client.post(CONFIRM, {"token": token}).status_code == 302
    assert Asset.objects.count() == 2


def test_english_headers_are_accepted(login, stock_officer, unit_a):
    content = f"asset_number,asset_type,brand,model,unit_code,acquisition,lease_end\n" \
              f"7440-002-0001/2567,notebook,Lenovo,ThinkPad E14,{unit_a.code},lease,30/09/2570\n"
    response = check(login(stock_officer), content)
    assert response.status_code == 200 and response.context["result"].ok


def test_every_bad_row_is_reported_in_thai_and_nothing_is_written(login, stock_officer, unit_a, asset_a):
    content = THAI_HEADER + "\n".join([
        f"7440-001-0100/2566,computer,Dell,A,S1,{unit_a.code},15/03/2566,100,2566,,in_use",
        f"7440-1-1/66,computer,Dell,A,S2,{unit_a.code},,,,,",
        "7440-001-0101/2566,computer,Dell,A,S3,99999,,,,,",
        f"7440-001-0102/2566,computer,Dell,A,S4,{unit_a.code},31/02/2566,,,,",
        f"7440-001-0103/2566,computer,Dell,A,S5,{unit_a.code},,สองพัน,,,",
        f"7440-001-0104/2566,toaster,Dell,A,S6,{unit_a.code},,,,,",
        f"7440-001-0100/2566,computer,Dell,A,S7,{unit_a.code},,,,,",
        f"{asset_a.asset_number},computer,Dell,A,S8,{unit_a.code},,,,,",
        f"7440-001-0105/2566,computer,Dell,A,S9,{unit_a.code},,,66,,",
    ]) + "\n"
    response = check(login(stock_officer), content)
    assert response.status_code == 400
    errors = [(e.row, e.column, e.message) for e in response.context["result"].errors]
    assert (3, "เลขครุภัณฑ์", "เลขครุภัณฑ์ “7440-1-1/66” ไม่อยู่ในรูปแบบ 7440-001-0001/2566") in errors
    assert (4, "รหัสหน่วยงาน", "ไม่พบรหัสหน่วยงาน “99999”") in errors
    assert any(row == 5 and column == "วันที่ได้มา" and "15/03/2566" in msg for row, column, msg in errors)
    assert any(row == 6 and column == "ราคา" and "ไม่ใช่ตัวเลข" in msg for row, column, msg in errors)
    assert any(row == 7 and column == "ประเภท" and "ไม่อยู่ในตัวเลือก" in msg for row, column, msg in errors)
    assert (8, "เลขครุภัณฑ์", "เลขครุภัณฑ์ “7440-001-0100/2566” ซ้ำกับแถวที่ 2 ในไฟล์") in errors
    assert (9, "เลขครุภัณฑ์", f"เลขครุภัณฑ์ “{asset_a.asset_number}” มีอยู่ในทะเบียนแล้ว") in errors
    assert any(row == 10 and column == "ปีงบประมาณ" for row, column, msg in errors)
    assert len(errors) == 8
    body = response.content.decode()
    assert "ยังไม่ได้นำเข้าข้อมูลใด ๆ" in body and "ไม่พบรหัสหน่วยงาน “99999”" in body
    assert response.context["token"] is None
    assert Asset.objects.count() == 1


@pytest.mark.parametrize("content, reason", [
    (b"PK\x03\x04" + b"\x00" * 100, "Excel"),
    ("เลขครุภัณฑ์,ประเภท\n7440-001-0001/2566,computer\n".encode("cp874"), "UTF-8"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "ไม่ใช่ไฟล์ CSV"),
    ("", "ไฟล์ว่างเปล่า"),
    ("foo,bar\n1,2\n", "ไม่รู้จักคอลัมน์"),
    ("เลขครุภัณฑ์,ประเภท,รหัสหน่วยงาน\n", "ไม่มีข้อมูลครุภัณฑ์"),
])
def test_files_that_are_not_usable_csv_are_refused(login, stock_officer, content, reason):
    response = check(login(stock_officer), content)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not Asset.objects.exists()


def test_oversized_files_are_refused(login, stock_officer, monkeypatch):
    monkeypatch.setattr("assets.views.transfer.MAX_UPLOAD_BYTES", 100)
    response = check(login(stock_officer), THAI_HEADER + "x" * 200)
    assert response.status_code == 400 and "ไฟล์ใหญ่เกินไป" in response.content.decode()


def test_import_permissions_and_methods(login, requester_a, stock_officer):
    assert login(requester_a).get(IMPORT).status_code == 403
    assert login(requester_a).post(CONFIRM, {"token": "x"}).status_code == 403
    assert login(stock_officer).get(CONFIRM).status_code == 405
    assert login(stock_officer).put(IMPORT).status_code == 405


def test_a_forged_token_imports_nothing(login, stock_officer):
    response = login(stock_officer).post(CONFIRM, {"token": "../../etc/passwd"})
    assert response.status_code == 302 and response["Location"] == IMPORT
    assert not Asset.objects.exists()


def _export(client, query=""):
    response = client.get(EXPORT + query)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content)


def test_export_then_import_gives_back_the_same_register(login, stock_officer, unit_a, unit_b):
    import datetime as dt
    from decimal import Decimal

    make_asset(unit_a, "7440-001-0001/2566", specification="CPU i5\nRAM 16GB", price=Decimal("25900.50"),
               budget_year=2566, acquired_date=dt.date(2023, 3, 15), warranty_end=dt.date(2026, 3, 14),
               notes="=HYPERLINK(\"http://evil\")", custodian="+66 81 234 5678", location="-ชั้น 2",
               vendor_contact="@vendor")
    make_asset(unit_b, "7440-002-0001/2567", asset_type=Asset.Type.SOFTWARE, brand="Microsoft",
               model_name="Office LTSC 2021", licence_key="AAAAA-BBBBB", acquisition=Asset.Acquisition.LEASE,
               lease_end=dt.date(2027, 9, 30), status=Asset.Status.SPARE)
    fields = [f.name for f in Asset._meta.concrete_fields if f.name not in ("id", "created_at", "updated_at")]
    before = {a.asset_number: {f: getattr(a, f) for f in fields} for a in Asset.objects.all()}
    client = login(stock_officer)
    exported = _export(client)
    assert exported.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"))))
    notes_column = rows[0].index("หมายเหตุ")
    assert rows[1][notes_column].startswith("'=")  # defused for spreadsheets
    assert rows[1][rows[0].index("ราคา")] == "25900.50"
    Asset.history.all().delete()
    Asset.objects.all().delete()
    response = check(client, exported)
    assert response.status_code == 200, response.context["result"].errors
    client.post(CONFIRM, {"token": response.context["token"]})
    after = {a.asset_number: {f: getattr(a, f) for f in fields} for a in Asset.objects.all()}
    assert after == before


def test_export_follows_the_filter_and_hides_licence_keys_from_requesters(login, requester_a, unit_a, asset_b):
    make_asset(unit_a, "7440-001-0001/2566", licence_key="SECRET-KEY")
    make_asset(unit_a, "7440-001-0002/2566", asset_type=Asset.Type.PRINTER)
    text = _export(login(requester_a), "?asset_type=computer").decode("utf-8-sig")
    assert "7440-001-0001/2566" in text and "7440-001-0002/2566" not in text
    assert asset_b.asset_number not in text
    assert "SECRET-KEY" not in text and "รหัสลิขสิทธิ์" not in text


def test_export_wrong_method(login, technician):
    assert login(technician).post(EXPORT).status_code == 405
