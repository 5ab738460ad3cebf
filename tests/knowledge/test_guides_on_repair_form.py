"""Guides are articles: default drafts exist, a published guide shows on the repair form (solved = deflection),
on the ticket page for the technician, and the technician picks the guide followed from the list."""


from publishing.knowledge.defaults import DEFAULT_GUIDES, ensure_default_guides
from publishing.knowledge.models import Article, GuideFeedback
from tests.tickets.conftest import category
from tickets.models import Category


def test_the_default_guides_of_seed_000_exist_as_drafts_linked_to_their_categories(db):
    category("hw-printer")  # restores the default categories in a flushed database
    ensure_default_guides(Article, Category)
    ensure_default_guides(Article, Category)  # idempotent
    guides = Article.objects.guides()
    assert guides.count() == len(DEFAULT_GUIDES) == 12
    assert set(guides.values_list("status", flat=True)) == {Article.Status.DRAFT}
    for code in ("hw-computer", "hw-monitor", "hw-printer", "hw-scanner", "hw-ups", "sw-os", "sw-office",
                 "sw-driver", "sw-virus", "sw-internet", "sw-portal", "sw-mis", "nw-connection"):
        linked = Category.objects.get(code=code)
        assert linked.guide is not None and linked.guide.title == linked.guide_title, code
    # Edited guides are kept as the agency wrote them.
    guide = Category.objects.get(code="hw-ups").guide
    Article.objects.filter(pk=guide.pk).update(body="ขั้นตอนของหน่วยงานเอง")
    ensure_default_guides(Article, Category)
    guide.refresh_from_db()
    assert guide.body == "ขั้นตอนของหน่วยงานเอง"


def test_a_draft_guide_is_not_shown_to_units(client, requester_a, printer):
    ensure_default_guides(Article, Category)
    client.force_login(requester_a)
    response = client.get("/knowledge/guide-panel/", {"category": printer.pk})
    assert response.status_code == 200 and "guide-steps" not in response.content.decode()


def test_the_repair_form_shows_the_published_guide_of_the_chosen_category(client, requester_a, printer_guide,
                                                                          printer):
    client.force_login(requester_a)
    panel = client.get("/knowledge/guide-panel/", {"category": printer.pk}).content.decode()
    assert "ดึงกระดาษที่ติดออก" in panel and "guide-solved" in panel
    form = client.get("/tickets/new/", {"category": printer.pk}).content.decode()
    assert "ดึงกระดาษที่ติดออก" in form  # also without JavaScript
    assert 'hx-get="/knowledge/guide-panel/"' in form
    assert client.get("/knowledge/guide-panel/", {"category": "x"}).status_code == 200


def test_this_solved_it_records_a_deflection_and_files_nothing(client, requester_a, printer_guide, printer):
    from tickets.models import Ticket

    client.force_login(requester_a)
    assert client.get(f"/knowledge/guides/{printer_guide.pk}/feedback/").status_code == 405
    response = client.post(f"/knowledge/guides/{printer_guide.pk}/feedback/",
                           {"outcome": "solved", "category": printer.pk, "symptom": "กระดาษติด"})
    assert response.status_code == 302 and response["Location"] == "/"
    feedback = GuideFeedback.objects.get()
    assert (feedback.outcome, feedback.article, feedback.category, feedback.user, feedback.unit) == (
        "solved", printer_guide, printer, requester_a, requester_a.profile.unit)
    assert not Ticket.objects.exists()


def test_still_need_help_is_recorded_and_the_form_continues(client, requester_a, printer_guide, printer):
    client.force_login(requester_a)
    response = client.post(f"/knowledge/guides/{printer_guide.pk}/feedback/",
                           {"outcome": "need_help", "category": printer.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "guide-continue" in response.content.decode()
    response = client.post(f"/knowledge/guides/{printer_guide.pk}/feedback/",
                           {"outcome": "need_help", "category": printer.pk})
    assert response["Location"] == f"/tickets/new/?category={printer.pk}"
    assert GuideFeedback.objects.filter(outcome="need_help").count() == 2


def test_feedback_on_a_draft_or_hidden_guide_is_a_404(client, requester_a, make_article, printer):
    client.force_login(requester_a)
    draft = make_article("คู่มือร่าง", kind="guide", status=Article.Status.DRAFT, audience="unit")
    tech_only = make_article("คู่มือเจ้าหน้าที่", kind="guide", audience="technician")
    for guide in (draft, tech_only):
        response = client.post(f"/knowledge/guides/{guide.pk}/feedback/", {"outcome": "solved"})
        assert response.status_code == 404
    assert not GuideFeedback.objects.exists()
    client.logout()
    response = client.post(f"/knowledge/guides/{draft.pk}/feedback/", {"outcome": "solved"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_technician_sees_the_guide_on_the_ticket_and_the_requester_does_not(client, technician, requester_a,
                                                                              printer_guide, printer, unit_a,
                                                                              make_ticket):
    ticket = make_ticket(unit_a, printer, requester=requester_a)
    client.force_login(technician)
    page = client.get(f"/tickets/{ticket.pk}/").content.decode()
    assert 'id="ticket-guide"' in page and "ดึงกระดาษที่ติดออก" in page
    client.force_login(requester_a)
    assert 'id="ticket-guide"' not in client.get(f"/tickets/{ticket.pk}/").content.decode()


def test_the_technician_picks_the_guide_followed_from_the_list(client, technician, requester_a, printer_guide,
                                                             printer, unit_a, make_ticket, make_article):
    ticket = make_ticket(unit_a, printer, requester=requester_a)
    client.force_login(technician)
    page = client.get(f"/tickets/{ticket.pk}/").content.decode()
    assert f'<option value="{printer_guide.pk}">' in page
    not_a_guide = make_article("บทความทั่วไป")
    data = {"version": ticket.version, "diagnosis": "", "cause": "", "fix": "", "time_spent_minutes": 10,
            "vendor_claim_ref": "", "internal_notes": "", "reinstalled": "on"}
    response = client.post(f"/tickets/{ticket.pk}/work/", {**data, "guide_followed": not_a_guide.pk})
    assert response.status_code in (200, 400)
    ticket.refresh_from_db()
    assert ticket.guide_followed is None
    response = client.post(f"/tickets/{ticket.pk}/work/", {**data, "guide_followed": printer_guide.pk})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.guide_followed == printer_guide and ticket.reinstalled
