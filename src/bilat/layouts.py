"""Event records in the column layouts of two public datasets, so bilat's events merge with them.

- ICEWS: the 20 columns of the ICEWS Coded Event Data event files (Boschee et al., Harvard
  Dataverse, doi:10.7910/DVN/28075), tab-separated with a header.
- GDELT: the 61 columns of the GDELT 2.0 Event Database table (GDELT Event Codebook V2.0,
  http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf), tab-separated;
  GDELT's own files have no header, bilat's have one (the codebook's names), so
  ``names=`` is not needed to read them.

Only the column names and their meaning are taken from those sources. Fields bilat does not
have (geography, tone, religion and ethnic codes, sentence numbers) are left empty. The
mapping, column by column, is in docs/record.md (*Export formats*).
"""
from __future__ import annotations

from bilat.codes import actor_names
from bilat.ontology import name_of

ICEWS_COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                 "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
                 "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
                 "Province", "Country", "Latitude", "Longitude")

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
                 + tuple(f"Actor1{f}" for f in _ACTOR) + tuple(f"Actor2{f}" for f in _ACTOR)
                 + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
                 + tuple(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO)
                 + ("DATEADDED", "SOURCEURL"))

# Numeric columns of each layout and their pandas types (everything else is text: codes keep
# their leading zeros). Integer columns are nullable: an event dated to the year has no SQLDATE.
_GEO_NUMBERS = {f"{who}Geo_{f}": kind for who in ("Actor1", "Actor2", "Action")
                for f, kind in (("Type", "Int64"), ("Lat", "float64"), ("Long", "float64"))}
NUMERIC = {
    "icews": {"Intensity": "float64", "Sentence Number": "Int64", "Latitude": "float64", "Longitude": "float64"},
    "gdelt": {"SQLDATE": "Int64", "MonthYear": "Int64", "Year": "Int64", "FractionDate": "float64",
              "IsRootEvent": "Int64", "QuadClass": "Int64", "GoldsteinScale": "float64", "NumMentions": "Int64",
              "NumSources": "Int64", "NumArticles": "Int64", "AvgTone": "float64", "DATEADDED": "Int64",
              **_GEO_NUMBERS},
}

# bilat sector codes as ICEWS names its sectors.
_SECTOR_NAMES = {"GOV": "Government", "MIL": "Military", "LEG": "Legislative", "JUD": "Judicial",
                 "SPY": "Intelligence", "COP": "Police", "DIP": "Diplomatic", "BUS": "Business",
                 "MED": "Media", "REB": "Rebels", "CVL": "Civilian", "EDU": "Education",
                 "OPP": "Opposition"}


def _is_state(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code in actor_names()


def to_icews(record: dict) -> dict:
    """One bilat event record as an ICEWS row. ``Source Name`` is the actor ("Pakistan",
    or "Military (Pakistan)" with a sector), ``Source Country`` the state's name,
    ``Publisher`` the outlet; the date keeps bilat's precision (``2011-11``)."""
    names = actor_names()
    row = {"Event ID": record["event_id"], "Event Date": record["event_date"],
           "Event Text": name_of(record["cameo"]), "CAMEO Code": record["cameo"],
           "Intensity": record["goldstein"], "Story ID": record["story_id"], "Publisher": record.get("outlet")}
    for side, key in (("Source", "source"), ("Target", "target")):
        code, sector = record[key], record.get(f"{key}_sector")
        name = names.get(code, code)
        row[f"{side} Name"] = f"{_SECTOR_NAMES.get(sector, sector)} ({name})" if sector else name
        row[f"{side} Sectors"] = _SECTOR_NAMES.get(sector, sector) if sector else None
        row[f"{side} Country"] = name if _is_state(code) else None
    return row


def to_gdelt(record: dict) -> dict:
    """One bilat event record as a GDELT 2.0 events row. ``GLOBALEVENTID`` is bilat's
    (string) ``event_id``; ``SQLDATE`` and ``FractionDate`` only for a day-precise date,
    ``MonthYear`` for month or day, ``Year`` whenever dated; ``NumSources`` and
    ``NumArticles`` are ``sources``; ``DATEADDED`` the publication day at 000000."""
    date = record.get("event_date") or ""
    parts = date.split("-")
    row = {"GLOBALEVENTID": record["event_id"], "Year": parts[0] if date else None,
           "MonthYear": "".join(parts[:2]) if len(parts) >= 2 else None,
           "SQLDATE": "".join(parts) if len(parts) == 3 else None,
           "EventCode": record["cameo"], "EventBaseCode": record["cameo"][:3], "EventRootCode": record["root"],
           "QuadClass": record["quad"], "GoldsteinScale": record["goldstein"],
           "NumMentions": record.get("sources"), "NumSources": record.get("sources"),
           "NumArticles": record.get("sources"), "SOURCEURL": record.get("url")}
    if len(parts) == 3:
        row["FractionDate"] = f"{int(parts[0]) + (int(parts[1]) * 30 + int(parts[2])) / 365:.4f}"
    reported = (record.get("reported_date") or "").split("-")
    if len(reported) == 3:
        row["DATEADDED"] = "".join(reported) + "000000"
    names = actor_names()
    for n, key in ((1, "source"), (2, "target")):
        code, sector = record[key], record.get(f"{key}_sector")
        row[f"Actor{n}Code"] = code + (sector or "")
        row[f"Actor{n}Name"] = (names.get(code) or record.get(f"{key}_text") or code).upper()
        if _is_state(code):
            row[f"Actor{n}CountryCode"] = code
        else:
            row[f"Actor{n}KnownGroupCode"] = code
        row[f"Actor{n}Type1Code"] = sector
    return row


LAYOUTS = {"icews": (ICEWS_COLUMNS, to_icews), "gdelt": (GDELT_COLUMNS, to_gdelt)}
