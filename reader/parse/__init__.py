"""Cable files in every form they come in, turned into the typed model. No Qt."""

from reader.parse.cable_text import parse_cable_text
from reader.parse.files import detect_format, iter_cable_files, parse_bytes, parse_file, parse_paths, parse_text

__all__ = [
    "detect_format",
    "iter_cable_files",
    "parse_bytes",
    "parse_cable_text",
    "parse_file",
    "parse_paths",
    "parse_text",
]
