"""A project's annotation guidelines: one Markdown text, imported with ``alama guidelines``,
shown in the window on F2, handed out with every annotator's copy."""

from __future__ import annotations

from pathlib import Path

from alama.core.cleaning import BYTE_ORDER_MARKS
from alama.core.errors import InputError
from alama.core.json_files import read_text_file

MAX_BYTES = 1 << 20  # a guideline is a few pages, not a corpus


def read_guidelines(path: Path) -> str:
    """The guidelines in a Markdown (or plain text) file, or a one-line `InputError`."""
    if not path.is_file():
        raise InputError(f"{path}: no such file (the guidelines are a Markdown file)")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(
            f"{path}: {path.stat().st_size:,} bytes is too long for guidelines (at most 1 MiB); "
            "is it the right file?"
        )
    text = read_text_file(path).lstrip(BYTE_ORDER_MARKS)
    if "\x00" in text:
        raise InputError(f"{path}: a NUL character (U+0000): this is not a text file")
    if not text.strip():
        raise InputError(f"{path} is empty: write the guidelines in it first")
    return text.replace("\r\n", "\n")
