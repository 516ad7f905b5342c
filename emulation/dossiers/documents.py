"""Render a nomination's dossier documents as DOCX (docxtpl over the province's template or the shipped default) and
as PDF (the same facts through an HTML template).

Rules
-----
- The achievement report's variant follows the nominee: a person gets the individual form, a unit the collective one.
- The template is the one uploaded for the document and the authority competent for the nomination's title or form
  (on the proposal's date), else the one uploaded for every authority, else the shipped default.
- The short list holds the nominations of the same council session that the reader may see (only the nomination
  itself when it is not on a session).
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from emulation.council.models.nominations import Nomination
from emulation.dossiers.defaults import default_template
from emulation.dossiers.facts import dossier_facts, short_list
from emulation.dossiers.models import DocumentKind, DossierTemplate
from emulation.pdfs import render_pdf
from emulation.titles.models import AuthorityPower
from units.models import Unit

KINDS = {"to-trinh": "proposal", "bao-cao-thanh-tich": "report", "bien-ban": "minutes", "trich-ngang": "short_list"}


def document_kind(nomination: Nomination, slug: str) -> str:
    kind = KINDS[slug]
    if kind == "report":
        return DocumentKind.REPORT_PERSON if nomination.person_id else DocumentKind.REPORT_COLLECTIVE
    return kind


def competent_authority(nomination: Nomination):
    """The authority that grants the nomination's title or form on the proposal's date, of the level of the nearest
    unit above (or at) the nominee's unit: a Sở's staff go to the Sở's director, a commune's to its chair."""
    field = "title" if nomination.title_id else "award_form"
    on = timezone.localdate(nomination.proposed_at)
    powers = AuthorityPower.objects.in_force(on).filter(**{field: nomination.target}).select_related("authority")
    by_level = {power.authority.unit_level: power.authority for power in powers.order_by("-pk")}
    ancestors = sorted(Unit.objects.filter(pk__in=nomination.unit.ancestor_ids()), key=lambda u: -len(u.path))
    return next((by_level[unit.level] for unit in ancestors if unit.level in by_level), None)


def template_bytes(kind: str, authority) -> bytes:
    """The province's own template for the kind and authority, else for every authority, else the shipped one."""
    for row in DossierTemplate.objects.filter(kind=kind, authority__in=[authority] if authority else []):
        return row.file.read()
    row = DossierTemplate.objects.filter(kind=kind, authority__isnull=True).first()
    return row.file.read() if row else default_template(kind)


def document_context(nomination: Nomination, kind: str, visible) -> dict:
    authority = competent_authority(nomination)
    facts = dossier_facts(nomination)
    facts["authority"] = authority.name if authority else ""
    if kind == DocumentKind.SHORT_LIST:
        same = visible.filter(session=nomination.session) if nomination.session_id else visible.filter(pk=nomination.pk)
        facts["lines"] = short_list(same.select_related("person", "unit", "title", "award_form").order_by("pk"))
    return {"kind": kind, "authority_obj": authority, **facts}


def render_docx(*, nomination: Nomination, kind: str, visible) -> bytes:
    """The document as DOCX, every figure from the records."""
    context = document_context(nomination, kind, visible)
    document = DocxTemplate(io.BytesIO(template_bytes(kind, context["authority_obj"])))
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_document_pdf(*, nomination: Nomination, kind: str, visible) -> bytes:
    """The same document as PDF (A4, the shipped layout)."""
    context = document_context(nomination, kind, visible)
    context["heading"] = DocumentKind(kind).label
    context["empty"] = _("Không có.")
    return render_pdf("emulation/dossiers/pdf/document.html", context)
