from django import forms
from django.utils.translation import gettext_lazy as _

from helpdesk.surveys.models import RATING_CHOICES


class SurveyAnswerForm(forms.Form):
    """One 1–5 scale per active question of the service, and a comment."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text, choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("กรุณาให้คะแนนข้อนี้"),
                                "invalid_choice": _("คะแนนต้องอยู่ระหว่าง 1 ถึง 5")},
            )
        self.fields["comment"] = forms.CharField(
            label=_("ข้อเสนอแนะ"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
            error_messages={"max_length": _("ข้อเสนอแนะยาวเกิน 2,000 ตัวอักษร")},
        )

    def rating_fields(self):
        return [self[f"q{question.pk}"] for question in self.questions]

    def ratings(self) -> dict[int, int]:
        return {question.pk: self.cleaned_data[f"q{question.pk}"] for question in self.questions}
