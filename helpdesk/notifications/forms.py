from django import forms
from django.utils.translation import gettext_lazy as _

from helpdesk.notifications.kinds import all_kinds
from helpdesk.notifications.models import Channel, ChannelPreference


class ChannelPreferencesForm(forms.Form):
    """One choice per kind of notice; LINE is offered only when the agency configured it."""

    def __init__(self, *args, user, line_offered: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        current = dict(ChannelPreference.objects.filter(user=user).values_list("kind", "channel"))
        choices = [(value, label) for value, label in Channel.choices if line_offered or value != Channel.LINE]
        for code, label in all_kinds():
            initial = current.get(code, Channel.EMAIL)
            if initial == Channel.LINE and not line_offered:
                initial = Channel.EMAIL
            self.fields[f"kind_{code}"] = forms.ChoiceField(
                label=label, choices=choices, initial=initial, widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("กรุณาเลือกช่องทางที่มีให้เลือก")},
            )

    def kind_fields(self):
        return [self[name] for name in self.fields]

    def save(self) -> None:
        for name, channel in self.cleaned_data.items():
            ChannelPreference.objects.update_or_create(
                user=self.user, kind=name.removeprefix("kind_"), defaults={"channel": channel}
            )
