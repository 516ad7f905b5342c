"""Certificates: designs, serial numbers, PDFs with a QR code, batches and public verification."""
