from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "publishing.knowledge"
    label = "knowledge"
    verbose_name = _("บทความความรู้และคู่มือแนวทางการแก้ไขปัญหา")

    def ready(self):
        from publishing.knowledge import integration

        integration.register()
