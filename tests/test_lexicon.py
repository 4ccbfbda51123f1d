"""The lexicon as data: coverage of the shared vocabulary, roll-ups, and match_ids."""

from __future__ import annotations

import json
import shutil

import pytest

from clinicscan.errors import LexiconError
from clinicscan.paths import lexicon_dir
from clinicscan.nlp.lexicon import load_lexicon
from clinicscan.nlp.short_text import match_ids


def test_lexicon_covers_every_vocabulary_id():
    lexicon = load_lexicon()
    for kind in ("condition", "product_type", "red_flag"):
        covered = {p.vocab_id for p in lexicon.patterns if p.kind == kind}
        assert covered == set(lexicon.vocab_ids(kind)), kind


def test_lexicon_finer_ids_roll_up_to_exactly_one_vocabulary_id():
    lexicon = load_lexicon()
    vocab = {i for k in ("condition", "product_type", "red_flag") for i in lexicon.vocab_ids(k)}
    for finer, target in lexicon.rollup.items():
        assert finer not in vocab and target in vocab, finer


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Degenerative Disc Disease", "condition", {"back_pain"}),
    ("Knee Osteoarthritis", "condition", {"osteoarthritis"}),
    ("Rheumatoid Arthritis", "condition", {"rheumatoid_arthritis"}),
    ("Parkinson\u2019s Disease", "condition", {"parkinsons"}),
    ("Lou Gehrig\u2019s disease", "condition", {"als"}),
    ("Crohn\u2019s Disease", "condition", {"inflammatory_bowel_disease"}),
    ("COPD", "condition", {"lung_disease"}),
    ("Acute Myeloid Leukaemia", "condition", {"blood_disorders"}),
    ("anti ageing", "condition", {"anti_aging"}),
    ("antiaging", "condition", {"anti_aging"}),
    ("bulging discs", "condition", {"back_pain"}),
    ("bad knees", "condition", {"joint_pain"}),
    ("torn meniscus", "condition", {"tendon_ligament_injury"}),
    ("Umbilical cord MSCs", "product_type", {"umbilical_cord", "msc"}),
    ("Wharton\u2019s jelly", "product_type", {"umbilical_cord"}),
    ("Autologous bone marrow aspirate concentrate (BMAC)", "product_type", {"bone_marrow"}),
    ("Stromal vascular fraction", "product_type", {"adipose"}),
    ("Platelet-rich plasma", "product_type", {"prp"}),
    ("Stem cell injection", "product_type", {"unspecified_stem_cell"}),
    ("Adipose-derived stem cells", "product_type", {"adipose"}),
])
def test_match_ids_maps_trial_wording_to_vocabulary_ids(text, kind, expected):
    assert match_ids(text, kind) == expected


def test_match_ids_ms_only_in_capitals():
    assert match_ids("Relapsing MS", "condition") == {"multiple_sclerosis"}
    assert match_ids("ms", "condition") == set()


def test_match_ids_without_kind_returns_all_kinds():
    assert match_ids("Umbilical cord MSCs for knee osteoarthritis") == {"umbilical_cord", "msc", "osteoarthritis"}


def test_match_ids_rejects_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        match_ids("knee pain", "disease")


def test_match_ids_empty_text_is_empty():
    assert match_ids("", "condition") == set()
    assert match_ids("Placebo", "product_type") == set()


def test_lexicon_unknown_id_names_file_and_line(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    with (folder / "conditions.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "CONDITION", "id": "gout_flare", "pattern": "gout"}) + "\n")
    lines = (folder / "conditions.jsonl").read_text().count("\n")
    with pytest.raises(LexiconError, match=rf"conditions.jsonl:{lines}: id 'gout_flare'"):
        load_lexicon(folder)


def test_lexicon_rejects_unknown_keys(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    with (folder / "red_flags.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "RED_FLAG", "id": "cure_claim", "pattern": "cure", "weight": 2}) + "\n")
    with pytest.raises(LexiconError, match="expected keys"):
        load_lexicon(folder)


def test_lexicon_version_changes_with_the_files(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    before = load_lexicon(folder).version
    with (folder / "conditions.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "CONDITION", "id": "joint_pain", "pattern": "creaky joints"}) + "\n")
    after = load_lexicon(folder)
    assert after.version != before
    assert "joint_pain" in match_ids("creaky joints", "condition", directory=folder)


def test_one_vocabulary_loader_names_the_broken_file(tmp_path):
    from clinicscan.errors import VocabularyError
    from clinicscan.vocabulary import read_vocabulary

    broken = tmp_path / "vocabulary.json"
    broken.write_text('{"conditions": ["knee_pain"], "product_types": []}', encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"vocabulary.json: cannot read the vocabulary \(KeyError: 'red_flags'\)"):
        read_vocabulary(broken)


def test_lexicon_and_report_share_the_vocabulary_ids():
    from clinicscan.vocabulary import CLAIM_KINDS, load_vocabulary

    lexicon = load_lexicon()
    assert {kind: lexicon.vocab_ids(kind) for kind in CLAIM_KINDS} == {
        kind: list(load_vocabulary().ids(kind)) for kind in CLAIM_KINDS}


def test_word_classes_widen_every_pattern_that_names_them(tmp_path):
    """A red-flag family written once in word_classes.json: a word added to the class is matched by each pattern."""
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    classes = json.loads((folder / "word_classes.json").read_text(encoding="utf-8"))
    classes["classes"]["probe_mend"] = ["patch"]
    (folder / "word_classes.json").write_text(json.dumps(classes), encoding="utf-8")
    with (folder / "red_flags.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "RED_FLAG", "id": "cure_claim",
                             "pattern": [{"CLASS": ["probe_mend", "cure_verb"]}, {"LOWER": "zebras"}]}) + "\n")
    assert "cure_claim" in match_ids("We patch zebras.", "red_flag", directory=folder)
    assert "cure_claim" in match_ids("We mend zebras.", "red_flag", directory=folder)


def test_word_class_unknown_name_is_an_error(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    with (folder / "red_flags.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "RED_FLAG", "id": "cure_claim", "pattern": [{"CLASS": "no_such_family"}]}) + "\n")
    with pytest.raises(LexiconError, match="no_such_family"):
        load_lexicon(folder)


@pytest.mark.parametrize("token, named", [
    ({"LEMMA": "inject"}, "LEMMA"), ({"IS_TITLE": True}, "IS_TITLE"), ({"LOWER": {"FUZZY": "inject"}}, "FUZZY"),
    ({"LOWER": {"REGEX": "(inj"}}, "unterminated"),
])
def test_an_offer_cue_the_matcher_cannot_read_fails_at_load(tmp_path, token, named):
    """spaCy's schema accepts LEMMA, IS_TITLE, FUZZY; the cue matcher does not, and such a cue used to load and
    then make every page fail to analyse with only a log line (session 20's note). Now: a clear error at load."""
    from clinicscan.nlp.rules import load_offer_cues

    path = tmp_path / "offer_cues.jsonl"
    path.write_text(json.dumps({"signal": "offer", "page_kind": "clinic", "pattern": [{"LOWER": "we"}, token]}) + "\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"offer_cues.jsonl:1: token 2: .*{named}"):
        load_offer_cues(path)


def test_the_shipped_offer_cues_load():
    from clinicscan.nlp.rules import load_offer_cues

    assert len(load_offer_cues()) > 500
