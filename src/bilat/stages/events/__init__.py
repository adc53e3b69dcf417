"""Events: CAMEO coding over the dependency parse.

For each sentence the coder finds triggers (verbs, nouns, predicative adjectives listed in
``data/rules``), reads their arguments off the parse, and keeps only what the text says
happened or was said. One module per concern:

* ``rules`` — the trigger tables and word classes;
* ``modality`` — negation, speculation, hypotheticals, intentions;
* ``arguments`` — sources and targets, coordination, "the two countries", "his country";
* ``candidate`` — the candidate event, and who acts and on what condition;
* ``candidates`` — verbs, event nouns, nominalisations and adjectives with their arguments,
  per sentence (pure);
* ``reports`` — what is an event by what is said: censure, demands, allegations, threats;
* ``quantities`` — money and casualties;
* ``coder`` — candidates turned into event records.
"""
from bilat.stages.events.arguments import refers_to_pair
from bilat.stages.events.candidates import find_candidates
from bilat.stages.events.coder import code_events
from bilat.stages.events.quantities import find_quantities
from bilat.stages.events.rules import Rules, load_rules

__all__ = ["Rules", "code_events", "find_candidates", "find_quantities", "load_rules", "refers_to_pair"]
