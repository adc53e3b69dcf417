"""tools/uncovered_verbs.py: the lexicon's discovery list counts, by document, the words that
link two actors in sentences the coder leaves empty, and leaves out words a rule reads."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("uncovered_verbs", ROOT / "tools" / "uncovered_verbs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lists_an_uncovered_verb_by_documents_and_skips_coded_sentences(pipeline, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a", "text": "Peru outvoted Chile at the summit in 2019."},
        {"id": "b", "text": "Peru outvoted Chile again in 2020. Peru outvoted Chile once more in 2021."},
        {"id": "c", "text": "Peru condemned Chile in 2019."},  # coded (111): not listed
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    counts, examples, empty, docs = _tool().discover(pipeline, [str(corpus)])
    assert docs == 3
    assert counts["verb outvote"] == {"a", "b"}          # documents, not sentences
    assert examples["verb outvote"][0][0] == "a"
    assert not any("condemn" in key for key in counts)   # a covered verb in a coded sentence
    assert empty == 3
