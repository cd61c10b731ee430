"""The plain baselines of `make bench`: the same rows through raw sqlite3 and json.

Each baseline does the work a user would write in a few lines without Alama: no validation, no
undo history, no search copy, no provenance. Alama's figure over the baseline's is the price of
those, and it compares across machines where seconds do not.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from harness import Child, run_child

WORD = re.compile(r"\S+")
Spans = dict[tuple[int, str], list[tuple[int, int, str]]]


def raw_import(source: Path, target: Path) -> None:
    """Documents (once per text) and every record's spans, in one transaction."""
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, text TEXT UNIQUE)")
    conn.execute("CREATE TABLE spans (doc, annotator, start, end, label)")
    conn.execute("CREATE INDEX spans_by_doc ON spans (doc)")
    with conn, source.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            conn.execute("INSERT OR IGNORE INTO docs (text) VALUES (?)", (record["text"],))
            (doc,) = conn.execute(
                "SELECT id FROM docs WHERE text = ?", (record["text"],)
            ).fetchone()
            conn.executemany(
                "INSERT INTO spans VALUES (?, ?, ?, ?, ?)",
                [
                    (doc, record["_annotator_id"], s["start"], s["end"], s["label"])
                    for s in record["spans"]
                ],
            )
    conn.close()


def sqlite_utils_import(source: Path, target: Path) -> Child:
    """`sqlite-utils insert TARGET records SOURCE --nl`: each record a row, spans as JSON."""
    tool = Path(sys.executable).with_name("sqlite-utils")
    command = [str(tool) if tool.exists() else "sqlite-utils", "insert", str(target), "records"]
    return run_child([*command, str(source), "--nl"])


def _read(db: Path) -> tuple[list[tuple[int, str]], Spans]:
    conn = sqlite3.connect(db)
    docs = conn.execute("SELECT id, text FROM docs ORDER BY id").fetchall()
    spans: Spans = defaultdict(list)
    for doc, annotator, start, end, label in conn.execute(
        "SELECT doc, annotator, start, end, label FROM spans ORDER BY doc, annotator, start"
    ):
        spans[(doc, annotator)].append((start, end, label))
    conn.close()
    return docs, spans


def _layers(db: Path) -> list[tuple[int, str, str, list[tuple[int, int, str]]]]:
    docs, spans = _read(db)
    texts = dict(docs)
    return [(doc, who, texts[doc], layer) for (doc, who), layer in spans.items()]


def _tokens(text: str) -> tuple[list[int], list[int]]:
    found = [(m.start(), m.end()) for m in WORD.finditer(text)]
    return [s for s, _ in found], [e for _, e in found]


def _tags(starts: list[int], spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(starts)
    for start, end, label in spans:
        first, last = bisect_right(starts, start) - 1, bisect_left(starts, end)
        for n in range(max(first, 0), last):
            tags[n] = ("B-" if n == max(first, 0) else "I-") + label
    return tags


def raw_export(db: Path, target: Path, fmt: str, tokens: bool = True) -> None:
    """The same records as Alama writes in ``fmt``, from the raw import's tables (JSONL
    without ``tokens``: the rows alone, dumped as JSON)."""
    layers = _layers(db)
    if fmt == "brat":
        target.mkdir(parents=True, exist_ok=True)
        for doc, who, text, spans in layers:
            (target / f"{doc}-{who}.txt").write_text(text, encoding="utf-8")
            (target / f"{doc}-{who}.ann").write_text(
                "".join(
                    f"T{n}\t{label} {s} {e}\t{text[s:e]}\n"
                    for n, (s, e, label) in enumerate(spans, 1)
                ),
                encoding="utf-8",
            )
        return
    with target.open("w", encoding="utf-8") as out:
        for doc, who, text, spans in layers:
            if fmt == "doccano":
                record = {"text": text, "label": spans, "meta": {"doc": doc}, "annotator": who}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            if fmt == "jsonl" and not tokens:
                record = {
                    "text": text,
                    "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans],
                    "meta": {"doc": doc},
                    "_annotator_id": who,
                    "answer": "accept",
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            starts, ends = _tokens(text)
            if fmt == "jsonl":
                tokens = [
                    {"text": text[s:e], "start": s, "end": e, "id": n, "ws": text[e : e + 1] == " "}
                    for n, (s, e) in enumerate(zip(starts, ends, strict=True))
                ]
                record = {
                    "text": text,
                    "spans": [
                        {
                            "start": s,
                            "end": e,
                            "label": label,
                            "token_start": bisect_right(starts, s) - 1,
                            "token_end": bisect_left(ends, e),
                        }
                        for s, e, label in spans
                    ],
                    "tokens": tokens,
                    "meta": {"doc": doc},
                    "_annotator_id": who,
                    "answer": "accept",
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            words = [text[s:e] for s, e in zip(starts, ends, strict=True)]
            tags = _tags(starts, spans)
            if fmt == "hf":
                record = {"id": f"{doc}-{who}", "tokens": words, "ner_tags": tags}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.write(f"# doc_id = {doc}\n# annotator = {who}\n")
                out.write("".join(f"{w}\t{t}\n" for w, t in zip(words, tags, strict=True)) + "\n")


def raw_agreement(db: Path) -> float:
    """Mean exact-match span F1 over annotator pairs and documents."""
    _, spans = _read(db)
    by_doc: dict[int, dict[str, set[tuple[int, int, str]]]] = defaultdict(dict)
    for (doc, who), layer in spans.items():
        by_doc[doc][who] = set(layer)
    scores = []
    for layers in by_doc.values():
        for a, b in combinations(sorted(layers), 2):
            total = len(layers[a]) + len(layers[b])
            scores.append(2 * len(layers[a] & layers[b]) / total if total else 1.0)
    return sum(scores) / len(scores)


def raw_merge(target: Path, base: Path, sources: list[Path]) -> None:
    """Copy the base, then every source's span and status rows Alama's tables do not have."""
    shutil.copyfile(base, target)
    conn = sqlite3.connect(target)
    with conn:
        for source in sources:
            conn.execute("ATTACH DATABASE ? AS source", (str(source),))
            conn.execute("INSERT OR IGNORE INTO annotators SELECT * FROM source.annotators")
            conn.execute("INSERT OR IGNORE INTO spans SELECT * FROM source.spans")
            conn.execute("INSERT OR REPLACE INTO status SELECT * FROM source.status")
            conn.commit()
            conn.execute("DETACH DATABASE source")
    conn.close()
