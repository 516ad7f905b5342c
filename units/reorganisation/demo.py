"""The demo province's 01/07/2025 reorganisation, recorded as real acts through the reorganisation service.

Rules:
- Đắk Nông's tree (units.demo) runs from 2004 to 30/06/2025. The new Lâm Đồng (NQ 202/2025/QH15 formed it from
  Lâm Đồng, Đắk Nông and Bình Thuận; the demo models Đắk Nông's part only) opens on 01/07/2025 as the receiving unit.
  Then, all dated 01/07/2025: Đắk Nông's departments merge into Lâm Đồng's (the 2025 pairs: Nội vụ + LĐTBXH, Tài
  chính + KHĐT, Nông nghiệp + TNMT, Xây dựng + GTVT, KHCN + TTTT, Ban Dân tộc → Sở Dân tộc và Tôn giáo); the
  communes merge into the new communes and wards under the province; the district offices and the districts end
  (NQ 203/2025/QH15); last, the province itself merges into Lâm Đồng. In that order the closed units stay where they
  were, under Đắk Nông, so its tree remains whole as history (its decisions keep their scope).
- Each act goes through `record_reorganisation`, so staff and roles move, notices go out and every change is kept.
  Units that did not change (the geopark board, the radio-television station, the school, the central agencies)
  follow the province into Lâm Đồng with its act.
- Idempotent: an act is recorded only when its first source is still open on 30/06/2025 (not yet closed or moved).
- Which names are confirmed and which are illustrative is listed in the README ("Demo data").
"""

import datetime

from units.models import Kind, Level, Unit, User
from units.reorganisation.models import Reorganisation
from units.reorganisation.services import Act, NewUnit, record_reorganisation

OLD = "DNO"
NEW = "LDG"
EFFECTIVE = datetime.date(2025, 7, 1)
CLOSING = EFFECTIVE - datetime.timedelta(days=1)

# (number, date, note)
PROVINCES = ("202/2025/QH15", datetime.date(2025, 6, 12),
             "Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh: tỉnh Đắk Nông, tỉnh Bình Thuận và tỉnh "
             "Lâm Đồng hợp thành tỉnh Lâm Đồng.")  # fmt: skip
COMMUNES = ("1671/NQ-UBTVQH15", datetime.date(2025, 6, 16),
            "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của tỉnh Lâm Đồng "
            "năm 2025 (số hiệu theo đề bài; chưa đối chiếu được văn bản gốc).")  # fmt: skip
DISTRICTS = ("203/2025/QH15", datetime.date(2025, 6, 16),
             "Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp năm 2013: đơn vị hành chính cấp huyện kết thúc "
             "hoạt động từ ngày 01/7/2025.")  # fmt: skip

# fmt: off
# New department or agency of Lâm Đồng (code suffix, name) ← Đắk Nông's units (code suffixes) merged into it.
DEPARTMENT_MERGERS = [
    (("VP", "Văn phòng UBND tỉnh Lâm Đồng"), ["VP"]),
    (("SNV", "Sở Nội vụ tỉnh Lâm Đồng"), ["SNV", "SLDTBXH"]),
    (("STC", "Sở Tài chính tỉnh Lâm Đồng"), ["STC", "SKHDT"]),
    (("STP", "Sở Tư pháp tỉnh Lâm Đồng"), ["STP"]),
    (("SXD", "Sở Xây dựng tỉnh Lâm Đồng"), ["SXD", "SGTVT"]),
    (("SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng"), ["SNN", "STNMT"]),
    (("SCT", "Sở Công Thương tỉnh Lâm Đồng"), ["SCT"]),
    (("SGDDT", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"), ["SGDDT"]),
    (("SYT", "Sở Y tế tỉnh Lâm Đồng"), ["SYT"]),
    (("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng"), ["SVHTTDL"]),
    (("SKHCN", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"), ["SKHCN", "STTTT"]),
    (("SDTTG", "Sở Dân tộc và Tôn giáo tỉnh Lâm Đồng"), ["BDT"]),
    (("TTR", "Thanh tra tỉnh Lâm Đồng"), ["TTR"]),
    (("BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng"), ["BQLKCN"]),
    (("TTHCC", "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng"), ["TTHCC"]),
]

# Ban Tôn giáo leaves the Sở Nội vụ for the new Sở Dân tộc và Tôn giáo (a move).
MOVES = [("SNV-BTG", "SDTTG")]

# New commune or ward (code suffix, name) ← Đắk Nông's communes (district suffix, commune suffix). The grouping is
# illustrative: the real ones also took in communes the demo does not model.
COMMUNE_MERGERS = [
    (("XBGN", "UBND phường Bắc Gia Nghĩa"), [("GN", "ND")]),
    (("XNGN", "UBND phường Nam Gia Nghĩa"), [("GN", "NTH"), ("GN", "DN")]),
    (("XDGN", "UBND phường Đông Gia Nghĩa"), [("GN", "NT"), ("DG", "DH")]),
    (("XCJ", "UBND xã Cư Jút"), [("CJ", "ET"), ("CJ", "TT")]),
    (("XNDG", "UBND xã Nam Dong"), [("CJ", "ND")]),
    (("XQS", "UBND xã Quảng Sơn"), [("DG", "QS"), ("DG", "QK")]),
    (("XDM", "UBND xã Đắk Mil"), [("DM", "TT"), ("DM", "DMI")]),
    (("XTA", "UBND xã Thuận An"), [("DM", "TA")]),
    (("XKD", "UBND xã Kiến Đức"), [("DR", "KD"), ("DR", "KT")]),
    (("XNC", "UBND xã Nhân Cơ"), [("DR", "NC")]),
    (("XDA", "UBND xã Đức An"), [("DS", "DA"), ("DS", "NNJ")]),
    (("XTX", "UBND xã Trường Xuân"), [("DS", "TX")]),
    (("XKN", "UBND xã Krông Nô"), [("KN", "DMA")]),
    (("XNDA", "UBND xã Nam Đà"), [("KN", "ND"), ("KN", "BC")]),
    (("XTD", "UBND xã Tuy Đức"), [("TD", "DBS"), ("TD", "QT")]),
    (("XQTR", "UBND xã Quảng Trực"), [("TD", "QTR")]),
]
# fmt: on


def new_code(suffix: str) -> str:
    return f"{NEW}-{suffix}"


def old_code(suffix: str) -> str:
    return f"{OLD}-{suffix}"


def record_the_reorganisation(district_suffixes: list[str], office_suffixes: list[str]) -> int:
    """Record every act not yet recorded, in the order they must go; returns how many acts were recorded now."""
    by = User.objects.filter(is_superuser=True).order_by("pk").first()
    Unit.objects.get_or_create(
        code=NEW,
        defaults={"name": "Tỉnh Lâm Đồng", "level": Level.PROVINCE, "kind": Kind.PEOPLES_COMMITTEE,
                  "valid_from": EFFECTIVE},
    )  # fmt: skip
    recorded = 0
    for act in _acts(district_suffixes, office_suffixes):
        if act is not None:
            record_reorganisation(act=act, by=by)
            recorded += 1
    return recorded


def _acts(district_suffixes: list[str], office_suffixes: list[str]):
    """The acts, built lazily: each one reads the tree as the previous acts left it."""
    for (suffix, name), sources in DEPARTMENT_MERGERS:
        codes = [old_code(s) for s in sources]
        yield _act("merge", PROVINCES, codes, new_units=[NewUnit(new_code(suffix), name)], parent=NEW)
    for source, target in MOVES:
        yield _act("move", PROVINCES, [old_code(source)], target=new_code(target))
    for (suffix, name), sources in COMMUNE_MERGERS:
        codes = [old_code(f"{district}-X{commune}") for district, commune in sources]
        yield _act("merge", COMMUNES, codes, new_units=[NewUnit(new_code(suffix), name)], parent=NEW)
    offices = [old_code(f"{d}-{o}") for d in district_suffixes for o in office_suffixes]
    yield _act("dissolve", DISTRICTS, offices)
    yield _act("dissolve", DISTRICTS, [old_code(d) for d in district_suffixes])
    yield _act("merge", PROVINCES, [OLD], target=NEW)


def _act(kind: str, basis: tuple, codes: list[str], *, target=None, parent=None, new_units=()) -> Act | None:
    units = Unit.objects.in_bulk([*codes, *(c for c in (target, parent) if c)], field_name="code")
    sources = [units[code] for code in codes if code in units]
    if not sources or not _still_to_do(kind, sources[0], target and units.get(target)):
        return None
    number, date, note = basis
    return Act(
        kind=kind, resolution_number=number, resolution_date=date, effective_on=EFFECTIVE, note=note,
        sources=sources, new_units=list(new_units), target=units.get(target) if target else None,
        parent=units.get(parent) if parent else None,
    )  # fmt: skip


def _still_to_do(kind: str, first: Unit, target: Unit | None) -> bool:
    if kind == "move":
        return target is not None and first.parent_id != target.pk
    return first.valid_to is None or first.valid_to > CLOSING


def acts_recorded() -> int:
    return Reorganisation.objects.filter(effective_on=EFFECTIVE).count()
