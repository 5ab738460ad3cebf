from django.urls import path

from . import views

app_name = "systems"

urlpatterns = [
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/accept/", views.request_accept, name="request_accept"),
    path("requests/<int:pk>/reject/", views.request_reject, name="request_reject"),
    path("requests/<int:pk>/project/", views.project_create, name="project_create"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/propose/", views.project_propose, name="project_propose"),
    path("projects/<int:pk>/approve/", views.project_approve, name="project_approve"),
    path("projects/<int:pk>/return/", views.project_return, name="project_return"),
    path("projects/<int:pk>/letter/", views.golive_letter, name="golive_letter"),
    path("projects/<int:pk>/letter.pdf", views.golive_letter_pdf, name="golive_letter_pdf"),
    path("projects/<int:pk>/go-live/", views.project_go_live, name="project_go_live"),
    path("projects/<int:pk>/steps/<int:step_pk>/start/", views.step_start, name="step_start"),
    path("projects/<int:pk>/steps/<int:step_pk>/finish/", views.step_finish, name="step_finish"),
    path("projects/<int:pk>/steps/<int:step_pk>/attach/", views.step_attach, name="step_attach"),
    path("projects/<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("projects/<int:pk>/quotations/", views.quotation_add, name="quotation_add"),
    path("projects/<int:pk>/quotations/<int:quotation_pk>/select/", views.quotation_select, name="quotation_select"),
    path("projects/<int:pk>/contract/", views.contract_save, name="contract_save"),
    path("projects/<int:pk>/instalments/<int:instalment_pk>/inspect/", views.instalment_inspect,
         name="instalment_inspect"),
    path("projects/<int:pk>/instalments/<int:instalment_pk>/pay/", views.instalment_pay, name="instalment_pay"),
    path("", views.system_list, name="system_list"),
    path("new/", views.system_create, name="system_create"),
    path("<int:pk>/", views.system_detail, name="system_detail"),
    path("<int:pk>/status/", views.system_status, name="system_status"),
    path("<int:pk>/manual/", views.system_manual, name="system_manual"),
    path("changes/", views.change_list, name="change_list"),
    path("changes/new/", views.change_create, name="change_create"),
    path("changes/<int:pk>/", views.change_detail, name="change_detail"),
    path("changes/<int:pk>/analyse/", views.change_analyse, name="change_analyse"),
    path("changes/<int:pk>/deliver/", views.change_deliver, name="change_deliver"),
    path("changes/<int:pk>/decline/", views.change_decline, name="change_decline"),
]
