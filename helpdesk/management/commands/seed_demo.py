"""Fill the database with a realistic Thai demo dataset. Safe to run twice.

Every installed app may ship a `demo` module with `seed(command, options)` and,
optionally, `add_arguments(parser)`; they run in INSTALLED_APPS order. A module's optional
`seed_scale(command, options)` (benchmark volumes: `--tickets N` …) runs after every app's `seed`.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings


def _demo_modules():
    for config in apps.get_app_configs():
        try:
            yield import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise


class Command(BaseCommand):
    help = "Create demo units, teams, users (one per role) and sample records."

    def add_arguments(self, parser):
        for module in _demo_modules():
            if hasattr(module, "add_arguments"):
                module.add_arguments(parser)

    def handle(self, *args, **options):
        # Demo workflows trigger notifications; keep them out of real mailboxes and the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for module in _demo_modules():
                with transaction.atomic():
                    module.seed(self, options)
            for module in _demo_modules():
                if hasattr(module, "seed_scale"):
                    with transaction.atomic():
                        module.seed_scale(self, options)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        from helpdesk.demo import DEMO_PASSWORD, demo_users

        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        self.stdout.write(f"  {'admin':<12} superuser (Django admin)")
        for username, roles in demo_users():
            self.stdout.write(f"  {username:<12} {roles}")
