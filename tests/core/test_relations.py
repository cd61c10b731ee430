"""Relations: a CLAIM linked to the ACTOR who made it, kept like spans, edited without Qt."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.cli import cli
from alama.core.editing import ChangeSpan, DeleteSpan, RejectSpan
from alama.core.errors import InputError
from alama.core.labels import LabelSet
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.relation_agreement import relation_agreement
from alama.core.relation_edits import AddRelation, DeleteRelation, SetRelationAttributes
from alama.core.relation_review import AcceptRelation, RejectRelation, relation_candidates
from alama.core.review import Decision
from alama.core.store import Store
from tests.conftest import dump

TEXT = "🙂 نفى المتحدث باسم الوزارة أن «القوات ستنسحب» من القاعدة"


def claim_and_actor(store: Store, layer: str = "amal") -> tuple[int, Span, Span]:
    doc, _ = store.add_document(TEXT)
    claim_start = TEXT.index("القوات")
    claim = store.add_span(doc, layer, claim_start, claim_start + len("القوات ستنسحب"), "CLAIM")
    actor_start = TEXT.index("المتحدث")
    actor = store.add_span(doc, layer, actor_start, actor_start + len("المتحدث"), "ACTOR")
    return doc, claim, actor


def test_the_default_registry_links_a_claim_to_its_actor_with_a_stance(project: Store) -> None:
    said_by = project.labels().relation("said_by")
    assert said_by is not None and said_by.connects("CLAIM", "ACTOR")
    assert not said_by.connects("ACTOR", "CLAIM")
    assert said_by.defaults() == {"stance": "asserts", "quote": "indirect"}
    assert said_by.attribute("stance").name("denies", "ar") == "ينفي"
    assert project.labels().relation("cue") is None  # no CUE label in the default set


def test_a_label_file_adds_a_cue_label_and_relation_types(tmp_path: Path) -> None:
    toml = tmp_path / "labels.toml"
    toml.write_text(
        """
[[label]]
key = "CLAIM"
[[label]]
key = "ACTOR"
[[label]]
key = "CUE"
[[relation]]
key = "said_by"
source = "CLAIM"
target = ["ACTOR"]
[relation.attributes]
stance = ["asserts", "denies", "reports", "questions"]
[[relation]]
key = "cue"
name_ar = "فعل القول"
source = "CLAIM"
target = "CUE"
""",
        encoding="utf-8",
    )
    labels = LabelSet.from_toml(toml)
    assert [r.key for r in labels.relations] == ["said_by", "cue"]
    assert labels.relation("said_by").attribute("stance").name("denies", "ar") == "ينفي"
    with Store.create(tmp_path / "p.alama", labels) as store:
        assert store.labels() == labels
    toml.write_text(
        '[[label]]\nkey = "CLAIM"\n[[relation]]\nkey = "said_by"\nsource = "CLAIM"\n'
        'target = "ACTOR"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="target label 'ACTOR' is not one of the project"):
        LabelSet.from_toml(toml)
    toml.write_text('[[label]]\nkey = "CLAIM"\n', encoding="utf-8")
    assert LabelSet.from_toml(toml).relations == ()  # said_by needs an ACTOR label too


def test_linking_and_every_edit_applies_and_takes_back(project: Store) -> None:
    doc, claim, actor = claim_and_actor(project)
    link = AddRelation(claim, actor, "said_by", {"stance": "denies"})
    changes = link.apply(project)
    (relation,) = changes.relations
    assert relation.attrs == {"stance": "denies", "quote": "indirect"}
    assert project.relations(doc, "amal") == [relation]
    stance = SetRelationAttributes(relation, {"stance": "reports"})
    assert stance.apply(project).relations[0].attrs["stance"] == "reports"
    stance.inverse().apply(project)
    assert project.relations(doc)[0].attrs["stance"] == "denies"
    undo = link.inverse()
    assert undo.apply(project).relations_removed == (relation.id,)
    assert project.relations(doc) == []
    assert project.relation(relation.id).deleted_at is not None  # a tombstone stays
    assert undo.inverse().apply(project).relations[0].id == relation.id  # redo: the same one
    unlink = DeleteRelation(project.relations(doc)[0])
    unlink.apply(project)
    assert project.relations(doc) == []
    unlink.inverse().apply(project)
    assert [r.id for r in project.relations(doc)] == [relation.id]


def test_deleting_a_span_takes_its_links_and_undo_brings_both_back(project: Store) -> None:
    doc, claim, actor = claim_and_actor(project)
    relation = project.add_relation(doc, "amal", claim.id, actor.id, "said_by")
    delete = DeleteSpan(actor)
    changes = delete.apply(project)
    assert changes.removed == (actor.id,) and changes.relations_removed == (relation.id,)
    assert project.relations(doc) == []
    back = delete.inverse().apply(project)
    assert [r.id for r in back.relations] == [relation.id]
    assert [r.id for r in project.relations(doc)] == [relation.id]


def test_relabelling_a_span_its_link_no_longer_fits_takes_the_link(project: Store) -> None:
    doc, claim, actor = claim_and_actor(project)
    relation = project.add_relation(doc, "amal", claim.id, actor.id, "said_by")
    move = ChangeSpan(actor, actor.start, actor.end + 1, "ACTOR")
    assert move.apply(project).relations_removed == ()  # still an ACTOR: the link stays
    relabel = ChangeSpan(project.span(actor.id), actor.start, actor.end, "PLACE")
    assert relabel.apply(project).relations_removed == (relation.id,)
    assert relabel.inverse().apply(project).relations[0].id == relation.id


def test_rejecting_a_gold_span_takes_its_gold_links(project: Store) -> None:
    doc, claim, actor = claim_and_actor(project, layer="amal")
    gold_claim = project.add_gold(doc, claim.start, claim.end, "CLAIM", "sara")
    gold_actor = project.add_gold(doc, actor.start, actor.end, "ACTOR", "sara")
    linked = project.add_relation(doc, GOLD_ANNOTATOR, gold_claim.id, gold_actor.id, "said_by",
                                  reviewer="sara")  # fmt: skip
    reject = RejectSpan(doc, "sara", gold_actor.key)
    assert reject.apply(project).relations_removed == (linked.id,)
    assert reject.inverse().apply(project).relations[0].id == linked.id


def test_links_that_cannot_be_made_are_refused_in_one_line(project: Store) -> None:
    doc, claim, actor = claim_and_actor(project)
    other = project.add_span(doc, "bilal", actor.start, actor.end, "ACTOR")
    place = project.add_span(doc, "amal", TEXT.index("القاعدة"), len(TEXT), "PLACE")
    project.add_relation(doc, "amal", claim.id, actor.id, "said_by")
    before = dump(project.path)
    cases = [
        ((claim.id, actor.id, "said_by", None), "linked by said_by already"),
        ((claim.id, other.id, "said_by", None), "not a live span of this document's amal's"),
        ((claim.id, place.id, "said_by", None), "links CLAIM to ACTOR, not CLAIM to PLACE"),
        ((claim.id, claim.id, "said_by", None), "cannot be linked to itself"),
        ((claim.id, actor.id, "mentions", None), "unknown relation type 'mentions'"),
        ((claim.id, actor.id, "said_by", {"stance": "shouts"}), "stance='shouts' is not one"),
    ]
    for (source, target, kind, attrs), message in cases:
        with pytest.raises(InputError) as error:
            project.add_relation(doc, "amal", source, target, kind, attrs)
        assert message in str(error.value) and "\n" not in str(error.value)
    with pytest.raises(InputError, match="gold relations are made by a reviewer"):
        project.add_relation(doc, GOLD_ANNOTATOR, claim.id, actor.id, "said_by")
    assert dump(project.path) == before
    with pytest.raises(InputError, match="relation types in use cannot be removed"):
        project.set_labels(LabelSet(list(project.labels())))


def test_an_older_project_gets_the_relation_tables_and_said_by(tmp_path: Path) -> None:
    path = tmp_path / "old.alama"
    Store.create(path).close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE relations; DROP TABLE relation_types; DROP TABLE relation_rejections; "
        "DELETE FROM _sqlite_migrations WHERE name = '0007_relations';"
    )
    conn.close()
    with Store.open(path) as store:
        assert [r.key for r in store.labels().relations] == ["said_by"]
        doc, claim, actor = claim_and_actor(store)
        assert store.add_relation(doc, "amal", claim.id, actor.id, "said_by").type == "said_by"


def test_relations_merge_by_id_with_tombstones_and_stay_in_their_layer(tmp_path: Path) -> None:
    from alama.core.merging import merge

    lead = tmp_path / "lead.alama"
    with Store.create(lead) as store:
        store.add_document(TEXT)
    copy = tmp_path / "amal.alama"
    copy.write_bytes(lead.read_bytes())
    with Store.open(copy) as store:
        doc, claim, actor = claim_and_actor(store)
        relation = store.add_relation(doc, "amal", claim.id, actor.id, "said_by")
    report = merge(lead, [copy])
    assert report.relations == 1 and report.taken == [("amal.alama", ["amal"])]
    with Store.read_only(lead) as store:
        assert [r.id for r in store.relations(doc, "amal")] == [relation.id]
    with Store.open(copy) as store:
        store.change_relation(relation.id, {"stance": "denies", "quote": "direct"})
    assert merge(lead, [copy]).relations == 1
    assert merge(lead, [copy]).relations == 0  # nothing newer the second time
    with Store.open(copy) as store:
        store.delete_relation(relation.id)
    merge(lead, [copy])
    with Store.read_only(lead) as store:
        assert store.relations(doc) == []
        assert store.relation(relation.id).attrs["stance"] == "denies"
    with Store.open(copy) as store:  # a forged link in bilal's layer, nothing else changed
        bilal_claim = store.add_span(doc, "bilal", claim.start, claim.end, "CLAIM")
        bilal_actor = store.add_span(doc, "bilal", actor.start, actor.end, "ACTOR")
    merge(lead, [copy], layers=["bilal"])
    with Store.open(copy) as store:
        store.add_relation(doc, "bilal", bilal_claim.id, bilal_actor.id, "said_by")
        store.restore_relation(relation.id)
    before = dump(lead)
    with pytest.raises(InputError, match="changes the layers amal, bilal"):
        merge(lead, [copy])
    assert dump(lead) == before


def two_finished_layers(store: Store) -> tuple[int, dict[str, tuple[Span, Span]]]:
    """amal and bilal both linked the claim to its speaker (stances differ), both finished."""
    doc, _ = store.add_document(TEXT)
    ends = {}
    for name, stance in (("amal", "denies"), ("bilal", "reports")):
        claim = store.add_span(doc, name, TEXT.index("القوات"), TEXT.index("» من"), "CLAIM")
        actor = store.add_span(doc, name, TEXT.index("المتحدث"), TEXT.index(" باسم"), "ACTOR")
        store.add_relation(doc, name, claim.id, actor.id, "said_by", {"stance": stance})
        store.set_status(doc, name, Status.DONE)
        ends[name] = (claim, actor)
    return doc, ends


def test_relations_are_review_candidates_accepted_with_their_spans(project: Store) -> None:
    doc, ends = two_finished_layers(project)
    (candidate,) = relation_candidates(project, doc)
    claim, actor = ends["amal"]
    assert candidate.key == (claim.key, actor.key, "said_by")
    assert candidate.annotators == ("amal", "bilal") and candidate.stance_open
    assert not candidate.agreed_open  # they differ on the stance: for the reviewer
    assert candidate.differing and dict(candidate.attributes)["stance"] == "denies"  # amal first
    accept = AcceptRelation(doc, "sara", candidate.key, {"stance": "reports"})
    changes = accept.apply(project)
    gold = project.spans(doc, GOLD_ANNOTATOR)
    assert sorted(s.key for s in gold) == sorted([claim.key, actor.key])  # both ends accepted
    (linked,) = changes.relations
    assert linked.attrs["stance"] == "reports" and linked.reviewer == "sara"
    assert linked.agreed == ("amal", "bilal")  # who made it, as gold spans record
    assert relation_candidates(project, doc)[0].decision is Decision.GOLD
    accept.inverse().apply(project)
    assert project.spans(doc, GOLD_ANNOTATOR) == [] and project.relations(doc, GOLD_ANNOTATOR) == []
    reject = RejectRelation(doc, "sara", candidate.key)
    reject.apply(project)
    assert relation_candidates(project, doc)[0].decision is Decision.REJECTED
    reject.inverse().apply(project)
    assert relation_candidates(project, doc)[0].decision is Decision.OPEN


def test_accept_agreed_takes_links_between_agreed_spans_but_not_rejected_ones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        doc, _ = two_finished_layers(store)
    result = CliRunner().invoke(cli, ["review", str(path), "--accept-agreed", "--reviewer", "sara"])
    assert "1 link every annotator made with different stances left for review" in result.output
    with Store.open(path) as store:
        assert store.relations(doc, GOLD_ANNOTATOR) == []  # denies against reports: open
        bilal = store.relations(doc, "bilal")[0]
        store.change_relation(bilal.id, {"stance": "denies", "quote": "indirect"})
    result = CliRunner().invoke(cli, ["review", str(path), "--accept-agreed", "--reviewer", "sara"])
    assert result.exit_code == 0 and "1 agreed relation between them" in result.output
    with Store.open(path) as store:
        (gold,) = store.relations(doc, GOLD_ANNOTATOR)
        assert gold.attrs["stance"] == "denies" and gold.origin == "review"
        key = relation_candidates(store, doc)[0].key
        RejectRelation(doc, "sara", key).apply(store)
    again = CliRunner().invoke(cli, ["review", str(path), "--accept-agreed", "--reviewer", "sara"])
    assert "relation" not in again.output  # the rejection holds
    with Store.read_only(path) as store:
        assert store.relations(doc, GOLD_ANNOTATOR) == []


def test_relation_agreement_against_hand_computed_figures(project: Store) -> None:
    """amal: claim1→actor1 (denies), claim2→actor2; bilal: claim1→actor1 (asserts),
    claim2→actor1; karim: claim1→actor1 (denies). amal–bilal: 1 match of 2+2 → F1 1/2, with
    the stance 0; amal–karim: 1 of 2+1 → 2/3, with the stance 2/3; bilal–karim: 2/3 and 0."""
    text = "قال أحمد «الجسر مغلق» ثم قالت سلمى «الطريق مفتوح»"
    doc, _ = project.add_document(text)

    def at(word: str, label: str, name: str) -> Span:
        start = text.index(word)
        return project.add_span(doc, name, start, start + len(word), label)

    made = {
        "amal": [("الجسر مغلق", "أحمد", "denies"), ("الطريق مفتوح", "سلمى", "asserts")],
        "bilal": [("الجسر مغلق", "أحمد", "asserts"), ("الطريق مفتوح", "أحمد", "asserts")],
        "karim": [("الجسر مغلق", "أحمد", "denies")],
    }
    for name, links in made.items():
        for claim, actor, stance in links:
            source = project.find_span(
                doc, name, (text.index(claim), text.index(claim) + len(claim), "CLAIM")
            ) or at(claim, "CLAIM", name)
            target = project.find_span(
                doc, name, (text.index(actor), text.index(actor) + len(actor), "ACTOR")
            ) or at(actor, "ACTOR", name)
            project.add_relation(doc, name, source.id, target.id, "said_by", {"stance": stance})
        project.set_status(doc, name, Status.DONE)
    figures = relation_agreement(project)
    pairs = {tuple(row["annotators"]): row for row in figures["pairs"]}
    assert pairs[("amal", "bilal")]["f1_exact"] == 0.5
    assert pairs[("amal", "bilal")]["f1_with_stance"] == 0.0
    assert pairs[("amal", "karim")]["f1_exact"] == pytest.approx(2 / 3)
    assert pairs[("amal", "karim")]["f1_with_stance"] == pytest.approx(2 / 3)
    assert pairs[("bilal", "karim")]["f1_with_stance"] == 0.0
    assert figures["overall"]["f1_exact"] == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert figures["overall"]["f1_with_stance"] == pytest.approx((2 / 3) / 3)
    assert figures["overall"]["documents"] == 1 and figures["overall"]["relations"] == 10
    assert figures["types"]["said_by"]["f1_exact"] == figures["overall"]["f1_exact"]
    assert relation_agreement(project, documents=[])["overall"]["f1_exact"] is None


def test_alama_agreement_reports_relations_beside_spans(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        two_finished_layers(store)
    runner = CliRunner()
    figures = json.loads(runner.invoke(cli, ["agreement", str(path), "--json"]).output)
    assert figures["relations"]["overall"]["f1_exact"] == 1.0
    assert figures["relations"]["overall"]["f1_with_stance"] == 0.0  # denies against reports
    table = runner.invoke(cli, ["agreement", str(path)]).output
    assert "F1 with stance" in table and "said_by" in table


def test_a_relation_key_that_means_something_else_is_refused(tmp_path: Path) -> None:
    toml = tmp_path / "labels.toml"
    base = '[[label]]\nkey = "CLAIM"\nshortcut = "1"\n[[label]]\nkey = "ACTOR"\nshortcut = "2"\n'
    toml.write_text(base + '[[relation]]\nkey = "said_by"\nsource = "CLAIM"\ntarget = "ACTOR"\n'
                    '[relation.attributes]\nstance = ["asserts", "casts doubt"]\n',
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(InputError, match="'casts doubt' of 'stance' holds white space"):
        LabelSet.from_toml(toml)
    toml.write_text(base + '[[relation]]\nkey = "ACTOR"\nsource = "CLAIM"\ntarget = "ACTOR"\n',
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(InputError, match="relation type 'ACTOR' has a label's name"):
        LabelSet.from_toml(toml)
    for shortcut, message in (("1", "label 'CLAIM' already"), ("S", "the window's own key")):
        toml.write_text(
            base + f'[[relation]]\nkey = "said_by"\nsource = "CLAIM"\ntarget = "ACTOR"\n'
            f'shortcut = "{shortcut}"\n',
            encoding="utf-8",
        )
        with pytest.raises(InputError, match=message):
            LabelSet.from_toml(toml)


def test_a_merge_refuses_links_its_project_cannot_hold_and_takes_new_types(
    tmp_path: Path,
) -> None:
    from alama.core.labels import LabelSet
    from alama.core.merging import merge
    from alama.core.relation_types import RelationType

    lead = tmp_path / "lead.alama"
    with Store.create(lead) as store:
        doc, claim, actor = claim_and_actor(store, "bilal")
        theirs = store.add_relation(doc, "bilal", claim.id, actor.id, "said_by")
    copy = tmp_path / "amal.alama"
    copy.write_bytes(lead.read_bytes())
    with Store.open(copy) as store:  # amal's link reusing the id of bilal's
        mine_claim = store.add_span(doc, "amal", claim.start, claim.end, "CLAIM")
        mine_actor = store.add_span(doc, "amal", actor.start, actor.end, "ACTOR")
        store.put_relations([replace(theirs, annotator="amal", source=mine_claim.id,
                                     target=mine_actor.id, updated_at="2026-12-01T23:59:00.000+00:00")])  # fmt: skip  # noqa: E501
    before = dump(lead)
    with pytest.raises(InputError, match="belongs to another document or annotator"):
        merge(lead, [copy])
    assert dump(lead) == before
    other = tmp_path / "other.alama"  # a project with a type of its own
    labels = store_labels = LabelSet.default()
    mentions = RelationType("mentions", "يذكر", "mentions", ("CLAIM",), ("PLACE",))
    with Store.create(other, LabelSet(list(labels), [*store_labels.relations, mentions])) as store:
        doc2, _ = store.add_document(TEXT)
        c = store.add_span(doc2, "karim", TEXT.index("القوات"), TEXT.index("» من"), "CLAIM")
        p = store.add_span(doc2, "karim", TEXT.index("القاعدة"), len(TEXT), "PLACE")
        store.add_relation(doc2, "karim", c.id, p.id, "mentions")
    report = merge(lead, [other], all_layers=True)
    assert "relation type mentions" in report.labels_added
    with Store.read_only(lead) as store:
        assert store.labels().relation("mentions") is not None
        assert [r.type for r in store.iter_relations("karim")] == ["mentions"]


def test_a_link_to_a_span_another_copy_deleted_goes_with_it(tmp_path: Path) -> None:
    from alama.core.merging import merge

    lead = tmp_path / "lead.alama"
    with Store.create(lead) as store:
        doc, claim, actor = claim_and_actor(store)
    first, second = tmp_path / "a.alama", tmp_path / "b.alama"
    first.write_bytes(lead.read_bytes())
    second.write_bytes(lead.read_bytes())
    with Store.open(first) as store:
        DeleteSpan(store.span(actor.id)).apply(store)
    with Store.open(second) as store:
        store.add_relation(doc, "amal", claim.id, actor.id, "said_by")
    merge(lead, [second, first])
    with Store.read_only(lead) as store:
        assert store.relations(doc) == [] and store.relations_with_dead_ends() == []
    assert not merge(lead, [second, first]).changed  # and nothing new the second time


def test_a_merge_that_adds_a_label_keeps_the_relation_types(tmp_path: Path) -> None:
    from alama.core.labels import Label
    from alama.core.merging import merge

    lead = tmp_path / "lead.alama"
    Store.create(lead).close()
    other = tmp_path / "other.alama"
    labels = LabelSet.default()
    with Store.create(other, LabelSet([*labels, Label("CUE", "فعل القول", "Cue", "4", "#CC79A7")],
                                      labels.relations)) as store:  # fmt: skip
        doc, _ = store.add_document(TEXT)
        store.add_span(doc, "amal", 0, 1, "CUE")
    report = merge(lead, [other])
    assert "CUE (key 4)" in report.labels_added
    with Store.read_only(lead) as store:
        assert [r.key for r in store.labels().relations] == ["said_by"]
