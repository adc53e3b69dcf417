"""Hits in a parsed sentence: dictionary phrases, role words and names, and the checks that keep
a phrase out when it is part of a person's, a body's or a place's name; places named outside
actor phrases.
"""
from __future__ import annotations

from functools import lru_cache

from bilat.document import Document, Mention
from bilat.stages.actors.tables import read_rows
from bilat.stages.actors.offices import bare_surname
from bilat.stages.actors.dictionary import ActorDictionary, Entry


def find_places(doc: Document, dictionary: ActorDictionary,
                seats: list[list[tuple[int, int, str]]] | None = None) -> None:
    """Fill ``doc.places``: the places named in each parsed sentence outside actor phrases, and
    the capitals that ``seats`` says name a place there ("a Kabul car bombing")."""
    taken = {(m.sentence, i) for m in doc.mentions if m.code for i in range(m.token_start, m.token_end)}
    places = []
    sent_index = 0
    for para in doc.parsed or []:
        for sent in para.parsed.sents:
            found = [(m.start(), m.end(), dictionary.places[m.group(0)])
                     for m in dictionary.place_pattern.finditer(sent.text)]
            # a capital that names no actor here ("a Kabul car bombing") is a place
            found += [(sent.doc[a].idx - sent.start_char, sent.doc[b - 1].idx + len(sent.doc[b - 1]) - sent.start_char, code)
                      for a, b, code in (seats[sent_index] if seats and sent_index < len(seats) else ())]
            for first, last, code in sorted(found):
                span = sent.doc.char_span(sent.start_char + first, sent.start_char + last, alignment_mode="expand")
                if span is None or any((sent_index, t.i) in taken for t in span):
                    continue
                start, end = para.offset + span[0].idx, para.offset + span[-1].idx + len(span[-1].text)
                places.append(Mention(start=start, end=end, text=doc.text[start:end], code=code, kind="place",
                                      head=span[-1].i, sentence=sent_index,
                                      token_start=span.start, token_end=span.end))
            sent_index += 1
    doc.places = places


def token_hits(sent, dictionary: ActorDictionary, people: dict[str, tuple[str, str | None]]):
    """Per token: ('dict', entry) | ('role', sector) | ('person', None), and where it ends."""
    hits: dict[int, tuple[int, str, Entry | str | None]] = {}
    other_names: set[int] = set()  # words of a name that is no actor's ("World Uyghur Congress")
    base = sent.start_char
    for start, end, entry in dictionary.find(sent.text):
        span = sent.doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is None or any(t.i in hits for t in span) or (entry.kind == "state" and _in_place_name(span)):
            continue
        if span.text in ("American", "Americans") and _of_the_americas(span):
            continue
        if span.text in _SHARED_NAMES and _ends_other_name(span, hits):
            other_names.update(t.i for t in span)
            continue
        if entry.kind == "state" and (in_persons_name(span, dictionary) or _names_a_body(span)
                                      or _persons_surname(span, people)):
            # "Sudesh Amman", "Chad Wolf"; "American Airlines", "a Greek daily", "the Greek
            # Orthodox church": part of a person's name, or a body that is not the state
            other_names.update(t.i for t in span)
            continue
        # a possessive pronoun-like or lower-cased common word is not a name
        for tok in span:
            hits[tok.i] = (span.end, "dict", entry)
    words = [t.lower_ for t in sent]
    i = 0
    while i < len(words):
        tok = sent[i]
        found = dictionary.role_at(words, i) if tok.i not in hits and tok.i not in other_names else None
        if found:
            n, sector = found
            for t in sent[i:i + n]:
                if t.i not in hits:
                    hits[t.i] = (sent[i].i + n, "role", sector)
            i += n
            # "spokesperson Esmail Baghaei": capitalised names right after a title are a person,
            # though the tagger did not see one
            name = 0
            while (i + name < len(words) and name < 3 and sent[i + name].pos_ == "PROPN"
                   and sent[i + name].text.istitle() and sent[i + name].i not in hits
                   and sent[i + name].ent_type_ in ("", "PERSON", "ORG", "NORP")):
                name += 1
            if name and (i + name >= len(words) or sent[i + name].pos_ != "PROPN"):
                for t in sent[i:i + name]:
                    hits[t.i] = (t.i + 1, "person", None)
                i += name
            continue
        # a person's name: as the tagger sees it, learned earlier in the document, or an office
        # holder's surname the tagger left untyped ("Lavrov flew into Antalya")
        if (tok.i not in hits and tok.i == sent.start and tok.pos_ in ("NOUN", "ADJ", "VERB", "ADV")
                and tok.text[:1].isupper()
                and (people.get(tok.text) or (None,))[0]):
            # a surname the document has already tied to an actor, mistagged as a common noun or
            # an adjective at the head of a sentence ("Asif later warned New Delhi")
            hits[tok.i] = (tok.i + 1, "person", None)
        elif tok.i not in hits and tok.pos_ == "PROPN" and (
                tok.ent_type_ == "PERSON" or tok.text in people
                or (tok.ent_type_ in ("", "ORG", "NORP", "PRODUCT", "GPE") and bare_surname(tok.text) in dictionary.surnames
                    and tok.text not in dictionary.places)):
            hits[tok.i] = (tok.i + 1, "person", None)
        i += 1
    _apposed_names(sent, hits)
    _envoy_names(sent, hits)
    return hits


# Entity types a name after an envoy's destination may carry and still be the envoy's name
# (the tagger reads "Azerbaijan Bilal Hayee" as one title of a work).
_ENVOY_NAME_TYPES = ("", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT")


def _envoy_names(sent, hits) -> None:
    """"Pakistani Ambassador to Azerbaijan Bilal Hayee": up to three capitalised names right
    after an envoy's destination are the envoy's name, though the tagger did not see a person."""
    doc = sent.doc
    for i in range(sent.start, sent.end):
        hit = hits.get(i)
        if hit is None or hit[1] != "role" or hit[2] != "DIP" or (i - 1 in hits and hits[i - 1][:2] == hit[:2]):
            continue
        j = hit[0]
        if j >= sent.end or doc[j].lower_ != "to":
            continue
        j += 1 + (j + 1 < sent.end and doc[j + 1].lower_ == "the")
        place = hits.get(j)
        if place is None or place[1] != "dict" or place[2].kind == "person":
            continue
        k = place[0]
        names = []
        while (k < sent.end and len(names) < 3 and doc[k].pos_ == "PROPN" and doc[k].text.istitle()
               and doc[k].i not in hits and doc[k].ent_type_ in _ENVOY_NAME_TYPES):
            names.append(k)
            k += 1
        if len(names) >= 2 and (k >= sent.end or doc[k].pos_ != "PROPN"):
            for n in names:
                hits[n] = (n + 1, "person", None)


# Words before "American" that name a region of the Americas or a people, not the United States.
_AMERICAS = frozenset({"North", "South", "Latin", "Central", "Pan", "Native", "African", "Afro", "Meso", "Ibero"})


def _of_the_americas(span) -> bool:
    """"North American leaders", "Latin-American states", "African Americans": not the US."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text in ("-", "–"):
        i -= 1
    return i >= 0 and doc[i].text in _AMERICAS


# Institutions' one-word names that other bodies end their own names with: "Congress" is the
# US Congress, but not in "the World Uyghur Congress" or "Peru's Congress".
_SHARED_NAMES = frozenset({"Congress"})


def _ends_other_name(span, hits) -> bool:
    """Is this one-word name the last word of a longer name that is not a known actor's ("the
    General People's Congress", "the World Uyghur Congress")? A state's name or adjective just
    before ("Peruvian Congress") is known, and says whose it is."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text in ("'s", "’s"):
        i -= 1
    return i >= span.sent.start and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "ADJ") \
        and doc[i].i not in hits


def in_persons_name(span, dictionary: ActorDictionary) -> bool:
    """Is this one-word state name or capital a word of a person's name, as the tagger reads
    it: after a given name ("Sudesh Amman", "Michael Jordan") or before a surname ("Chad
    Wolf")? Names bilat knows in full ("Israel Katz") match as people first."""
    doc = span.doc
    if len(span) != 1 or span[0].ent_type_ != "PERSON":
        return False
    tok = span[0]

    def name_word(t) -> bool:
        return t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.text.istitle() \
            and dictionary.role_at([t.lower_], 0) is None and not dictionary.pattern.fullmatch(t.text)

    before = doc[tok.i - 1] if tok.i > span.sent.start else None
    after = doc[tok.i + 1] if tok.i + 1 < span.sent.end else None
    if tok.ent_iob_ == "I" and before is not None and name_word(before):
        return True
    # a two-word name only ("Ambassador to Ghana Chinedu Okafor" is read as one name too)
    ends = tok.i + 2 >= span.sent.end or doc[tok.i + 2].ent_iob_ != "I"
    return tok.ent_iob_ == "B" and after is not None and after.ent_iob_ == "I" and name_word(after) and ends \
        and (before is None or before.pos_ not in ("ADP", "PROPN"))


def _persons_surname(span, people) -> bool:
    """Is this state name or capital the surname the document gave a person before ("Sudesh
    Amman … Amman was shot dead"), not after a preposition of place ("flew to Amman")?"""
    if span.text not in getattr(people, "state_names", ()) or len(span) != 1:
        return False
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return before is None or before.pos_ != "ADP"


def _acted_on(tok) -> bool:
    """Is the phrase ``tok`` modifies the object of an act ("banned Iranian airline Mahan Air",
    "sanctions on Chinese companies")? A state's company or paper acted on stands for the state
    as a target, as analysts code sanctions on a state's firms; only its acts are not the
    state's."""
    top = tok
    for _ in range(4):
        if top.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss") or top.head.i == top.i:
            break
        top = top.head
    return top.dep_ == "dobj" or (top.dep_ == "pobj" and top.head.lower_ in ("on", "against"))


@lru_cache(maxsize=1)
def _bodies() -> frozenset[tuple[str, ...]]:
    """Nouns of bodies that are not the state whose name or adjective they carry ("company",
    "daily", "think tank", "church", "Orthodox"), lower-cased, as word tuples (``bodies.tsv``)."""
    return frozenset(tuple(row["phrase"].lower().split()) for row in read_rows("bodies.tsv"))


# Words that make a body the state's own ("a Chinese state-owned company", "the national
# airline", "the government daily"): its acts may be the state's.
_STATE_OWNED = frozenset({"state", "government", "official", "national", "state-owned", "state-run",
                          "government-run", "government-owned"})


def _names_a_body(span) -> bool:
    """Does this state's name or adjective modify a noun of a body that is not the state ("a
    Greek daily", "a United States think tank", "American Airlines", "the Greek Orthodox
    church", "Pakistan's largest company")? Such a body acting is not the state acting, unless
    the state owns it ("a Chinese state-owned company"); acted on, it stands for the state."""
    doc = span.doc
    bodies = _bodies()
    if _acted_on(span[-1]):
        return False
    # the words right after, however parsed ("Greek daily Kathimerini", "a United States think
    # tank"), when a name or the phrase's end follows them (not "the US daily briefing")
    for n in (1, 2):
        after = doc[span.end:span.end + n]
        follow = doc[span.end + n] if span.end + n < span.sent.end else None
        if len(after) == n and tuple(t.lower_ for t in after) in bodies and (
                follow is None or follow.pos_ not in ("NOUN", "ADJ") or follow.ent_type_ and follow.pos_ == "PROPN"):
            return True
    cur = span[-1]
    # up the chain of modifiers: "Greek daily Kathimerini", "the United States think tank
    # Atlantic Council's headquarters", "Iranian airline Mahan Air"
    for _ in range(3):
        if cur.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss") or cur.head.i <= cur.i:
            return False
        cur = cur.head
        if cur.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        between = [t.lower_ for t in doc[span.end:cur.i + 1]]
        if any(w in _STATE_OWNED for w in between) or any(c.lower_ in _STATE_OWNED for c in cur.children):
            return False
        if any(tuple(between[-n:]) in bodies for n in (1, 2) if len(between) >= n):
            return True
    return False


# Head words of the names of seas, straits and landforms that carry a state's name or
# adjective ("the Indian Ocean", "the South China Sea", "the Korean Peninsula", "the Sea of
# Japan"): a place, not the state.
_PLACE_HEADS = frozenset({"Ocean", "Sea", "Seas", "Gulf", "Strait", "Straits", "Bay", "Peninsula", "Subcontinent",
                          "Basin", "Channel", "Sound", "Bight"})


def _in_place_name(span) -> bool:
    """Is this state name part of the name of a sea or landform ("Indian Ocean", "Sea of Japan")?"""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in _PLACE_HEADS:
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].text in _PLACE_HEADS


# Named-entity types a capitalised name set beside a role may carry and still be a person
# ("Holbrooke, the U.S. envoy": the tagger leaves "Holbrooke" untyped).
_NAME_TYPES = ("", "PERSON", "ORG", "NORP")


def _apposed_names(sent, hits) -> None:
    """"Holbrooke, the U.S. envoy, …", "the envoy, Holbrooke, …": a capitalised name in
    apposition to a role word is a person, though the tagger did not see one."""
    for tok in sent:
        if tok.i in hits or tok.pos_ != "PROPN" or not tok.text.istitle() or tok.ent_type_ not in _NAME_TYPES:
            continue
        role = next((c for c in tok.children if c.dep_ == "appos" and hits.get(c.i, (0, ""))[1] == "role"), None)
        if role is None and tok.dep_ == "appos" and hits.get(tok.head.i, (0, ""))[1] == "role":
            role = tok.head
        if role is None:
            continue
        names = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "PROPN"
                 and c.i not in hits] + [tok]
        for name in names:
            hits[name.i] = (name.i + 1, "person", None)
