"""One small function per condition kind: (evaluator, subject key, condition) → Outcome(met, reason in Vietnamese).

A subject key is ("p", person id) or ("u", unit id). Every number a condition compares with comes from its row
(`TitleCondition.number`, `.rating`, `.discipline_form`, `.initiative_level`, `.other_title`).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from emulation.titles.models import ConditionKind, TitleCondition
from evaluations.models import DisciplineForm, InitiativeLevel, TaskRating


@dataclass
class Outcome:
    met: bool
    reason: str
    evidence_url: str = ""
    private_violation: object = None  # a sensitive violation of a person that the reason describes


def day(value) -> str:
    return f"{value:%d/%m/%Y}"


def percent(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


def rating_label(value: str) -> str:
    return str(TaskRating(value).label)


def of_person(records: dict, key) -> list:
    """A person's records; a unit has none of the person-only kinds (discipline, initiative, sanction)."""
    return records.get(key[1], []) if key[0] == "p" else []


def min_rating(ev, key, cond: TitleCondition) -> Outcome:
    rating = ev.facts.ratings.get(key)
    if rating is None:
        return Outcome(False, _("Chưa có xếp loại chất lượng năm %(year)s.") % {"year": ev.facts.year})
    met = TaskRating.rank(rating) >= TaskRating.rank(cond.rating)
    text = _("Xếp loại năm %(year)s: %(rating)s (yêu cầu từ %(required)s).")
    return Outcome(
        met, text % {"year": ev.facts.year, "rating": rating_label(rating), "required": rating_label(cond.rating)}
    )


def revoked(ev, key, title) -> Outcome | None:
    if (key, title.pk) in ev.facts.revoked:
        text = _("Danh hiệu %(title)s năm %(year)s đã bị thu hồi — không được tính.")
        return Outcome(False, text % {"title": title.name, "year": ev.facts.year})
    return None


def prerequisite_title(ev, key, cond: TitleCondition) -> Outcome:
    if outcome := revoked(ev, key, cond.other_title):
        return outcome
    if ev.is_met(key, cond.other_title):
        return Outcome(
            True, _("Đạt tiêu chuẩn %(title)s năm %(year)s.") % {"title": cond.other_title.name, "year": ev.facts.year}
        )
    return Outcome(
        False,
        _("Chưa đạt tiêu chuẩn %(title)s năm %(year)s.") % {"title": cond.other_title.name, "year": ev.facts.year},
    )


def rating_or_initiative(ev, key, cond: TitleCondition) -> Outcome:
    rating = ev.facts.ratings.get(key)
    if cond.rating and rating and TaskRating.rank(rating) >= TaskRating.rank(cond.rating):
        return Outcome(
            True, _("Xếp loại %(rating)s năm %(year)s.") % {"rating": rating_label(rating), "year": ev.facts.year}
        )
    for item in of_person(ev.facts.initiatives, key):
        if InitiativeLevel.reach(item.level) >= InitiativeLevel.reach(cond.initiative_level):
            text = _("Có %(kind)s “%(title)s” được công nhận %(level)s ngày %(day)s.")
            values = {
                "kind": item.get_kind_display().lower(),
                "title": item.title,
                "level": item.get_level_display().lower(),
            }
            return Outcome(True, text % {**values, "day": day(item.recognised_on)})
    level = str(InitiativeLevel(cond.initiative_level).label).lower() if cond.initiative_level else ""
    if cond.rating:
        text = _("Không xếp loại %(rating)s và không có sáng kiến, đề tài được công nhận từ %(level)s trong kỳ.")
        return Outcome(False, text % {"rating": rating_label(cond.rating), "level": level})
    return Outcome(False, _("Không có sáng kiến, đề tài được công nhận từ %(level)s trong kỳ.") % {"level": level})


def _share(count: int, total: int, cond: TitleCondition) -> tuple[bool, Decimal]:
    """count/total ≥ number %, compared exactly (no rounding): 7 of 10 meets 70 %, 6 of 10 does not."""
    if total == 0:
        return False, Decimal(0)
    return Decimal(count) * 100 >= cond.number * total, Decimal(count) * 100 / total


def member_share_with_title(ev, key, cond: TitleCondition) -> Outcome:
    members = ev.facts.members.get(key[1], [])
    count = sum(ev.is_met(("p", pk), cond.other_title) for pk in members)
    met, share = _share(count, len(members), cond)
    text = _("%(count)s/%(total)s thành viên (%(share)s %%) đạt %(title)s; yêu cầu từ %(required)s %%.")
    values = {"count": count, "total": len(members), "share": percent(share), "title": cond.other_title.name}
    return Outcome(met, text % {**values, "required": percent(cond.number)})


def member_share_min_rating(ev, key, cond: TitleCondition) -> Outcome:
    members = ev.facts.members.get(key[1], [])
    rank = TaskRating.rank(cond.rating)
    count = sum(TaskRating.rank(ev.facts.ratings.get(("p", pk))) >= rank for pk in members)
    met, share = _share(count, len(members), cond)
    text = _("%(count)s/%(total)s thành viên (%(share)s %%) xếp loại từ %(rating)s; yêu cầu từ %(required)s %%.")
    values = {"count": count, "total": len(members), "share": percent(share), "rating": rating_label(cond.rating)}
    return Outcome(met, text % {**values, "required": percent(cond.number)})


def min_members_with_title(ev, key, cond: TitleCondition) -> Outcome:
    count = sum(ev.is_met(("p", pk), cond.other_title) for pk in ev.facts.members.get(key[1], []))
    text = _("%(count)s thành viên đạt %(title)s; yêu cầu ít nhất %(required)s.")
    return Outcome(
        count >= cond.number, text % {"count": count, "title": cond.other_title.name, "required": int(cond.number)}
    )


def _barring_disciplines(ev, key, cond: TitleCondition) -> list:
    start, end = ev.facts.period.starts_on, ev.facts.period.ends_on
    gravity = DisciplineForm.gravity(cond.discipline_form)
    return [
        r
        for r in of_person(ev.facts.disciplines, key)
        if start <= r.decided_on <= end and DisciplineForm.gravity(r.form) >= gravity
    ]


def no_discipline(ev, key, cond: TitleCondition) -> Outcome:
    found = _barring_disciplines(ev, key, cond)
    if not found:
        form = str(DisciplineForm(cond.discipline_form).label).lower()
        return Outcome(True, _("Không bị kỷ luật từ mức %(form)s trong kỳ.") % {"form": form})
    text = _("Bị kỷ luật %(form)s ngày %(day)s — không đủ điều kiện %(title)s.")
    return Outcome(
        False,
        " ".join(
            text % {"form": r.get_form_display().lower(), "day": day(r.decided_on), "title": cond.title.name}
            for r in found
        ),
    )


def no_member_discipline(ev, key, cond: TitleCondition) -> Outcome:
    found = [r for pk in ev.facts.members.get(key[1], []) for r in _barring_disciplines(ev, ("p", pk), cond)]
    if not found:
        form = str(DisciplineForm(cond.discipline_form).label).lower()
        return Outcome(True, _("Không thành viên nào bị kỷ luật từ mức %(form)s trong kỳ.") % {"form": form})
    text = _("Một thành viên bị kỷ luật %(form)s ngày %(day)s — không đủ điều kiện %(title)s.")
    found.sort(key=lambda r: r.decided_on)
    return Outcome(
        False,
        " ".join(
            text % {"form": r.get_form_display().lower(), "day": day(r.decided_on), "title": cond.title.name}
            for r in found
        ),
    )


def discipline_period_ended(ev, key, cond: TitleCondition) -> Outcome:
    """Achievement counts only from the day after a discipline's effect ends (ND 152/2025 Điều 4 k4)."""
    start, end = ev.facts.period.starts_on, ev.facts.period.ends_on
    gravity = DisciplineForm.gravity(cond.discipline_form) if cond.discipline_form else 0
    for record in of_person(ev.facts.disciplines, key):
        until = record.ends_on or record.decided_on
        if record.decided_on <= end and until >= start and DisciplineForm.gravity(record.form) >= gravity:
            text = _(
                "Thời hạn kỷ luật %(form)s (quyết định ngày %(decided)s) đến %(until)s nằm trong kỳ: "
                "thành tích chỉ được tính từ sau ngày %(until)s — không đủ điều kiện %(title)s."
            )
            values = {"form": record.get_form_display().lower(), "decided": day(record.decided_on), "until": day(until)}
            return Outcome(False, text % {**values, "title": cond.title.name})
    return Outcome(True, _("Không có thời hạn kỷ luật nào trong kỳ."))


def no_admin_sanction(ev, key, cond: TitleCondition) -> Outcome:
    found = of_person(ev.facts.sanctions, key)
    if not found:
        return Outcome(True, _("Không bị xử phạt hành chính trong kỳ."))
    text = _("Bị xử phạt hành chính ngày %(day)s (%(what)s) — không đủ điều kiện %(title)s.")
    return Outcome(
        False,
        " ".join(text % {"day": day(s.decided_on), "what": s.description, "title": cond.title.name} for s in found),
    )


def no_barring_violation(ev, key, cond: TitleCondition) -> Outcome:
    found = ev.facts.violations.get(key, [])
    if not found:
        return Outcome(True, _("Không có vi phạm thuộc loại không xét danh hiệu được giữ nguyên trong kỳ."))
    first = found[0]
    text = _("Vi phạm “%(type)s” ngày %(day)s đã được giữ nguyên — không đủ điều kiện %(title)s.")
    reason = " ".join(text % {"type": v.type.name, "day": day(v.occurred_at), "title": cond.title.name} for v in found)
    private = next((v for v in found if v.type.sensitive), None) if key[0] == "p" else None
    return Outcome(False, reason, reverse("evaluations:violation_detail", args=[first.pk]), private)


def consecutive_years(ev, key, cond: TitleCondition) -> Outcome:
    """The other title in each of the `number` years ending with the period's year (the current one from this run);
    when the condition says so, years a unit merged into a collective held count too (the reason says so)."""
    year, other = ev.facts.year, cond.other_title
    years = range(year - int(cond.number) + 1, year + 1)
    held = {y for y in years if (*key, other.pk, y) in ev.facts.history}
    if ev.is_met(key, other) and (key, other.pk) not in ev.facts.revoked:
        held.add(year)
    inherited = []
    if cond.count_predecessors and key[0] == "u":
        for unit in ev.facts.predecessors.get(key[1], []):
            found = [y for y in years if y not in held and ("u", unit.pk, other.pk, y) in ev.facts.history]
            held.update(found)
            inherited += [_("%(year)s (của %(unit)s)") % {"year": y, "unit": unit.name} for y in found]
    missing = [str(y) for y in years if y not in held]
    if missing:
        return Outcome(
            False, _("Thiếu danh hiệu %(title)s năm %(years)s.") % {"title": other.name, "years": ", ".join(missing)}
        )
    reason = _("Đạt %(title)s các năm %(years)s.") % {"title": other.name, "years": ", ".join(map(str, years))}
    if inherited:
        reason += " " + _("Tính cả đơn vị tiền thân: %(years)s.") % {"years": ", ".join(inherited)}
    return Outcome(True, reason)


def bloc_leader(ev, key, cond: TitleCondition) -> Outcome:
    score = ev.facts.scores.get(key[1])
    top = int(cond.number or 1)
    if score is None or score.bloc_id is None or score.rank is None:
        return Outcome(False, _("Chưa có kết quả xếp hạng trong khối, cụm thi đua của kỳ."))
    values = {"rank": score.rank, "bloc": score.bloc.name}
    if score.rank <= top and not score.bars_bloc_lead:
        return Outcome(True, _("Xếp thứ %(rank)s, dẫn đầu %(bloc)s.") % values)
    return Outcome(False, _("Xếp thứ %(rank)s trong %(bloc)s — không dẫn đầu khối, cụm.") % values)


def registered(ev, key, cond: TitleCondition) -> Outcome:
    pledge = ev.facts.registered.get(key)
    if pledge is None:
        return Outcome(
            False,
            _("Chưa đăng ký thi đua (bản đăng ký chưa được gửi hoặc chưa có) — không đủ điều kiện %(title)s.")
            % {"title": cond.title.name},
        )
    return Outcome(
        True, _("Đã đăng ký thi đua (bản đăng ký: %(status)s).") % {"status": pledge.get_status_display().lower()}
    )


def not_under_investigation(ev, key, cond: TitleCondition) -> Outcome:
    holds = ev.facts.holds.get(key, [])
    if not holds:
        return Outcome(True, _("Không đang bị xem xét kỷ luật, điều tra, thanh tra."))
    hold = holds[0]
    text = _("Đang bị xem xét từ ngày %(day)s: %(reason)s — chưa xét khen thưởng.")
    return Outcome(False, text % {"day": day(hold.starts_on), "reason": hold.reason})


CHECKS = {
    ConditionKind.MIN_RATING: min_rating,
    ConditionKind.PREREQUISITE_TITLE: prerequisite_title,
    ConditionKind.RATING_OR_INITIATIVE: rating_or_initiative,
    ConditionKind.MEMBER_SHARE_WITH_TITLE: member_share_with_title,
    ConditionKind.MEMBER_SHARE_MIN_RATING: member_share_min_rating,
    ConditionKind.MIN_MEMBERS_WITH_TITLE: min_members_with_title,
    ConditionKind.NO_DISCIPLINE: no_discipline,
    ConditionKind.NO_MEMBER_DISCIPLINE: no_member_discipline,
    ConditionKind.DISCIPLINE_PERIOD_ENDED: discipline_period_ended,
    ConditionKind.NO_ADMIN_SANCTION: no_admin_sanction,
    ConditionKind.NO_BARRING_VIOLATION: no_barring_violation,
    ConditionKind.CONSECUTIVE_YEARS: consecutive_years,
    ConditionKind.BLOC_LEADER: bloc_leader,
    ConditionKind.REGISTERED: registered,
    ConditionKind.NOT_UNDER_INVESTIGATION: not_under_investigation,
}
