"""Cable Reader: read US diplomatic cables accurately."""

__version__ = "0.1.0"
