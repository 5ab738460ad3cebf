from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class KnowledgeConfig(plugins.PluginConfig):
    name = "publishing.knowledge"
    label = "knowledge"
    verbose_name = _("บทความความรู้และคู่มือแนวทางการแก้ไขปัญหา")
