"""The event coder: which PLOVER events a parsed sentence reports, and between whom.

Input is a spaCy ``Doc`` of one story (parsed by :mod:`tidings.analyse`); output is a
list of :class:`~tidings.records.Event`. The coder is rule-based over the dependency
parse and the trigger lexicon (:mod:`tidings.lexicon`); each rule cites the part of the
PLOVER manual (Draft 0.8) it implements. Actor, date and place resolution are delegated
to :mod:`tidings.actors`, :mod:`tidings.dates` and :mod:`tidings.places`.

The steps for one sentence:

1. **Triggers**: verbs (and phrasal verbs) from the lexicon; nouns only inside an event
   frame (object of a support verb such as "hold talks", "impose sanctions", subject of
   an occurrence verb such as "fighting erupted", or a headline without a verb).
2. **Structure**: reporting verbs ("said", "told") are not events; the events in their
   complement get the speaker in ``claimed_by``. A trigger governed by another trigger
   ("refused to negotiate", "threatened to cut ties") is folded into the governing one.
3. **Main event and others**: the trigger nearest the clause root is the main event;
   another trigger is a separate event only when it has a subject of its own (several
   events in one sentence).
4. **Auxiliary modes** (PLOVER manual, "Auxiliary modes"): negation, future,
   hypothetical, historical, with the manual's recoding rules (a future meeting is
   AGREE; an announced future withdrawal is CONCEDE; a conditional or announced future
   use of force is THREATEN).
5. **Actors** from the parse: subject or passive agent; recipient from the object, the
   passive subject, or a preposition fitting the type ("called on X", "talks with X",
   "sanctions on X"); an object that is no actor lends its modifier ("burned Russian
   flags" -> RUS); compound actors as lists; pronouns resolved to the story's earlier
   mentions.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from . import PIPELINE_VERSION
from .lexicon import Lexeme, Lexicon, load_lexicon
from .records import MODES, QUAD_CLASS, Entity, Event, EventDate, Place, Story, make_event_id

# --- word classes used by the rules (English function words and light verbs) ----------

#: Speech verbs: their complement is a reported event (claimed_by = the speaker).
REPORTING = {"reiterate", "stress", "repeat", "emphasize", "emphasise", "say", "tell", "report", "state", "add", "note", "claim", "announce", "declare",
             "confirm", "write", "quote", "insist", "explain", "reveal", "assert",
             "acknowledge", "believe", "think", "hope", "argue", "warn", "post", "tweet"}
#: Light/support verbs: with an event-noun object, the noun carries the event
#: ("held talks", "imposed sanctions", "launched an attack", "sent letters").
SUPPORT_VERBS = {"drop", "grant", "undertake", "hold", "launch", "stage", "carry", "conduct", "begin", "start", "open",
                 "resume", "mount", "make", "reach", "impose", "lodge", "file", "issue",
                 "order", "use", "unleash", "continue", "take", "join", "organize", "organise",
                 "lead", "call", "go", "send", "deliver", "provide", "give", "offer", "extend",
                 "announce", "approve", "pledge", "promise", "sign", "conclude", "seal",
                 "renew", "step", "intensify", "escalate", "wage", "fire", "deploy", "declare",
                 "receive", "accept", "get", "have", "hand", "submit", "write", "pass",
                 "initiate", "undertake", "complete", "finalize", "finalise", "broker"}
#: Verbs whose subject noun is itself an event ("fighting erupted", "talks resumed").
OCCURRENCE_VERBS = {"erupt", "break", "take", "begin", "continue", "resume", "start",
                    "kill", "hit", "end", "occur", "happen", "rage", "intensify", "leave",
                    "wound", "destroy", "damage", "target", "claim"}
#: Verbs that turn a governed trigger into a non-event of that type.
NEGATING_GOVERNORS = {"fail", "refuse", "decline", "stop", "cease", "avoid", "deny"}
#: Wishes, fears and efforts: the act has not happened (hypothetical).
DESIRE_GOVERNORS = {"hope", "want", "wish", "seek", "campaign", "effort",
                    "push", "fear", "wary", "need", "struggle", "aim", "eager",
                    "keen", "afraid", "reluctant", "hesitant", "able", "unable"}
#: Announcing or deciding a sanction is the sanction (the PLOVER gold codes "the US
#: announced it would prohibit all aid to the rebels" as SANCTION), while saying or
#: warning that one would act is a threat.
DECISION_VERBS = {"announce", "decide", "declare", "decree", "order", "rule"}
#: People acting privately: violence between them is crime (see _private).
PERSON_NOUNS = {"man", "woman", "farmer", "neighbour", "neighbor", "brother", "sister", "husband", "wife",
                "father", "mother", "son", "daughter", "relative", "cousin", "uncle", "boy", "girl",
                "teenager", "youth", "child", "friend", "landlord", "tenant", "driver", "shopkeeper",
                "trader", "passenger", "resident", "villager", "student", "worker", "person", "family"}
LEISURE_VISITORS = {"tourist", "pilgrim", "fan", "visitor", "traveller", "traveler", "shopper",
                    "worshipper", "holidaymaker", "backpacker"}
DEMAND_NOUNS = {"demand", "condition", "precondition", "claim", "objection", "insistence", "request"}
ATROCITIES = {"abuse", "atrocity", "crime", "violation", "genocide", "massacre", "killing", "murder",
              "war-crime", "torture", "rape", "attack", "assault", "bombing"}
PUBLIC_AUDIENCES = {"voter", "supporter", "crowd", "resident", "student", "fan", "worshipper", "audience",
                    "expert", "analyst", "scholar", "researcher",
                    "villager", "citizen", "public", "people", "youth", "farmer", "parent"}
ANIMALS = {"dog", "cat", "cow", "cattle", "goat", "sheep", "elephant", "bird", "animal", "horse", "camel",
           "pig", "chicken", "livestock", "wolf", "bear", "lion", "rhino", "whale", "shark", "monkey"}
SHAREABLE = {"intelligence", "information", "data", "technology", "expertise", "experience", "evidence",
             "know-how", "resource", "burden", "responsibility", "satellite", "imagery", "findings", "finding",
             "assessment", "border", "water", "power", "electricity", "energy", "cost"}
TRUCE_NOUNS = {"ceasefire", "cease-fire", "truce", "armistice"}
CYBER_TARGETS = {"network", "system", "server", "database", "account", "email", "website", "computer",
                 "firewall", "security", "data"}
EXERCISE_NOUNS = {"exercise", "drill", "game", "maneuver", "manoeuvre", "wargame"}
JOINT_WORDS = {"joint", "combined", "multinational", "bilateral", "trilateral", "allied", "multilateral"}
#: Passive forms that are adjectives of the subject's stance ("is opposed to", "is
#: committed to"): the subject is the actor.
STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "determine", "prepare"}
#: Heads whose that-clause is what is asked for ("demanded that", "its call that").
DEMAND_HEADS = {"demand", "call", "request", "appeal", "plea", "ultimatum", "insist", "urge",
                "ask", "propose", "proposal", "suggest", "suggestion", "recommend", "recommendation"}
#: Deliberation: "the EU is considering sanctions" reports no sanction yet (hypothetical).
DELIBERATION_GOVERNORS = {"consider", "mull", "weigh", "contemplate", "debate", "explore", "study",
                          "examine", "eye", "ponder"}
#: Inflected forms the small model lemmatises wrongly ("hopes" -> "hop").
DESIRE_FORMS = {"hopes", "hoped", "hoping", "wants", "wanted", "wishes", "wished", "seeks",
                "sought", "fears", "feared", "needs", "needed", "aims", "aimed"}
STOPPING_VERBS = {"stop", "end", "halt", "cease", "prevent", "avoid", "curb", "deter"}
FUTURE_GOVERNORS = {"plan", "intend", "schedule", "set", "due", "prepare",
                    "agree", "promise", "pledge",
                    "vow", "offer", "propose", "ready", "prepared",
                    "swear", "determine", "threaten", "warn", "resolve", "poised", "vote"}
HYPOTHETICAL_MODALS = {"could", "might", "may", "should", "must"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
#: Types that become AGREE when only intended or announced for the future (PLOVER manual,
#: AGREE and CONSULT "potential ambiguities": future meetings, cooperation and aid).
#: Expressed intent to yield or release is AGREE too (CAMEO2PLOVER, 035x "Express
#: intent to yield/release/ease" -> AGREE).
FUTURE_TO_AGREE = {"CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"}
#: The manual's text would keep CONCEDE + future and make an announced RETREAT CONCEDE; the
#: PLOVER gold standard codes both as AGREE (CAMEO 035x "express intent to yield/release"),
#: and tidings follows the gold ("RUF announced it will return the weapons" is AGREE).
#: Material conflict that is only announced, conditional or prepared is THREATEN
#: (PLOVER manual, Auxiliary modes: THREATEN rather than ASSAULT + hypothetical).
FUTURE_TO_THREATEN = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "REJECT"}
THREATEN_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "MOBILIZE": "violence", "PROTEST": "restrict",
                 "SANCTION": "relations", "REJECT": "relations", "RETREAT": "relations"}
#: Objects that make a physical verb verbal ("attacked the budget" is ACCUSE).
ABSTRACT_OBJECTS = {"record", "policy", "policies", "plan", "budget", "decision", "remark",
                    "remarks", "statement", "proposal", "bill", "law", "stance", "comment",
                    "approach", "idea", "report", "leadership", "performance", "criticism",
                    "move", "handling", "reform", "agenda", "strategy", "rhetoric", "claim",
                    "position", "speech", "view", "legislation", "deal", "measure", "program",
                    "programme", "government", "administration", "opposition", "idea"}
#: Cues of sport reporting: physical verbs in sport are not political events (PLOVER
#: covers political interactions; sport results are out of domain).
SPORT_CUES = {"tournament", "league", "championship", "qualifier", "qualifying", "semifinal",
              "semi-final", "quarter-final", "quarterfinal", "striker", "goalkeeper", "olympic",
              "olympics", "squad", "referee", "playoff", "football", "soccer", "basketball",
              "tennis", "cricket", "rugby", "hockey", "innings", "wicket", "midfielder",
              "bowler", "batsman", "batter", "test", "odi", "t20", "goalscorer", "boxer", "marathon",
              "cyclist", "sprinter", "grand", "slam", "derby", "halftime", "half-time", "lunch"}
#: Weak cues count only in pairs ("match" alone may be "match the EU's support").
SPORT_WEAK = {"match", "game", "final", "goal", "goals", "score", "scored", "cup", "medal",
              "coach", "season", "fixture", "stadium", "team", "win", "victory"}
#: Sectors that are domestic by nature: without a national modifier they belong to the
#: country where the story's events take place.
DOMESTIC_SECTORS = {"COP", "JUD", "CVL", "OPP", "LEG", "JRN", "EDU", "LAB", "MED", "REF",
                    "PTY", "AGR", "BUS", "CRM", "REL", "SOC"}
#: Roles that belong to the country a story is about when no nationality is given.
HOME_SECTORS = DOMESTIC_SECTORS | {"GOV", "MIL", "REB", "SPY", "UAF", "INS"}
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
#: What sanctions cut, freeze, suspend or end (PLOVER manual, SANCTION modes).
SANCTIONABLE = {"aid", "assistance", "funding", "fund", "tie", "relation", "support", "supply",
                "export", "import", "trade", "talk", "negotiation", "cooperation", "loan",
                "payment", "program", "programme", "flight", "link", "contact", "service",
                "membership", "deal", "agreement", "mission", "visa", "shipment", "delivery",
                "oil", "gas", "investment", "asset", "account", "financing", "grant", "access",
                "mediation", "dialogue", "participation", "operation", "work"}
CLOSABLE = {"border", "crossing", "embassy", "office", "newspaper", "station", "school",
            "mosque", "church", "road", "airport", "port", "airspace", "consulate", "channel",
            "account", "website", "outlet", "university", "checkpoint", "camp", "mission",
            "bank", "market", "strait", "route", "corridor", "highway", "bridge", "frontier"}
MEDIA_NOUNS = {"website", "site", "internet", "access", "account", "platform", "newspaper",
               "broadcast", "channel", "outlet", "app", "media", "social", "telegram", "x"}
HABITUAL = {"frequently", "often", "routinely", "usually", "regularly", "typically",
            "habitually", "generally", "sometimes", "occasionally", "seldom", "rarely"}
#: Forecasts by others: the act has not happened and is not announced by its actor.
SPECULATION_GOVERNORS = {"expect", "predict", "forecast", "anticipate", "likely", "unlikely",
                         "possible", "may", "might", "project", "estimate", "speculate"}
COPULAS = {"be", "become", "remain", "seem", "appear", "look", "sound", "feel"}
#: Objects that can be mobilised: forces and their equipment (PLOVER manual, MOBILIZE).
RETURNERS = {"refugee", "migrant", "displaced", "exile", "troop", "soldier", "force"}
TRADE_NOUNS = {"import", "export", "trade", "shipment", "purchase", "sale", "investment"}
MOBILIZABLE = {"troop", "soldier", "force", "warship", "tank", "battalion", "brigade", "unit",
               "hacker", "fighter", "recruit", "militant", "commando", "sniper", "militia", "guerrilla",
               "jet", "fighter", "reinforcement", "army", "navy", "marine", "police", "officer",
               "ship", "vessel", "aircraft", "plane", "bomber", "submarine", "carrier",
               "missile", "rocket", "drone", "system", "battery", "weapon", "artillery",
               "equipment", "reservist", "conscript", "personnel", "guard", "militia", "fighter"}
MOTION_VERBS = {"send", "dispatch", "travel", "arrive", "go", "come", "fly"}
PROTESTER_NOUNS = {"demonstrator", "protester", "protestor", "activist", "crowd", "marcher",
                   "rioter", "student", "mob", "youth", "striker", "people", "worker",
                   "resident", "farmer", "villager", "supporter", "landowner", "teacher",
                   "miner", "trader", "opponent", "thousand", "hundred", "dozen"}
PHYSICAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
PRONOUNS_SINGULAR = {"he", "she", "him", "her", "his"}
PRONOUNS_PLURAL = {"they", "them", "their"}
PRONOUNS_IT = {"it", "its"}
PRONOUNS_FIRST = {"i", "we", "me", "us"}
#: Military object nouns: "sent troops" is MOBILIZE (PLOVER manual, MOBILIZE).
TROOP_NOUNS = {"troop", "soldier", "force", "warship", "tank", "battalion", "brigade",
               "unit", "jet", "fighter", "reinforcement", "army", "navy", "marine"}
#: International presence: withdrawing it is SANCTION, admitting it is RETREAT
#: (PLOVER manual, SANCTION 'expel/withdraw' and RETREAT 'access'; CAMEO 166x, 086x).
PRESENCE_NOUNS = {"inspector", "observer", "monitor", "peacekeeper", "mission", "diplomat",
                  "ambassador", "envoy", "staff", "delegation", "personnel", "worker",
                  "peacekeeping", "embassy", "contingent", "force"}
#: Military and economic restrictions: lifting them is RETREAT, lifting others CONCEDE
#: (CAMEO2PLOVER: 085, 0813, 0872 -> RETREAT; 081 -> CONCEDE).
MATERIAL_RESTRICTIONS = {"blockade", "siege", "sanction", "embargo", "closure",
                         "checkpoint", "cordon"}
# (a state of emergency or martial law is a political restriction: lifting it is CONCEDE)
#: People as objects: holding them is detention (PLOVER manual, COERCE 'detain').
PEOPLE_NOUNS = {"civilian", "refugee", "hostage", "prisoner", "people", "detainee",
                "journalist", "activist", "worker", "national", "citizen", "tourist",
                "soldier", "villager", "student", "resident", "migrant", "person"}
DOCUMENT_NOUNS = {"letter", "message", "proposal", "note", "document", "list", "report",
                  "invitation", "plan", "draft", "text", "petition", "credential", "statement",
                  "video", "data", "figure", "result", "evidence", "information", "detail",
                  "image", "photo", "footage", "film", "album", "book", "study", "survey",
                  "index", "recording", "transcript", "finding", "record", "version", "update"}
#: Subjects that are no political agents: nature, disease, markets (an event needs an
#: actor that can act; PLOVER manual, actors).
NON_AGENTS = {"magnitude", "cyclone", "storm", "hurricane", "typhoon", "flood", "flooding", "earthquake",
              "quake", "tsunami", "fire", "wildfire", "bushfire", "blaze", "drought", "heatwave",
              "heat", "rain", "snow", "landslide", "virus", "disease", "pandemic", "outbreak",
              "epidemic", "price", "inflation", "market", "economy", "weather", "wind",
              "animal", "elephant", "lion", "tiger", "dog", "snake", "crocodile", "shark",
              "bear", "wolf", "tariff", "law", "rule", "policy", "measure", "regulation",
              "rainfall", "monsoon", "downpour", "storm", "cold", "frost", "bus", "truck", "lorry",
              "car", "train", "vehicle", "boat", "ferry", "accident", "crash", "collision", "avalanche",
              "mudslide", "eruption", "volcano", "lightning", "current", "wave"}
MET_OBJECTS = {"condition", "requirement", "target", "goal", "demand", "expectation",
               "deadline", "criterion", "standard", "need", "threshold", "obligation", "quota"}
#: "met with opposition / criticism": a reception, not a meeting (PLOVER manual, CONSULT
#: needs a meeting between actors).
RESPONSE_NOUNS = {"opposition", "resistance", "criticism", "skepticism", "scepticism", "suspicion",
                  "hostility", "anger", "outrage", "derision", "disapproval", "approval", "praise",
                  "applause", "silence", "indifference", "success", "failure", "backlash", "resentment",
                  "condemnation", "protest", "objection", "alarm", "concern", "dismay", "enthusiasm",
                  "acclaim", "scorn", "ridicule", "delay", "difficulty", "obstacle", "refusal", "violence"}
#: what an agreement-sense "extend" extends (PLOVER manual, AGREE): "extended the ceasefire",
#: "extended an invitation"; "extend sovereignty / its rights / a railway" is no agreement.
EXTENDABLE = {"ceasefire", "cease-fire", "truce", "deadline", "moratorium", "mandate", "agreement",
              "deal", "accord", "pact", "treaty", "invitation", "offer", "hand", "welcome", "condolence",
              "congratulation", "term", "arrangement", "suspension", "pause", "lull", "extension",
              "guarantee", "recognition", "amnesty", "waiver", "exemption", "visa", "protection", "grace"}
#: Collective dissent that a stopping verb ends: "suspended their protests" is CONCEDE
#: (PLOVER manual, CONCEDE: "suspending protests"; CAMEO 082 ease political dissent).
PROTEST_ACTS = {"protest", "demonstration", "strike", "boycott", "sit-in", "march", "rally",
                "walkout", "picket", "stoppage", "agitation", "campaign", "blockade", "occupation"}
#: Violence that a stopping verb ends: "halted its offensive" is RETREAT 'ceasefire'
#: (PLOVER manual, RETREAT: "observing a ceasefire or otherwise ending active conflicts").
VIOLENT_ACTS = {"attack", "offensive", "operation", "bombing", "raid", "hostility", "fighting",
                "war", "conflict", "insurgency", "assault", "airstrike", "shelling", "violence",
                "fire", "bombardment", "incursion", "combat", "activity", "action", "rebellion", "uprising"}
MEETING_NOUNS = {"talk", "meeting", "summit", "negotiation", "conference", "dialogue", "consultation",
                 "forum", "parley", "round"}
#: Bodies whose withdrawal is no military retreat (PLOVER manual, SANCTION 'withdraw').
CIVIL_BODIES = {"group", "organization", "organisation", "ngo", "charity", "agency", "company", "firm",
                "bank", "investor", "airline", "mission", "embassy", "observer", "monitor", "delegation",
                "party", "team", "federation", "association", "union", "council", "donor"}
#: Words that make "strike" a work stoppage (PLOVER manual, PROTEST 'strike' vs ASSAULT).
LABOUR_CUES = {"worker", "union", "general", "hunger", "teacher", "doctor", "nurse", "miner",
               "employee", "staff", "labour", "labor", "nationwide", "go", "wage", "pay", "salary",
               "driver", "trucker", "pilot", "unionist", "porter", "docker", "farmer", "lawyer"}
#: What a warning must hold to be a threat when no conflict verb is folded into it
#: ("warned that Zambia will face retaliation").
THREAT_CONTENT = {"retaliation", "reprisal", "consequence", "repercussion", "punishment", "retribution",
                  "countermeasure", "revenge", "war", "prosecute", "prosecution"}
STOP_VERBS = {"suspend", "end", "halt", "stop", "cease", "abandon", "pause", "call", "discontinue",
              "terminate", "postpone", "stand"}
#: Restrictions on persons and organisations whose lifting is CONCEDE (PLOVER manual,
#: CONCEDE: "easing of administrative or legal restrictions ..., removing curfews";
#: CAMEO 081x).
LEGAL_RESTRICTIONS = {"curfew", "emergency", "restriction", "ban", "law", "rule", "order", "lockdown",
                      "limit", "control", "censorship", "travel", "measure", "requirement", "moratorium"}
#: What a transfer verb ("provide", "give", "send", "supply", "deliver", "ship") hands over
#: when it is AID (PLOVER manual, AID: economic, military, humanitarian aid; asylum):
#: "wind farms provided electricity", "oral history gives immediacy" are no aid.
AID_GOODS = {"aid", "assistance", "help", "support", "money", "fund", "funding", "cash", "loan",
             "grant", "credit", "dollar", "euro", "billion", "million", "weapon", "arm", "ammunition",
             "munition", "missile", "rocket", "tank", "jet", "aircraft", "helicopter", "drone",
             "equipment", "hardware", "gear", "system", "food", "supply", "ration", "medicine",
             "medication", "drug", "vaccine", "dose", "tent", "blanket", "shelter", "water", "fuel",
             "grain", "wheat", "rice", "flour", "seed", "fertilizer", "relief", "training", "advice",
             "expertise", "protection", "asylum", "refuge", "sanctuary", "intelligence", "package",
             "donation", "kit", "mask", "ventilator", "generator", "subsidy", "financing", "investment",
             "guarantee", "troop", "soldier", "force", "personnel", "team", "doctor", "expert", "convoy",
             "truck", "shipment", "consignment", "tonne", "ton", "barrel", "item", "material", "good"}
AID_TRANSFER_VERBS = {"give", "provide", "supply", "deliver", "send", "ship"}
#: What "release" frees when it is RETREAT (PLOVER manual, RETREAT 'release'): people,
#: not reports, programmes or funds.
RELEASABLE = {"prisoner", "hostage", "detainee", "captive", "activist", "journalist", "dissident",
              "inmate", "soldier", "civilian", "sailor", "crew", "fisherman", "national", "citizen",
              "worker", "student", "people", "person", "man", "woman", "child", "body", "remains",
              "opposition", "leader", "member", "protester", "suspect", "american", "pow", "seaman",
              "tourist", "pilot", "reporter", "blogger", "lawyer", "politician", "official", "refugee"}
#: Media that interview officials: talking to them is no consultation (PLOVER manual,
#: CONSULT is between political actors).
PRESS_NOUNS = {"reporter", "journalist", "press", "media", "newspaper", "broadcaster", "outlet",
               "television", "tv", "radio", "interviewer", "correspondent", "agency", "voa", "reuters",
               "afp", "ap", "bbc", "cnn", "newsroom", "podcast", "magazine", "daily"}
#: Who travels when "arrive"/"land" is a CONSULT visit: officials and delegations, not
#: refugees, detainees or troops.
VISITOR_NOUNS = {"minister", "president", "premier", "envoy", "delegation", "leader", "official",
                 "ambassador", "secretary", "chancellor", "king", "queen", "prince", "emir",
                 "diplomat", "mediator", "negotiator", "team", "chief", "head", "commissioner",
                 "representative", "senator", "lawmaker", "governor", "mayor", "pope", "monarch",
                 "sultan", "counterpart", "spokesman", "spokeswoman", "general", "commander", "mission"}
SIGNAL_NOUNS = {"signal", "message", "sign", "warning", "letter", "note", "reminder"}
WEAPON_NOUNS = {"drone", "missile", "rocket", "shell", "bomb", "grenade", "mortar", "projectile",
                "torpedo", "munition", "barrel"}
#: "launched ten days of war games": a duration in front of the event noun
DURATION_NOUNS = {"day", "week", "month", "hour", "year", "night"}
QUANTITY_NOUNS = {"dozen", "hundred", "thousand", "score", "number", "barrage", "salvo",
                  "wave", "volley", "series", "couple", "pair", "string"}
SPEECH_NOUNS = {"reminder", "demand", "call", "statement", "appeal", "warning", "message",
                "letter", "insistence"}
OBLIGATION_MODALS = {"must", "should"}
#: Prepositions that introduce a recipient, per event type.
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "REQUEST": ("on", "upon", "to", "of", "from"),
    "CONSULT": ("with", "to"),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "SUPPORT": ("for", "to"),
    "CONCEDE": ("to",),
    "RETREAT": ("to",),
    "ACCUSE": ("against", "of", "over", "with", "to"),
    "REJECT": ("from", "by"),
    "THREATEN": ("against", "with", "to"),
    "PROTEST": ("against",),
    "SANCTION": ("on", "against", "to", "for", "from"),
    "MOBILIZE": ("against",),
    "COERCE": ("on", "against"),
    "ASSAULT": ("on", "against", "at"),
}
SUBJ_DEPS = {"nsubj", "csubj", "expl"}
OBJ_DEPS = {"dobj", "obj", "dative", "iobj", "attr", "oprd"}


@dataclass
class Trigger:
    """A candidate event trigger in one sentence (internal)."""

    token: Token              # head word of the trigger
    lexeme: Lexeme
    frame: Token              # the verb whose arguments give actor/recipient
    words: list[Token]        # all words of the trigger (phrasal/support verb + noun)
    is_noun: bool = False
    aux: set[str] = field(default_factory=set)
    event_type: str = ""
    mode: str | None = None
    weight: float = 0.0
    folded: bool = False      # governed by another trigger: not an event of its own
    claimed_by: Token | None = None  # subject of the reporting verb over it
    warned: bool = False      # "warn" with a conflict act in its complement
    conditional_on: bool = False  # the act has its own "if"/"unless" condition
    obligation_of: Token | None = None  # REQUEST from "must": the obliged clause
    subs: list["Trigger"] = field(default_factory=list)  # triggers folded into this one
    n_live: int = 1           # triggers left in the sentence after folding

    def recode(self, event_type: str, mode: str | None, cameo: str, contexts: tuple[str, ...] = (),
               weight: float | None = None) -> None:
        """Give the trigger another type and mode (a sense rule decided them), with a
        lexeme that says so (its CAMEO code and contexts go to the event). ``weight``
        replaces the lexical weight when given."""
        if weight is not None:
            self.weight = weight
        self.event_type, self.mode = event_type, mode
        self.lexeme = Lexeme("N" if self.is_noun else "V", self.token.lemma_.lower(), "", event_type, mode,
                             tuple(contexts), cameo, self.weight)


ResolveFn = Callable[[str, str], Entity | None]


class Coder:
    """Code the events of parsed stories.

    Args:
        resolver: an :class:`tidings.actors.ActorResolver` (or anything with its
            ``resolve(text, context, date, memory)`` method); the default one when None.
        lexicon: a :class:`~tidings.lexicon.Lexicon`; the shipped one when None.

    Call :meth:`code_doc` once per story. Not thread-safe (keeps per-story memory).
    """

    def __init__(self, resolver: Any = None, lexicon: Lexicon | None = None,
                 calibrated: bool = True) -> None:
        if resolver is None:
            from .actors import ActorResolver
            resolver = ActorResolver()
        self.resolver = resolver
        self.lex = lexicon or load_lexicon()
        self.calibration = load_calibration() if calibrated else None
        #: event id -> confidence features, filled when ``record_features`` is True
        #: (used by scripts/calibrate.py to fit the calibration)
        self.record_features = False
        self.features: dict[str, list[float]] = {}

    # ------------------------------------------------------------------ public API
    def code_doc(self, doc: Doc, story: Story) -> list[Event]:
        """Return the events of one story, in sentence order.

        Args:
            doc: the story parsed by :func:`tidings.analyse.load_nlp` (``doc.text`` must be
                ``story.text``).
            story: the story (for id, publication date and text hash).
        Returns:
            A list of :class:`Event`; empty when the story reports no codable event.
        """
        state = _StoryState(story=story, memory={}, text_hash=story.text_hash())
        self._learn_people(doc, state)
        events: list[Event] = []
        for si, sent in enumerate(doc.sents):
            found = self._code_sentence(sent, si, state)
            events.extend(found)
            if not found:
                self._remember_mentions(sent, state)
            state.end_sentence()
            self._remember_person(sent, state)
        return events

    def _remember_mentions(self, sent: Span, state: "_StoryState") -> None:
        """Note the subject and compound mentions of a sentence without events, so that
        pronouns in the next sentences resolve ("The US president wrote to the leaders
        of Azerbaijan and Armenia. He urged them ...")."""
        root = sent.root
        subj = _subject(root)
        subj_ents = self._entities(subj, sent, state) if subj is not None and subj.pos_ != "PRON" else []
        others: list[Entity] = []
        for tok in sent:
            if tok.dep_ in ("dobj", "pobj", "dative") and tok.pos_ != "PRON" and (
                    tok.conjuncts or any(c.dep_ == "prep" and c.lower_ == "of" and any(p.conjuncts for p in c.children) for c in tok.children)):
                others = self._entities(tok, sent, state)
                if len(others) > 1:
                    break
        state.note(subj_ents, others)

    def _learn_people(self, doc: Doc, state: "_StoryState") -> None:
        """Read every person introduced with a title or an apposition ("UN envoy Geir
        Pedersen", "Zabihullah Mujahid, the Taliban spokesman") into the story's memory,
        so that a bare surname anywhere in the story ("Pedersen issued his appeal")
        resolves to the same actor even when the introducing sentence reports no event."""
        remember = getattr(self.resolver, "remember", None)
        for e in doc.ents:
            if e.label_ != "PERSON":
                continue
            h = e.root
            titled = any(c.dep_ in ("compound", "amod", "appos") and not (e.start <= c.i < e.end)
                         for c in h.children)
            if not titled:
                continue
            found = self._entity_for_head(h, e.sent, state)
            if found and remember is not None and (found[0].country or found[0].igo):
                remember(state.memory, e.text, found[0])

    def _remember_person(self, sent: Span, state: "_StoryState") -> None:
        """"He"/"she" refer to the last named person who was the subject of a clause: after
        "Liu Wei, a professor in Taipei, has studied the dispute", a following "He accused
        Japan" is Liu's act, not that of an earlier government. The person's resolved
        entity (or none when the knowledge base does not know them) replaces the memory."""
        persons = [e for e in state.ents_of(sent) if e.label_ == "PERSON"
                   and e.root.dep_ in ("nsubj", "nsubjpass") and e.root.head.pos_ in ("VERB", "AUX")]
        if persons:
            ent = self._resolve(persons[-1].text, sent, state)
            state.last_singular = [ent] if ent is not None else []

    # ------------------------------------------------------------------ triggers
    def _find_triggers(self, sent: Span) -> list[Trigger]:
        lex = self.lex
        out: list[Trigger] = []
        nouns_used: set[int] = set()
        for tok in sent:
            lem = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_ == "VBZ"):
                if tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass"):
                    continue
                if tok.dep_ in ("prep", "mark", "case"):
                    continue  # "given its fragile government" is a preposition
                t = self._verb_trigger(tok, lem, nouns_used)
                if t:
                    out.append(t)
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in nouns_used:
                continue
            lx = self._noun_lexeme(tok)
            if lx is None:
                continue
            t = self._noun_frame(tok, lx)
            if t:
                out.append(t)
        return out

    def _noun_lexeme(self, tok: Token) -> Lexeme | None:
        lem = tok.lemma_.lower()
        for ch in tok.children:
            if ch.dep_ in ("compound", "amod"):
                lx = self.lex.compounds.get((lem, ch.lemma_.lower()))
                if lx:
                    return lx
        lx = self.lex.nouns.get(lem) or self.lex.nouns.get(tok.text.lower())
        if lx is None and "-" in lem:
            lx = self.lex.nouns.get(lem.replace("-", ""))  # "cease-fire" is "ceasefire"
        if lx and lem == "strike" and lx.event_type == "PROTEST":
            # "strike": a work stoppage only with labour cues, else a military strike
            # (PLOVER manual, PROTEST 'strike' vs ASSAULT).
            ctx = {t.lemma_.lower() for t in tok.sent}
            if not (LABOUR_CUES & ctx):
                return Lexeme("N", "strike", "", "ASSAULT", None, ("military",), "190", 0.5)
        return lx

    def _verb_trigger(self, tok: Token, lem: str, nouns_used: set[int]) -> Trigger | None:
        lex = self.lex
        # phrasal verbs: particle, preposition or fixed object child ("call on", "open fire")
        for ch in tok.children:
            if ch.dep_ in ("prt", "prep", "dobj", "advmod", "compound:prt") or \
                    ch.dep_ in ("oprd", "acomp", "ccomp") and ch.pos_ == "ADJ":  # "found guilty"
                lx = lex.phrasal.get((lem, ch.lemma_.lower()))
                if lx:
                    return Trigger(tok, lx, tok, [tok, ch])
            if ch.dep_ in ("dobj", "nsubjpass"):
                for g in ch.children:  # "found the company guilty" (parsed as the object's amod)
                    if g.pos_ == "ADJ" and g.i > ch.i:
                        lx = lex.phrasal.get((lem, g.lemma_.lower()))
                        if lx:
                            return Trigger(tok, lx, tok, [tok, g])
        # support verb + event noun object: the noun carries the event
        for ch in tok.children:
            if ch.dep_ in ("dobj", "obj", "attr") and ch.pos_ in ("NOUN", "PROPN"):
                if ch.lemma_.lower() in QUANTITY_NOUNS | DURATION_NOUNS | {"round"} and lem in SUPPORT_VERBS:
                    inner = next((p for c2 in ch.children if c2.dep_ == "prep" and c2.lower_ == "of"
                                  for p in c2.children if p.dep_ == "pobj"), None)
                    ilx = self._noun_lexeme(inner) if inner is not None else None
                    if ilx is not None:
                        nouns_used.add(inner.i)
                        return Trigger(inner, ilx, tok, [tok, ch, inner], is_noun=True)
                nlx = self._noun_lexeme(ch)
                if nlx and (lem in SUPPORT_VERBS or (lem not in lex.verbs and ch.dep_ != "attr"
                                                     and lem not in COPULAS)):
                    nouns_used.add(ch.i)
                    if lem in SUPPORT_VERBS and lem in lex.verbs and lem not in (
                            "hold", "make", "take", "have", "get", "use", "go", "continue",
                            "begin", "start", "open", "call", "issue", "order", "step",
                            "send", "deliver", "give", "provide", "offer", "extend",
                            "approve", "receive", "write", "pass", "submit", "hand", "grant", "drop",
                            "announce", "declare", "launch", "stage", "conduct", "carry",
                            "mount", "wage", "impose", "lodge", "file", "reach",
                            "conclude", "complete", "finalize", "finalise", "initiate",
                            "undertake", "renew", "resume", "intensify", "escalate",
                            "unleash", "lead", "organize", "organise", "join", "broker",
                            "deploy", "fire"):
                        break  # a full trigger verb with an event object: the verb wins
                    return Trigger(ch, nlx, tok, [tok, ch], is_noun=True)
                if ch.lemma_.lower() in MOBILIZABLE and lem in ("send", "move", "dispatch",
                                                                 "deploy", "station", "mass",
                                                                 "amass", "rush", "bring", "activate",
                                                                 "call", "summon", "position"):
                    lx = Lexeme("V", lem, "", "MOBILIZE", "troops", ("military",), "154", 0.8)
                    return Trigger(tok, lx, tok, [tok])
                if ch.lemma_.lower() in TROOP_NOUNS and lem in ("strengthen", "boost", "bolster",
                                                                 "increase", "expand", "double"):
                    lx = Lexeme("V", lem, "", "MOBILIZE", "troops", ("military",), "154", 0.7)
                    return Trigger(tok, lx, tok, [tok])
                obj = ch
                if obj.lemma_.lower() in QUANTITY_NOUNS:
                    obj = next((p for c2 in obj.children if c2.dep_ == "prep" and c2.lower_ == "of"
                                for p in c2.children if p.dep_ == "pobj"), obj)
                if obj.lemma_.lower() in WEAPON_NOUNS and (lem.startswith("test") or tok.lower_.startswith("test")):
                    lx = Lexeme("V", lem, "", "MOBILIZE", "weapons", ("military",), "150", 0.75)
                    nouns_used.add(obj.i)
                    return Trigger(tok, lx, tok, [tok, obj])
                if obj.lemma_.lower() in WEAPON_NOUNS and lem in ("launch", "fire", "drop", "send",
                                                                   "shoot", "hurl", "lob", "rain"):
                    lx = Lexeme("V", lem, "", "ASSAULT", "aerial" if obj.lemma_.lower() in ("drone", "missile", "bomb") else "heavy-weapons",
                                ("military",), "195", 0.8)
                    nouns_used.add(obj.i)
                    return Trigger(tok, lx, tok, [tok, ch, obj] if ch != obj else [tok, obj])
                if obj.lemma_.lower() in PEOPLE_NOUNS and lem in ("hold", "keep"):
                    lx = Lexeme("V", lem, "", "COERCE", "arrest", ("legal",), "173", 0.6)
                    return Trigger(tok, lx, tok, [tok])
                # "launched a mediation effort", "an aid package": the compound carries it
                for cc in ch.children:
                    if cc.dep_ == "compound" and lem in SUPPORT_VERBS:
                        clx = self.lex.nouns.get(cc.lemma_.lower())
                        if clx is not None and (lem not in lex.verbs or clx.event_type != "AGREE"):
                            nouns_used.add(ch.i)
                            return Trigger(cc, clx, tok, [tok, cc, ch], is_noun=True)
        lx = lex.verbs.get(lem)
        if lx is None:
            return None
        return Trigger(tok, lx, tok, [tok])

    def _noun_frame(self, tok: Token, lx: Lexeme) -> Trigger | None:
        head = tok.head
        # "fighting erupted", "talks resumed", "an air strike killed ten"
        if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in OCCURRENCE_VERBS:
            return Trigger(tok, lx, head, [tok], is_noun=True)
        # headline or verbless sentence: "Talks between Baku and Yerevan in Abu Dhabi"
        if tok.dep_ == "ROOT":
            return Trigger(tok, lx, tok, [tok], is_noun=True)
        # object of a preposition of a support verb: "went on strike", "called for talks"
        hh = head.head.lemma_.lower()
        if tok.dep_ == "pobj" and head.lower_ == "under" and lx.event_type == "COERCE":
            return Trigger(tok, lx, head.head, [head.head, tok], is_noun=True)  # "placed under house arrest"
        if tok.dep_ == "pobj" and (hh in ("go", "call", "engage", "take") or
                                   head.lower_ == "on" and hh in ("remain", "stay", "put", "place", "be", "go")):
            return Trigger(tok, lx, head.head, [head.head, tok], is_noun=True)
        return None

    # ------------------------------------------------------------------ sentence
    def _code_sentence(self, sent: Span, si: int, state: "_StoryState") -> list[Event]:
        if sent.text.rstrip().rstrip('"\u201d\'').endswith("?"):
            return []  # a question reports no event
        triggers = self._find_triggers(sent)
        if not triggers and not any(t.lower_ in OBLIGATION_MODALS for t in sent):
            return []
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        sport = bool(lemmas & SPORT_CUES) or len(lemmas & SPORT_WEAK) >= 2 or \
            (bool(_SCORE.search(sent.text)) and bool(lemmas & SPORT_WEAK | {"beat", "defeat", "draw"}))
        by_tok = {t.frame.i: t for t in triggers}
        by_tok.update({t.token.i: t for t in triggers if t.is_noun})
        for t in triggers:
            t.event_type, t.mode, t.weight = t.lexeme.event_type, t.lexeme.mode, t.lexeme.weight
            self._sense_rules(t, sport)
            self._aux_modes(t, sent, state)
        # fold triggers governed by another trigger ("refused to negotiate")
        for t in triggers:
            gov = t.frame
            hops = 0
            while gov.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj") and hops < 3:
                gov = gov.head
                hops += 1
                g = by_tok.get(gov.i)
                if g is not None and g is not t and gov.lemma_.lower() not in REPORTING:
                    if t.frame.dep_ in ("xcomp", "ccomp") or (t.frame.dep_ == "advcl" and not _own_subject(t.frame)) \
                            or (t.frame.dep_ == "acl" and g.is_noun and gov == g.token):
                        self._fold(g, t)
                        g.subs.append(t)
                        t.folded = True
                    break
        # reporting verbs: complement events claimed by the speaker
        for t in triggers:
            rep = _reporting_head(t.frame)
            if rep is not None:
                subj = _subject(rep)
                t.claimed_by = subj
        for t in triggers:
            # "warn" is speech unless it announces a conflict act ("warned it would strike")
            # or has a person or state as object ("warned Moscow against ...")
            if t.token.lemma_.lower() == "warn" and not t.is_noun and not t.warned and \
                    not any(c.dep_ in ("dobj", "dative") for c in t.frame.children) and \
                    not any(x.lemma_.lower() in THREAT_CONTENT or _threat_phrase(x) for x in t.frame.subtree):
                t.weight = 0.0  # "warned of deep concern", "warned that half are unemployed"
            elif t.token.lemma_.lower() == "warn" and not t.is_noun and not t.warned and t.event_type == "THREATEN":
                phr = next((x for x in t.frame.subtree if _threat_phrase(x)), None)
                if phr is not None:  # the threat's content gives its mode (PLOVER manual, THREATEN)
                    t.mode = t.mode or ("territory" if phr.lemma_.lower() == "control" else "violence")
        ob = self._obligation_request(sent, triggers)
        if ob is not None:
            triggers.append(ob)
        live = [t for t in triggers if not t.folded and t.weight > 0]
        if not live:
            return []
        live.sort(key=lambda t: (_depth(t.frame), t.is_noun, -t.weight, t.token.i))
        for t in live:
            t.n_live = len(live)
        main = live[0]
        chosen = [main]
        for t in live[1:]:
            if t.frame == main.frame:
                continue
            if _in_relative_clause(t.frame) or t.is_noun or "historical" in t.aux \
                    or any(c.frame == t.frame for c in chosen):
                continue
            own = _own_subject(t.frame) and t.frame.dep_ in ("conj", "advcl", "ccomp", "ROOT", "parataxis")
            # "opened fire ..., killing one and arresting 12": a participle clause of a
            # different type is a second event of the same actor
            if main.event_type == "PROTEST" and t.event_type == "REQUEST":
                continue  # the demand of a protest is its topic (PLOVER manual, PROTEST)
            participle = t.frame.dep_ == "advcl" and t.frame.tag_ == "VBG" and \
                t.event_type not in {c.event_type for c in chosen} and t.weight >= 0.7
            # "India expelled a diplomat and summoned the envoy": a coordinated verb of
            # another type with its own object is a second event of the same actor
            coordinated = t.frame.dep_ == "conj" and t.frame.head == main.frame and not t.is_noun and \
                t.event_type not in {c.event_type for c in chosen} and t.weight >= 0.6 and \
                any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS.get(t.event_type, ()))
                    for c in t.frame.children)
            participle = participle or coordinated
            if own or participle:
                chosen.append(t)
        events: list[Event] = []
        for t in chosen:
            events.extend(self._make_events(t, sent, si, state, main=(t is main)))
        return events

    def _obligation_request(self, sent: Span, triggers: list[Trigger]) -> Trigger | None:
        """ "X said Y must withdraw" / "a reminder to Iraq that it must cooperate": the
        speaker demands the act, which is REQUEST (PLOVER manual, REQUEST: verbal demands).
        The act itself is folded into the request."""
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or not any(c.lower_ in OBLIGATION_MODALS for c in tok.children):
                continue
            head = tok.head
            if tok.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in REPORTING and head.dep_ in ("ROOT", "conj", "parataxis") \
                    or tok.dep_ in ("acl", "ccomp") and head.lemma_.lower() in SPEECH_NOUNS:
                frame = head if head.pos_ in ("VERB", "AUX") else head.head
                for t in triggers:
                    if t.frame == tok or any(a == tok for a in t.frame.ancestors):
                        t.folded = True
                lx = Lexeme("V", "must", "", "REQUEST", None, (), "100", 0.75)
                tr = Trigger(frame, lx, frame, [tok])
                tr.event_type, tr.mode, tr.weight = "REQUEST", None, 0.75
                tr.obligation_of = tok
                return tr
        return None

    def _fold(self, gov: Trigger, t: Trigger) -> None:
        """A trigger governed by another: adjust the governor (PLOVER manual rules)."""
        g = gov.event_type
        if gov.token.lemma_.lower() == "warn" and QUAD_CLASS[t.event_type] in ("material_conflict",):
            gov.warned = True
        if g == "THREATEN":
            # "threatened to cut ties / impose sanctions / attack": THREATEN mode from content
            gov.mode = gov.mode or {"SANCTION": "relations", "COERCE": "restrict",
                                    "ASSAULT": "violence", "MOBILIZE": "violence"}.get(t.event_type) or (
                "restrict" if t.event_type == "PROTEST" and t.mode in ("boycott", "strike", "obstruct") else None)
        elif g == "AGREE" and QUAD_CLASS[t.event_type] == "material_conflict":
            # "vowed to fight", "pledged to impose sanctions": a promise of conflict is a
            # threat (PLOVER manual, THREATEN)
            gov.event_type, gov.mode = "THREATEN", THREATEN_MODE.get(t.event_type)
        elif gov.frame.lemma_.lower() in MOTION_VERBS and t.frame.dep_ in ("advcl", "xcomp") \
                and t.event_type not in ("AID",) and gov.event_type != "PROTEST":
            # "sent personnel to investigate": the purpose carries the event
            gov.event_type, gov.mode, gov.lexeme = t.event_type, t.mode, t.lexeme
        elif g == "REQUEST" and t.event_type == "CONSULT":
            gov.mode = gov.mode or "meet"
        elif g == "REJECT" and t.event_type in ("CONSULT", "AGREE"):
            gov.mode = gov.mode or "meet"

    def _sense_rules(self, t: Trigger, sport: bool) -> None:
        tok = t.token
        lem = tok.lemma_.lower()
        objs = [c for c in t.frame.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        subj = _subject(t.frame)
        heads = [t.frame]
        while heads[-1].dep_ in ("advcl", "conj", "xcomp") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in heads[-1].children) and len(heads) < 4:
            heads.append(heads[-1].head)  # "rains flooded Dhaka, cutting power": the rains cut
        if any(c.dep_ == "nsubj" and (c.lemma_.lower() in NON_AGENTS or c.pos_ == "PROPN" and any(
                m.dep_ == "compound" and m.lemma_.lower() in NON_AGENTS for m in c.children))
               for h in heads for c in h.children):  # also "Typhoon Haiyan slammed ..."
            t.weight = 0.0  # "a cyclone struck", "floods destroyed", "prices pushed up"
            return
        if not t.is_noun and tok.dep_ in ("amod", "compound"):
            t.weight = 0.0  # an epithet: "jailed publisher Jimmy Lai"
            return
        if t.is_noun and t.token.tag_ in ("NNS", "NNPS") and (
                any(c.dep_ == "nummod" and _number(c) >= 100 for c in t.token.children) or
                t.token.dep_ == "pobj" and t.token.head.head.lemma_.lower() in ("hundred", "thousand")):
            t.weight = 0.0  # "504 attacks in 2024", "11,654 operations this year": a statistic
            return
        if t.is_noun and lem == "threat" and t.token.dep_ in ("attr", "oprd"):
            # "called the decision a threat to stability" is criticism (ACCUSE)
            t.event_type, t.mode, t.weight = "ACCUSE", "disapprove", 0.5
            return
        olem = {o.lemma_.lower() for o in objs} | {c.lemma_.lower() for o in objs for c in o.children if c.dep_ == "compound"}
        # "$1 billion of Sri Lanka's debt", "dozens of prisoners": look through amounts
        olem |= {p.lemma_.lower() for o in objs if o.pos_ in ("NUM", "NOUN", "SYM") for c in o.children
                 if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"}
        if not t.is_noun and t.event_type == "PROTEST" and lem == "demonstrate" and \
                any(o.dep_ in ("dobj", "obj") and o.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE") for o in objs):
            t.weight = 0.0  # "demonstrate resolve" means show, not protest
            return
        if not t.is_noun and lem == "receive" and objs and not any(
                o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or o.lemma_.lower() in PRESENCE_NOUNS | {"delegation", "minister", "president", "envoy", "leader", "official", "visitor", "guest"}
                for o in objs):
            t.weight = 0.0  # "received an award / funds" is no visit
            return
        if not t.is_noun and lem == "strike" and t.event_type == "ASSAULT" and not objs and \
                {x.lemma_.lower() for x in tok.sent} & LABOUR_CUES:
            # "the unions threatened to strike over pay": a work stoppage
            t.recode("PROTEST", "strike", "143", ())
            return
        if not t.is_noun and lem in ("put", "place") and t.event_type == "MOBILIZE":
            if any(p.lemma_.lower() in ("alert", "readiness", "standby", "footing")
                   for c in t.frame.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
                t.weight = 0.75  # "put its armed forces on full combat readiness"
            return
        if not t.is_noun and lem == "hack" and (any(o.ent_type_ == "PERSON" or o.lemma_.lower() in PERSON_NOUNS for o in objs)
                                                or any(c.lower_ == "death" for c in t.frame.subtree)):
            t.recode("ASSAULT", "primitive", "180")  # "hacked his neighbour to death"
        passive_private = subj is None and any(o.dep_ == "nsubjpass" and _private(o) for o in objs) and \
            not any(c.dep_ == "agent" for c in t.frame.children)
        if t.event_type in ("ASSAULT", "COERCE", "PROTEST") and not (lem == "strike" and not objs) and (passive_private or subj is not None and _private(subj) and (
                all(_private(o) for o in objs) if objs else t.event_type != "PROTEST")):
            # "two brothers injured each other in a quarrel", "a farmer killed his
            # neighbour": violence between private persons is crime, not political event
            # data (PLOVER codes political actors)
            t.weight = 0.0
            return
        if not t.is_noun and lem == "visit" and subj is not None and subj.lemma_.lower() in LEISURE_VISITORS:
            t.weight = 0.0  # "tourists were visiting the temples"
            return
        if not t.is_noun and lem == "exchange" and olem & {"fire", "gunfire", "shot", "shell", "blow", "rocket", "artillery"}:
            # "exchanged heavy artillery fire" is fighting
            t.recode("ASSAULT", "heavy-weapons" if olem & {"artillery", "shell", "rocket"} else "firearms", "190",
                     ("military",), weight=0.8)
            return
        if not t.is_noun and lem in ("establish", "open", "forge") and olem & {"relation", "tie"}:
            t.recode("SUPPORT", None, "054", ("diplomatic",), weight=0.75)  # "established diplomatic relations"
            return
        if not t.is_noun and lem in ("release", "disburse", "unlock", "approve") and (
                olem & {"tranche", "fund", "funding", "money", "loan", "aid", "payment", "installment",
                        "instalment", "grant", "credit", "assistance"} or any(o.ent_type_ == "MONEY" for o in objs)):
            t.recode("AID", None, "071", ("economic",), weight=0.75)  # "the IMF released a $330 million tranche"
            return
        if not t.is_noun and lem == "fly" and (olem | {x.lemma_.lower() for o in objs for x in o.conjuncts}) & AID_GOODS:
            t.recode("AID", None, "073", ("humanitarian",), weight=0.7)  # "flew tents and blankets to Pakistan"
            return
        if (not t.is_noun and lem in ("drop", "withdraw", "abandon", "lift") and olem & DEMAND_NOUNS) or (
                t.is_noun and lem in DEMAND_NOUNS and t.frame.lemma_.lower() in ("drop", "withdraw", "abandon", "lift")):
            t.recode("CONCEDE", None, "083", (), weight=0.75)  # "dropped its demand" (PLOVER manual, REQUEST)
            return
        if not t.is_noun and lem in ("suspend", "curtail", "restrict", "revoke") and olem & {"right", "freedom", "liberty"}:
            t.recode("COERCE", "restrict", "172", ("human_rights",), weight=0.75)  # "suspending fundamental rights"
            return
        if not t.is_noun and lem == "withdraw" and t.event_type == "RETREAT" and olem & SANCTIONABLE and \
                not olem & TROOP_NOUNS:
            # "withdrew its development aid": withdrawing non-military resources is SANCTION
            # 'withdraw' (PLOVER manual, SANCTION modes)
            t.recode("SANCTION", "withdraw", "160", (), weight=max(t.weight, 0.7))
            return
        if not t.is_noun and lem in ("postpone", "delay", "cancel", "defer") and olem & (SANCTIONABLE | {
                "sale", "transfer", "disbursement"}) - MEETING_NOUNS - {"talk", "negotiation", "dialogue", "mediation"}:
            # "postponed the delivery of F-16s", "delayed military aid": delaying or cancelling
            # aid or exchanges reduces relations (PLOVER manual, SANCTION; issue: delaying aid)
            t.recode("SANCTION", "discontinue", "162", (), weight=max(t.weight, 0.7))
            return
        if not t.is_noun and t.event_type == "ASSAULT" and t.lexeme.particle == "with" and lem in ("respond", "react", "reply", "answer"):
            force = any(p.lemma_.lower() in ("force", "violence", "strike", "missile", "weapon", "fire", "attack")
                        or p.lemma_.lower() == "action" and any(a.lower_ == "military" for a in p.children)
                        for c in t.frame.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj")
            t.weight = 0.65 if force else 0.0  # "will respond with force"
            return
        partners = [c for c in t.frame.children if c.dep_ in ("dobj", "dative")] + [
            p for c in t.frame.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
            for p in c.children if p.dep_ == "pobj"]
        if not t.is_noun and lem in ("commit", "perpetrate", "carry") and olem & ATROCITIES:
            # "both sides have committed grave abuses": the violence, not a promise (AGREE)
            t.recode("ASSAULT", None, "180", ("human_rights",), weight=0.6)
            return
        if not t.is_noun and lem == "commit" and t.event_type == "AGREE" and olem & {
                "fraud", "offence", "offense", "suicide", "error", "mistake", "foul", "sin", "theft", "robbery"}:
            t.weight = 0.0  # "committed fraud", "committed a mistake"
            return
        if not t.is_noun and lem in ("hold", "keep", "take") and olem & {"hostage", "captive"}:
            # "the gunmen held 40 hostages": hostage-taking is ASSAULT 'abduct'
            t.recode("ASSAULT", "abduct", "181", (), weight=0.8)
            return
        if not t.is_noun and lem == "decline" and (olem & {"comment", "interview"} or any(
                c.dep_ == "xcomp" and c.lemma_.lower() in ("comment", "elaborate", "respond", "say", "confirm", "discuss")
                for c in t.frame.children)):
            t.weight = 0.0  # "declined to comment" is no rejection
            return
        if t.event_type == "CONSULT" and any(p.lemma_.lower() in PUBLIC_AUDIENCES for p in partners):
            t.weight = 0.0  # "talking to voters", "met supporters": campaigning, not consultation
            return
        if t.event_type == "CONSULT" and subj is not None and not _is_speaker_label(subj) and (
                subj.lower_ in PRESS_NOUNS or subj.lemma_.lower() in PRESS_NOUNS):
            t.weight = 0.0  # "VOA spoke with experts": reporting, not consultation
            return
        if t.event_type == "ASSAULT" and objs and all(o.lemma_.lower() in ANIMALS for o in objs):
            t.weight = 0.0  # "killed stray dogs"
            return
        if not t.is_noun and lem == "share" and t.event_type == "COOPERATE" and objs and not olem & SHAREABLE:
            t.weight = 0.0  # "shared a video", "shared his thoughts"
            return
        if not t.is_noun and lem in ("break", "sever", "cut") and olem & {"relation", "tie", "contact"}:
            t.recode("SANCTION", "discontinue", "161", ("diplomatic",), weight=0.8)  # "broke off relations"
            return
        if not t.is_noun and lem in ("violate", "breach", "break") and olem & TRUCE_NOUNS:
            # "violated the ceasefire" (CAMEO 196 violate ceasefire -> ASSAULT)
            t.recode("ASSAULT", None, "196", ("military",), weight=0.7)
            return
        if not t.is_noun and lem == "breach" and t.mode == "cyber" and not olem & CYBER_TARGETS:
            t.weight = 0.0  # "breached the rules / the border" is no hacking
            return
        if not t.is_noun and lem in ("suspend", "halt", "stop", "close", "shut", "ban") and \
                olem & {"publication", "broadcast", "broadcasting", "transmission", "newspaper", "website"}:
            # "ordered the newspaper to suspend publication" (PLOVER manual, COERCE 'censor')
            t.recode("COERCE", "censor", "175", ("repression",), weight=max(t.weight, 0.7))
            return
        if t.is_noun and lem in EXERCISE_NOUNS and t.event_type in ("COOPERATE", "MOBILIZE"):
            # joint exercises are COOPERATE, a single country's are MOBILIZE (PLOVER
            # manual, MOBILIZE ambiguities)
            joint = any(c.lemma_.lower() in JOINT_WORDS for c in t.token.children) or \
                any(c.dep_ == "prep" and c.lower_ == "with" for c in list(t.frame.children) + list(t.token.children)) or \
                (subj is not None and (subj.conjuncts or any(c.conjuncts for c in subj.children if c.dep_ in ("amod", "compound"))))
            t.recode(*(("COOPERATE", None, "062") if joint else ("MOBILIZE", "troops", "152")), ("military",))
            return
        if not t.is_noun and lem == "boycott" and olem & (SANCTIONABLE - MEETING_NOUNS - {"talk", "negotiation", "dialogue"}):
            # "boycott all contact with the United States": reducing relations (SANCTION)
            t.recode("SANCTION", "discontinue", "160", ("diplomatic",))
            return
        if not t.is_noun and lem == "boycott" and olem & MEETING_NOUNS:
            # boycotting talks or a summit is refusing to meet (REJECT); boycotting goods,
            # a country or an election is collective dissent (PLOVER manual, PROTEST 'boycott')
            t.recode("REJECT", "meet", "125", ("diplomatic",))
            return
        if not t.is_noun and t.event_type == "RETREAT" and t.mode == "withdraw" and subj is not None and \
                (subj.lemma_.lower() in CIVIL_BODIES or any(c.dep_ == "compound" and c.lemma_.lower() in CIVIL_BODIES
                                                            for c in subj.children)):
            # "the aid group withdrew from Cambodia": a non-military withdrawal is SANCTION
            # 'withdraw' (PLOVER manual, SANCTION modes)
            t.recode("SANCTION", "withdraw", "160", ())
            return
        armed = any(c.lemma_.lower() in ("military", "armed", "combat", "offensive", "air", "ground", "army")
                    for o in objs for c in o.children if c.dep_ in ("amod", "compound"))
        if not t.is_noun and (lem in STOP_VERBS - {"call", "stand"} or (lem == "call" and t.lexeme.particle == "off")) \
                and olem and (armed or not olem & SANCTIONABLE):
            if olem & PROTEST_ACTS and not olem & VIOLENT_ACTS - {"action", "activity"}:
                t.recode("CONCEDE", None, "082", (), weight=0.75)  # "suspended their protests"
                return
            if olem & VIOLENT_ACTS:
                t.recode("RETREAT", "ceasefire", "087", ("military",), weight=0.75)  # "halted the offensive"
                return
        if not t.is_noun and lem == "lay" and t.event_type == "RETREAT" and not olem & {"arm", "weapon", "gun", "firearm"}:
            t.weight = 0.0  # "laid down conditions" (only "laid down their arms" is disarming)
            return
        if not t.is_noun and lem in ("cut", "freeze", "end", "halt", "suspend", "break", "downgrade") and objs \
                and not olem & SANCTIONABLE:
            t.weight = min(t.weight, 0.15)  # "blades cut through the sky", "closing the gap"
        if not t.is_noun and lem == "close" and not olem & CLOSABLE:
            t.weight = 0.0
            return
        if not t.is_noun and lem in ("block", "restrict", "ban") and olem & MEDIA_NOUNS:
            t.event_type, t.mode, t.weight = "COERCE", "censor", max(t.weight, 0.7)
            return
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in t.frame.children):
            t.weight = 0.0  # "the group frequently conducts bombings": a habit, not an event
            return
        if not t.is_noun and lem in ("swap", "exchange", "trade") and olem & PEOPLE_NOUNS:
            t.event_type, t.mode, t.weight = "RETREAT", "release", 0.8  # prisoner swaps
            return
        if not t.is_noun and lem in ("cancel", "forgive", "write", "waive") and olem & {"debt", "loan", "arrear"}:
            t.event_type, t.mode, t.weight = "AID", None, 0.8  # debt relief (PLOVER manual, AID)
            return
        if not t.is_noun and lem in ("restore", "normalize", "normalise", "resume", "reestablish", "re-establish") \
                and olem & {"relation", "tie"}:
            t.recode("SUPPORT", None, "054", ("diplomatic",), weight=0.75)
            return
        if not t.is_noun and t.event_type in ("ASSAULT",) and ("test" in lem or any(
                c.lower_.startswith("test") for c in t.frame.children if c.dep_ in ("compound", "amod", "advmod", "npadvmod"))
                or t.frame.lower_.startswith("test")):
            t.event_type, t.mode, t.weight = "MOBILIZE", "weapons", 0.7  # missile tests
            return
        if not t.is_noun and lem == "train" and not objs:
            t.weight = 0.0  # "the team trained in Doha": training forces needs the forces
            return
        if not t.is_noun and t.event_type == "MOBILIZE" and objs and not olem & MOBILIZABLE and not any(
                c.lemma_.lower() == "armed" for o in objs for c in o.subtree):
            t.weight = 0.0  # "amassed 12 million followers"
            return
        if not t.is_noun and lem == "settle" and not objs:
            t.weight = 0.0  # "the family settled in Okinawa"
            return
        if not t.is_noun and t.event_type == "SUPPORT" and lem in ("back", "support") and t.frame.dep_ == "acl":
            t.weight = 0.0  # "forces backed by Djiboutian soldiers" describes, reports nothing
            return
        if not t.is_noun and lem == "meet" and olem & MET_OBJECTS:
            t.weight = 0.0  # "met the conditions"
            return
        if not t.is_noun and lem == "meet" and any(
                p.lemma_.lower() in RESPONSE_NOUNS and not any(d.dep_ == "det" for d in p.children)
                for c in t.frame.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj"):
            t.weight = 0.0  # "the plan met with opposition" ("met with the opposition" is a meeting)
            return
        goods = olem | {p.lemma_.lower() for c in t.frame.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj"} | {x.lemma_.lower() for o in objs for x in o.conjuncts}
        if not t.is_noun and t.event_type == "AID" and lem in AID_TRANSFER_VERBS and objs and \
                not goods & AID_GOODS and not any(o.ent_type_ in ("MONEY", "QUANTITY", "GPE", "NORP", "ORG")
                                                  for o in objs):
            t.weight = 0.0  # "the wind farms provided electricity", "gives the story immediacy"
            return
        if not t.is_noun and lem == "release" and t.event_type == "RETREAT" and objs and not (
                olem & RELEASABLE or any(o.ent_type_ in ("PERSON", "NORP") for o in objs)):
            t.weight = 0.0  # "released its annual report", "released an AI programme"
            return
        if not t.is_noun and t.event_type == "CONSULT" and any(
                p.lemma_.lower() in PRESS_NOUNS or p.lower_ in PRESS_NOUNS for p in partners):
            t.weight = 0.0  # "told reporters", "spoke with VOA": an interview, no consultation
            return
        if not t.is_noun and lem in ("arrive", "land") and t.event_type == "CONSULT":
            who = subj
            heads = [who] + [p for c in who.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj"] if who is not None else []
            whos = {h.lemma_.lower() for h in heads} | {c.lemma_.lower() for h in heads for c in h.children
                                                        if c.dep_ in ("compound", "amod")}
            # officials visit; an international presence (observers, peacekeepers) arriving
            # is let in by the host (RETREAT 'access', decided later)
            if who is None or not (who.ent_type_ == "PERSON" or whos & (VISITOR_NOUNS | PRESENCE_NOUNS | {"peacekeeping"})):
                t.weight = 0.0  # "refugees arrived in Kenya", "detainees arriving at the base"
                return
        if not t.is_noun and lem == "invite" and objs and not any(
                o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or o.pos_ == "PRON" or o.lemma_.lower() in VISITOR_NOUNS | PRESENCE_NOUNS
                | {"country", "nation", "government", "state", "party", "group", "side", "investor", "company", "observer"}
                for o in objs):
            t.weight = 0.0  # "invite trouble", "invites comparison"
            return
        if not t.is_noun and lem in ("hit", "reach", "strike") and any(
                o.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") or o.lemma_.lower() in (
                    "record", "high", "low", "peak", "mark", "level", "milestone", "threshold", "ceiling")
                for o in objs):
            t.weight = 0.0  # "trade hit $1.1 billion", "inflation hit a record"
            return
        if not t.is_noun and lem == "oppose" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "as" \
                and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            t.weight = 0.0  # "as opposed to": a comparison
            return
        if not t.is_noun and lem == "ask" and t.event_type == "REQUEST" and not any(
                c.dep_ in ("dobj", "obj", "xcomp", "dative") or c.dep_ == "prep" and c.lower_ in ("for", "to")
                or c.dep_ == "ccomp" and not any(x.text == "?" for x in c.subtree)
                for c in t.frame.children):
            t.weight = 0.0  # '"Why now?" the analyst asked.': a question, no request
            return
        if not t.is_noun and lem == "extend" and t.event_type == "AGREE" and not olem & EXTENDABLE:
            t.weight = 0.0  # "extend sovereignty over the sea", "extended the railway"
            return
        if not t.is_noun and t.event_type == "AID" and olem & SIGNAL_NOUNS:
            t.weight = 0.0  # "sends a signal"
            return
        if not t.is_noun and t.event_type == "RETREAT" and t.mode == "return" and not objs:
            subj_lems = {subj.lemma_.lower()} | {p.lemma_.lower() for c in subj.children if c.dep_ == "prep"
                                                 and c.lower_ == "of" for p in c.children} if subj is not None else set()
            if subj_lems & RETURNERS:
                return  # "thousands of refugees returned home"
            t.weight = 0.0  # "the envoy returns to Washington" is travel, not a retreat
            return
        if not t.is_noun and lem in ("ban", "halt", "suspend", "restrict", "block") and olem & TRADE_NOUNS:
            t.event_type, t.mode, t.weight = "SANCTION", None, 0.75  # trade bans are sanctions
            return
        if not t.is_noun and t.event_type == "RETREAT" and olem & DOCUMENT_NOUNS:
            # "handed over the letters": delivering a message is no retreat; the message
            # noun decides (a letter of demands is REQUEST), else no event
            nlx = next((self.lex.nouns[x] for x in olem & DOCUMENT_NOUNS if x in self.lex.nouns), None)
            if nlx is None:
                t.weight = 0.0
                return
            t.event_type, t.mode, t.weight, t.lexeme = nlx.event_type, nlx.mode, 0.5, nlx
            return
        if not t.is_noun:
            if t.event_type == "RETREAT" and t.mode == "withdraw" and olem & PRESENCE_NOUNS - {"force"} \
                    or lem == "recall" and olem & PRESENCE_NOUNS:
                t.event_type, t.mode, t.weight = "SANCTION", "withdraw", max(t.weight, 0.7)
            elif lem in ("receive", "admit", "allow", "accept", "welcome") and olem & PRESENCE_NOUNS:
                t.event_type, t.mode, t.weight = "RETREAT", "access", max(t.weight, 0.6)
            elif lem in ("lift", "ease", "relax", "end", "remove", "scrap") and olem & MATERIAL_RESTRICTIONS:
                # easing a blockade or sanctions has material effect (CAMEO 085, 0872 ->
                # RETREAT); the manual's RETREAT modes name none for it
                t.event_type, t.mode, t.weight = "RETREAT", None, max(t.weight, 0.7)
            elif lem in ("lift", "ease", "relax", "end", "remove", "scrap", "revoke", "rescind") \
                    and olem & LEGAL_RESTRICTIONS:
                t.event_type, t.mode, t.weight = "CONCEDE", None, max(t.weight, 0.6)
            elif lem == "forgive" and any(o.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") for o in objs):
                t.event_type, t.mode = "SUPPORT", None
            elif lem == "protest" and any(c.dep_ in ("ccomp", "parataxis") for c in t.frame.children) or \
                    lem == "protest" and t.frame.dep_ in ("parataxis",) or \
                    lem == "protest" and t.frame.dep_ == "acl" and t.frame.head.dep_ == "appos":
                # "..., a rights group protested": a spoken protest is ACCUSE (PLOVER
                # manual, PROTEST ambiguities: diplomatic or verbal protests are ACCUSE)
                t.event_type, t.mode = "ACCUSE", "disapprove"
        # verbal sense of a physical verb: "attacked his predecessor's record" -> ACCUSE
        if t.event_type == "ASSAULT" and not t.is_noun:
            objs = [c for c in t.frame.children if c.dep_ in ("dobj", "obj")]
            if objs and objs[0].lemma_.lower() in ABSTRACT_OBJECTS:
                t.event_type, t.mode, t.weight = "ACCUSE", "disapprove", 0.75
                return
        if sport:
            # sport reporting is out of domain: "beat", "attack", "praised the squad"
            t.weight = 0.0
            return
        # "protest" by a government or minister is a diplomatic protest: ACCUSE
        # (PLOVER manual, PROTEST: diplomatic protests are ACCUSE 'disapprove')
        if t.event_type == "PROTEST" and lem == "protest":
            subj = _subject(t.frame)
            if subj is not None and subj.ent_type_ in ("GPE",) or (
                    subj is not None and subj.lemma_.lower() in ("government", "ministry", "embassy", "minister")):
                t.event_type, t.mode = "ACCUSE", "disapprove"
        # "beat" without a human victim ("beat Estonia 2-1") is caught by the sport rule;
        # "fire" needs an object or "at"/"on" to be shooting
        if lem == "fire" and not t.is_noun and t.lexeme.particle == "":
            if not any(c.dep_ in ("dobj", "prep") for c in t.frame.children):
                t.weight = min(t.weight, 0.3)
            # "fired the minister" (dismissal) is no assault
            obj = next((c for c in t.frame.children if c.dep_ == "dobj"), None)
            if obj is not None and (obj.ent_type_ == "PERSON" or obj.lemma_.lower() in (
                    "minister", "official", "chief", "director", "head", "commander", "general", "employee")):
                t.event_type, t.mode, t.weight = "COERCE", None, 0.3

    def _aux_modes(self, t: Trigger, sent: Span, state: "_StoryState") -> None:
        """Negation, future, hypothetical and historical (PLOVER manual, Auxiliary modes)."""
        v = t.frame
        chain = [v]
        g = v
        while g.dep_ in ("xcomp", "conj", "advcl", "ccomp") and g.head != g and len(chain) < 4:
            chain.append(g.head)
            g = g.head
        kids = [c for x in chain[:2] for c in x.children]
        lowers = {c.lower_ for c in v.children}
        if any(c.dep_ == "neg" for c in v.children) or lowers & {"never", "no"} or \
                (t.is_noun and any(c.lower_ in ("no", "never") for c in t.token.children)):
            t.aux.add("negation")
        if len(chain) > 1 and v.dep_ == "xcomp" and chain[1].lemma_.lower() in NEGATING_GOVERNORS \
                and chain[1].lemma_.lower() not in self.lex.verbs:
            t.aux.add("negation")
        subj = _subject(v) or next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        x = v
        for _ in range(3):  # "there were no plans for the president to visit Beijing"
            if x.head == x:
                break
            if x.head.pos_ == "NOUN" and any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in x.head.children):
                t.aux.add("negation")
                break
            if x.dep_ not in ("acl", "relcl", "xcomp", "advcl", "prep", "pobj", "ccomp"):
                break
            x = x.head
        if subj is not None and any(c.lower_ in ("no", "none") for c in subj.children) or \
                subj is not None and subj.lower_ in ("nobody", "none", "no-one"):
            t.aux.add("negation")  # "No country has recognized the Taliban"
        if v.dep_ == "xcomp" and any(c.dep_ == "neg" for c in v.head.children):
            t.aux.add("negation")  # "does not want to meet"
        if v.dep_ == "conj" and not _own_subject(v) and any(c.dep_ == "neg" for c in v.head.children):
            t.aux.add("negation")  # "did not carry out X or Y": the negation covers both
        if v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() in SPECULATION_GOVERNORS:
            t.aux.add("hypothetical")  # "analysts expect the North to launch a missile"
        if any(o.dep_ in ("dobj", "obj") and any(d.lower_ == "no" for d in o.children) for o in v.children):
            t.aux.add("negation")  # "offered no evidence"
        if v.dep_ in ("xcomp", "pcomp", "acl") and (v.head.lemma_.lower() in DESIRE_GOVERNORS
                                                     or v.head.lower_ in DESIRE_FORMS):
            t.aux.add("hypothetical")  # "hopes to get loans", "a campaign to secure the release"
        if v.dep_ in ("ccomp", "acl") and any(c.dep_ in ("nsubj", "mark") for c in v.children) and v.head.i < v.i and (
                v.head.lemma_.lower() in DEMAND_HEADS or any(
                    c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_HEADS and c.i < v.i for c in v.head.children)):
            # "its demand that Israel ease restrictions", "repeated its call on Monday that
            # the government raise wages" (the clause hangs on the verb): asked, not done
            t.aux.add("hypothetical")
        if v.dep_ == "ccomp" and (v.head.lemma_.lower() in DESIRE_GOVERNORS - {"seek", "push", "campaign", "effort"}
                                  or v.head.lower_ in DESIRE_FORMS):
            t.aux.add("hypothetical")  # "the lawyer hopes the charges will be dropped"
        if (t.is_noun and t.token.dep_ in ("dobj", "obj") and t.frame.lemma_.lower() in DELIBERATION_GOVERNORS) or \
                (v.dep_ in ("xcomp", "pcomp") and v.head.lemma_.lower() in DELIBERATION_GOVERNORS):
            t.aux.add("hypothetical")  # "the EU is considering sanctions", "weighs imposing tariffs"
        if t.is_noun and t.token.dep_ in ("dobj", "pobj") and t.frame.lemma_.lower() in STOPPING_VERBS:
            t.aux.add("negation")  # "a call to stop attacks" reports no attack
        if lowers & FUTURE_AUX or any(c.lower_ in FUTURE_AUX for c in (t.frame.head.children if t.frame.dep_ == "xcomp" else [])):
            t.aux.add("future")
        if (v.dep_ == "xcomp" or v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)) \
                and v.head.lemma_.lower() in FUTURE_GOVERNORS:  # "have sworn to fight" (parsed advcl)
            t.aux.add("future")
        if any(c.lower_ == "would" for c in v.children):
            t.aux.add("future" if _reporting_head(v) is not None else "hypothetical")
        if lowers & HYPOTHETICAL_MODALS:
            t.aux.add("hypothetical")
        # a condition attached to the act ("will boycott the vote unless ...")
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children):
                t.aux.add("hypothetical")
                t.conditional_on = True
        if _inside_condition(v):
            t.aux.add("hypothetical")  # the trigger is inside an "if"/"unless" clause
        # historical: a past year or "decades ago"/"in 1991" tied to a subordinate clause
        if v.dep_ in ("advcl", "relcl", "acl", "pcomp", "ccomp") or t.is_noun:
            ents = [e for e in state.ents_of(sent) if e.label_ == "DATE"]
            lo, hi = min(x.i for x in v.subtree), max(x.i for x in v.subtree)
            for e in ents:
                near = lo - 6 <= e.start <= hi
                if near and _is_historical(e.text, state.pub_year):
                    t.aux.add("historical")
        if t.is_noun:
            for c in t.token.children:
                if c.dep_ == "amod" and c.lower_ in ("former", "previous", "past", "earlier"):
                    t.aux.add("historical")
        _ = kids

    # ------------------------------------------------------------------ events
    def _make_events(self, t: Trigger, sent: Span, si: int, state: "_StoryState", main: bool) -> list[Event]:
        etype, mode = t.event_type, t.mode
        aux = set(t.aux)
        # PLOVER manual, AGREE/CONSULT ambiguities: a future meeting, cooperation or aid is AGREE
        if "future" in aux and etype in FUTURE_TO_AGREE and "negation" not in aux and not t.conditional_on:
            etype, mode = "AGREE", None
            aux.discard("future")
        if etype == "THREATEN" and t.conditional_on and not _inside_condition(t.frame):
            aux.discard("hypothetical")  # a threat states its condition ("... if Manila continues")
        rep_head = _reporting_head(t.frame)
        decided = "future" in aux and "hypothetical" not in aux and etype in ("SANCTION", "COERCE", "REJECT") \
            and rep_head is not None and rep_head.lemma_.lower() in DECISION_VERBS
        if (aux & {"future", "hypothetical"} and "negation" not in aux and not decided
              and (etype in FUTURE_TO_THREATEN or (etype == "RETREAT" and "hypothetical" in aux)
                   or (etype == "PROTEST" and mode in ("boycott", "strike", "obstruct") and t.conditional_on))
              and ("hypothetical" not in aux or _conditional_threat(t.frame))):
            # an announced or conditional act of conflict is a threat (PLOVER manual,
            # Auxiliary modes: THREATEN, not ASSAULT + hypothetical)
            etype, mode = "THREATEN", THREATEN_MODE[etype]
            aux -= {"future", "hypothetical"}
        actor_tok, recip_toks = self._arguments(t, etype)
        if actor_tok is not None and actor_tok.pos_ == "PRON" and t.claimed_by is not None \
                and actor_tok.lower_ in PRONOUNS_SINGULAR | PRONOUNS_PLURAL | PRONOUNS_IT | PRONOUNS_FIRST:
            # "Japan said it had halted aid", '"We will retaliate," Tehran said': the
            # pronoun is the speaker
            actor_tok = t.claimed_by
        if actor_tok is not None and actor_tok.lemma_.lower() in PROTESTER_NOUNS and etype in ("ASSAULT", "COERCE"):
            # material acts by protesters are PROTEST (PLOVER manual, PROTEST): burning
            # flags or blocking roads is a demonstration, fighting police is a riot
            violent = t.token.lemma_.lower() in ("clash", "attack", "fight", "beat", "stab", "throw", "hurl", "loot")
            etype, mode = "PROTEST", ("riot" if violent else ("obstruct" if t.mode in ("restrict",) or
                                                             t.token.lemma_.lower() in ("block", "occupy", "blockade") else "demo"))
        actors = self._entities(actor_tok, sent, state) if actor_tok is not None else []
        recips: list[Entity] = []
        for r in recip_toks:
            recips.extend(self._entities(r, sent, state))
        if not recips:
            recips = self._object_modifier_entities(t, sent, state)
        # an entity never acts on itself in one event record
        akeys = {(a.country, a.igo, a.sector) for a in actors}
        recips = [r for r in recips if (r.country, r.igo, r.sector) not in akeys or r.country is None]
        claimed = self._entities(t.claimed_by, sent, state) if t.claimed_by is not None else []
        # remember for pronouns in later sentences
        state.note(actors, recips)
        feats = confidence_features(t, actors, recips, main, claimed, si)
        if self.calibration is not None:
            coef, b = self.calibration
            z = b + sum(w * x for w, x in zip(coef, feats))
            conf = round(1.0 / (1.0 + math.exp(-z)), 3)
        else:
            conf = _confidence(t, actors, recips, main, claimed)
        arg_toks = [x for x in [actor_tok, t.claimed_by] + list(recip_toks) if x is not None]
        if etype == "ASSAULT":
            mode = _assault_mode(t, mode, actor_tok)
        elif etype == "MOBILIZE":
            mode = _mobilize_mode(t, mode)
        elif etype in ("REQUEST", "REJECT") and mode is None:
            mode = _request_mode(t)
        mode = OUTPUT_MODES.get((etype, mode), mode)
        if mode not in MODES.get(etype, ()):
            mode = None  # a mode of another type ("THREATEN" keeps no "strike"): none

        ev = self._event(t, sent, si, state, etype, mode, sorted(aux), actors, recips, claimed, conf,
                         arg_toks=arg_toks)
        if self.record_features:
            self.features[ev.event_id] = feats
        out = [ev]
        # reported conflict: "Israel said Hezbollah fired rockets" -> Israel ACCUSEs
        if claimed and t.claimed_by is not None and t.claimed_by.i < t.frame.i and \
                QUAD_CLASS[etype] in ("material_conflict",) and not aux & {"negation", "hypothetical"}:
            ckeys = {c.country for c in claimed if c.country}
            akeys2 = {a.country for a in actors if a.country}
            if ckeys and akeys2 and ckeys != akeys2:
                rep = _reporting_head(t.frame)
                acc = Trigger(rep or t.frame, Lexeme("V", "say", "", "ACCUSE", "allege", (), "112", 0.6),
                              rep or t.frame, [rep or t.frame])
                out.append(self._event(acc, sent, si, state, "ACCUSE", "allege", [], claimed,
                                       actors, [], round(conf * 0.85, 3)))
        return out

    def _event(self, t: Trigger, sent: Span, si: int, state: "_StoryState", etype: str,
               mode: str | None, aux: list[str], actors: list[Entity], recips: list[Entity],
               claimed: list[Entity], conf: float, arg_toks: list[Token] = ()) -> Event:
        story = state.story
        doc = sent.doc
        start, end = sent.start_char, sent.end_char
        # trim trailing whitespace so text[a:b] == sentence exactly
        stext = story.text[start:end]  # doc.text would rebuild the whole text per event
        # the evidence is the sentence without surrounding whitespace (text[a:b] == sentence)
        lead = len(stext) - len(stext.lstrip())
        stext = stext.strip()
        start, end = start + lead, start + lead + len(stext)
        words = sorted(t.words, key=lambda w: w.i)
        trigger_text = " ".join(w.text for w in words)
        trig_char = t.token.idx - start
        tense = "future" if "future" in t.aux else ("past" if t.frame.tag_ in ("VBD", "VBN") else "present")
        # ages and bare small numbers are no dates ("Omarov, 40," is not 1940)
        sents_ents = [e for e in state.ents_of(sent)
                      if not (e.label_ in ("DATE", "TIME") and _BARE_NUMBER.match(e.text))]
        date_ents = [(e.start_char - start, e.end_char - start) for e in sents_ents if e.label_ in ("DATE", "TIME")]
        date = _event_date(stext, story.pub_date, tense, date_ents, trig_char)
        # mentions used as actors or recipients are never the event's place ("urged Russia")
        arg_words = {w.i for a in arg_toks for w in [a, *a.conjuncts]}
        actor_spans = [(tok.idx - start, tok.idx - start + len(tok.text)) for tok in sent
                       if tok.ent_type_ and (tok.dep_ in SUBJ_DEPS or tok.head.dep_ in SUBJ_DEPS
                                             or tok.i in arg_words)]
        place_ents = [(e.start_char - start, e.end_char - start, e.label_) for e in sents_ents
                      if e.label_ in ("GPE", "LOC", "FAC")]
        ctx_countries = [e.country for e in actors + recips if e.country]
        loc = _event_location(stext, place_ents, trig_char, actor_spans, ctx_countries,
                              _dateline_end(stext) if si == 0 else 0)
        if loc is not None and loc.country:
            # a domestic actor named without nationality ("a court", "protesters",
            # "two journalists") belongs to the country where the event happened
            fill = lambda ents: [replace(e, country=loc.country) if e.country is None and e.igo is None  # noqa: E731
                                 and e.sector not in (None, "IGO", "NGO") and not _is_weapon(e) else e for e in ents]
            actors, recips = fill(actors), fill(recips)
            state.place_country = loc.country
        elif state.place_country:
            # "Police detained 100 people overnight" later in a story about Tbilisi:
            # domestic actors without nationality belong to the story's current country
            fill = lambda ents: [replace(e, country=state.place_country) if e.country is None and e.igo is None  # noqa: E731
                                 and e.sector in DOMESTIC_SECTORS else e for e in ents]
            actors, recips = fill(actors), fill(recips)
        if any(e.country is None and e.igo is None and e.sector in HOME_SECTORS for e in actors + recips):
            home = self._home_country(sent.doc, state)
            if home:
                # "the authorities arrested him" in a story about Guatemala: an actor
                # named only by its role belongs to the country the story is about
                fill = lambda ents: [replace(e, country=home) if e.country is None and e.igo is None  # noqa: E731
                                     and e.sector in HOME_SECTORS and not _is_weapon(e) else e for e in ents]
                actors, recips = fill(actors), fill(recips)
        if not recips and loc is not None and loc.country and (
                etype in PLACE_TARGET_TYPES or (etype == "CONSULT" and mode == "visit")):
            # an attack, curfew or protest "in Tel Aviv", a visit "to Amman": with no
            # named target, the place's country is on the receiving end
            recips = [Entity(text=loc.text, name=loc.name, country=loc.country)]
        eid = make_event_id(story.id, state.text_hash, si, etype, t.token.idx, PIPELINE_VERSION)
        contexts = list(t.lexeme.contexts)
        return Event(
            event_id=eid, story_id=story.id, sentence_index=si, sentence=stext,
            evidence_span=(start, end), trigger=trigger_text, event_type=etype, mode=mode,
            contexts=contexts, aux_modes=list(aux), actor=actors, recipient=recips, date=date,
            location=loc, quad_class=QUAD_CLASS[etype], confidence=conf,
            cameo=_cameo(t, etype), claimed_by=claimed,
        )

    def _home_country(self, doc: Doc, state: "_StoryState") -> str | None:
        """The country a story is about: the country named most often by its place and
        nationality mentions (GPE, NORP, and ORG mentions that are nationalities), when it is named at least twice and more often
        than any other; None otherwise. Computed once per story."""
        if state.home_country is None:
            from collections import Counter

            counts: Counter = Counter()
            for e in doc.ents:
                if e.label_ in ("GPE", "NORP", "ORG"):
                    ent = self.resolver.resolve(e.text, "", state.story.pub_date, {})
                    # an ORG counts only as a mislabelled nationality ("Guatemalan")
                    if ent is not None and ent.country and (e.label_ != "ORG" or (
                            ent.kb_id or "").startswith("tid:country/")):
                        counts[ent.country] += 1
            top = counts.most_common(2)
            state.home_country = top[0][0] if top and top[0][1] >= 2 and (
                len(top) == 1 or top[0][1] > top[1][1]) else ""
        return state.home_country or None

    # ------------------------------------------------------------------ arguments
    def _arguments(self, t: Trigger, etype: str) -> tuple[Token | None, list[Token]]:
        """Return (actor head token or None, recipient head tokens) from the parse."""
        v = t.frame
        actor: Token | None = None
        recips: list[Token] = []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        if passive and v.lemma_.lower() in STATIVE_PASSIVES and not any(c.dep_ == "agent" for c in v.children):
            # "Israel is opposed to French mediation": an adjective, the subject holds the view
            actor = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        if p.ent_type_ or p.pos_ == "PROPN":
                            recips.append(p)
                        else:  # "opposed to French mediation": the modifier names the party
                            recips.extend(m for m in p.children if m.dep_ in ("amod", "compound", "poss")
                                          and m.ent_type_ in ("NORP", "GPE", "ORG"))
            return actor, recips
        if passive:
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            if agent is not None:
                actor = next((c for c in agent.children if c.dep_ == "pobj"), None)
            sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
            if sp is not None and not (t.is_noun and sp == t.token):
                recips.append(sp)
        else:
            actor = _subject(v)
            if actor is not None and t.is_noun and actor == t.token:
                actor = None
            # "Putin is due to meet Erdogan", "Japan was quick to condemn", "Iran is
            # expected to release": the subject of the governing adjective or raising verb
            x, hops = v, 0
            while actor is None and x.dep_ in ("xcomp", "acomp") and x.head != x and hops < 3:
                x, hops = x.head, hops + 1
                actor = _subject(x) or next((c for c in x.children if c.dep_ == "nsubjpass"), None)
        if v.dep_ == "acl" and actor is None:
            # "a camp attacked by militiamen": the modified noun is the recipient
            if passive or v.tag_ == "VBN":
                recips.append(v.head)
            else:
                actor = v.head
        if v.dep_ == "relcl" and actor is None:
            actor = v.head
        if t.obligation_of is not None:
            subj_o = _subject(t.obligation_of)
            if subj_o is not None and subj_o.pos_ != "PRON":
                recips.append(subj_o)
            for c in v.children:
                if c.dep_ in ("dobj",) and c.lemma_.lower() in SPEECH_NOUNS:
                    for pc in c.children:
                        if pc.dep_ == "prep" and pc.lower_ == "to":
                            recips.extend(p for p in pc.children if p.dep_ == "pobj")
            return actor, recips
        # objects
        for c in v.children:
            if c.dep_ in OBJ_DEPS and c != t.token and c not in t.words:
                if _is_clause_object(c):
                    continue
                if etype == "AGREE" == t.lexeme.event_type and c.dep_ in ("dobj", "obj") and t.token.lemma_.lower() not in (
                        "invite", "welcome", "assure", "reassure", "thank", "congratulate") and not (
                        c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") or c.pos_ in ("PRON", "PROPN")):
                    continue  # "committed 1,000 police officers": what is promised, not to whom
                recips.append(c)
        preps = RECIPIENT_PREPS.get(etype, ())
        holders = [v] + ([t.token] if t.is_noun else [])
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        if c.lower_ == "to" and h == v and v.lemma_.lower() in MOTION_VERBS \
                                and p.ent_type_ in ("GPE", "LOC", "FAC") and etype != "AID":
                            continue  # "sent personnel to Bosnia to investigate": a destination
                        recips.append(p)
                elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    recips.append(c)
        if not recips and etype in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"):
            # "demanded that the US cancel the sale": the subject of the demanded act
            for c in list(v.children) + ([c for c in t.token.children] if t.is_noun else []):
                if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX"):
                    sc = _subject(c)
                    if sc is not None and sc.pos_ != "PRON":
                        recips.append(sc)
        # an object's own prepositions: "shared evidence with the U.S."
        if not recips:
            for c in v.children:
                if c.dep_ in ("dobj",) and c != t.token:
                    for pc in c.children:
                        if pc.dep_ == "prep" and pc.lower_ in preps and pc.lower_ != "of":
                            recips.extend(p for p in pc.children if p.dep_ == "pobj")
        if not recips and t.is_noun:
            # "a mediation effort between the Emirates and Saudi Arabia"
            for c in t.token.children:
                if c.dep_ == "prep" and c.lower_ == "between" and etype in ("CONSULT", "AGREE", "COOPERATE"):
                    recips.extend(p for p in c.children if p.dep_ == "pobj")
        if not recips:
            # "refused to negotiate with Armenia": the folded act names the recipient
            for sub in t.subs:
                recips.extend(self._arguments(sub, sub.event_type)[1])
        # noun trigger: "Israeli air raids" -> actor from the noun's modifier
        if t.is_noun and actor is None:
            for c in t.token.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.dep_ == "poss"):
                    actor = c
                    break
            if actor is None and t.token.dep_ == "ROOT":
                for c in t.token.children:
                    if c.dep_ == "prep" and c.lower_ in ("between", "by", "of"):
                        actor = next((p for p in c.children if p.dep_ == "pobj"), None)
                        break
        if actor is None and v.dep_ in ("conj", "xcomp", "advcl") and v.head != v:
            actor = _subject(v.head) if v.dep_ != "advcl" or not _own_subject(v) else None
            if actor is None and v.dep_ == "advcl" and v.tag_ == "VBG":
                actor = _subject(v.head)
        return actor, recips

    def _entities(self, tok: Token | None, sent: Span, state: "_StoryState") -> list[Entity]:
        """Resolve the noun phrase headed by ``tok`` (and its conjuncts) to entities."""
        if tok is None:
            return []
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        out: list[Entity] = []
        for h in heads:
            out.extend(self._entity_for_head(h, sent, state))
        # de-duplicate, keep order
        seen: set[tuple] = set()
        uniq = []
        for e in out:
            k = (e.country, e.igo, e.sector, e.name)
            if k not in seen:
                seen.add(k)
                uniq.append(e)
        return uniq

    def _entity_for_head(self, h: Token, sent: Span, state: "_StoryState") -> list[Entity]:
        low = h.lower_
        if h.pos_ == "PRON":
            if low in PRONOUNS_SINGULAR:
                return list(state.last_singular[:1])
            if low in PRONOUNS_PLURAL:
                return list(state.last_plural)
            if low in PRONOUNS_IT:
                return list(state.last_it[:1])
            return []
        # compound adjectives: "Ethiopian and Eritrean officials"
        adjs = [c for c in h.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]
        if adjs:
            conj_adjs = [a for a in adjs[0].conjuncts]
            if conj_adjs:
                res = []
                for a in [adjs[0]] + conj_adjs:
                    e = self._resolve(f"{a.text} {h.text}", sent, state)
                    if e:
                        res.append(e)
                if res:
                    return res
        text = _phrase(h)
        e = self._resolve(text, sent, state)
        # "the leaders of Azerbaijan and Armenia": role + each country
        of = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.conjuncts:
                res = []
                base = _phrase(h, stop_of=True)
                for p in [pobj] + [c for c in pobj.conjuncts if c.i > pobj.i]:
                    e2 = self._resolve(f"{base} of {_phrase(p)}", sent, state)
                    if e2:
                        res.append(e2)
                if res:
                    return res
        if e is not None and e.country is None and e.igo is None:
            # "riot police in Georgia": with no national modifier, the place phrase
            # gives the country (a modifier wins: "Turkish soldiers in Iraq" is TUR)
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                    p = next((x for x in c.children if x.dep_ == "pobj" and x.ent_type_ == "GPE"), None)
                    pe = self._resolve(_phrase(p), sent, state) if p is not None else None
                    if pe is not None and pe.country:
                        e = replace(e, country=pe.country)
                        break
        if e is None or (e.country is None and e.igo is None):
            # "Hikmet Hajiyev, an aide to the Azerbaijani president": the apposition
            # gives the role and the country
            appos = next((c for c in h.children if c.dep_ == "appos"), None)
            ae = self._resolve(_phrase(appos), sent, state) if appos is not None else None
            if ae is not None and (ae.country or ae.igo):
                e = Entity(text=text, name=(e.name if e is not None else None) or ae.name,
                           country=ae.country, sector=(e.sector if e is not None else None) or ae.sector,
                           igo=ae.igo, kb_id=(e.kb_id if e is not None else None))
        return [e] if e else []

    def _resolve(self, text: str, sent: Span, state: "_StoryState") -> Entity | None:
        return self.resolver.resolve(text, sent.text, state.story.pub_date, state.memory)

    def _object_modifier_entities(self, t: Trigger, sent: Span, state: "_StoryState") -> list[Entity]:
        """An object that is no actor lends its modifier: "burned Russian flags" -> RUS,
        "rejected any US role" -> USA (PLOVER manual: the recipient is the entity acted upon)."""
        out: list[Entity] = []
        objs = [c for c in t.frame.children if c.dep_ in OBJ_DEPS and c not in t.words]
        for sub in t.subs:  # "staged rallies to demand the resignation of X"
            objs.extend(c for c in sub.frame.children if c.dep_ in OBJ_DEPS)
        for c in objs:
            for m in c.children:
                if m.dep_ in ("amod", "compound", "poss", "nmod") and (m.ent_type_ in ("NORP", "GPE", "ORG") or m.dep_ == "poss"):
                    if m.pos_ == "PRON" and m.lower_ in ("its", "their", "his", "her", "our", "my"):
                        continue
                    out.extend(self._entities(m, sent, state))
                elif m.dep_ == "prep" and m.lower_ in ("by", "from", "of", "against", "on", "with", "to"):
                    # "rejected calls by Kofi Annan", "a demand from the US President",
                    # "threatened further action against Russia", "break relations with Russia"
                    for p in m.children:
                        if p.dep_ == "pobj":
                            out.extend(self._entities(p, sent, state))
        return out


# ---------------------------------------------------------------------- helpers

@dataclass
class _StoryState:
    story: Story
    memory: dict
    text_hash: str
    last_singular: list[Entity] = field(default_factory=list)
    last_plural: list[Entity] = field(default_factory=list)
    last_it: list[Entity] = field(default_factory=list)
    _pending: list[tuple[list[Entity], list[Entity]]] = field(default_factory=list)

    _ents: dict[int, list] = field(default_factory=dict)
    place_country: str | None = None  # country of the story's latest located event
    home_country: str | None = None  # see Coder._home_country; "" when no country dominates

    def ents_of(self, sent: Span) -> list:
        """The entities of a sentence, grouped once per story (``sent.ents`` rescans the
        whole document on every call)."""
        if not self._ents:
            for e in sent.doc.ents:
                self._ents.setdefault(e.sent.start, []).append(e)
            self._ents.setdefault(-1, [])
        return self._ents.get(sent.start, [])

    @property
    def pub_year(self) -> int | None:
        try:
            return int((self.story.pub_date or "")[:4])
        except ValueError:
            return None

    def note(self, actors: list[Entity], recips: list[Entity]) -> None:
        self._pending.append((actors, recips))

    def end_sentence(self) -> None:
        for actors, recips in self._pending:
            for group in (actors, recips):
                if len(group) > 1:
                    self.last_plural = list(group)
            if len(actors) == 1:
                self.last_singular = list(actors)
                self.last_it = list(actors)
        self._pending.clear()


def _subject(v: Token) -> Token | None:
    """The subject of ``v``; a transcript's speaker label ("VOA: Putin visited China") is
    skipped in favour of the real subject."""
    subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    for c in subs:
        if len(subs) > 1 and _is_speaker_label(c):
            continue
        if _is_speaker_label(c):
            # "VOA: Russia's President Vladimir Putin visited China", parsed with the
            # speaker as subject and the real one in apposition
            app = next((a for a in c.children if a.dep_ == "appos"), None)
            if app is not None:
                return app
        return c
    return None


def _up_the_tree(v: Token, test: Callable[[Token], bool], limit: int = 8) -> bool:
    """True when ``test`` holds for ``v`` or one of its first ``limit`` ancestors."""
    x = v
    for _ in range(limit):
        if test(x):
            return True
        if x.head == x:
            return False
        x = x.head
    return False


def _inside_condition(v: Token) -> bool:
    """True when ``v`` itself sits inside an "if"/"unless" clause."""
    return _up_the_tree(v, lambda x: any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                         for c in x.children))


def _in_quote(tok: Token) -> bool:
    """True when the token stands inside quotation marks in its sentence (quoted speech
    is often opinion or hope rather than a report of an event)."""
    # the text from the sentence start up to the token (``doc.text`` would rebuild the
    # whole story's text on every call)
    before = tok.doc[tok.sent.start:tok.i].text_with_ws
    opened = before.count("\u201c") - before.count("\u201d")
    return opened > 0 or before.count('"') % 2 == 1


def _is_speaker_label(tok: Token) -> bool:
    """True for a name followed by a colon at the start of a sentence ("VOA:", "Q:")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text == ":" and tok.i - tok.sent.start <= 3


def _own_subject(v: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children)


def _depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        if tok.head.lemma_.lower() not in REPORTING or tok.dep_ not in ("ccomp", "parataxis", "xcomp"):
            d += 1
        tok = tok.head
    return d


def _reporting_head(v: Token) -> Token | None:
    """The reporting verb whose complement contains ``v`` ("said" in "X said Y attacked Z")."""
    x = v
    for _ in range(4):
        if x.head == x:
            return None
        if x.dep_ in ("ccomp", "parataxis", "xcomp") and x.head.lemma_.lower() in REPORTING:
            return x.head
        if x.dep_ not in ("conj", "ccomp", "xcomp"):
            return None
        x = x.head
    return None


import re as _re

_SCORE = _re.compile(r"\b\d{1,2}-\d{1,2}\b")
_BARE_NUMBER = _re.compile(r"^\s*(?:aged?\s+)?\d{1,3}(?:\s*-?\s*years?\s*-?\s*old)?\s*$", _re.I)


#: Weapons named as the attacker ("a missile struck", "jets bombed"): the place where they
#: hit says nothing about whose they are.
WEAPON_ACTORS = WEAPON_NOUNS | {"jet", "warplane", "aircraft", "airstrike", "strike", "plane", "fighter",
                                "bomber", "helicopter", "artillery", "gunship", "warship", "shelling"}


def _is_weapon(e: Entity) -> bool:
    words = e.text.lower().split()
    return bool(words) and (words[-1] in WEAPON_ACTORS or words[-1].rstrip("s") in WEAPON_ACTORS)


#: Internal modes that the manual does not list: "return" (refugees going home) is a
#: RETREAT without a manual mode (PLOVER manual, RETREAT modes; 'return' is struck out).
OUTPUT_MODES: dict[tuple[str, str | None], str | None] = {("RETREAT", "return"): None}
#: ASSAULT modes that name the act rather than the weapon: a cue never replaces them.
ASSAULT_ACT_MODES = {"abduct", "beat", "torture", "sexual", "targeted", "destroy"}
#: Weapon cues for ASSAULT modes, most specific first (PLOVER manual, ASSAULT modes).
ASSAULT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("unconventional", frozenset({"chemical", "sarin", "chlorine", "nerve", "mustard", "biological",
                                  "nuclear", "radiological", "toxic", "poison", "gas"})),
    ("suicide-attack", frozenset({"suicide"})),
    ("drone", frozenset({"drone", "uav", "unmanned", "quadcopter"})),
    ("crowd-control", frozenset({"tear", "teargas", "rubber", "baton", "lathi", "pepper", "stun", "water-cannon"})),
    ("sexual", frozenset({"rape", "sexual", "sexually"})),
    ("aerial", frozenset({"airstrike", "air", "warplane", "jet", "aircraft", "helicopter", "bomber",
                          "plane", "gunship", "airplane", "fighter-jet"})),
    ("heavy-weapons", frozenset({"artillery", "shell", "shelling", "mortar", "rocket", "tank", "missile",
                                 "howitzer", "katyusha", "cannon", "armored", "armoured", "barrage"})),
    ("explosives", frozenset({"bomb", "ied", "explosive", "explosion", "blast", "mine", "landmine",
                              "grenade", "roadside", "car-bomb", "detonation", "dynamite"})),
    ("firearms", frozenset({"gun", "gunman", "gunmen", "gunfire", "rifle", "pistol", "bullet", "sniper",
                            "shooting", "shot", "machine-gun", "kalashnikov"})),
    ("primitive", frozenset({"knife", "machete", "axe", "stone", "rock", "arrow", "spear", "sword",
                             "arson", "petrol", "molotov", "stick", "club"})),
)
_CUE_DEPS = {"nsubj", "nsubjpass", "dobj", "prep", "pobj", "agent", "compound", "amod", "npadvmod",
             "nmod", "poss", "attr", "appos", "conj", "cc", "det", "nummod", "quantmod", "acl"}


def _assault_mode(t: Trigger, mode: str | None, actor: Token | None) -> str | None:
    """The ASSAULT mode from the weapon the clause names ("a drone strike", "gunmen
    opened fire", "shelled with artillery", "tear gas"): the first cue of
    :data:`ASSAULT_CUES` found in the trigger's phrase, its subject or its objects and
    "with"/"by" phrases (not in other clauses). A mode naming the act (abduct, torture,
    targeted ...) is kept; a weapon mode from the lexicon is replaced by a more telling
    cue ("bombing" is explosives, an "aerial bombing" aerial). PLOVER manual, ASSAULT
    modes."""
    if mode in ASSAULT_ACT_MODES:
        return mode
    scope: list[Token] = []
    roots = [c for c in t.frame.children if c.dep_ in _CUE_DEPS and c not in t.words]
    if t.is_noun:
        roots += [c for c in t.token.children if c.dep_ in _CUE_DEPS]
    if actor is not None:
        roots.append(actor)
    seen: set[int] = set()
    for r in roots:
        stack = [r]
        while stack:
            x = stack.pop()
            if x.i in seen or x in t.words:
                continue
            seen.add(x.i)
            scope.append(x)
            stack.extend(c for c in x.children if c.dep_ in _CUE_DEPS)
    words = {x.lemma_.lower() for x in scope} | {x.lower_ for x in scope}
    if t.is_noun or t.token != t.frame:
        words |= {c.lemma_.lower() for c in t.token.children if c.dep_ in ("compound", "amod")}
    if "water" in words and "cannon" in words:
        return "crowd-control"
    for name, cues in ASSAULT_CUES:
        if words & cues:
            if name == "unconventional" and "gas" in words & cues and "tear" in words:
                continue  # tear gas is crowd control
            return name
    return mode


#: What is asked for or refused, by the type of the folded act (PLOVER manual, REQUEST
#: and REJECT modes: assist, change, yield, meet).
_REQUEST_MODE_OF_TYPE = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
                         "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"}
#: ... and by the nouns that name it ("called for talks", "demanded the release").
_REQUEST_MODE_NOUNS = (
    ("meet", frozenset({"talk", "negotiation", "meeting", "dialogue", "summit", "consultation", "visit",
                        "mediation", "conference"})),
    ("yield", frozenset({"release", "ceasefire", "cease-fire", "truce", "withdrawal", "pullout", "return",
                         "lifting", "amnesty", "pardon", "freedom", "access", "evacuation",
                         "disarmament", "repatriation"})),
    ("change", frozenset({"resignation", "reform", "election", "change", "removal", "dismissal", "ouster",
                          "referendum", "investigation", "inquiry", "probe", "accountability", "justice",
                          "constitution", "law", "policy", "vote", "recount"})),
    ("assist", frozenset({"aid", "help", "assistance", "support", "loan", "fund", "funding", "cooperation",
                          "investment", "trade", "weapon", "arm", "supply", "protection", "asylum", "relief",
                          "intervention", "troop", "peacekeeper", "vaccine", "debt"})),
)


def _request_mode(t: Trigger) -> str | None:
    """REQUEST/REJECT mode from what is asked for or refused: the type of a folded act
    ("urged Russia to withdraw" -> yield, "refused to meet" -> meet, "asked for aid" ->
    assist, "demanded the minister resign" -> change), else the nouns of its objects and
    for/of phrases. None when nothing says. PLOVER manual, REQUEST modes ("shared with
    REJECT")."""
    for sub in t.subs:
        if "negation" in sub.aux:
            continue  # "urged Beijing to persuade them to cease their cooperation": not asked for
        if sub.token.lemma_.lower() in ("resign", "step", "quit", "reform", "change", "amend", "investigate"):
            return "change"
        m = _REQUEST_MODE_OF_TYPE.get(sub.event_type)
        if m:
            return m
    heads = [c for c in t.frame.children if c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp")]
    heads += [p for c in t.frame.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "on")
              for p in c.children if p.dep_ == "pobj"]
    if t.is_noun:
        heads += [p for c in t.token.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                  for p in c.children if p.dep_ == "pobj"] + [c for c in t.token.children if c.dep_ == "acl"]
    words: set[str] = set()
    for h in heads:
        words.add(h.lemma_.lower())
        words |= {c.lemma_.lower() for c in h.children if c.dep_ in ("compound", "dobj", "pobj", "prep")}
        words |= {p.lemma_.lower() for c in h.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"}
    if words & {"resign", "step", "quit"}:
        return "change"
    for name, nouns in _REQUEST_MODE_NOUNS:
        if words & nouns:
            return name
    return None


def _mobilize_mode(t: Trigger, mode: str | None) -> str | None:
    """MOBILIZE mode from what is mobilised: police and gendarmes -> police, militias and
    volunteers -> militia, ships, missiles or jets without troops -> weapons, else the
    lexicon's (PLOVER manual, MOBILIZE modes: "Mobilizing weapons, ships, or vehicles
    should be coded as MOBILIZE 'weapons' rather than 'troops'")."""
    objs = [c for c in t.frame.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    objs += [x for o in list(objs) for x in o.conjuncts]
    lems = {o.lemma_.lower() for o in objs} | {c.lemma_.lower() for o in objs for c in o.children
                                                 if c.dep_ in ("compound", "amod")}
    if lems & {"police", "policeman", "gendarme", "gendarmerie", "riot", "officer"}:
        return "police"
    if lems & {"militia", "volunteer", "vigilante", "militiaman", "self-defense", "self-defence"}:
        return "militia"
    troops = lems & {"troop", "soldier", "force", "battalion", "brigade", "unit", "reservist",
                     "personnel", "marine", "army", "division", "reinforcement"}
    if not troops and lems & {"missile", "warship", "ship", "vessel", "jet", "tank", "aircraft", "bomber",
                              "submarine", "carrier", "drone", "system", "battery", "artillery", "weapon",
                              "plane", "destroyer", "frigate", "rocket"}:
        return "weapons"
    return mode


def _threat_phrase(x: Token) -> bool:
    """ "use force", "take (military) action", "take control of": what a warning threatens."""
    lem, head = x.lemma_.lower(), x.head.lemma_.lower()
    return (lem == "force" and head == "use") or (lem == "action" and head == "take") or \
        (lem == "control" and head in ("take", "seize", "assume"))


def _number(tok: Token) -> float:
    """The value of a numeral token ("504", "11,654", "1.5"), or 0 when it is no digit string."""
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return 0.0


def _private(tok: Token) -> bool:
    """True for a mention of private persons ("a farmer", "two brothers", "his
    neighbour"): a person noun without a national, ethnic or organisational modifier and
    not a named entity; pronouns and names are not private (they may be officials)."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    if tok.lemma_.lower() not in PERSON_NOUNS:
        return False
    return not any(c.ent_type_ in ("NORP", "GPE", "ORG") or c.lemma_.lower() in ("protest", "police", "party", "opposition", "rebel", "union")
                   for c in tok.subtree if c is not tok)


def _in_relative_clause(v: Token) -> bool:
    """True when ``v`` sits inside a relative clause or a noun's modifier clause."""
    return _up_the_tree(v, lambda x: x.dep_ in ("relcl", "acl"))


def _is_clause_object(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in ("that", "what")


def _conditional_threat(v: Token) -> bool:
    """True when the conditional act is announced by its actor ("warned it would strike
    if ...", "will boycott unless ..."), which PLOVER codes as THREATEN; a bare
    hypothetical ("if the ceasefire collapses, thousands could flee") is no event."""
    if v.head.lemma_.lower() in ("threaten", "warn", "vow", "swear"):
        return True
    subj = _subject(v)
    if any(c.lower_ in ("could", "might") for c in v.children):
        # epistemic "could/might" is speculation unless the actor speaks of itself
        # ("Pakistan said it could cut trade"); "analysts say the armies could clash" is not
        return _reporting_head(v) is not None and (subj is None or subj.pos_ == "PRON")
    if _reporting_head(v) is not None:
        return True
    has_cond = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
                   for c in v.children)
    return has_cond and any(c.lower_ in FUTURE_AUX | {"may", "might", "could", "would"} for c in v.children)


def _is_historical(text: str, pub_year: int | None) -> bool:
    low = text.lower()
    if any(w in low for w in ("decade", "century", "years ago", "years earlier")):
        return True
    import re
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)]
    return bool(years and pub_year and max(years) < pub_year - 1)


_STOP_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "det"}


def _phrase(h: Token, stop_of: bool = False) -> str:
    """Text of the noun phrase headed by ``h``: its left modifiers, the head, and an "of"
    phrase; relative clauses, appositions and other prepositions are left out."""
    toks = [h]

    def add(t: Token) -> None:
        for c in t.children:
            if c.i < h.i and c.dep_ not in ("relcl", "acl", "appos", "punct", "cc", "conj"):
                toks.append(c)
                add(c)
            elif c.i > h.i and t == h and c.dep_ == "prep" and c.lower_ in ("of", "for", "to") and not stop_of:
                toks.extend(c.subtree)
            elif c.i > h.i and t != h and c.dep_ not in ("relcl", "acl", "punct", "cc", "conj", "appos"):
                toks.append(c)
                add(c)
    add(h)
    toks = sorted(set(toks), key=lambda t: t.i)
    # keep contiguous text from the first to the last token
    doc = h.doc
    return doc[toks[0].i: toks[-1].i + 1].text if toks else h.text


#: Names of the features of :func:`confidence_features`, in order.
FEATURES = ("lexical_weight", "political_actor", "political_recipient", "no_actor",
            "noun_trigger", "reported", "main_event", "person_or_group_actor", "clause_root",
            "present_tense", "short_sentence", "single_trigger", "named_actor", "in_quote", "lede")
_POLITICAL_SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "PRM", "SPY", "IGO",
                      "PTY", "UAF", "ELI", "NGO"}


def confidence_features(t: Trigger, actors: list[Entity], recips: list[Entity], main: bool,
                        claimed: list[Entity], sentence_index: int = 0) -> list[float]:
    """The evidence for one event as numbers in 0..1 (names in :data:`FEATURES`).

    Political actors are entities with a country or IGO and a political sector; events
    by and on them are what PLOVER codes (PLOVER manual, actors and sectors).
    ``sentence_index`` (0-based, in the story) marks the lede: news is written as an
    inverted pyramid, so the first three sentences report the story's new events and
    later ones more often background (in the team's hand-judged VOA events, 61% of events
    coded in sentences 0-2 were right against 42% after sentence 18).
    """
    pol = lambda es: any((e.country or e.igo) and (e.sector in _POLITICAL_SECTORS or e.sector is None)  # noqa: E731
                         for e in es)
    return [
        float(t.weight),
        float(pol(actors)),
        float(pol(recips)),
        float(not actors),
        float(t.is_noun),
        float(bool(claimed)),
        float(main),
        float(any(e.sector for e in actors)),
        float(_depth(t.frame) == 0),
        float(t.frame.tag_ in ("VBP", "VBZ", "VB") and "future" not in t.aux),
        float(len(t.token.sent) <= 35),
        float(t.n_live <= 1),
        float(any(e.name for e in actors)),
        float(_in_quote(t.token)),
        float(sentence_index <= 2),
    ]


@lru_cache(maxsize=1)
def load_calibration() -> tuple[list[float], float] | None:
    """Logistic calibration ``(coefficients, intercept)`` over :data:`FEATURES` from
    ``data/calibration.json`` (fitted by ``scripts/calibrate.py`` on hand-judged events),
    or None when the file is absent (then a hand-set score is used)."""
    f = resources.files("tidings").joinpath("data/calibration.json")
    if not f.is_file():
        return None
    d = json.loads(f.read_text(encoding="utf-8"))
    if list(d.get("features", [])) != list(FEATURES):
        return None
    return [float(x) for x in d["coef"]], float(d["intercept"])


def _confidence(t: Trigger, actors: list[Entity], recips: list[Entity], main: bool,
                claimed: list[Entity]) -> float:
    """A first confidence in 0..1 from the evidence for the event (issue 4 calibrates it)."""
    score = 0.25 + 0.45 * t.weight
    if actors:
        score += 0.12
    if recips:
        score += 0.06
    if main:
        score += 0.05
    if t.is_noun:
        score -= 0.05
    if t.aux & {"negation", "hypothetical"}:
        score -= 0.1
    return max(0.05, min(0.97, round(score, 3)))


def _cameo(t: Trigger, etype: str) -> str | None:
    if etype == t.lexeme.event_type:
        return t.lexeme.cameo
    return {"AGREE": "030", "CONCEDE": "080", "THREATEN": "130", "ACCUSE": "112",
            "REJECT": "120", "REQUEST": "100", "CONSULT": "040"}.get(etype)


def _dateline_end(text: str) -> int:
    """Length of a dateline such as "GENEVA -" or "LONDON (Reuters) --" at the start."""
    import re
    m = re.match(r"^\s*[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Za-z .]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s*", text)
    return m.end() if m else 0


def _event_date(stext: str, pub_date: str | None, tense: str, date_ents: list[tuple[int, int]],
                trig_char: int) -> EventDate:
    from .dates import event_date
    return event_date(stext, pub_date, tense, date_ents, trig_char)


def _event_location(stext: str, place_ents, trig_char: int, actor_spans, ctx_countries,
                    dateline_end: int) -> Place | None:
    from .places import event_location
    return event_location(stext, place_ents, trig_char, actor_spans, ctx_countries, dateline_end)
