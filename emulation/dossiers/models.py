"""Dossier templates as data: a province uploads its own DOCX per document and authority; without one, the shipped
default (following the decree's forms) is used."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from emulation.titles.models import Authority


class DocumentKind(models.TextChoices):
    PROPOSAL = "proposal", _("Tờ trình đề nghị khen thưởng (Mẫu số 01)")
    REPORT_PERSON = "report_person", _("Báo cáo thành tích cá nhân (Mẫu số 05)")
    REPORT_COLLECTIVE = "report_collective", _("Báo cáo thành tích tập thể (Mẫu số 05)")
    MINUTES = "minutes", _("Trích biên bản họp Hội đồng Thi đua - Khen thưởng")
    SHORT_LIST = "short_list", _("Danh sách trích ngang")


def template_path(instance, filename):
    return f"dossier_templates/{instance.kind}/{filename}"


class DossierTemplate(models.Model):
    """A province's own DOCX (docxtpl placeholders) for one document, for one authority or for every authority."""

    kind = models.CharField(_("văn bản"), max_length=30, choices=DocumentKind.choices)
    authority = models.ForeignKey(
        Authority,
        verbose_name=_("thẩm quyền"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Để trống: dùng cho mọi thẩm quyền."),
    )
    file = models.FileField(_("tệp mẫu DOCX"), upload_to=template_path, validators=[FileExtensionValidator(["docx"])])
    note = models.CharField(_("ghi chú, căn cứ"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mẫu văn bản hồ sơ")
        verbose_name_plural = _("mẫu văn bản hồ sơ")
        ordering = ["kind", "authority__name"]
        constraints = [models.UniqueConstraint(fields=["kind", "authority"], name="one_template_per_kind_authority")]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.authority or _('mọi thẩm quyền')}"
