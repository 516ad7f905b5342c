"""Dossier documents of a nomination: tờ trình, báo cáo thành tích, biên bản, danh sách trích ngang."""
