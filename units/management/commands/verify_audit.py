from django.core.management.base import BaseCommand, CommandError

from units.audit.log import verify_chain


class Command(BaseCommand):
    help = "Kiểm tra chuỗi băm của nhật ký sự kiện; nêu bản ghi đầu tiên bị sửa hoặc bị xóa."

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.intact:
            raise CommandError(f"Chuỗi bị phá vỡ tại bản ghi số {report.broken_at}: {report.reason}.")
        self.stdout.write(f"Toàn vẹn: {report.checked} bản ghi; mã cuối chuỗi {report.head}")
