"""Alama's desktop window (PySide6). Everything else lives in alama.core."""
