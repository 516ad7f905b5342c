"""One import engine for every CSV/XLSX import: upload, preview every invalid row, all rows or none."""
