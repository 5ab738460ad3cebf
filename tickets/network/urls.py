from django.urls import path

from .views import accounts, ip, mac, registry
from .views.kinds import request_urls

app_name = "network"

urlpatterns = [
    path("ip/", ip.ip_list, name="ip_list"),
    path("ip/new/", ip.ip_create, name="ip_create"),
    path("ip/<int:pk>/assign/", ip.ip_assign, name="ip_assign"),
    path("ip/<int:pk>/letter/", ip.ip_letter, name="ip_letter"),
    *request_urls("ip/", "ip", ip.IP, ["detail", "edit", "return", "cancel", "checks", "memo"]),
    path("registry/", registry.registry_list, name="registry_list"),
    path("registry/<int:pk>/", registry.registry_detail, name="registry_detail"),
    path("registry/<int:pk>/release/", registry.registry_release, name="registry_release"),
    path("registry/<int:assignment_pk>/mac-change/", mac.mac_create, name="mac_create"),
    path("mac/", mac.mac_list, name="mac_list"),
    path("mac/<int:pk>/apply/", mac.mac_apply, name="mac_apply"),
    *request_urls("mac/", "mac", mac.MAC, ["detail", "edit", "checks", "return", "cancel", "id_card"]),
    path("accounts/", accounts.account_list, name="account_list"),
    path("accounts/requests/", accounts.account_request_list, name="account_request_list"),
    path("accounts/requests/new/", accounts.account_request_create, name="account_request_create"),
    path("accounts/requests/<int:pk>/approve/", accounts.account_request_approve, name="account_request_approve"),
    path("accounts/requests/<int:pk>/complete/", accounts.account_request_complete, name="account_request_complete"),
    *request_urls("accounts/requests/", "account_request", accounts.ACCOUNT,
                  ["detail", "edit", "return", "cancel", "id_card", "memo"]),
]
