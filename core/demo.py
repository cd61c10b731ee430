"""The demo project: original sample articles shipped in alama.resources, built on first use."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from alama.core.guidelines import read_guidelines
from alama.core.importing import import_paths
from alama.core.model import Origin, Status
from alama.core.store import Store
from alama.resources import path as resource

# Two demo annotators' work on the first articles: (article, phrase, occurrence, label).
# Offsets are found in the text at build time; they differ where real annotators differ.
DEMO_LAYERS: dict[str, list[tuple[str, str, int, str]]] = {
    "amal": [
        ("01_desalination_plant", "وزارة الطاقة والمياه اللبنانية", 0, "ACTOR"),
        ("01_desalination_plant", "صور", 1, "PLACE"),
        ("01_desalination_plant", "المهندس وليد حمّود", 0, "ACTOR"),
        (
            "01_desalination_plant",
            "الأعمال أُنجزت بنسبة 85\u00a0%، وإن الخط الرئيسي الممتد على "
            "مسافة 55\u00a0كيلومتراً بات جاهزاً للاختبار",
            0,
            "CLAIM",
        ),
        ("01_desalination_plant", "البنك الأوروبي للاستثمار", 0, "ACTOR"),
        ("01_desalination_plant", "اتحاد بلديات صور", 0, "ACTOR"),
        ("01_desalination_plant", "صور", 4, "PLACE"),
        (
            "01_desalination_plant",
            "المحطة لن تعمل بكامل طاقتها قبل نهاية الصيف، لأن شبكة التوزيع "
            "القديمة لا تحتمل الضغط الجديد",
            0,
            "CLAIM",
        ),
        ("02_border_crossing", "السلطات الأردنية", 0, "ACTOR"),
        ("02_border_crossing", "معبر جابر", 1, "PLACE"),
        ("02_border_crossing", "سوريا", 0, "PLACE"),
        ("02_border_crossing", "وزارة الداخلية السورية", 0, "ACTOR"),
        ("02_border_crossing", "المعبر شهد أعمال صيانة دورية للبوابات الإلكترونية فقط", 0, "CLAIM"),
    ],
    "bilal": [
        ("01_desalination_plant", "وزارة الطاقة والمياه", 0, "ACTOR"),
        ("01_desalination_plant", "صور", 1, "PLACE"),
        ("01_desalination_plant", "وليد حمّود", 0, "ACTOR"),
        (
            "01_desalination_plant",
            "الأعمال أُنجزت بنسبة 85\u00a0%، وإن الخط الرئيسي الممتد على "
            "مسافة 55\u00a0كيلومتراً بات جاهزاً للاختبار",
            0,
            "CLAIM",
        ),
        ("01_desalination_plant", "البنك الأوروبي للاستثمار", 0, "PLACE"),
        ("01_desalination_plant", "اتحاد بلديات صور", 0, "ACTOR"),
        ("01_desalination_plant", "المحطة لن تعمل بكامل طاقتها قبل نهاية الصيف", 0, "CLAIM"),
        ("02_border_crossing", "السلطات الأردنية", 0, "ACTOR"),
        ("02_border_crossing", "معبر جابر", 1, "PLACE"),
        ("02_border_crossing", "وزارة الداخلية السورية", 0, "ACTOR"),
    ],
}


# Who made each claim: (article, claim's first words, speaker, stance, quote). Both demo
# annotators link them; where their spans differ, their links differ too, as in real work.
DEMO_RELATIONS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "amal": [
        ("01_desalination_plant", "الأعمال أُنجزت", "المهندس وليد حمّود", "asserts", "direct"),
        ("01_desalination_plant", "المحطة لن تعمل", "اتحاد بلديات صور", "questions", "direct"),
        ("02_border_crossing", "المعبر شهد", "وزارة الداخلية السورية", "denies", "direct"),
    ],
    "bilal": [
        ("01_desalination_plant", "الأعمال أُنجزت", "وليد حمّود", "asserts", "direct"),
        ("01_desalination_plant", "المحطة لن تعمل", "اتحاد بلديات صور", "denies", "direct"),
    ],
}


def home() -> Path:
    """Where Alama keeps its own files: $ALAMA_HOME, else $XDG_DATA_HOME/alama."""
    if os.environ.get("ALAMA_HOME"):
        return Path(os.environ["ALAMA_HOME"])
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "alama"


def samples_dir() -> Path:
    """The folder of sample articles shipped with Alama."""
    folder: Path = resource("samples")
    return folder


def demo_path() -> Path:
    """The demo project's file."""
    return home() / "demo.alama"


def build_demo(path: Path | None = None) -> Path:
    """Create the demo project from the samples unless it exists; return its path.

    The project is built under a temporary name and renamed into place, so an interrupted build
    never leaves half a demo behind.
    """
    path = path or demo_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".demo-", suffix=".alama", dir=path.parent)
    os.close(fd)
    os.unlink(temp)
    try:
        with Store.create(Path(temp)) as store:
            import_paths(store, [samples_dir()], fmt="txt")
            add_demo_layers(store)
            store.set_guidelines(read_guidelines(resource("guidelines") / "demo.md"))
        os.replace(temp, path)
    finally:
        for leftover in (temp, temp + "-wal", temp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return path


def add_demo_layers(store: Store) -> None:
    """Add the demo annotators' spans and who made each claim, and mark their documents done."""
    docs = {info.doc_id: info.id for info in store.documents()}
    texts: dict[int, str] = {}
    with store.transaction():
        for annotator, entries in DEMO_LAYERS.items():
            for stem, phrase, occurrence, label in entries:
                doc = docs[stem]
                text = texts.setdefault(doc, store.document(doc).text)
                start = -1
                for _ in range(occurrence + 1):
                    start = text.index(phrase, start + 1)
                store.add_spans(
                    doc, annotator, [(start, start + len(phrase), label)], Origin.IMPORTED
                )
            for stem, claim, speaker, stance, quote in DEMO_RELATIONS.get(annotator, []):
                doc = docs[stem]
                spans = store.spans(doc, annotator)
                source = next(s for s in spans if s.label == "CLAIM"
                              and texts[doc][s.start : s.end].startswith(claim))  # fmt: skip
                target = next(s for s in spans if s.label == "ACTOR"
                              and texts[doc][s.start : s.end] == speaker)  # fmt: skip
                store.add_relation(doc, annotator, source.id, target.id, "said_by",
                                   {"stance": stance, "quote": quote}, Origin.IMPORTED)  # fmt: skip
            for doc in {docs[stem] for stem, *_ in entries}:
                store.set_status(doc, annotator, Status.DONE)
