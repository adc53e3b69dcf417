"""Which CAMEO codes behave how: the root sets the coder's rules consult (mutual acts, force,
words said, reductions decided, targets a reader infers), and the intent code of each root."""
from __future__ import annotations


# Roots of force: an act in any aspect ("had been striking army positions").
FORCE_ROOTS = frozenset({"18", "19", "20"})


# Acts two parties do together: "they" may stand for the pair a story is about.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})


# Acts that "A and B" do to each other when no one else is named: agree, meet, sign, fight.
JOINT_ROOTS = MUTUAL_ROOTS | {"08", "15", "19"}


# Intentions to give, which several givers do toward a third, not to each other ("China, Iran
# and Russia have pledged funds" for Syria's reconstruction).
GIVEN = frozenset({"033"})


# Roots of what is said: a statement in the progressive ("are blaming each other") is made.
VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13", "14"})


# Roots of reductions and coercion, decided at once: announced in the progressive, they are done.
DECIDED_ROOTS = frozenset({"16", "17"})


# Roots of what flows over years (aid, cooperation): "had been receiving $2 billion a year" is
# a state of affairs, "has been standing by Azerbaijan" a stance taken.
FLOW_ROOTS = frozenset({"06", "07"})


# Roots whose unnamed target, in a story about two states, is the other one.
# (Measured on the development split: appeals, intentions, meetings, rejections and threats
# told with no target are as often about someone else; aid given, concessions and protests
# were added when a second count found them right on both development sets.)
IMPLICIT_TARGET_ROOTS = frozenset({"05", "07", "08", "10", "11", "14", "15", "16", "17"})


# Roots whose agentless passive, said of one state's people or envoys in a story about two,
# was done by the other ("Indian fishermen were arrested", "the Cuban envoy was expelled").
PASSIVE_DOER_ROOTS = frozenset({"08", "16", "17"})


# An envoy summoned (or called in) is summoned by the state that hosts him: "the Russian
# ambassador was summoned" in a story about Russia and Britain was summoned by Britain.
SUMMONED = "114"


# Roots of censure, demand and threat: said "often" or "regularly", they were said.
CENSURE_ROOTS = frozenset({"10", "11", "12", "13", "14"})


# A visit or meeting in progress took place: "was visiting the US capital when …".
VISIT_ROOTS = frozenset({"04"})


# Roots of reactions, whose target may be whoever did the act reacted to ("condemned the move").
REACTION_ROOTS = frozenset({"01", "05", "10", "11", "12", "14"})


# Frames of verbs that take what is intended as an infinitive ("vowed to", "plans to").
INTENT_FRAMES = frozenset({"intent", "plan"})


# A future or reported-future done event becomes the matching intention.
INTENT_OF_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


# A cooperative act its doer says it will not do is a rejection (CAMEO 12), by what is refused:
# talks (125, reject a proposal to meet or negotiate), material cooperation or aid (121), a
# concession (124, refuse to yield), anything else (120).
REFUSAL_OF_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124"}


# Mediation: the mediator acts toward each side, never a side toward the other.
MEDIATE = "045"


# Roots of words (praise, demands, criticism, rejection): said of something of one's own,
# they are aimed at no other state ("defended his decision", "praised its own forces").
WORDS_ROOTS = frozenset({"05", "10", "11", "12"})
