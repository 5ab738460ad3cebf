"""The declarative step views (helpdesk.steps): method, gate, access, form errors, refusal, success."""

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from helpdesk.steps import action_view, form_page, step_view, submit_form

RECORDS = {1: SimpleNamespace(pk=1, status="open")}


class NoteForm(forms.Form):
    note = forms.CharField(max_length=10, error_messages={"required": "กรุณาระบุหมายเหตุ"})


def lookup(user, pk):
    if pk not in RECORDS:
        raise Http404
    return RECORDS[pk]


def make_request(method="post", data=None, user=None):
    request = getattr(RequestFactory(), method)("/steps/1/", data or {})
    request.user = user or SimpleNamespace(is_authenticated=True, pk=5)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def texts(request) -> list[str]:
    return [str(message) for message in get_messages(request)]


@pytest.fixture
def calls():
    return []


@pytest.fixture
def view(calls):
    def service(*, request, by, note):
        if note == "refuse":
            raise ValidationError("ไม่อนุญาตในสถานะนี้")
        calls.append((request.pk, by.pk, note))

    return step_view(service, lookup=lookup, allowed=lambda user, obj: user.pk == 5, form=NoteForm,
                     done="บันทึกแล้ว", redirect_to="systems:change_detail")


def test_it_calls_the_service_with_the_record_the_user_and_the_cleaned_data(view, calls):
    request = make_request(data={"note": "ตกลง"})
    response = view(request, pk=1)
    assert response.status_code == 302 and response["Location"] == "/systems/changes/1/"
    assert calls == [(1, 5, "ตกลง")]
    assert texts(request) == ["บันทึกแล้ว"]


def test_it_refuses_get(view, calls):
    assert view(make_request("get"), pk=1).status_code == 405
    assert calls == []


def test_it_sends_anonymous_users_to_the_login(view, calls):
    response = view(make_request(user=AnonymousUser()), pk=1)
    assert response.status_code == 302 and "login" in response["Location"]
    assert calls == []


def test_a_user_who_may_not_take_the_step_gets_403(view, calls):
    with pytest.raises(PermissionDenied):
        view(make_request(data={"note": "ตกลง"}, user=SimpleNamespace(is_authenticated=True, pk=6)), pk=1)
    assert calls == []


def test_the_gate_is_checked_before_the_record_is_fetched(calls):
    fetched = []
    gated = step_view(lambda **kwargs: calls.append(kwargs), lookup=lambda user, pk: fetched.append(pk),
                      gate=lambda user: False, redirect_to="systems:change_detail")
    with pytest.raises(PermissionDenied):
        gated(make_request(), pk=1)
    assert fetched == [] and calls == []


def test_a_record_the_user_may_not_see_is_404(view, calls):
    with pytest.raises(Http404):
        view(make_request(data={"note": "ตกลง"}), pk=2)
    assert calls == []


@pytest.mark.parametrize(("note", "message"), [("", "กรุณาระบุหมายเหตุ"), ("refuse", "ไม่อนุญาตในสถานะนี้")])
def test_a_form_error_or_a_refusal_is_flashed_in_thai_and_nothing_is_done(view, calls, note, message):
    request = make_request(data={"note": note})
    assert view(request, pk=1).status_code == 302
    assert calls == []
    assert texts(request) == [message]


def recording_step(calls, **options):
    return step_view(lambda **kwargs: calls.append(kwargs), lookup=lookup, form=NoteForm,
                     redirect_to="systems:change_detail", **options)


def test_an_invalid_form_may_render_the_page_again(calls):
    again = recording_step(calls, invalid=lambda request, obj, form: HttpResponse(form.errors["note"][0]))
    response = again(make_request(data={}), pk=1)
    assert response.status_code == 200 and response.content.decode() == "กรุณาระบุหมายเหตุ"
    assert calls == []


def test_arguments_and_a_done_that_names_the_record(calls):
    named = recording_step(calls, arguments=lambda posted: {"text": posted.form.cleaned_data["note"].upper()},
                           done=lambda posted: f"ทำแล้ว {posted.obj.pk}")
    request = make_request(data={"note": "abc"})
    named(request, pk=1)
    assert calls == [{"request": RECORDS[1], "by": request.user, "text": "ABC"}]
    assert texts(request) == ["ทำแล้ว 1"]


def test_action_view_picks_the_step_by_the_posted_field():
    chosen = action_view({"return": lambda request, pk: HttpResponse("return")},
                         default=lambda request, pk: HttpResponse("pass"))
    assert chosen(make_request(data={"action": "return"}), pk=1).content == b"return"
    assert chosen(make_request(data={"action": "other"}), pk=1).content == b"pass"
    assert chosen(make_request("get"), pk=1).status_code == 405


class RecordForm(forms.Form):
    title = forms.CharField(error_messages={"required": "กรุณาระบุชื่อเรื่อง"})

    def save(self, commit=True):
        return SimpleNamespace(pk=9, **self.cleaned_data)


def test_form_page_saves_through_the_service_and_redirects(calls):
    def service(*, record, by):
        calls.append((record.title, record.unit, by.pk))

    request = make_request(data={"title": "ระบบลา"})
    response = form_page(request, RecordForm(request.POST), service, "record", by=request.user,
                         set_fields={"unit": "A"}, template="base.html", done=lambda obj: f"บันทึก {obj.pk}",
                         redirect_to="systems:change_detail")
    assert response.status_code == 302
    assert calls == [("ระบบลา", "A", 5)]
    assert texts(request) == ["บันทึก 9"]


def test_form_page_puts_a_refusal_on_the_form(calls, monkeypatch):
    monkeypatch.setattr("helpdesk.steps.render", lambda request, template, context: HttpResponse(template))

    def service(*, record, by):
        raise ValidationError({"title": "ชื่อซ้ำ"})

    request = make_request(data={"title": "ระบบลา"})
    form = RecordForm(request.POST)
    response = form_page(request, form, service, "record", by=request.user, template="base.html", done="x",
                         redirect_to="systems:change_detail")
    assert response.status_code == 200 and response.content == b"base.html"
    assert form.errors == {"title": ["ชื่อซ้ำ"]}
    assert texts(request) == []


def test_form_kwargs_get_the_request_and_the_record(calls):
    class ForRecordForm(NoteForm):
        def __init__(self, *args, record, by, **kwargs):
            super().__init__(*args, **kwargs)
            self.record, self.by = record, by

    seen = []
    bound = step_view(lambda **kwargs: calls.append(kwargs), lookup=lookup, form=ForRecordForm,
                      form_kwargs=lambda request, obj: {"record": obj, "by": request.user},
                      arguments=lambda posted: seen.append((posted.form.record, posted.form.by)) or {},
                      redirect_to="systems:change_detail")
    request = make_request(data={"note": "ok"})
    assert bound(request, pk=1).status_code == 302
    assert seen == [(RECORDS[1], request.user)]
    assert calls == [{"request": RECORDS[1], "by": request.user}]


def test_submit_form_hands_back_the_result_or_the_refusal_on_the_form():
    assert submit_form(NoteForm({"note": "ok"}), lambda data: data["note"].upper()) == (True, "OK")

    def refuse(data):
        raise ValidationError("ไม่อนุญาตในสถานะนี้")

    form = NoteForm({"note": "ok"})
    assert submit_form(form, refuse, field="note") == (False, None)
    assert form.errors == {"note": ["ไม่อนุญาตในสถานะนี้"]}
    assert submit_form(NoteForm({}), lambda data: 1) == (False, None)
