"""What the window says in the interface language beyond its own widgets' strings.

- Core's reports (import, export, merge) are structured counts: the window writes them with
  Arabic dual and plural forms (``%n``); their reasons, and the errors core raises, are English
  sentences that are their own keys in the catalogue (context "Core"), or `Message` templates.
- Label names in the interface language, from the one label registry.
- Text that must stay left to right inside Arabic (paths, key sequences) is wrapped in a
  Unicode isolate, so "Ctrl+=" never reads "=+Ctrl" and "/tmp/x.alama" never "tmp/x.alama/".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject
from PySide6.QtGui import QKeySequence

from alama.core.exporting import ExportReport
from alama.core.import_files import ImportReport
from alama.core.labels import LabelSet
from alama.core.merging import MergeReport
from alama.core.messages import Message, fill
from alama.core.model import GOLD_ANNOTATOR

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # left-to-right, first-strong isolates; their end

# Every fixed sentence core reports or raises that the window shows, so lupdate lists it; the
# English text is the key (it is what the command line prints).
CORE_SENTENCES = (
    # a project on a server
    QT_TRANSLATE_NOOP("Core", "%1 is busy: another person is writing the same rows"),
    QT_TRANSLATE_NOOP("Core", "the server refused this to %1: %2"),
    QT_TRANSLATE_NOOP("Core", "the server refused this: %1"),
    QT_TRANSLATE_NOOP("Core", "%1 cannot be changed: it is opened only to be read"),
    QT_TRANSLATE_NOOP("Core", "the connection to %1 was lost: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 answered: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 was set up by an older Alama: ask the lead to run alama init %1"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 works on a project file, not on a server; use alama merge or alama handout from a file",
    ),
    QT_TRANSLATE_NOOP("Core", "cutting a project down to one annotator's copy"),
    QT_TRANSLATE_NOOP("Core", "staging a merge source"),
    QT_TRANSLATE_NOOP("Core", "%1 is not a server address: %2"),
    QT_TRANSLATE_NOOP(
        "Core", "%1 cannot be collected: %2 %3 belongs to another document or annotator in %4"
    ),
    # import: skipped or repaired
    QT_TRANSLATE_NOOP("Core", "empty file"),
    QT_TRANSLATE_NOOP("Core", "link to something outside the folder (not followed)"),
    QT_TRANSLATE_NOOP("Core", "not a file Alama imports"),
    QT_TRANSLATE_NOOP("Core", "not a %1 file"),
    QT_TRANSLATE_NOOP("Core", "span labelled %1 (dropped by --map)"),
    QT_TRANSLATE_NOOP("Core", "exact duplicate span in the same record"),
    QT_TRANSLATE_NOOP("Core", "span already in that annotator's layer"),
    QT_TRANSLATE_NOOP("Core", "text-classification answer, not spans (its text is imported)"),
    QT_TRANSLATE_NOOP(
        "Core",
        "record of the gold layer (it is written only in review; alama merge carries it "
        "between projects)",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "relation in a format whose relations Alama does not read (its spans are imported)"
    ),
    QT_TRANSLATE_NOOP("Core", "discontinuous brat span (fragments joined by ';')"),
    QT_TRANSLATE_NOOP("Core", "brat relation (R line)"),
    QT_TRANSLATE_NOOP("Core", "brat event (E line)"),
    QT_TRANSLATE_NOOP("Core", "brat attribute (A line)"),
    QT_TRANSLATE_NOOP("Core", "brat attribute (M line)"),
    QT_TRANSLATE_NOOP("Core", "brat normalization (N line)"),
    QT_TRANSLATE_NOOP("Core", "brat note (# line)"),
    QT_TRANSLATE_NOOP("Core", "brat equivalence (* line)"),
    QT_TRANSLATE_NOOP("Core", "I- tag with no B- before it (read as the start of a span)"),
    QT_TRANSLATE_NOOP("Core", "record with no text (only white space, or none)"),
    QT_TRANSLATE_NOOP(
        "Core", "INCEpTION's copy of an annotated document's source (its annotations are read)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "WebAnno TSV chain link (Alama has no chains; the spans are imported)"
    ),
    QT_TRANSLATE_NOOP("Core", "WebAnno TSV span with no value in the feature read as its label"),
    QT_TRANSLATE_NOOP(
        "Core", "WebAnno TSV zero-width annotation (a span holds at least one character)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "WebAnno TSV annotation of another span layer (%1; Alama reads one: %2)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "span of INCEpTION's INITIAL_CAS file (the document as first imported)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "CoNLL-U sentence spaced as its '# text =' says, where SpaceAfter says otherwise"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "CoNLL-U sentence whose '# text =' does not hold its tokens (text from the tokens)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "CoNLL-U Entity= value in CorefUD's brackets (coreference, not read as a tag)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "CoNLL-U multiword token with two entities inside (read as the first)"
    ),
    QT_TRANSLATE_NOOP("Core", "cancelled (skipped) Label Studio annotation"),
    QT_TRANSLATE_NOOP("Core", "Label Studio %1 result (not a labelled span)"),
    QT_TRANSLATE_NOOP("Core", "Label Studio span on another text of the task (%1)"),
    QT_TRANSLATE_NOOP(
        "Core",
        'span "text" left from before the span was snapped to tokens or words (Prodigy, Label '
        "Studio); its offsets are kept",
    ),
    # the default labels' descriptions (the palette's tooltips)
    QT_TRANSLATE_NOOP("Core", "A person, group, state, army or organisation that acts or speaks"),
    QT_TRANSLATE_NOOP("Core", "A named location: country, city, region, base, crossing, camp"),
    QT_TRANSLATE_NOOP(
        "Core", "A statement attributed to someone: what is asserted, denied or reported"
    ),
    # export: left out
    QT_TRANSLATE_NOOP("Core", "spans with a label not chosen by --labels"),
    QT_TRANSLATE_NOOP(
        "Core", "documents whose text before the first word is not spaces (written as spaces)"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "spans trimmed to whole characters of words (WebAnno TSV addresses words only)"
    ),
    QT_TRANSLATE_NOOP("Core", "spans over no word (WebAnno TSV addresses words only)"),
    QT_TRANSLATE_NOOP(
        "Core", "documents without words (WebAnno TSV holds text in sentences of words)"
    ),
    # errors: labels, names and project files
    QT_TRANSLATE_NOOP(
        "Core",
        "unknown label %1 (the project has %2); rename with --map OLD=NEW or add with --add-labels",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "unknown labels %1 (the project has %2); rename with --map OLD=NEW or add with "
        "--add-labels",
    ),
    QT_TRANSLATE_NOOP("Core", "an annotator name cannot be empty"),
    QT_TRANSLATE_NOOP("Core", "annotator name %1… is longer than 64 characters"),
    QT_TRANSLATE_NOOP("Core", "%1 cannot be an annotator name"),
    QT_TRANSLATE_NOOP("Core", "%1 already exists"),
    QT_TRANSLATE_NOOP("Core", "%1 is not a folder"),
    QT_TRANSLATE_NOOP("Core", "%1: no such project (create one with: alama init %2)"),
    QT_TRANSLATE_NOOP("Core", "%1 cannot be opened: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 is a folder, not an Alama project"),
    QT_TRANSLATE_NOOP("Core", "%1 is not a regular file (a pipe or a device), not a project"),
    QT_TRANSLATE_NOOP("Core", "%1 is an empty file, not an Alama project"),
    QT_TRANSLATE_NOOP("Core", "%1 is a file SQLite keeps beside a project, not a project"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 is damaged: the text of document %2 is not text (the file was changed by another "
        "program)",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 is damaged: its label %2 is not stored as text (the file was changed by another "
        "program)",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 is an Alama project file, not a file to import "
        "(fold projects together with alama merge)",
    ),
    QT_TRANSLATE_NOOP("Core", "%1 is busy: another program is writing to it"),
    QT_TRANSLATE_NOOP("Core", "the disk is full: nothing was written to %1"),
    QT_TRANSLATE_NOOP("Core", "%1 cannot be changed: %2"),
    QT_TRANSLATE_NOOP("Core", "it is on a read-only disk"),
    QT_TRANSLATE_NOOP("Core", "the disk is full"),
    QT_TRANSLATE_NOOP("Core", "its folder is read-only"),
    QT_TRANSLATE_NOOP("Core", "the file is read-only"),
    QT_TRANSLATE_NOOP("Core", "%1 could not be read or written (disk I/O error)"),
    QT_TRANSLATE_NOOP("Core", "%1 cannot be used: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 is not an Alama project (not a SQLite database)"),
    QT_TRANSLATE_NOOP("Core", "%1 is damaged (%2)"),
    QT_TRANSLATE_NOOP("Core", "%1 is a SQLite database but not an Alama project"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 was written by a newer version of Alama (schema step %2); upgrade Alama to open it",
    ),
    QT_TRANSLATE_NOOP("Core", "%1 is not an Alama project (its schema is incomplete)"),
    QT_TRANSLATE_NOOP("Core", "%1 was changed by another program (%2): Alama does not open it"),
)

# Qt's file dialog labels that its own Arabic catalogue (qtbase_ar) lacks: ours is installed
# after it, so Qt finds them here.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

# Short names of the formats in a report (the dialogs' combo boxes have the long ones).
FORMAT_SHORT = {
    "txt": "txt", "jsonl": "JSONL", "doccano": "doccano", "conll": "CoNLL",
    "hf": "Hugging Face", "brat": "brat",
}  # fmt: skip
FORMAT_SHORT.update(webanno="WebAnno TSV", conllu="CoNLL-U")
FORMAT_SHORT["labelstudio"] = "Label Studio"


def language() -> str:
    """The interface language in use: "ar" or "en" (`Application.set_language` sets it)."""
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def label_name(labels: LabelSet, key: str) -> str:
    """A label's name in the interface language (its key, for a label no longer defined)."""
    label = labels.get(key)
    return label.name(language()) if label is not None else key


def ltr(text: object) -> str:
    """Plain text (a path, a file name, a command) kept left to right inside Arabic."""
    return f"{LRI}{text}{PDI}"


def path_text(path: str | Path) -> str:
    """A path as shown in the window: a left-to-right isolate."""
    return ltr(path)


def keys_text(keys: QKeySequence | str) -> str:
    """A key sequence as the system writes it ("Ctrl+="), as a left-to-right isolate."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return ltr(sequence.toString(QKeySequence.SequenceFormat.NativeText))


def _value(value: str) -> str:
    """A name or number inside a translated sentence: in Arabic, paths left to right and
    anything else in the direction of its own first letter; in English, as it is."""
    if language() != "ar":
        return value
    return ltr(value) if "/" in value or "\\" in value else f"{FSI}{value}{PDI}"


def translated(text: str) -> str:
    """A sentence from core in the interface language (itself, if the catalogue lacks it)."""
    if isinstance(text, Message):  # its values too: a reason inside it ("the file is read-only")
        shown = QCoreApplication.translate("Core", text.template)
        values = (QCoreApplication.translate("Core", value) for value in text.values)
        return fill(shown, *(_value(value) for value in values))
    return QCoreApplication.translate("Core", text)


def error_text(error: BaseException) -> str:
    """The one-line message of an error from core, translated when the catalogue has it."""
    first = error.args[0] if len(error.args) == 1 else None
    return translated(first) if isinstance(first, str) else str(error)


def listed(items: Iterable[str]) -> str:
    """Items joined as a list is written in the interface language."""
    return QCoreApplication.translate("Report", ", ", "between the items of a list").join(items)


def import_report(report: ImportReport) -> str:
    """What an import read, added, repaired and skipped, in the interface language."""
    return Report().imported(report)


def export_report(report: ExportReport) -> str:
    """What an export wrote and left out, in the interface language."""
    return Report().exported(report)


def merge_report(report: MergeReport) -> str:
    """What a merge added and replaced, in the interface language."""
    return Report().merged(report)


class Report(QObject):
    """The reports' sentences (a QObject so that lupdate reads their ``%n`` plural forms)."""

    def merging(self, files: int) -> str:
        """What the progress dialog says while a merge runs."""
        return self.tr("Merging %n project file(s)", "", files)

    def _reasons(
        self, heading: str, reasons: Counter[str], examples: dict[str, list[str]]
    ) -> list[str]:
        lines = []
        for reason, number in sorted(reasons.items()):
            where = examples.get(reason, [])
            shown = [ltr(name) for name in where[:5]] + (["…"] if len(where) > 5 else [])
            lines.append(
                fill(heading, number, translated(reason)) + (f" ({listed(shown)})" if shown else "")
            )
        return lines

    def _labels(self, keys: list[str]) -> list[str]:
        return [fill(self.tr("Labels added: %1"), listed([ltr(k) for k in keys]))] if keys else []

    def imported(self, report: ImportReport) -> str:
        kinds = listed(
            [f"{FORMAT_SHORT.get(name, name)}: {n}" for name, n in sorted(report.formats.items())]
        )
        lines = [
            fill(
                self.tr("%1 %2 (%3).", "records imported, from files, (formats)"),
                self.tr("%n record(s) imported", "", report.records),
                self.tr("from %n file(s)", "", report.files),
                kinds,
            ),
            fill(
                self.tr("%1, %2.", "new documents, documents already in the project"),
                self.tr("%n new document(s)", "", report.documents_added),
                self.tr("%n already in the project", "", report.documents_known),
            ),
            fill(
                self.tr("%1 %2.", "spans added, in annotator layers"),
                self.tr("%n span(s) added", "", report.spans_added),
                self.tr("in %n annotator layer(s)", "", len(report.layers)),
            ),
            *self._labels(report.labels_added),
        ]
        if report.relations_added:
            lines.append(self.tr("%n relation(s) between spans added.", "", report.relations_added))
        lines += self._reasons(self.tr("Repaired (%1): %2"), report.notes, report.examples)
        lines += self._reasons(self.tr("Skipped (%1): %2"), report.skipped, report.examples)
        return "\n".join(lines)

    def exported(self, report: ExportReport) -> str:
        lines = [
            fill(
                self.tr("%1 %2 %3, as %4.", "records exported, of documents, with spans, format"),
                self.tr("%n record(s) exported", "", sum(report.records.values())),
                self.tr("of %n document(s)", "", report.documents),
                self.tr("with %n span(s)", "", report.spans),
                FORMAT_SHORT.get(report.fmt, report.fmt),
            ),
            fill(
                self.tr("Written: %1"),
                listed([f"{ltr(name)}: {n}" for name, n in report.records.items()]),
            ),
        ]
        if report.relations:
            lines.append(self.tr("%n relation(s) between spans written.", "", report.relations))
        if report.widened:
            lines.append(
                self.tr(
                    "%n span(s) widened to whole tokens (tags cover tokens, not parts of them)",
                    "",
                    report.widened,
                )
            )
        lines += self._reasons(self.tr("Left out (%1): %2"), report.left_out, {})
        return "\n".join(lines)

    def merged(self, report: MergeReport) -> str:
        into = (
            self.tr("%1 into %2 (created).", "project files merged, the project")
            if report.created
            else self.tr("%1 into %2.", "project files merged, the project")
        )
        lines = [
            fill(into, self.tr("%n project file(s) merged", "", report.sources),
                 ltr(report.target.name)),
        ]  # fmt: skip
        if not report.changed and not report.left_out and not report.outside:
            lines.append(self.tr("Nothing new: it already had every version."))
            return "\n".join(lines)
        updated = self.tr("%n newer version(s) of spans (%1 of them deletions)", "",
                          report.spans_updated)  # fmt: skip
        lines.append(
            fill(
                self.tr("%1, %2, %3, %4, %5.", "documents, spans, versions, statuses, decisions"),
                self.tr("%n new document(s)", "", report.documents_added),
                self.tr("%n new span(s)", "", report.spans_added),
                fill(updated, report.spans_deleted),
                self.tr("%n document status(es)", "", report.statuses),
                self.tr("%n review decision(s)", "", report.decisions),
            )
        )
        lines += [text for count, text in (
            (report.relations, self.tr("%n relation(s) between spans, new or newer versions.",
                                       "", report.relations)),
            (report.assignments, self.tr("%n assignment(s) of documents to annotators, given or "
                                         "taken away.", "", report.assignments)),
            (report.guidelines, self.tr("The guidelines were taken from a file.")),
        ) if count]  # fmt: skip
        lines += [self._taken(name, layers) for name, layers in report.taken]
        lines += self._labels(report.labels_added)
        for name, count in report.outside.items():
            lines.append(
                fill(
                    self.tr(
                        "%n span(s) of %1 left out: outside its document's text (the file was "
                        "damaged or altered).",
                        "",
                        count,
                    ),
                    ltr(name),
                )
            )
        if report.left_out:
            shown = [f"{ltr(name)} ({n})" for name, n in sorted(report.left_out.items())]
            lines.append(
                fill(
                    self.tr("%n change(s) of other layers left out: %1", "",
                            sum(report.left_out.values())),
                    listed(shown),
                )
            )  # fmt: skip
        return "\n".join(lines)

    def _taken(self, name: str, layers: list[str]) -> str:
        """Which layers a merge took from one file."""
        if layers == [GOLD_ANNOTATOR]:
            return fill(self.tr("Took the gold layer from %1."), ltr(name))
        if len(layers) == 1:
            return fill(self.tr("Took %1's layer from %2."), ltr(layers[0]), ltr(name))
        return fill(self.tr("Took the layers %1 from %2."), ltr(", ".join(layers)), ltr(name))
