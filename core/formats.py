"""The names of the file formats Alama reads and writes, and how a written file is named.

Apart from `importing` and `exporting`, so that the command line offers them (``--format``)
without loading what reading and writing them needs.
"""

from __future__ import annotations

IMPORT_FORMATS: tuple[str, ...] = ("auto", "txt", "jsonl", "doccano", "conll", "hf", "brat")
"""What an import reads; ``auto`` decides by a file's name and content."""
EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "doccano", "conll", "hf", "brat")
"""What an export writes; brat writes a folder, every other format one file (per split)."""
SUFFIX = {"jsonl": ".jsonl", "doccano": ".jsonl", "conll": ".conll", "hf": ".jsonl"}
"""The suffix of an exported file, by format (a split written into a folder is named with it)."""
IMPORT_FORMATS += ("labelstudio",)
EXPORT_FORMATS += ("labelstudio",)
SUFFIX["labelstudio"] = ".json"
IMPORT_FORMATS += ("webanno", "conllu")
EXPORT_FORMATS += ("webanno",)
FOLDER_FORMATS = ("brat", "webanno")
"""What an export writes as a folder of files (``-o FOLDER``): brat, and WebAnno TSV."""
