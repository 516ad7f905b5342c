"""Lists of records: the shared django-tables2 base (`tables`), its templates (`table_templates`) and streamed
CSV/XLSX exports (`exports`)."""
