"""The bloc ranking table: ranks as stored by the scoring engine, shared ranks shown equal, flagged units unranked."""

from types import SimpleNamespace

import django_tables2 as tables
from django.db.models import Case, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emulation.scoring.models import LiveScore, Score

FLAGGED = _("Chưa đủ căn cứ xếp hạng")

# Secondary columns give way on phones (390 px): rank, unit, total and band — what decides — stay on screen.
WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell text-end"}}


def annotate_for_ranking(scores):
    """Adds `shared_rank` (another unit of the bloc holds the same rank), `rank_order` (ranked units first) and `live`
    (the figure computed after a freeze, for the "kết quả hiện tại khác" note). The explanation of each score and its
    group points (JSON, read only by the score's own page and the ranking engine) are not loaded."""
    same_rank = Score.objects.filter(
        period=OuterRef("period"), bloc=OuterRef("bloc"), rank=OuterRef("rank"), rank__isnull=False
    ).exclude(pk=OuterRef("pk"))
    live = LiveScore.objects.filter(unit=OuterRef("unit"), period=OuterRef("period")).values("total")[:1]
    return scores.defer("breakdown", "group_points").annotate(
        live=Subquery(live),
        shared_rank=Exists(same_rank),
        rank_order=Case(When(rank__isnull=True, then=Value(1)), default=Value(0), output_field=IntegerField()),
    )


def flag_reason(score, min_inspections) -> str:
    """Why a unit is not ranked: the inspections counted against the scheme's minimum."""
    if min_inspections is None:
        return str(FLAGGED)
    return gettext("Mới được kiểm tra %(done)s lần, cần tối thiểu %(needed)s lần") % {
        "done": score.inspection_count,
        "needed": min_inspections,
    }


def note_for(score, min_inspections) -> str:
    """The remarks column: why a unit is flagged, a shared rank, the tie-break used, a capped band."""
    notes = []
    if score.insufficient_evidence:
        notes.append(flag_reason(score, min_inspections))
    if getattr(score, "shared_rank", False):
        notes.append(gettext("Đồng hạng"))
    if score.tie_broken_by:
        notes.append(gettext("Phân định bằng điểm: %(keys)s") % {"keys": score.tie_broken_by})
    if score.band_capped:
        notes.append(gettext("Xếp loại bị giới hạn do điều kiện loại trừ"))
    if score.bars_bloc_lead:
        notes.append(gettext("Không được dẫn đầu khối/cụm"))
    return "; ".join(notes)


class RankingTable(tables.Table):
    # The accessor is the primary key so a flagged unit's empty rank still reaches render_rank / value_rank.
    rank = tables.Column(verbose_name=_("Hạng"), accessor="pk", order_by=("rank_order", "rank", "-total", "unit__name"))
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="unit__name", order_by="unit__name")
    bloc = tables.Column(verbose_name=_("Khối/cụm"), accessor="bloc__name", order_by="bloc__name", attrs=WIDE_ONLY)
    total = tables.Column(verbose_name=_("Tổng điểm"), attrs={"td": {"class": "text-end"}})
    band = tables.Column(verbose_name=_("Xếp loại"), accessor="band__name", order_by="band__min_total", default="—")
    upheld_violation_count = tables.Column(verbose_name=_("Vi phạm được xác nhận"), attrs=WIDE_ONLY)
    inspection_count = tables.Column(verbose_name=_("Số lần kiểm tra"), attrs=WIDE_ONLY)
    note = tables.Column(
        verbose_name=_("Ghi chú"), accessor="pk", orderable=False, attrs={"th": WIDE_ONLY["th"], "td": WIDE_ONLY["th"]}
    )

    class Meta:
        model = Score
        fields = ("rank", "unit", "bloc", "total", "band", "upheld_violation_count", "inspection_count", "note")
        order_by = ("bloc", "rank")
        attrs = {"class": "table table-sm table-hover align-middle table-fits-phone", "data-testid": "ranking"}

    def __init__(self, *args, min_inspections=None, score_url=None, **kwargs):
        """`score_url(score)` gives the link to a score's page, or None when the user may not open it."""
        super().__init__(*args, **kwargs)
        self.min_inspections = min_inspections
        self.score_url = score_url or (lambda score: None)

    def render_rank(self, record):
        if record.insufficient_evidence:
            return format_html('<span class="badge text-bg-warning text-wrap">{}</span>', FLAGGED)
        if record.rank is None:
            return "—"
        if getattr(record, "shared_rank", False):
            return format_html('{} <span class="small text-muted">({})</span>', record.rank, gettext("đồng hạng"))
        return record.rank

    def value_rank(self, record):
        return str(FLAGGED) if record.insufficient_evidence else record.rank

    def render_unit(self, record, value):
        url = self.score_url(record)
        return format_html('<a href="{}">{}</a>', url, value) if url else value

    def value_unit(self, value):
        return value

    def render_total(self, record, value):
        note = record.live_note()
        if note:
            return format_html(
                '{} <span class="badge text-bg-warning text-wrap" data-testid="live-note">{}</span>', value, note
            )
        return value

    def value_total(self, value):
        return value

    def export_records(self, queryset):
        """The export's rows read with `.values()` (no model instances): what `value_*` and the columns need, in the
        table's order. `units.listing.exports` calls it instead of rendering each cell."""
        fields = ("rank", "unit__name", "bloc__name", "total", "band__name", "upheld_violation_count")
        fields += ("inspection_count", "insufficient_evidence", "shared_rank", "tie_broken_by", "band_capped")
        for row in queryset.values(*fields, "bars_bloc_lead").iterator(chunk_size=2000):
            score = SimpleNamespace(**row)
            yield [
                self.value_rank(score),
                row["unit__name"],
                row["bloc__name"],
                row["total"],
                row["band__name"],
                row["upheld_violation_count"],
                row["inspection_count"],
                self.value_note(score),
            ]

    def render_note(self, record):
        return note_for(record, self.min_inspections) or "—"

    def value_note(self, record):
        return note_for(record, self.min_inspections)


def ranked_first(scores):
    """Ranked rows in rank order, then the flagged ones (never given a rank)."""
    return annotate_for_ranking(scores).order_by("bloc__name", "rank_order", "rank", "-total", "unit__name")
