"""SVG charts: readable as pictures (valid SVG, one bar per value, scaled to the data) and as text (title, summary,
data table), with every label escaped."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils import translation

from emulation.rankings import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart):
    return ET.fromstring(str(chart.svg))


def bars(chart):
    return [rect for rect in parse(chart).iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]


def test_a_bar_chart_names_itself_and_carries_its_numbers_as_a_table():
    chart = charts.bar_chart(
        key="bands", title="Số đơn vị theo xếp loại", labels=["Xuất sắc", "Tốt"], values=[3, 6], header="Số đơn vị"
    )
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "bands-title bands-desc"
    assert root.find(f"{SVG}title").text == "Số đơn vị theo xếp loại"
    assert root.find(f"{SVG}desc").text == "Xuất sắc: 3, Tốt: 6"
    assert chart.headers == ["", "Số đơn vị"]
    assert chart.rows == [["Xuất sắc", 3], ["Tốt", 6]]


def test_bar_heights_follow_the_values():
    chart = charts.bar_chart(key="k", title="t", labels=["a", "b"], values=[2, 8], header="n")
    small, large = (float(rect.get("height")) for rect in bars(chart))
    assert abs(large - small * 4) < 0.5  # heights are written to 0.1 px
    assert [rect.find(f"{SVG}title").text for rect in bars(chart)] == ["a: 2", "b: 8"]


def test_labels_and_titles_are_escaped():
    chart = charts.bar_chart(key="k", title="<script>x</script>", labels=['"><b>'], values=[1], header="n")
    assert "<script>" not in chart.svg
    assert "<b>" not in chart.svg
    assert parse(chart).find(f"{SVG}title").text == "<script>x</script>"


def test_stacked_bars_add_up_and_the_table_gives_each_part_and_the_total():
    chart = charts.stacked_bar_chart(
        key="reg",
        title="Đăng ký",
        labels=["Năm 2024", "Năm 2025"],
        series=[("Đúng hạn", [3, 1]), ("Sau hạn", [0, 1]), ("Chưa đăng ký", [1, 2])],
    )
    assert chart.headers == ["", "Đúng hạn", "Sau hạn", "Chưa đăng ký", "Σ"]
    assert chart.rows == [["Năm 2024", 3, 0, 1, 4], ["Năm 2025", 1, 1, 2, 4]]
    heights = [float(rect.get("height")) for rect in bars(chart)]
    assert heights[0] + heights[1] + heights[2] == heights[3] + heights[4] + heights[5]
    legend = [text.text for text in parse(chart).iter(f"{SVG}text")]
    assert {"Đúng hạn", "Sau hạn", "Chưa đăng ký"} <= set(legend)


def test_a_histogram_fills_empty_bins_between_the_lowest_and_highest():
    chart = charts.histogram(
        key="h", title="Phân bố", bins={Decimal(70): 2, Decimal(100): 1}, width=10, header="Số đơn vị"
    )
    assert chart.rows == [["70–<80", 2], ["80–<90", 0], ["90–<100", 0], ["100–<110", 1]]


def test_count_axes_have_whole_ticks():
    assert charts.nice_max(5, whole=True) == 8
    assert charts.nice_max(0, whole=True) == 4
    assert charts.nice_max(34, whole=True) == 40
    assert charts.nice_max(37) == 40
    assert charts.nice_max(100) == 100
    assert charts.nice_max(0.3) == 0.4


def test_numbers_are_written_the_vietnamese_way():
    with translation.override("vi"):
        chart = charts.bar_chart(key="k", title="t", labels=["a"], values=[33.3], header="%", suffix="%")
    assert "33,3%" in parse(chart).find(f"{SVG}desc").text


def test_an_empty_chart_says_so():
    chart = charts.stacked_bar_chart(key="k", title="t", labels=[], series=[])
    assert chart.is_empty
    parse(chart)  # still a valid SVG
