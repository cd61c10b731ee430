"""The agreement figures as a lead reads them in a terminal (``alama agreement``): overall and
per label, pairs, the disagreements, and the documents with the lowest agreement."""

from __future__ import annotations

from typing import Any

from alama.core.span_agreement import DISAGREEMENTS


def _cell(value: float | None, sd: float | None = None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" + (f" ± {sd:.3f}" if sd is not None else "")


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                  enumerate(zip(row, widths, strict=True))).rstrip()
        for row in rows
    ]  # fmt: skip


def as_table(figures: dict[str, Any], worst: int = 10) -> str:
    """The figures as a lead reads them in a terminal: overall and per label, pairs, the
    disagreements, and the documents with the lowest agreement."""
    names = figures["annotators"]
    lines = [
        f"{len(names)} annotator{'s' * (len(names) != 1)} ({', '.join(names) or 'none'}), "
        f"{figures['documents']} document{'s' * (figures['documents'] != 1)} finished by "
        "at least two of them"
    ]
    if figures["not_counted"]:
        lines.append(f"not counted (no document marked done): {', '.join(figures['not_counted'])}")
    suggestions = figures.get("suggestions")
    if suggestions is not None:
        accepted = ", ".join(f"{name} {n}" for name, n in suggestions["accepted"].items())
        lines.append(
            f"accepted suggestions ({accepted}): "
            + ("counted" if suggestions["counted"] else "left out (--without-suggestions)")
        )
    if figures["documents"] == 0:
        lines.append("nothing to compare yet: agreement needs documents two annotators marked done")
        return "\n".join(lines)
    header = ["", "F1 exact", "F1 overlap", "alpha_U", "Cohen k", "Fleiss k", "Kripp. a", "spans"]
    rows = [header]
    for name, entry in [("overall", figures["overall"]), *figures["labels"].items()]:
        rows.append(
            [
                name,
                _cell(entry["f1_exact"], entry["f1_exact_sd"]),
                _cell(entry["f1_partial"], entry["f1_partial_sd"]),
                _cell(entry["alpha_u"]),
                _cell(entry["cohen_kappa"]),
                _cell(entry["fleiss_kappa"]),
                _cell(entry["krippendorff_alpha"]),
                str(entry["spans"]),
            ]
        )
    lines += ["", *_table(rows), ""]
    rows = [["pair", "documents", "F1 exact", "F1 overlap", "Cohen k", "spans"]]
    for pair in figures["pairs"]:
        rows.append(
            [
                " – ".join(pair["annotators"]),
                str(pair["documents"]),
                _cell(pair["f1_exact"]),
                _cell(pair["f1_partial"]),
                _cell(pair["cohen_kappa"]),
                str(pair["spans"]),
            ]
        )
    lines += _table(rows)
    relations = figures.get("relations")
    if relations is not None:
        lines += ["", "relations (both spans and the type the same; with the stance):"]
        rows = [["", "F1 exact", "F1 with stance", "relations"]]
        entries = [("overall", relations["overall"]), *relations["types"].items()]
        entries += [(" – ".join(p["annotators"]), p) for p in relations["pairs"]]
        for name, entry in entries:
            rows.append([name, _cell(entry["f1_exact"]), _cell(entry["f1_with_stance"]),
                         str(entry["relations"])])  # fmt: skip
        lines += _table(rows)
    found = figures["disagreements"]
    lines += [
        "",
        "disagreements: "
        + ", ".join(f"{found[kind]} {kind.replace('_', ' ')}" for kind in DISAGREEMENTS),
        "",
        f"lowest agreement (of {len(figures['per_document'])} documents):",
    ]
    rows = [["document", "F1 exact", "F1 overlap", "spans", "title"]]
    for entry in figures["per_document"][:worst]:
        title = entry["title"] if len(entry["title"]) <= 50 else entry["title"][:49] + "…"
        rows.append(
            [
                entry["doc_id"],
                _cell(entry["f1_exact"]),
                _cell(entry["f1_partial"]),
                str(entry["spans"]),
                title,
            ]
        )
    lines += _table(rows)
    return "\n".join(lines)
