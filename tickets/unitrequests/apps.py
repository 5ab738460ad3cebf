from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class UnitRequestsConfig(plugins.PluginConfig):
    name = "tickets.unitrequests"
    label = "unitrequests"
    verbose_name = _("คำขอใช้/ยืมวัสดุอุปกรณ์ของหน่วยงาน")
