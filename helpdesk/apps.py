from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "helpdesk"
    verbose_name = _("หน่วยงานและผู้ใช้")


class KernelAppConfig(AppConfig):
    """A kernel sub-app (``helpdesk.<label>``) whose ``ready()`` calls one registration function,
    ``on_ready = "module.function"`` under the app. Built by :func:`kernel_app_config`."""

    default = False  # never picked for the "helpdesk" app itself
    default_auto_field = "django.db.models.BigAutoField"
    on_ready = ""

    def ready(self) -> None:
        module, function = self.on_ready.rsplit(".", 1)
        getattr(import_module(f"{self.name}.{module}"), function)()


def kernel_app_config(label: str, verbose_name, *, on_ready: str) -> type[KernelAppConfig]:
    """The app config of ``helpdesk.<label>``: ``SurveysConfig = kernel_app_config("surveys", _("…"), on_ready=…)``."""
    name = f"{label.title()}Config"
    return type(name, (KernelAppConfig,), {
        "__module__": f"helpdesk.{label}.apps", "__qualname__": name, "default": True,
        "name": f"helpdesk.{label}", "label": label, "verbose_name": verbose_name, "on_ready": on_ready,
    })
