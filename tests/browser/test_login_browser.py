import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_requester_logs_in_and_sees_the_thai_home_page(sign_in, page, unit_a):
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    sign_in("somsri", PASSWORD)
    page.wait_for_selector("#my-unit")
    assert page.inner_text("#my-unit").startswith("สำนักงานเขตบางเขน")
    assert "สวัสดี สมศรี ใจดี" in page.inner_text("h1")
    assert "ผู้ขอรับบริการ" in page.inner_text("#my-roles")
    assert page.get_attribute("html", "lang") == "th"


def test_wrong_password_shows_the_thai_error(sign_in, page, unit_a):
    make_user("somsri", Role.REQUESTER, unit=unit_a)
    sign_in("somsri", "not-the-password")
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in page.inner_text("main")
    assert page.url.endswith("/accounts/login/")
