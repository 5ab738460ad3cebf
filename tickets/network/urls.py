from django.urls import path

from .views import accounts, ip, mac, registry

app_name = "network"

urlpatterns = [
    path("ip/", ip.ip_list, name="ip_list"),
    path("ip/new/", ip.ip_create, name="ip_create"),
    path("ip/<int:pk>/", ip.ip_detail, name="ip_detail"),
    path("ip/<int:pk>/edit/", ip.ip_edit, name="ip_edit"),
    path("ip/<int:pk>/assign/", ip.ip_assign, name="ip_assign"),
    path("ip/<int:pk>/return/", ip.ip_return, name="ip_return"),
    path("ip/<int:pk>/cancel/", ip.ip_cancel, name="ip_cancel"),
    path("ip/<int:pk>/checks/", ip.ip_checks, name="ip_checks"),
    path("ip/<int:pk>/letter/", ip.ip_letter, name="ip_letter"),
    path("ip/<int:pk>/memo/", ip.ip_memo, name="ip_memo"),
    path("registry/", registry.registry_list, name="registry_list"),
    path("registry/<int:pk>/", registry.registry_detail, name="registry_detail"),
    path("registry/<int:pk>/release/", registry.registry_release, name="registry_release"),
    path("registry/<int:assignment_pk>/mac-change/", mac.mac_create, name="mac_create"),
    path("mac/", mac.mac_list, name="mac_list"),
    path("mac/<int:pk>/", mac.mac_detail, name="mac_detail"),
    path("mac/<int:pk>/edit/", mac.mac_edit, name="mac_edit"),
    path("mac/<int:pk>/apply/", mac.mac_apply, name="mac_apply"),
    path("mac/<int:pk>/checks/", mac.mac_checks, name="mac_checks"),
    path("mac/<int:pk>/return/", mac.mac_return, name="mac_return"),
    path("mac/<int:pk>/cancel/", mac.mac_cancel, name="mac_cancel"),
    path("mac/<int:pk>/id-card/", mac.mac_id_card, name="mac_id_card"),
    path("accounts/", accounts.account_list, name="account_list"),
    path("accounts/requests/", accounts.account_request_list, name="account_request_list"),
    path("accounts/requests/new/", accounts.account_request_create, name="account_request_create"),
    path("accounts/requests/<int:pk>/", accounts.account_request_detail, name="account_request_detail"),
    path("accounts/requests/<int:pk>/edit/", accounts.account_request_edit, name="account_request_edit"),
    path("accounts/requests/<int:pk>/approve/", accounts.account_request_approve, name="account_request_approve"),
    path("accounts/requests/<int:pk>/return/", accounts.account_request_return, name="account_request_return"),
    path("accounts/requests/<int:pk>/cancel/", accounts.account_request_cancel, name="account_request_cancel"),
    path("accounts/requests/<int:pk>/complete/", accounts.account_request_complete, name="account_request_complete"),
    path("accounts/requests/<int:pk>/id-card/", accounts.account_request_id_card, name="account_request_id_card"),
    path("accounts/requests/<int:pk>/memo/", accounts.account_request_memo, name="account_request_memo"),
]
