"""The Team menu's reports in the interface language: what an assignment, a reassignment, a
copy, a hand-out and a collect did (core's own summaries are English lines for the terminal)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from alama.core.messages import fill
from alama.gui.i18n import FSI, PDI, language, listed, ltr, merge_report

RLM = "\u200f"

if TYPE_CHECKING:
    from alama.core.assignment import AssignReport
    from alama.core.collect import CollectReport
    from alama.core.handout import HandoutReport


def named(name: str) -> str:
    """An annotator's name inside a sentence: in Arabic, in the direction of its own first
    letter (a Latin name keeps its order); in English, as it is."""
    return f"{FSI}{name}{PDI}" if language() == "ar" else name


def joined(lines: list[str]) -> str:
    """A report's lines; in Arabic each starts with a right-to-left mark, so that a line
    beginning with a Latin name ("amal: 12 documents") still reads right to left (a message
    box takes each line's direction from its first letter, looking inside isolates)."""
    if language() == "ar":
        lines = [RLM + line for line in lines]
    return "\n".join(lines)


class TeamReport(QObject):
    """The sentences (a QObject so that lupdate reads their ``%n`` plural forms)."""

    def _each(self, report: AssignReport) -> list[str]:
        return [
            fill(
                self.tr("%1: %2, %3 characters", "annotator: documents, characters"),
                named(name),
                self.tr("%n document(s)", "", count),
                f"{report.characters.get(name, 0):,}",
            )
            for name, count in sorted(report.assigned.items())
        ]

    def assigned(self, report: AssignReport) -> str:
        """Team ▸ Assign documents…"""
        if not report.documents:
            head = self.tr("Nothing to assign: every document asked for has its annotators.")
        else:
            head = fill(
                self.tr("%1, %2.", "documents assigned, of them to several annotators"),
                self.tr("%n document(s) assigned", "", report.documents),
                self.tr("%n of them to several annotators (overlap)", "", report.overlap),
            )
        lines = [head]
        if report.already:
            lines.append(
                self.tr("%n document(s) already assigned, left as they were.", "", report.already)
            )
        return joined(lines + self._each(report))

    def reassigned(self, leaving: str, report: AssignReport) -> str:
        """Team ▸ Someone left: reassign their documents…"""
        lines = [
            fill(
                self.tr("%1 of %2 given to others; %3 stay theirs.",
                        "unfinished documents, who left, documents they finished"),
                self.tr("%n unfinished document(s)", "", report.documents),
                named(leaving),
                self.tr("the %n they finished", "", report.kept_finished),
            )
        ]  # fmt: skip
        if report.dropped:
            lines.append(
                self.tr(
                    "%n shared document(s) everyone else had already: one annotator fewer.",
                    "",
                    report.dropped,
                )
            )
        return joined(lines + self._each(report))

    def copy_saved(self, name: str, path: Path, documents: int) -> str:
        """Team ▸ Save a copy for an annotator…"""
        return fill(
            self.tr("Saved %1's copy: %2 (%3).", "annotator, file, documents"),
            named(name),
            ltr(path),
            self.tr("%n document(s)", "", documents),
        )

    def handed_out(self, report: HandoutReport) -> str:
        """Team ▸ Hand out copies to everyone…"""
        lines = [self.tr("%n copy(ies) written:", "", len(report.files))]
        for made in report.files:
            lines.append(
                fill(
                    self.tr("%1: %2 (%3, %4 shared for agreement)",
                            "annotator: file (documents, overlap documents)"),
                    named(made.annotator),
                    ltr(made.path.name),
                    self.tr("%n document(s)", "", made.documents),
                    made.overlap,
                )
            )  # fmt: skip
        return joined(lines)

    def collected(self, report: CollectReport) -> str:
        """Team ▸ Collect copies…: the merge's report, then a line per annotator."""
        lines = merge_report(report.merge).split("\n")
        for name, got in sorted(report.per_annotator.items()):
            line = fill(
                self.tr("%1: %2, %3, %4.",
                        "annotator: new spans, deleted spans, documents finished"),
                named(name),
                self.tr("%n new span(s)", "", got.new_spans),
                self.tr("%n deleted", "spans", got.deleted_spans),
                self.tr("%n document(s) finished", "", got.finished),
            )  # fmt: skip
            if got.outside:
                shown = [ltr(doc_id) for doc_id in got.outside[:5]]
                shown += ["…"] if len(got.outside) > 5 else []
                line += " " + fill(
                    self.tr("%n outside their assignment (%1)", "", len(got.outside)),
                    listed(shown),
                )
            lines.append(line)
        return joined(lines)
