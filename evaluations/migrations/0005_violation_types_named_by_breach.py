"""Seeded violation types are named after the breach ("Uống rượu, bia trong giờ làm việc…"), not after the rule
("Vi phạm: không uống rượu…", which reads as "violation: not drinking"). Only rows still carrying the old generated
name are renamed: an administrator's own wording is kept. The rule stays as the checklist item's text."""

from django.db import migrations

BREACHES = {
    "DR-01": "Trang phục không gọn gàng, lịch sự (quần soóc, dép lê, áo sát nách…)",
    "DR-02": "Không mặc đồng phục ngành vào ngày quy định",
    "DR-03": "Không mặc lễ phục trong buổi lễ, tiếp khách nước ngoài",
    "ID-01": "Không đeo thẻ công chức, viên chức trong giờ làm việc",
    "ID-02": "Thiếu biển tên, chức danh tại bàn làm việc, cửa phòng hoặc quầy một cửa",
    "CM-01": "Hách dịch, sách nhiễu, thiếu lịch sự với người dân",
    "CM-02": "Bị phản ánh (đã xác minh) về thái độ, chất lượng phục vụ",
    "CM-03": "Thiếu tôn trọng, gây mất đoàn kết với đồng nghiệp",
    "CM-04": "Nghe, gọi điện thoại công vụ không xưng tên, đơn vị",
    "CM-05": "Phát ngôn làm lộ bí mật cơ quan hoặc sai sự thật",
    "CM-06": "Lời nói, hành vi làm tổn hại uy tín bản thân, đồng nghiệp, cơ quan",
    "DS-01": "Đi muộn, về sớm hoặc vắng mặt không lý do",
    "DS-02": "Dự họp muộn, vắng họp không xin phép",
    "DS-03": "Làm việc riêng trong giờ làm việc (chơi game, mua sắm, mạng xã hội)",
    "AL-01": "Uống rượu, bia trong giờ làm việc, giờ nghỉ trưa hoặc ngày trực",
    "AL-02": "Uống rượu, bia trong cuộc họp, liên hoan buổi trưa hoặc tiếp khách tại quán bia",
    "AL-03": "Điều khiển phương tiện sau khi uống rượu, bia",
    "SM-01": "Hút thuốc lá trong phòng làm việc, phòng họp, hội trường",
    "OF-01": "Chỗ làm việc bừa bộn, không ngăn nắp",
    "OF-02": "Không treo hoặc treo sai Quốc huy, Quốc kỳ, biển tên cơ quan, biển phòng",
    "OF-03": "Vi phạm quy định ra vào cơ quan, bảo vệ tài sản",
    "OF-04": "Quảng cáo thương mại hoặc nấu ăn trong công sở",
    "GA-01": "Đánh bạc, tham gia cờ bạc",
    "FS-01": "Đi lễ hội trong giờ hành chính hoặc dùng xe công đi lễ hội",
}


def _old_name(item_text: str) -> str:
    short = item_text.split(";")[0].split("(")[0].strip()
    return f"Vi phạm: {short[0].lower()}{short[1:]}"


def name_by_breach(apps, schema_editor):
    ChecklistItem = apps.get_model("evaluations", "ChecklistItem")
    for item in ChecklistItem.objects.filter(code__in=BREACHES).select_related("violation_type"):
        kind = item.violation_type
        if kind is not None and kind.code == f"VP-{item.code}" and kind.name == _old_name(item.text):
            kind.name = BREACHES[item.code]
            kind.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0004_person_records")]

    operations = [migrations.RunPython(name_by_breach, migrations.RunPython.noop)]
