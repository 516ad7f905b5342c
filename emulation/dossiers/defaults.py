"""The shipped dossier templates, built with python-docx following the decree's forms (Nghị định 152/2025/NĐ-CP,
Phụ lục: Mẫu số 01 tờ trình, Mẫu số 05 báo cáo thành tích) and the official document form (Nghị định 30/2020/NĐ-CP):
national heading, number, place and date, title, body, signature. Placeholders are docxtpl (Jinja) tags over
`facts.dossier_facts`; a province downloads one, edits it in Word and uploads it back as its own."""

import io
from functools import cache

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from emulation.dossiers.models import DocumentKind

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _centered(doc, text: str, *, bold: bool = False, size: int = 13):
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(size)
    return paragraph


def _heading(doc, left: str, number: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = left, "\n".join(MOTTO)
    table.cell(1, 0).text, table.cell(1, 1).text = number, "……, ngày …… tháng …… năm ……"


def _table(doc, headers: list[str], cells: list[str], loop: str) -> None:
    """A table whose middle row repeats for each item of `loop` (docxtpl's {%tr %} rows)."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for column, header in enumerate(headers):
        table.cell(0, column).text = header
        table.cell(2, column).text = cells[column]
    table.cell(1, 0).text = "{%tr for r in " + loop + " %}"
    table.cell(3, 0).text = "{%tr endfor %}"


def _signature(doc, who: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(who).bold = True


def _proposal(doc) -> None:
    _heading(doc, "{{ nominee.unit|upper }}", "Số: ……/TTr-……")
    _centered(doc, "TỜ TRÌNH", bold=True, size=14)
    _centered(doc, "Về việc đề nghị tặng {{ nominee.target }}", bold=True)
    _centered(doc, "Kính gửi: {{ authority }}")
    doc.add_paragraph("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 152/2025/NĐ-CP.")
    doc.add_paragraph(
        "Xét thành tích trong {{ period }}, {{ nominee.unit }} đề nghị tặng {{ nominee.target }} cho "
        "{{ nominee.name }}{% if nominee.position %}, {{ nominee.position }}{% endif %} "
        "(có báo cáo thành tích kèm theo)."
    )
    doc.add_paragraph(
        "{% if vote %}Kết quả bỏ phiếu của {{ vote.council }} ngày {{ vote.session_date }}: đồng ý {{ vote.agree }}, "
        "không đồng ý {{ vote.disagree }}, tỷ lệ {{ vote.agree }}/{{ vote.base }} = {{ vote.pct }} % "
        "(ngưỡng {{ vote.threshold }} %) — {{ vote.outcome }}.{% endif %}"
    )
    _signature(doc, "THỦ TRƯỞNG ĐƠN VỊ")


def _achievements(doc) -> None:
    doc.add_paragraph("Thành tích đạt được: {{ achievement }}")
    doc.add_paragraph("{% if score %}Điểm thi đua của đơn vị trong kỳ: {{ score.total }} {{ score.band }}{% endif %}")
    doc.add_paragraph("Kết quả xếp loại:")
    _table(doc, ["Năm", "Mức xếp loại", "Căn cứ"], ["{{ r.year }}", "{{ r.rating }}", "{{ r.source }}"], "ratings")


def _held(doc) -> None:
    doc.add_paragraph("Các danh hiệu, hình thức khen thưởng đã được tặng:")
    _table(
        doc, ["Năm", "Danh hiệu, hình thức", "Quyết định"], ["{{ r.year }}", "{{ r.name }}", "{{ r.decision }}"], "held"
    )


def _report_person(doc) -> None:
    _centered(doc, "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG {{ nominee.target|upper }}", bold=True)
    doc.add_paragraph("I. SƠ LƯỢC LÝ LỊCH").runs[0].bold = True
    doc.add_paragraph("Họ và tên: {{ nominee.name }}")
    doc.add_paragraph("Chức vụ: {{ nominee.position }}; ngạch/loại: {{ nominee.category }}; đơn vị: {{ nominee.unit }}")
    doc.add_paragraph("II. THÀNH TÍCH ĐẠT ĐƯỢC").runs[0].bold = True
    _achievements(doc)
    doc.add_paragraph("Sáng kiến, đề tài được công nhận:")
    _table(
        doc,
        ["Tên", "Cấp công nhận", "Ngày, số quyết định"],
        ["{{ r.title }}", "{{ r.level }}", "{{ r.day }} {{ r.number }}"],
        "initiatives",
    )
    doc.add_paragraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG").runs[0].bold = True
    _held(doc)
    doc.add_paragraph("IV. KỶ LUẬT, XỬ PHẠT TRONG NĂM {{ year }}").runs[0].bold = True
    doc.add_paragraph(
        "{% for r in disciplines %}{{ r.form }} ({{ r.number }}, {{ r.day }}); {% endfor %}"
        "{% for r in sanctions %}{{ r.text }} ({{ r.number }}, {{ r.day }}); {% endfor %}"
        "{% if not disciplines and not sanctions %}Không.{% endif %}"
    )
    _signature(doc, "NGƯỜI BÁO CÁO THÀNH TÍCH")


def _report_collective(doc) -> None:
    _centered(doc, "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG {{ nominee.target|upper }}", bold=True)
    doc.add_paragraph("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH").runs[0].bold = True
    doc.add_paragraph("Tên tập thể: {{ nominee.name }}")
    doc.add_paragraph("II. THÀNH TÍCH ĐẠT ĐƯỢC").runs[0].bold = True
    _achievements(doc)
    doc.add_paragraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG").runs[0].bold = True
    _held(doc)
    _signature(doc, "THỦ TRƯỞNG ĐƠN VỊ")


def _minutes(doc) -> None:
    _heading(doc, "{{ vote.council|upper if vote else '' }}", "")
    _centered(doc, "TRÍCH BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", bold=True)
    doc.add_paragraph(
        "{% if vote %}Ngày {{ vote.session_date }}, {{ vote.council }} họp xét đề nghị khen thưởng.{% endif %}"
    )
    doc.add_paragraph("Đối tượng: {{ nominee.name }} — {{ nominee.unit }}; đề nghị: {{ nominee.target }}.")
    doc.add_paragraph(
        "{% if vote %}Kết quả {% if vote.secret %}bỏ phiếu kín{% else %}biểu quyết{% endif %}: "
        "đồng ý {{ vote.agree }}, "
        "không đồng ý {{ vote.disagree }}; tỷ lệ {{ vote.agree }}/{{ vote.base }} = {{ vote.pct }} % "
        "(ngưỡng {{ vote.threshold }} %). Kết quả: {{ vote.outcome }}.{% else %}Chưa có kết quả bỏ phiếu.{% endif %}"
    )
    _signature(doc, "THƯ KÝ HỘI ĐỒNG")


def _short_list(doc) -> None:
    _centered(doc, "DANH SÁCH TRÍCH NGANG ĐỀ NGHỊ KHEN THƯỞNG", bold=True)
    _centered(doc, "{{ period }}")
    headers = ["Họ và tên, tập thể", "Chức vụ", "Đơn vị", "Đề nghị", "Kết quả bỏ phiếu"]
    vote = "{% if r.vote %}{{ r.vote.agree }}/{{ r.vote.base }} ({{ r.vote.pct }} %){% endif %}"
    _table(doc, headers, ["{{ r.name }}", "{{ r.position }}", "{{ r.unit }}", "{{ r.target }}", vote], "lines")


BUILDERS = {
    DocumentKind.PROPOSAL: _proposal,
    DocumentKind.REPORT_PERSON: _report_person,
    DocumentKind.REPORT_COLLECTIVE: _report_collective,
    DocumentKind.MINUTES: _minutes,
    DocumentKind.SHORT_LIST: _short_list,
}


@cache
def default_template(kind: str) -> bytes:
    """The shipped DOCX template of one document kind."""
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Times New Roman", Pt(13)
    BUILDERS[kind](doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
