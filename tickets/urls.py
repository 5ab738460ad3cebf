from django.urls import path

from tickets.views import actions, board, board_tools, detail, disposal, documents, handover, intake

app_name = "tickets"

urlpatterns = [
    path("", board.ticket_list_view, name="list"),
    path("export.csv", board.ticket_export_view, name="export"),
    path("bulk/", board_tools.ticket_bulk_view, name="bulk"),
    path("<int:pk>/take-from-board/", board_tools.board_take_view, name="board_take"),
    path("views/", board_tools.saved_view_create_view, name="view_create"),
    path("views/<int:pk>/delete/", board_tools.saved_view_delete_view, name="view_delete"),
    path("new/", intake.ticket_create_view, name="create"),
    path("new/staff/", intake.ticket_staff_create_view, name="staff_create"),
    path("callbacks/", intake.callbacks_view, name="callbacks"),
    path("disposals/", disposal.disposal_list_view, name="disposal_list"),
    path("disposals/<int:pk>/", disposal.disposal_detail_view, name="disposal_detail"),
    path("disposals/<int:pk>/decide/", disposal.disposal_decide_view, name="disposal_decide"),
    path("<int:pk>/", detail.ticket_detail_view, name="detail"),
    path("<int:pk>/photos/<int:photo_pk>/", detail.ticket_photo_view, name="photo"),
    path("<int:pk>/photos/<int:photo_pk>/<slug:size>/", detail.ticket_photo_preview_view, name="photo_preview"),
    path("<int:pk>/memo/", detail.ticket_memo_view, name="memo"),
    path("<int:pk>/slip/", documents.ticket_slip_view, name="slip"),
    path("<int:pk>/letter/", documents.ticket_letter_view, name="letter"),
    path("<int:pk>/transition/", actions.ticket_transition_view, name="transition"),
    path("<int:pk>/handover/", handover.ticket_handover_view, name="handover"),
    path("<int:pk>/take/", actions.ticket_take_view, name="take"),
    path("<int:pk>/assign/", actions.ticket_assign_view, name="assign"),
    path("<int:pk>/work/", actions.ticket_work_view, name="work"),
    path("<int:pk>/note/", actions.ticket_note_view, name="note"),
    path("<int:pk>/withdraw/", actions.ticket_withdraw_view, name="withdraw"),
    path("<int:pk>/callback/", actions.ticket_callback_view, name="callback"),
    path("<int:pk>/guarantee/", actions.ticket_guarantee_view, name="guarantee"),
    path("<int:pk>/loans/", actions.ticket_lend_view, name="lend"),
    path("<int:pk>/loans/<int:link_pk>/return/", actions.ticket_return_view, name="loan_return"),
]
