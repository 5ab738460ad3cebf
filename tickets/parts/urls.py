from django.urls import path

from tickets.parts.views import disbursements, requests, stock

app_name = "parts"

urlpatterns = [
    path("", stock.stock, name="stock"),
    path("items/<int:pk>/", stock.stock_card, name="stock_card"),
    path("items/<int:pk>/card.pdf", stock.stock_card_pdf, name="stock_card_pdf"),
    path("items/<int:pk>/<slug:kind>/", stock.record_movement, name="record_movement"),
    path("queue/", requests.queue, name="queue"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/<int:pk>/<slug:action>/", requests.request_transition, name="request_transition"),
    path("tickets/<int:ticket_pk>/", requests.ticket_parts, name="ticket_parts"),
    path("tickets/<int:ticket_pk>/request/", requests.request_create, name="request_create"),
    path("disbursements/", disbursements.disbursement_list, name="disbursement_list"),
    path("disbursements/new/", disbursements.disbursement_new, name="disbursement_new"),
    path("disbursements/<int:pk>/", disbursements.disbursement_detail, name="disbursement_detail"),
    path("disbursements/<int:pk>/hand-over/", disbursements.disbursement_hand_over_view, name="disbursement_hand_over"),
    path("disbursements/<int:pk>/cancel/", disbursements.disbursement_cancel_view, name="disbursement_cancel"),
    path("disbursements/<int:pk>/slip.pdf", disbursements.disbursement_slip, name="disbursement_slip"),
]
