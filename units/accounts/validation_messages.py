"""Django's own validation messages that its Vietnamese catalogue leaves in English, given Vietnamese msgids here
(applied once at start-up by UnitsConfig.ready), so every message a form shows is Vietnamese."""

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _

VALIDATOR_MESSAGES = {
    validators.ProhibitNullCharactersValidator: _("Không được chứa ký tự rỗng (null)."),
    validators.FileExtensionValidator: _(
        "Không nhận tệp có phần mở rộng “%(extension)s”. Chỉ nhận: %(allowed_extensions)s."
    ),
    validators.StepValueValidator: _("Giá trị phải là bội số của %(limit_value)s."),
    validators.DomainNameValidator: _("Nhập một tên miền hợp lệ."),
}

FIELD_MESSAGES = {
    forms.UUIDField: {"invalid": _("Nhập một mã UUID hợp lệ.")},
    forms.JSONField: {"invalid": _("Nhập dữ liệu JSON hợp lệ.")},
    forms.DurationField: {"invalid": _("Nhập một khoảng thời gian hợp lệ.")},
    forms.MultiValueField: {"incomplete": _("Nhập đầy đủ giá trị.")},
    forms.SlugField: {"invalid": _("Chỉ dùng chữ cái không dấu, chữ số, dấu gạch dưới hoặc gạch ngang.")},
}


def use_vietnamese_django_messages() -> None:
    for validator, message in VALIDATOR_MESSAGES.items():
        validator.message = message
    for field, messages in FIELD_MESSAGES.items():
        field.default_error_messages = {**field.default_error_messages, **messages}
