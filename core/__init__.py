"""Alama's core: labels, Arabic text, storage, import and export. No Qt here."""

__version__ = "0.1.0"
