"""Actors: phrases that name states, international bodies, institutions, office holders.

A sentence's actor *units* are built from three kinds of hits: dictionary phrases (countries,
demonyms, capitals and seats of power, international bodies, institutions, known leaders,
user entries), role words ("cabinet", "army chief") and PERSON entities. Adjacent hits joined
by possessives, "of" or modifiers form one unit: "Pakistan's Chief of Army Staff General Asim
Munir" is one unit, PAK MIL. People are resolved inside the document: once "US Central Command
chief General Michael Erik Kurilla" is seen, "Kurilla" is USA MIL.

The modules, each over the ones before it: ``tables`` (the data files), ``offices`` (office
holders by name and term), ``dictionary`` (phrase → actor), ``people`` (people within one
document), ``hits`` (a sentence's hits; places), ``units`` (hits grouped into actor units),
``references`` (halves, short names, a quoted "we", "they", predecessors) and ``find`` (the
stage over one document).
"""
from bilat.stages.actors.dictionary import STATE_SECTORS, ActorDictionary, Entry, load_dictionary, load_user_dictionary
from bilat.stages.actors.find import find_actors, home_country
from bilat.stages.actors.hits import find_places
from bilat.stages.actors.offices import (Term, bare_surname, family_name, fuller_name_actor, lone_surname, office_held,
                                         spelled_name_actor, surname_actor)
from bilat.stages.actors.references import find_halves, find_quoted_selves, find_short_names, find_they
from bilat.stages.actors.tables import (court_codes, description_codes, igo_codes, memberships, pair_names,
                                        predecessors, titles)
from bilat.stages.actors.units import Unit, build_units

__all__ = ["STATE_SECTORS", "ActorDictionary", "Entry", "Term", "Unit", "bare_surname", "build_units", "court_codes",
           "description_codes", "family_name", "find_actors", "find_halves", "find_places", "find_quoted_selves",
           "find_short_names", "find_they", "fuller_name_actor", "home_country", "igo_codes", "load_dictionary",
           "load_user_dictionary", "lone_surname", "memberships", "office_held", "pair_names", "predecessors",
           "spelled_name_actor", "surname_actor", "titles"]
