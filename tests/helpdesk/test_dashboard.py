import datetime as dt

import pytest
from django.urls import reverse

from helpdesk import dashboard
from helpdesk.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered_widget(tmp_path, settings):
    (tmp_path / "w.html").write_text('<div class="col" id="w-test">{{ w.greeting }}</div>', encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    dashboard.register_widget("test", template="w.html", context=lambda request: {"greeting": "<b>งานของฉัน</b>"},
                              roles={Role.TECHNICIAN})
    yield
    dashboard._widgets.pop("test")


def test_home_shows_only_the_widgets_of_the_users_roles(login, technician, requester_a, registered_widget):
    body = login(technician).get(reverse("home")).content.decode()
    assert 'id="w-test"' in body
    assert "&lt;b&gt;งานของฉัน&lt;/b&gt;" in body  # escaped
    assert 'id="w-test"' not in login(requester_a).get(reverse("home")).content.decode()


def test_report_scope_filters():
    scope = dashboard.ReportScope(start=dt.date(2026, 10, 1), end=dt.date(2027, 9, 30), unit_ids=(1, 2))
    assert str(scope.unit_filter("unit")) == str(dashboard.Q(unit__in=(1, 2)))
    assert dashboard.ReportScope(start=dt.date(2026, 10, 1), end=dt.date(2027, 9, 30)).unit_filter() == dashboard.Q()
