"""Copying a previous period's scheme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.schemes.models import ScoringScheme


class CopySchemeForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Sao chép từ bảng điểm"), queryset=ScoringScheme.objects.none())

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        schemes = ScoringScheme.objects.filter(period__movement=period.movement_id).exclude(period=period)
        self.fields["source"].queryset = schemes.select_related("period").order_by("-period__starts_on")
        latest = self.fields["source"].queryset.first()
        self.fields["source"].initial = latest.pk if latest else None
