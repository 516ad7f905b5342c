from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Đơn vị và cán bộ")

    def ready(self):
        from units.accounts.validation_messages import use_vietnamese_django_messages
        from units.listing.table_templates import compile_column_templates_once
        from units.uploads import connect_file_cleanup

        compile_column_templates_once()
        connect_file_cleanup()
        use_vietnamese_django_messages()
