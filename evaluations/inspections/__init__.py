"""Inspections with their checklist, and violations recorded by them or from documents, with photos."""
