"""Write a deterministic synthetic corpus of international-relations news articles.

Each article is one JSON Lines record with ``id``, ``title``, ``published`` (YYYY-MM-DD) and
``text``. The text is 8-20 paragraphs of news prose built from the templates below (visits,
meetings, agreements, aid, accusations, criticism, strikes, sanctions, intentions, denials,
speculation, and neutral background without actors), with the kind of web boilerplate that
scraped pages carry mixed in: "Advertisement" slots, "Also read:" links, a "Recent Posts"
list with "5 hours ago" stamps, share prompts, and a comment section at the end.

Everything comes from ``random.Random(seed)`` and the constants in this file: no network, no
external data. Each article draws from its own generator seeded in order from the master one,
so the first N articles are the same whatever ``--n`` is.

Usage::

    python benchmarks/make_corpus.py                       # 300 articles, seed 7
    python benchmarks/make_corpus.py --n 1000 --seed 7 --out benchmarks/corpus/big.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "corpus" / "articles.jsonl"
DEFAULT_N = 300
DEFAULT_SEED = 7

MIN_PARAGRAPHS = 8
MAX_PARAGRAPHS = 20
FIRST_DAY = dt.date(2014, 1, 1)
LAST_DAY = dt.date(2023, 12, 31)


@dataclass(frozen=True)
class Country:
    """A state as the prose names it: its name, its demonym and its capital."""

    name: str
    demonym: str
    capital: str
    the: bool = False  # "the United States", "the Philippines"

    @property
    def noun(self) -> str:
        return f"the {self.name}" if self.the else self.name


COUNTRIES = (
    Country("Kenya", "Kenyan", "Nairobi"),
    Country("Uganda", "Ugandan", "Kampala"),
    Country("Ethiopia", "Ethiopian", "Addis Ababa"),
    Country("Nigeria", "Nigerian", "Abuja"),
    Country("Ghana", "Ghanaian", "Accra"),
    Country("Egypt", "Egyptian", "Cairo"),
    Country("Sudan", "Sudanese", "Khartoum"),
    Country("South Africa", "South African", "Pretoria"),
    Country("Morocco", "Moroccan", "Rabat"),
    Country("Algeria", "Algerian", "Algiers"),
    Country("France", "French", "Paris"),
    Country("Germany", "German", "Berlin"),
    Country("Italy", "Italian", "Rome"),
    Country("Spain", "Spanish", "Madrid"),
    Country("Poland", "Polish", "Warsaw"),
    Country("Ukraine", "Ukrainian", "Kyiv"),
    Country("Russia", "Russian", "Moscow"),
    Country("Turkey", "Turkish", "Ankara"),
    Country("Greece", "Greek", "Athens"),
    Country("United Kingdom", "British", "London", the=True),
    Country("United States", "American", "Washington", the=True),
    Country("Canada", "Canadian", "Ottawa"),
    Country("Mexico", "Mexican", "Mexico City"),
    Country("Brazil", "Brazilian", "Brasilia"),
    Country("Argentina", "Argentine", "Buenos Aires"),
    Country("Colombia", "Colombian", "Bogota"),
    Country("Venezuela", "Venezuelan", "Caracas"),
    Country("Iran", "Iranian", "Tehran"),
    Country("Iraq", "Iraqi", "Baghdad"),
    Country("Saudi Arabia", "Saudi", "Riyadh"),
    Country("Israel", "Israeli", "Jerusalem"),
    Country("Syria", "Syrian", "Damascus"),
    Country("Pakistan", "Pakistani", "Islamabad"),
    Country("India", "Indian", "New Delhi"),
    Country("Afghanistan", "Afghan", "Kabul"),
    Country("China", "Chinese", "Beijing"),
    Country("Japan", "Japanese", "Tokyo"),
    Country("South Korea", "South Korean", "Seoul"),
    Country("Vietnam", "Vietnamese", "Hanoi"),
    Country("Indonesia", "Indonesian", "Jakarta"),
    Country("Philippines", "Philippine", "Manila", the=True),
    Country("Australia", "Australian", "Canberra"),
)

# Invented people: first and last names are combined at random.
FIRST_NAMES = (
    "Amara", "Jonas", "Leila", "Tomasz", "Ngozi", "Haruto", "Elena", "Rafael", "Imran", "Sofia",
    "Kwame", "Ingrid", "Mateo", "Yara", "Dmitri", "Aiko", "Farid", "Lucia", "Samuel", "Meera",
    "Oskar", "Nadia", "Tariq", "Clara", "Bongani", "Mei", "Arjun", "Zeynep", "Pablo", "Hana",
)
LAST_NAMES = (
    "Velde", "Okonkwo", "Marsh", "Kowalczyk", "Haddad", "Tanaka", "Moreau", "Silva", "Qureshi",
    "Lindqvist", "Mensah", "Petrov", "Castellano", "Nakamura", "Rahimi", "Duarte", "Achterberg",
    "Banda", "Ferreira", "Osei", "Karimov", "Lozano", "Whitfield", "Adeyemi", "Novak", "Sato",
    "Barzani", "Delacroix", "Mwangi", "Oyelaran",
)
TITLES = (
    "Foreign Minister", "Defence Minister", "Prime Minister", "President", "Trade Minister",
    "Finance Minister", "Interior Minister", "Deputy Foreign Minister", "Energy Minister",
)
SPOKES = (
    "a foreign ministry spokesperson", "a government spokesman", "a senior official",
    "a spokeswoman for the presidency", "a diplomat familiar with the talks",
)
TOPICS = (
    "trade", "border security", "energy cooperation", "maritime security", "counter-terrorism",
    "climate finance", "migration", "water sharing", "fisheries", "debt relief",
    "nuclear non-proliferation", "food security", "cyber security", "regional stability",
)
AGREEMENTS = (
    "a free trade agreement", "a memorandum of understanding on energy cooperation",
    "a defence cooperation pact", "an extradition treaty", "a visa waiver agreement",
    "a maritime boundary accord", "a deal on grain exports", "a joint communique",
    "an agreement on nuclear cooperation", "a five-year investment framework",
)
AID = (
    "$250 million in development aid", "a €40 million aid package", "$1.2 billion in loans",
    "emergency food assistance worth $75 million", "$30 million in humanitarian aid",
    "military assistance worth $500 million", "a $90 million budget support grant",
)
GRIEVANCES = (
    "interfering in its internal affairs", "harbouring militants", "violating its airspace",
    "spreading disinformation", "arming rebel groups", "smuggling weapons across the border",
    "mistreating its nationals", "sabotaging the peace process",
)
TARGETS = (
    "militant positions", "a weapons depot", "suspected rebel camps", "supply routes",
    "an ammunition factory", "command centres",
)
SANCTIONED = (
    "oil exports", "state-owned banks", "senior military officers", "arms sales",
    "technology exports", "central bank", "shipping companies",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OUTLETS = ("Reuters", "AFP", "AP", "the state news agency", "local media", "the BBC")

# --- sentence templates ------------------------------------------------------------------
# Slots: {a} {b} actors (varied surface forms), {a_name} {b_name} country names,
# {a_dem} {b_dem} demonyms, {a_cap} {b_cap} capitals, {a_off} {b_off} officials with titles,
# {a_sp} a spokesperson of A, {when} a date phrase, {topic} {agreement} {aid} {grievance}
# {target} {sanctioned} {outlet} {c} a third actor.

EVENT_TEMPLATES = {
    "visit": (
        "{a_off} arrived in {b_cap} {when} for a two-day official visit.",
        "{a_off} visited {b_name} {when}, the first such trip in nearly a decade.",
        "{when_cap}, {a_off} travelled to {b_cap} for talks on {topic}.",
        "{b} hosted {a_off} {when} at the presidential palace.",
    ),
    "meet": (
        "{a_off} met {b_off} in {c_cap} {when} to discuss {topic}.",
        "{a_off} and {b_off} held talks {when} on the sidelines of a regional summit.",
        "{when_cap}, {a} and {b} held a first round of talks on {topic} in {c_cap}.",
        "Officials from {a_cap} and {b_cap} met {when} to prepare a summit on {topic}.",
    ),
    "agree": (
        "{a} and {b} signed {agreement} {when}.",
        "{a_off} and {b_off} signed {agreement} in {b_cap} {when}.",
        "{when_cap}, {a} signed {agreement} with {b}, {outlet} reported.",
        "The {a_dem} cabinet approved {agreement} with {b} {when}.",
    ),
    "aid": (
        "{a} approved {aid} for {b} {when}.",
        "{a_cap} pledged {aid} to {b} {when} to help it recover from floods.",
        "{a} suspended {aid} to {b} {when}, citing concerns over governance.",
        "The {a_dem} government froze {aid} earmarked for {b} {when}.",
        "{when_cap}, {a} resumed {aid} to {b} after a two-year pause.",
    ),
    "accuse": (
        "{a} accused {b} of {grievance} {when}.",
        "{a_off} accused {b_cap} of {grievance}, {outlet} reported.",
        "{when_cap}, {a_sp} accused {b} of {grievance}.",
        "In a statement {when}, {a} blamed {b} for {grievance}.",
    ),
    "criticize": (
        "{a_off} criticised {b} {when} over its handling of {topic}.",
        "{a} condemned {b_name}'s decision to expel two diplomats.",
        "{when_cap}, {a_dem} lawmakers denounced {b} for {grievance}.",
        "{a_off} said {b_cap} had shown \"contempt for international law\".",
    ),
    "strike": (
        "{a_dem} warplanes struck {target} in {b_name} {when}, killing at least 12 people.",
        "{a} carried out air strikes on {target} inside {b} {when}.",
        "{when_cap}, {a_dem} forces shelled {target} near the border with {b_name}.",
        "{a} launched drone strikes against {target} in northern {b_name} {when}, {outlet} said.",
    ),
    "sanction": (
        "{a} imposed sanctions on {b_name}'s {sanctioned} {when}.",
        "{when_cap}, {a} announced new sanctions targeting {b_dem} {sanctioned}.",
        "{a_off} said {a_name} would lift sanctions on {b} if talks on {topic} progressed.",
        "{a} expelled the {b_dem} ambassador {when} and recalled its own envoy from {b_cap}.",
    ),
    "intend": (
        "{a_off} said {a_name} would send a delegation to {b_cap} {when}.",
        "{a} plans to open talks with {b} on {topic} later this year.",
        "{a_off} promised to support {b} in its bid to join the regional bloc.",
        "{a} offered to mediate between {b} and {c_name}, {a_sp} said.",
    ),
    "deny": (
        "{a} denied that it had {grievance_past} {b_name}.",
        "{a_sp} rejected claims that {a_name} was {grievance}.",
        "{when_cap}, {a_off} denied any role in the attack on {b_dem} troops.",
        "{a} refused to comment on reports that it had {grievance_past} {b_name}.",
    ),
    "speculate": (
        "Analysts said {a} might impose sanctions on {b} if talks fail.",
        "{a} might suspend aid to {b} in the coming weeks, according to officials.",
        "Some diplomats believe {a} could recall its ambassador from {b_cap}.",
        "It is not yet clear whether {a_off} will meet {b_off} at the summit.",
        "{a} may sign {agreement} with {b} before the end of the year.",
    ),
}

# Past-tense forms of the grievances for "denied that it had ... {country}".
GRIEVANCES_PAST = (
    "interfered in the affairs of", "sent troops into", "violated the airspace of",
    "armed rebels in", "funded opposition groups in", "spied on",
)

BACKGROUND = (
    "The region has been hit by a severe drought for the third year running.",
    "Inflation has climbed steadily since the pandemic, squeezing household budgets.",
    "The border between the two countries has been disputed since independence.",
    "Negotiations on the issue have stalled repeatedly over the past decade.",
    "Trade between the two countries was worth about $4 billion last year.",
    "The talks are expected to resume after the rainy season.",
    "Many observers see the move as a test of the new government's foreign policy.",
    "The decision comes amid rising food and fuel prices across the region.",
    "Elections are due next year, and foreign policy has become a campaign issue.",
    "Tens of thousands of people have been displaced by the fighting.",
    "The port handles more than half of the country's imports.",
    "Critics say the agreement does little to address the underlying causes of the dispute.",
    "Details of the arrangement were not made public.",
    "The currency has lost nearly a third of its value against the dollar this year.",
    "The summit was overshadowed by disagreements over the final statement.",
    "\"We are ready to work with all our partners,\" the minister told reporters.",
    "It was not immediately possible to verify the figures independently.",
    "The move was welcomed by business groups, who had lobbied for years for better access.",
)

TITLE_TEMPLATES = (
    "{a_name} and {b_name} sign {agreement_short}",
    "{a_name} suspends aid to {b_name} amid {topic} row",
    "{a_dem} minister visits {b_cap} for talks on {topic}",
    "{a_name} accuses {b_name} of {grievance}",
    "{a_name} imposes new sanctions on {b_name}",
    "{a_dem} air strikes hit targets in {b_name}",
    "{a_name}, {b_name} agree to boost {topic}",
    "{a_name} denies role in {b_dem} border clashes",
    "Tensions rise as {a_name} recalls envoy from {b_cap}",
)

COMMENTS = (
    "This is exactly what happens when governments ignore their own people.",
    "Good news for both countries. Trade is always better than war.",
    "Another agreement that will never be implemented, just like the last one.",
    "Why does nobody talk about the refugees? They are the real victims here.",
    "Great article, very balanced reporting.",
    "I lived in {cap} for five years and this does not surprise me at all.",
    "{name} should focus on its own problems first.",
)
COMMENTERS = ("Rahul K.", "jmarsh_77", "Ade O.", "Concerned Citizen", "Maria T.", "peaceforall",
              "K. Lindgren", "truthseeker")


def _official(rng: random.Random, country: Country) -> str:
    """An invented official, titled and often with the demonym: "Kenyan Foreign Minister Jane Doe"."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    title = rng.choice(TITLES)
    shape = rng.random()
    if shape < 0.5:
        return f"{country.demonym} {title} {name}"
    if shape < 0.8:
        return f"{title} {name} of {country.noun}"
    return f"{country.noun}'s {title.lower()}, {name},"


def _actor(rng: random.Random, country: Country) -> str:
    """A country referred to by name, capital or government."""
    shape = rng.random()
    if shape < 0.55:
        return country.noun
    if shape < 0.75:
        return country.capital
    if shape < 0.9:
        return f"the {country.demonym} government"
    return f"{country.noun}'s foreign ministry"


def _when(rng: random.Random, published: dt.date) -> str:
    """A date phrase relative to (or consistent with) the publication date."""
    shape = rng.random()
    if shape < 0.25:
        return f"on {rng.choice(WEEKDAYS)}"
    if shape < 0.4:
        return rng.choice(("last month", "last week", "earlier this year", "last year"))
    if shape < 0.65:
        month = rng.randrange(1, 13)
        year = published.year - rng.randrange(0, 4)
        if (year, month) > (published.year, published.month):
            year -= 1
        return f"in {MONTHS[month - 1]} {year}"
    if shape < 0.85:
        day = published - dt.timedelta(days=rng.randrange(0, 40))
        return f"on {day.day} {MONTHS[day.month - 1]}"
    return rng.choice(("this week", "over the weekend", "earlier on Monday"))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(rng: random.Random, template: str, a: Country, b: Country, c: Country,
          published: dt.date) -> str:
    """Fill one template; only the slots it uses are drawn (str.format ignores extra keys)."""
    when = _when(rng, published)
    slots = {
        "a": _actor(rng, a), "b": _actor(rng, b), "c": _actor(rng, c),
        "a_name": a.noun, "b_name": b.noun, "c_name": c.noun,
        "a_dem": a.demonym, "b_dem": b.demonym,
        "a_cap": a.capital, "b_cap": b.capital, "c_cap": c.capital,
        "a_off": _official(rng, a), "b_off": _official(rng, b),
        "a_sp": f"{rng.choice(SPOKES)} in {a.capital}",
        "when": when, "when_cap": _capitalise(when),
        "topic": rng.choice(TOPICS), "agreement": rng.choice(AGREEMENTS),
        "aid": rng.choice(AID), "grievance": rng.choice(GRIEVANCES),
        "grievance_past": rng.choice(GRIEVANCES_PAST),
        "target": rng.choice(TARGETS), "sanctioned": rng.choice(SANCTIONED),
        "outlet": rng.choice(OUTLETS),
    }
    return _capitalise(template.format(**slots))


def _headline(rng: random.Random, a: Country | None = None, b: Country | None = None) -> str:
    """A short headline about ``a`` and ``b`` (two random countries if omitted)."""
    if a is None or b is None:
        a, b = rng.sample(COUNTRIES, 2)
    template = rng.choice(TITLE_TEMPLATES)
    agreement = rng.choice(AGREEMENTS).split(" ", 1)[1]  # drop the article
    return template.format(a_name=a.noun, b_name=b.noun, a_dem=a.demonym, b_dem=b.demonym,
                           b_cap=b.capital, topic=rng.choice(TOPICS),
                           grievance=rng.choice(GRIEVANCES), agreement_short=agreement)


def _paragraph(rng: random.Random, a: Country, b: Country, c: Country,
               published: dt.date) -> str:
    """One to three sentences: mostly events between the article's actors, some background."""
    sentences = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        if rng.random() < 0.3:
            sentences.append(rng.choice(BACKGROUND))
            continue
        kind = rng.choice(tuple(EVENT_TEMPLATES))
        first, second = (a, b) if rng.random() < 0.65 else (b, a)
        if rng.random() < 0.15:  # a side story with the third country
            first, second = rng.choice(((a, c), (c, b)))
        sentences.append(_fill(rng, rng.choice(EVENT_TEMPLATES[kind]), first, second, c, published))
    return " ".join(sentences)


def _recent_posts(rng: random.Random) -> str:
    """A "Recent Posts" widget: a heading, then headlines each followed by a relative stamp."""
    lines = ["Recent Posts"]
    hours = 0
    for _ in range(rng.randint(3, 5)):
        hours += rng.randint(1, 6)
        lines.append(_headline(rng))
        lines.append(f"{hours} hours ago")
    return "\n".join(lines)


def _comments(rng: random.Random, published: dt.date, countries: tuple[Country, ...]) -> str:
    """A comment section: "3 COMMENTS", then reader comments with name, stamp and "Reply"."""
    count = rng.randint(1, 12)
    blocks = [f"{count} COMMENT" + ("S" if count > 1 else "")]
    for _ in range(min(count, rng.randint(1, 2))):
        country = rng.choice(countries)
        day = published + dt.timedelta(days=rng.randint(0, 3))
        stamp = f"{MONTHS[day.month - 1]} {day.day}, {day.year} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(('am', 'pm'))}"
        text = _capitalise(rng.choice(COMMENTS).format(cap=country.capital, name=country.noun))
        blocks.append("\n".join((rng.choice(COMMENTERS), stamp, text, "Reply")))
    return "\n\n".join(blocks)


def make_article(rng: random.Random, index: int) -> dict[str, str]:
    """One article record (``id``, ``title``, ``published``, ``text``) drawn from ``rng``."""
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    a, b, c = rng.sample(COUNTRIES, 3)

    blocks = []
    if rng.random() < 0.5:  # a dateline lead
        lead = _paragraph(rng, a, b, c, published)
        blocks.append(f"{rng.choice((a, b)).capital.upper()} ({rng.choice(OUTLETS[:3])}) - {lead}")
    paragraphs = rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)
    while len(blocks) < paragraphs:
        blocks.append(_paragraph(rng, a, b, c, published))

    # Boilerplate mixed into the body, each at a random position after the lead.
    inserts = ["Advertisement"] * rng.randint(1, 3)
    inserts += [f"Also read: {_headline(rng)}" for _ in range(rng.randint(0, 2))]
    if rng.random() < 0.3:
        inserts.append(rng.choice(("Share this article", "Follow us on Twitter",
                                   "Subscribe to our newsletter", "Story continues below advertisement")))
    for line in inserts:
        blocks.insert(rng.randint(1, len(blocks)), line)
    if rng.random() < 0.8:
        blocks.append(_recent_posts(rng))
    if rng.random() < 0.85:
        blocks.append(_comments(rng, published, (a, b, c)))

    return {
        "id": f"bench-{index:05d}",
        "title": _capitalise(_headline(rng, a, b)),
        "published": published.isoformat(),
        "text": "\n\n".join(blocks) + "\n",
    }


def make_corpus(n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[dict[str, str]]:
    """N articles; article i uses its own generator seeded from the master ``Random(seed)``."""
    master = random.Random(seed)
    return [make_article(random.Random(master.getrandbits(64)), i) for i in range(n)]


def write_corpus(path: str | os.PathLike, n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> Path:
    """Write the corpus as JSON Lines to ``path`` (atomically: a temporary file, then a rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for record in make_corpus(n, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="number of articles (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--out", default=str(DEFAULT_OUT),
                        help="output JSON Lines file (default benchmarks/corpus/articles.jsonl)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    path = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {path}")


if __name__ == "__main__":
    main()
