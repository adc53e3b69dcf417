"""What a start costs: the compiled name patterns kept between runs, and what `bilat code` does
not import. Each kept pattern must match exactly what compiling it afresh matches."""
import subprocess
import sys

from conftest import ROOT


def _texts():
    return ["Pakistan's Chief of Army Staff General Asim Munir met US officials in Washington.",
            "The North Atlantic Treaty Organization (NATO) and the EU; Islamabad, Rawalpindi and Kabul.",
            "South Sudan and Sudan signed a deal. Kenya's Ruto visited Addis Ababa on Monday.",
            "Nothing here at all, only words and a number 1991.", "", "é Ünï Côte d'Ivoire Türkiye"]


def test_a_pattern_kept_in_the_cache_matches_as_compiled(tmp_path, monkeypatch):
    import re

    from bilat.stages.actors.dictionary import _builtin
    from bilat.stages.patterns import names_pattern, trie_alternation

    monkeypatch.setenv("BILAT_CACHE_DIR", str(tmp_path))
    phrases, _ = _builtin()
    fresh = re.compile(rf"(?<![\w])(?:{trie_alternation(phrases)})(?![\w])")
    first = names_pattern(phrases)  # builds, compiles, writes the file
    assert len(list(tmp_path.glob("re-*.bin"))) == 1
    second = names_pattern(phrases)  # from the file
    assert second is not first and second.pattern == fresh.pattern and second.flags == fresh.flags
    assert second.groups == fresh.groups
    for text in _texts():
        want = [(m.start(), m.end()) for m in fresh.finditer(text)]
        assert [(m.start(), m.end()) for m in first.finditer(text)] == want
        assert [(m.start(), m.end()) for m in second.finditer(text)] == want
    assert [m.group() for m in second.finditer(" ".join(_texts()))][:3] == ["Pakistan", "Asim Munir", "US"]
    # other phrases, another file
    assert names_pattern(["Kenya", "Kenyan"]).findall("Kenyan Kenya") == ["Kenyan", "Kenya"]
    assert len(list(tmp_path.glob("re-*.bin"))) == 2


def test_a_damaged_or_unwritable_cache_only_costs_a_compile(tmp_path, monkeypatch):
    from bilat.stages.patterns import names_pattern

    phrases = [f"name{i}" for i in range(600)]
    monkeypatch.setenv("BILAT_CACHE_DIR", str(tmp_path))
    names_pattern(phrases)
    (path,) = tmp_path.glob("re-*.bin")
    for damaged in (path.read_bytes()[:40], path.read_bytes()[:-8], b"\xff" * 64):
        path.write_bytes(damaged)
        assert names_pattern(phrases).findall("x name17 name599 y name6000") == ["name17", "name599"]
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("BILAT_CACHE_DIR", str(blocked / "sub"))
    assert names_pattern(phrases).findall("name3") == ["name3"]
    monkeypatch.setenv("BILAT_CACHE_DIR", "off")
    assert names_pattern(phrases).findall("name3") == ["name3"]


def test_bilat_code_does_not_import_what_it_does_not_use(tmp_path):
    """Coding a text loads spaCy and the coder, not the libraries of the store, the exports,
    the web layer or SciPy (the story index computes its own MinHash signatures)."""
    text = tmp_path / "a.txt"
    text.write_text("Pakistan and Russia signed a defense treaty in 2018.\n")
    code = ("import sys\nfrom bilat.cli import main\ntry:\n"
            f"    main(['code', {str(text)!r}, '--workers', '1'])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert '"cameo": "057"' in done.stdout
    loaded = {name.split(".")[0] for name in done.stderr.split()}
    assert "spacy" in loaded
    assert not {"datasketch", "scipy", "duckdb", "pandas", "pyarrow", "fastapi"} & loaded


def test_the_next_process_reads_what_the_first_kept(tmp_path):
    """The cache key is the same in every process (no address or hash seed in it), so a
    second start finds the file the first wrote instead of writing another."""
    code = ("from bilat.stages.patterns import names_pattern\n"
            "print(names_pattern(['Kenya', 'Kenyan', 'Somalia']).findall('Kenyan and Somalia'))")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"BILAT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
        assert done.stdout.strip() == "['Kenyan', 'Somalia']"
    assert len(list(tmp_path.glob("re-*.bin"))) == 1
