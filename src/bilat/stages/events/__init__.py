"""Events: CAMEO coding over the dependency parse.

For each sentence the coder finds triggers (verbs, nouns, predicative adjectives listed in
``data/rules``), reads their arguments off the parse, and keeps only what the text says
happened or was said. One module per concern:

* ``rules`` — the trigger tables and word classes;
* ``roots`` — which codes behave how (mutual acts, force, words, reductions decided);
* ``modality`` — negation, speculation, hypotheticals, intentions;
* ``arguments`` — the actors a phrase stands for: coordination, "the two countries", "his
  country"; built on ``context`` (Arg, Context), ``syntax`` (reading the parse), ``subjects``
  (who does what a verb tells), ``pairs`` (the pair a story is about), ``people`` (offices and
  speakers) and ``backrefs`` (places, reactions and a bare "it" referring back);
* ``candidate`` — the candidate event, and who acts and on what condition;
* ``verbrules`` — which row of the verb table a verb matches, by its prepositions and objects;
* ``targets``, ``places``, ``domestic`` — whom an act is aimed at, where force lands, and acts
  aimed at no other state;
* ``light`` — light verbs whose object noun carries the event ("launched strikes");
* ``intentions`` — what is still to come: intentions, threats on a condition;
* ``verbs``, ``nouns``, ``nominals``, ``adjectives`` — each kind of trigger with its arguments;
* ``candidates`` — every candidate of a sentence (pure);
* ``reports`` — what is an event by what is said: censure, demands, allegations, threats;
* ``quotes`` — who speaks a quotation;
* ``quantities`` — money and casualties;
* ``coder`` — candidates turned into event records.
"""
from bilat.stages.events.candidates import find_candidates
from bilat.stages.events.coder import code_events
from bilat.stages.events.pairs import refers_to_pair
from bilat.stages.events.quantities import find_quantities
from bilat.stages.events.rules import Rules, load_rules

__all__ = ["Rules", "code_events", "find_candidates", "find_quantities", "load_rules", "refers_to_pair"]
