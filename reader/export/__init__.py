"""Cables taken out of the reader: JSON (the parse schema), CSV (the list's columns), plain text.

Qt-free; the PDF writer draws with Qt, so it lives with the window (``pdf_export``). A review copy
(``release_level``) withholds in every format what the release view withholds.
"""

from reader.export.writers import FORMATS, ExportCancelled, export_format, write_csv, write_json, write_text

__all__ = ["FORMATS", "ExportCancelled", "export_format", "write_csv", "write_json", "write_text"]
