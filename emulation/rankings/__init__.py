"""Bloc rankings and the province dashboard, on screen and as CSV, XLSX and PDF."""
