"""Boilerplate regions and near-duplicate groups: detected, corrected, kept out of labels,
carried by JSONL, left out of an export on request; groups stable and never split."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from alama.core import boilerplate, clean_run
from alama.core.cli import cli
from alama.core.editing import AddSpan
from alama.core.errors import InputError
from alama.core.exporting import export, parse_split, split_of
from alama.core.importing import import_paths
from alama.core.regions import DETECTED, LEAD, NOT, Region, cut, in_force
from alama.core.store import Store
from tests.conftest import dump

SITE = "نبض الشرق"
FOOTER = "جميع الحقوق محفوظة لموقع نبض الشرق ٢٠٢٤"
BODIES = [
    "قال وزير الخارجية إن المحادثات مع الوفد الزائر ستستمر حتى نهاية الأسبوع في العاصمة.",
    "أعلنت وزارة الصحة عن افتتاح مستشفى ميداني جديد قرب المعبر الحدودي الشمالي صباح اليوم.",
    "نفى المتحدث باسم الجيش الأنباء عن انسحاب القوات من البلدة الواقعة على ضفة النهر.",
    "اجتمع رؤساء البلديات لمناقشة خطة توزيع المياه خلال أشهر الصيف المقبلة في المحافظة.",
]


def article(n: int) -> str:
    """An original scraped article: title with the site's name, the title again, a body,
    the site's footer, a related list, a comment form and share buttons."""
    title = f"خبر رقم {n} عن تطورات المنطقة اليوم"
    return "\n".join([
        f"{title} - {SITE}", "", title, "", BODIES[n % 4], "", FOOTER, "",
        "مقالات ذات صلة", "", f"عنوان آخر رقم {n + 10}", "", f"عنوان ثالث رقم {n + 20}", "",
        "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها",
        "", "Share This Post", "شارك على فيسبوك",
    ])  # fmt: skip


@pytest.fixture
def site(project: Store) -> Store:
    for n in range(5):
        project.add_document(article(n), source=f"a{n}.txt", doc_id=f"a{n}")
    clean_run.detect_boilerplate(project)
    return project


def test_detection_finds_each_kind_and_never_changes_the_text(site: Store) -> None:
    texts = {doc.id: doc.text for doc in site.iter_documents()}
    doc = site.find_document("a1")
    assert doc is not None
    kinds = {r.kind for r in site.regions(doc)}
    assert {"site_name", "title_repeat", "repeated_line", "related_articles", "comments",
            "share"} <= kinds  # fmt: skip
    text = texts[doc]
    body = text.index(BODIES[1])
    assert not any(r.start <= body < r.end for r in site.regions(doc))
    assert {d.id: d.text for d in site.iter_documents()} == texts


def test_rules_are_the_lines_a_source_repeats(site: Store) -> None:
    found = boilerplate.detect(site.iter_documents())
    assert SITE in found.rules
    assert (FOOTER, 5) in found.rules[SITE]


def test_a_span_inside_boilerplate_is_refused_unless_forced(site: Store) -> None:
    doc = site.find_document("a2")
    assert doc is not None
    text = site.document(doc).text
    at = text.index("مقالات ذات صلة")
    with pytest.raises(InputError, match="inside boilerplate"):
        site.add_span(doc, "amal", at, at + 6, "ACTOR")
    with pytest.raises(InputError, match="Alt"):
        AddSpan(doc, "amal", at, at + 6, "ACTOR").apply(site)
    assert not site.spans(doc, "amal")
    AddSpan(doc, "amal", at, at + 6, "ACTOR", force=True).apply(site)
    body = text.index(BODIES[2])
    site.add_span(doc, "amal", body, body + 3, "ACTOR")
    assert len(site.spans(doc, "amal")) == 2


def test_a_leads_unmark_survives_detection(site: Store) -> None:
    doc = site.find_document("a3")
    assert doc is not None
    text = site.document(doc).text
    line = text[: text.index(FOOTER)].count("\n") + 1
    clean_run.mark(site, f"a3:{line}", False, "lead")
    clean_run.detect_boilerplate(site)
    footer = text.index(FOOTER)
    assert not any(r.start <= footer < r.end for r in site.regions(doc))
    site.add_span(doc, "amal", footer, footer + 4, "ACTOR")  # no longer refused
    clean_run.mark(site, f"a3:{line}", True, "lead")
    assert any(r.start <= footer < r.end and r.marked == LEAD for r in site.regions(doc))


def test_bad_reference_is_one_line_and_changes_nothing(site: Store, tmp_path: Path) -> None:
    site.close()
    before = dump(site.path)
    result = CliRunner().invoke(
        cli, ["clean", str(site.path), "--mark", "a1:3", "--mark", "a1:999"]
    )
    assert result.exit_code == 1
    assert "has lines 1–" in result.output and len(result.output.strip().splitlines()) == 1
    assert dump(site.path) == before


def test_regions_survive_a_jsonl_round_trip(site: Store, tmp_path: Path) -> None:
    doc = site.find_document("a0")
    assert doc is not None
    clean_run.mark(site, "a0:5", True, "lead")
    clean_run.mark(site, "a0:7", False, "lead")
    out = tmp_path / "out.jsonl"
    export(site, out)
    again = Store.create(tmp_path / "again.alama")
    import_paths(again, [out])
    for name in ("a0", "a1"):
        first, second = site.find_document(name), again.find_document(name)
        assert first is not None and second is not None
        assert again.regions(second) == site.regions(first)
        assert "boilerplate" not in again.document(second).meta
    again.close()


def test_export_without_boilerplate_keeps_every_span_shifted(site: Store, tmp_path: Path) -> None:
    doc = site.find_document("a1")
    assert doc is not None
    text = site.document(doc).text
    body = text.index(BODIES[1])
    site.add_span(doc, "amal", body, body + 3, "ACTOR")
    out = tmp_path / "out.jsonl"
    export(site, out, annotator="amal", without_boilerplate=True)
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "مقالات ذات صلة" not in record["text"] and FOOTER not in record["text"]
    (span,) = record["spans"]
    assert record["text"][span["start"] : span["end"]] == text[body : body + 3]
    at = text.index("Share This Post")
    site.add_span(doc, "amal", at, at + 5, "ACTOR", force=True)
    with pytest.raises(InputError, match="wholly inside boilerplate"):
        export(site, tmp_path / "two.jsonl", annotator="amal", without_boilerplate=True)


ranges = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from([DETECTED, LEAD, NOT])),
    max_size=8,
)


@given(ranges, st.integers(0, 80), st.integers(1, 10))
def test_cut_moves_offsets_outside_regions_exactly(found, start: int, width: int) -> None:
    text = "".join(chr(0x0627 + i % 20) for i in range(100))
    rows = [Region(s, s + w, "manual", m) for s, w, m in found]
    regions = in_force(rows)
    removed = cut(text, regions)
    assert len(removed.text) == len(text) - sum(e - s for s, e in removed.removed)
    end = min(start + width, len(text))
    if all(end <= r.start or r.end <= start for r in regions):
        assert removed.text[removed.shift(start) : removed.shift(end)] == text[start:end]
    nots = [(r.start, r.end) for r in rows if r.marked == NOT]
    assert not any(r.start < e and s < r.end for r in regions for s, e in nots)


STORY = (
    "أكدت مصادر محلية أن قافلة المساعدات وصلت إلى المدينة بعد أيام من الانتظار على الحدود "
    "وأن فرق الإغاثة بدأت توزيع الطعام والدواء على العائلات النازحة في المخيمات القريبة "
    "بينما طالبت المنظمات الدولية بفتح ممرات آمنة إضافية قبل حلول فصل الشتاء القاسي"
)


def test_groups_are_found_stable_and_never_split(project: Store, tmp_path: Path) -> None:
    for n, site_name in enumerate(["موقع أ", "موقع ب", "موقع ج"]):
        edited = STORY.replace("القاسي", "البارد") if n == 2 else STORY
        project.add_document(f"عنوان مختلف {n}\n\n{edited}\n\n{site_name}", doc_id=f"s{n}")
    for n in range(4):
        project.add_document(f"خبر آخر {n}\n\n{BODIES[n % 4]} {n} {BODIES[(n + 1) % 4]}",
                             doc_id=f"o{n}")  # fmt: skip
    first = clean_run.group_duplicates(project).groups()
    second = clean_run.group_duplicates(project).groups()
    assert first == second == project.duplicate_groups()
    (members,) = first.values()
    assert sorted(members) == sorted(project.find_document(f"s{n}") for n in range(3))
    hashes = project.group_hashes()
    parts = parse_split("train=0.34,dev=0.33,test=0.33")
    for seed in range(20):
        assert len({split_of(hashes[doc], seed, parts) for doc in members}) == 1
    export(project, tmp_path / "out.jsonl", split="train=0.34,dev=0.33,test=0.33", seed=3)
    where = {
        json.loads(line)["meta"]["doc_id"]: path.name
        for path in tmp_path.glob("out.*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    assert len({where[f"s{n}"] for n in range(3)}) == 1


def test_agreement_and_suggestions_leave_boilerplate_out(site: Store) -> None:
    from alama.core.agreement import agreement
    from alama.core.clitics import CliticRule
    from alama.core.model import Status
    from alama.core.suggest import Gazetteer, GazetteerEntry
    from alama.core.suggest_run import suggest

    doc = site.find_document("a4")
    assert doc is not None
    text = site.document(doc).text
    inside = text.index("عنوان آخر")
    body = text.index(BODIES[0])
    for who in ("amal", "bilal"):
        site.add_span(doc, who, body, body + 3, "ACTOR")
        site.set_status(doc, who, Status.DONE)
    site.add_span(doc, "amal", inside, inside + 5, "PLACE", force=True)
    figures = agreement(site)
    assert json.dumps(figures).count("1.0") >= 1
    assert _f1(figures) == 1.0  # the forced span inside boilerplate is not a disagreement
    entries = [GazetteerEntry("عنوان آخر", "PLACE"), GazetteerEntry("وزير الخارجية", "ACTOR")]
    suggest(site, [Gazetteer(entries, CliticRule())], "carim", [doc])
    found = site.stored_suggestions(doc, "carim")
    assert [s.label for s in found] == ["ACTOR"]


def _f1(figures: dict[str, object]) -> object:
    """The first exact span F1 in the figures."""
    text = json.dumps(figures)
    at = text.index('"f1_exact": ') + len('"f1_exact": ')
    return json.loads(text[at : text.index(",", at)])


def test_a_span_in_one_member_is_proposed_in_the_others(project: Store) -> None:
    from alama.core.duplicate_spans import suggest_in_groups

    copy = STORY.replace("المدينة", "المدينةِ").replace("قافلة", "قافلةُ")
    first, _ = project.add_document(f"عنوان الموقع الأول\n\n{STORY}", doc_id="s0")
    second, _ = project.add_document(f"عنوان آخر تماماً للموقع الثاني\n\n{copy}", doc_id="s1")
    clean_run.group_duplicates(project)
    text = project.document(first).text
    at = text.index("قافلة المساعدات")
    project.add_span(first, "amal", at, at + len("قافلة المساعدات"), "ACTOR")
    assert suggest_in_groups(project, "amal") == (1, 1)
    (found,) = project.stored_suggestions(second, "amal")
    other = project.document(second).text
    assert (other[found.start : found.end], found.source) == ("قافلةُ المساعدات", "duplicate")


PIECES = ["مقالات ذات صلة", "اترك تعليقاً", "Share This Post", "شارك على", "", " ", FOOTER,
          BODIES[0], BODIES[1], "عنوان قصير", "Top", "خبر - موقع الشرق الجديد"]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), min_size=1,
                max_size=6))  # fmt: skip
def test_detection_never_changes_text_or_offsets(articles: list[list[str]]) -> None:
    from alama.core.model import Document

    docs = [
        Document(n, f"d{n}", "", "\n".join(lines), "", "site", n)
        for n, lines in enumerate(articles)
    ]
    before = [(d.text, d.id) for d in docs]
    found = boilerplate.detect(docs)
    assert [(d.text, d.id) for d in docs] == before
    for doc in docs:
        regions = found.regions.get(doc.id, [])
        assert all(0 <= s < e <= len(doc.text) for s, e, _ in regions)
        assert all(a[1] <= b[0] for a, b in pairwise(regions))  # in order, apart
        for start, _, kind in regions:  # whole lines (the site name: its separator)
            assert start == 0 or doc.text[start - 1] == "\n" or kind == "site_name"


def test_a_merge_into_a_new_project_brings_the_regions(site: Store, tmp_path: Path) -> None:
    from alama.core.merging import merge

    clean_run.mark(site, "a0:5", False, "lead")
    site.close()
    target = tmp_path / "merged.alama"
    merge(target, [site.path], all_layers=True)
    with Store.open(site.path) as before, Store.open(target) as after:
        for name in ("a0", "a3"):
            first, second = before.find_document(name), after.find_document(name)
            assert first is not None and second is not None
            assert after.region_rows(second) == before.region_rows(first)


@pytest.mark.parametrize(
    ("boilerplate", "says"),
    [
        ([[0, 999, "share"]], "outside the text"),
        ([[5, 2, "share"]], "bad entry"),
        ("everything", "must be a list"),
        ([[0, 3, "share", "maybe"]], "bad entry"),
    ],
)
def test_a_bad_region_in_a_jsonl_record_is_one_line_and_imports_nothing(
    tmp_path: Path, boilerplate: object, says: str
) -> None:
    project = tmp_path / "p.alama"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(project)]).exit_code == 0
    good = {"text": article(1), "meta": {"doc_id": "g"}}
    bad = {"text": article(2), "meta": {"doc_id": "b", "boilerplate": boilerplate}}
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (good, bad)), encoding="utf-8"
    )
    before = dump(project)
    result = runner.invoke(cli, ["import", str(project), str(source)])
    assert result.exit_code == 1
    (error,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert says in error and "in.jsonl:2" in error
    assert dump(project) == before
