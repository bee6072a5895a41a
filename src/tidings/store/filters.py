"""The filters of :meth:`Store.events <tidings.store.Store.events>` (and ``dyads``,
``export``, ``tidings events``): checked, then turned into a WHERE clause over
``events e`` with its parameters. A value that can match nothing is an error
(``T405``), never an empty answer. See ``docs/store.md``, "Filters".
"""

from __future__ import annotations

import calendar

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from tidings.actors import country_codes
from tidings.errors import StoreError
from tidings.records import CONTEXTS, EVENT_TYPES, MODES

from .codes import CODE_RE, check_code, code_value, country_of_name, kb_party, parse_dyad, same_codes  # noqa: F401


#: Count units of queries: every event, or one event per cluster of reports.
PER: tuple[str, ...] = ("event", "cluster")
#: Event types whose actors, when the event names no recipient party, act toward each
#: other: a meeting, agreement or cooperation told jointly ("Armenia and Azerbaijan
#: signed a peace deal", "The two leaders met") has every participant in ``actor`` and
#: no recipient (docs/annotation.md section 6; PLOVER manual, compound and reciprocal
#: actors). Such an event of two actor parties or more is an event of every ordered pair
#: of them: ``dyad`` ARM-AZE and AZE-ARM and ``recipient`` AZE find it, in ``tidings
#: events`` as in ``tidings dyads`` (twenty-fifth round: ``events --dyad`` left it out
#: while ``dyads --dyad`` counted it). The same types as ``words.yaml``
#: ``reciprocal_types`` (a test keeps them equal; the store does not import the coder).
MUTUAL_TYPES: tuple[str, ...] = ("AGREE", "CONSULT", "COOPERATE")
#: The rule the coder names in ``rules`` of a fight between the parties of its actor
#: ("Thai and Cambodian troops exchanged fire", "clashes between the army and the
#: rebels": ``words.yaml`` ``two_sided_fight_words``; annotation guide section 3 codes
#: both sides as actors and no recipient): such an event, of any type, is reciprocal
#: as a joint meeting is, and counts for every ordered pair of its actor parties.
MUTUAL_RULE = "structure:two-sided-fight"
#: The rule the coder names in ``rules`` of a mediator's own act ("Qatar and Egypt
#: mediate a new ceasefire": CONSULT third-party, the mediators as actors and no
#: recipient, words.yaml ``mediation_trigger_lemmas``): its actors are co-mediators, not
#: sides meeting each other, so such an event is no reciprocal act and counts for no pair
#: of its actor parties (twenty-ninth round: a fresh analyst's ``dyads`` counted QAT-EGY
#: and EGY-QAT cooperation for two mediators of a Lebanon-Israel truce).
MEDIATOR_RULE = "structure:mediator-is-no-recipient"
#: The filter keywords, in the order the docs list them.
FILTERS = ("actor", "recipient", "dyad", "event_type", "mode", "context", "date_from",
           "date_to", "place", "min_confidence", "happened", "text", "story_id",
           "undated_historical", "undated", "all_candidates")
#: An event ``historical`` (an old act told as background) that has no date of its own:
#: the coder dates it by the story's publication (``date_source`` ``publication``), so
#: its period is the story's, not the act's (docs/dates-and-places.md). ``dyads``
#: leaves such events out by default (filter ``undated_historical=False``).
UNDATED_HISTORICAL = "(list_contains(e.aux_modes, 'historical') AND e.date_source = 'publication')"
#: An event that nothing dated: its story has no publication date (``stories.pub_date``
#: NULL) and no phrase of the text dated it, so the coder gave it the day of coding with
#: granularity ``story`` and ``source`` ``publication`` (README, docs/dates-and-places.md,
#: "No publication date"). That day is not when the act happened: ``dyads`` leaves such
#: events out by default (filter ``undated=False``) and says how many (twenty-third round:
#: they were counted in the month the stories were coded). A story dated by its dateline
#: gives ``source`` ``story``, and a phrase naming its year ``sentence``: both are known.
UNDATED = ("(e.date_source = 'publication' AND EXISTS (SELECT 1 FROM stories st_u "
           "WHERE st_u.story_id = e.story_id AND st_u.pub_date IS NULL))")
#: The key of a party (an ``entities`` row) in dyad counts: its country, else the code of
#: the international organisation it is or speaks for (``EU``, ``AU``, ``UN``: the actor
#: KB's IGO codes), so that "the European Union imposed sanctions on Iran" is an EU-IRN
#: dyad in ``tidings dyads`` as in ``tidings events --dyad EU-IRN`` and the explorer's
#: network (twenty-third round: the dyads left IGO parties out). An entity never has both.
PARTY_KEY = "coalesce(country, igo)"
#: Auxiliary modes of an act that did not happen (PLOVER manual, "Auxiliary modes": a
#: negated act, and a hypothetical one: conditional, supposed or only possible). The
#: ``happened`` filter leaves out events with either; ``future`` and ``historical``
#: acts did or will happen and stay.
NOT_HAPPENED: tuple[str, ...] = ("negation", "hypothetical")
#: Spellings of ``happened`` (a query parameter or an HTML form sends a string).
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


def happened_value(value: Any, name: str = "happened") -> bool | None:
    """Read the ``happened`` filter (or another yes/no filter called ``name``): a bool,
    None, or ``true``/``false`` (also ``1``/``0``, ``yes``/``no``, ``on``/``off``, in any
    case) as a query string sends it.

    Returns:
        True (only events that happened), False or None (every event).

    Raises:
        StoreError: ``T405`` for any other value (``"maybe"``, ``2``).
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower() if isinstance(value, str) else None
    if text == "":
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if name != "happened":
        raise StoreError("T405", f"{name} must be true or false, not {value!r}")
    raise StoreError("T405", f"happened must be true or false, not {value!r}",
                     "happened=true keeps events that are neither negated nor "
                     "hypothetical; false keeps every event")


def selection(where: str, per: str) -> str:
    """SELECT over ``events e`` with a WHERE clause; per cluster, keep one event each.

    A cluster's representative is its most confident matching event (then the
    earliest, then the smallest id); ``cluster_size`` and ``cluster_story_ids`` count
    the cluster's events and stories that match the filters.
    """
    if per != "cluster":
        return f"SELECT e.* FROM events e WHERE {where}"
    return f"""
        SELECT e.*,
               count(*) OVER w AS cluster_size,
               list(DISTINCT e.story_id) OVER w AS cluster_story_ids
        FROM events e WHERE {where}
        WINDOW w AS (PARTITION BY coalesce(e.cluster_id, e.event_id))
        QUALIFY row_number() OVER (PARTITION BY coalesce(e.cluster_id, e.event_id)
                ORDER BY e.confidence DESC, e.date_start, e.event_id) = 1"""


def check_per(per: str) -> None:
    """Raise StoreError ``T405`` unless ``per`` is one of :data:`PER`."""
    if per not in PER:
        raise StoreError("T405", f"unknown count unit per={per!r}",
                         "use per='event' or per='cluster'")


def _iso_date(value: Any, what: str, end: bool = False) -> date:
    """A filter's date: ``YYYY-MM-DD`` (or a date), or a month ``YYYY-MM`` or year
    ``YYYY``, which stands for its first day, or with ``end`` (``date_to``) its last.
    Raises ``T405`` for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if m:
        year, month = int(m[1]), int(m[2]) if m[2] else None
        if month is not None and not 1 <= month <= 12:
            raise StoreError("T405", f"{what} must be a date YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
        if not end:
            return date(year, month or 1, 1)
        month = month or 12
        return date(year, month, calendar.monthrange(year, month)[1])
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise StoreError("T405", f"{what} must be a date YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}"
                         ) from None


#: ``ILIKE`` with a backslash escape, for :func:`contains_pattern` patterns.
ILIKE = "ILIKE ? ESCAPE '\\'"


def contains_pattern(value: str) -> str:
    """Return an ``ILIKE`` pattern (use with :data:`ILIKE`) matching text that contains
    ``value`` literally: ``%``, ``_`` and ``\\`` in it are escaped, not wildcards."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _entity_match(role: str, value: str, params: list[Any],
                  known_code: Callable[[str], bool], text: bool = True) -> str:
    """The condition that an entity of ``role`` matches ``value``: a code
    (:func:`tidings.store.codes.code_value`: ``USA``, ``EU``, ``CARICOM``, ``usa``) is
    matched against the entity's country or IGO code, and, with ``text``, also against
    its text as a whole word in any case (an "ECOWAS" the resolver left without a code);
    other values are a case-insensitive part of the entity's name or text, and a
    country's full name (``Mali``) also matches the parties of that country."""
    value = str(value).strip()
    code = code_value(value, role, known_code)
    if code is not None:
        codes = same_codes(code)
        params.extend([*codes, code])
        cond = f"n.country IN ({', '.join('?' for _ in codes)}) OR n.igo = ?"
        if text:
            # "CARICOM leaders" resolved to CARICOM, and a bare "CARICOM" left unresolved
            # (twenty-fifth round: --actor CARICOM matched the text only, 1 event of 3)
            params.append(rf"\b{re.escape(code)}\b")
            cond += " OR regexp_matches(n.text, ?, 'i')"
        cond = f"({cond})"
    else:
        like = contains_pattern(value)
        params.extend([like, like])
        cond = f"(n.name {ILIKE} OR n.text {ILIKE})"
        code = country_of_name(value)
        party = kb_party(value) if code is None else None
        if code is not None:
            # "Mali" is also every party of Mali's ("Malian troops", "the junta"): a
            # fresh-user trial got 1 event for actor=Mali and 4 for actor=MLI
            params.append(code)
            cond = f"(n.name {ILIKE} OR n.text {ILIKE} OR n.country = ?)"
        elif party is not None:
            # "RSF" is also every party the resolver gave the RSF's KB id ("the
            # paramilitary force"), and its full name matches "The RSF" (twenty-eighth round)
            params.extend([party[0], party[1]])
            cond = f"(n.name {ILIKE} OR n.text {ILIKE} OR n.kb_id = ? OR lower(n.name) = lower(?))"
    return (f"EXISTS (SELECT 1 FROM entities n WHERE n.event_id = e.event_id "
            f"AND n.role = '{role}' AND {cond})")


def _recipient_match(value: str, params: list[Any], known_code: Callable[[str], bool],
                     mutual_types: tuple[str, ...], text: bool = True) -> str:
    """The condition that ``value`` is an event's recipient, or (with ``mutual_types``)
    an actor of a reciprocal event of one of those types (or one the coder marks
    :data:`MUTUAL_RULE`, a two-sided fight) that has no recipient party
    and two actor parties or more, which each act toward the other ("Armenia and
    Azerbaijan signed a deal" is found by ``dyad`` ARM-AZE and ``recipient`` AZE;
    docs/annotation.md section 6): the events :meth:`Store.dyads` counts for such a
    recipient. A mediator's own act (:data:`MEDIATOR_RULE`) is no reciprocal act."""
    cond = _entity_match("recipient", value, params, known_code, text)
    if not mutual_types:
        return cond
    params.extend(mutual_types)
    params.extend([MUTUAL_RULE, MEDIATOR_RULE])
    other = _entity_match("actor", value, params, known_code, text)
    return (f"({cond} OR ((e.event_type IN ({', '.join('?' for _ in mutual_types)}) "
            f"OR list_contains(coalesce(e.rules, []), ?)) "
            f"AND NOT list_contains(coalesce(e.rules, []), ?) "
            f"AND NOT EXISTS (SELECT 1 FROM entities n WHERE n.event_id = e.event_id "
            f"AND n.role = 'recipient' AND {PARTY_KEY} IS NOT NULL) AND {other} "
            f"AND (SELECT count(DISTINCT {PARTY_KEY}) FROM entities n WHERE n.event_id = "
            f"e.event_id AND n.role = 'actor') > 1))")


def where_clause(filters: dict[str, Any], known_code: Callable[[str], bool],
                 mutual_types: tuple[str, ...] = MUTUAL_TYPES) -> tuple[str, list[Any]]:
    """Translate :meth:`Store.events` filters into a WHERE clause over ``events e``.

    Args:
        filters: as for :meth:`Store.events`.
        known_code: says whether an upper-case code names a country or an IGO
            (:meth:`Store._known_code`).
        mutual_types: event types whose actors act toward each other when no
            recipient party is named (:data:`MUTUAL_TYPES`, the default, used by
            :meth:`Store.events`, ``count`` and ``dyads`` alike): the ``recipient``
            filter and the recipient of ``dyad`` also match an actor of such an event of
            two actor parties or more. ``dyad`` A-B is then exactly the events
            :meth:`Store.dyads` counts for the pair A-B: an actor party A and a
            recipient party B, or a joint act of A and B with no recipient (either
            order); only parties' codes count (not their text).

    Raises:
        StoreError: ``T405`` for a value that can match nothing: an unknown code, event
            type or mode (or a mode of none of the given types), a date that is not
            ``YYYY-MM-DD`` or a reversed range, a confidence outside 0..1, a context that
            is no PLOVER general context, a ``happened``, ``undated_historical``,
            ``undated`` or ``all_candidates`` that is not true or false.
    """
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise StoreError("T405", f"unknown filter {unknown[0]!r}",
                         "filters: " + ", ".join(FILTERS))
    conds: list[str] = []
    params: list[Any] = []
    f = {k: v for k, v in filters.items() if v is not None and v != ""}
    if "actor" in f:
        conds.append(_entity_match("actor", f["actor"], params, known_code))
    if "recipient" in f:
        conds.append(_recipient_match(f["recipient"], params, known_code, mutual_types))
    if "dyad" in f:
        parts = parse_dyad(f["dyad"])
        for code in parts:
            check_code(code, "dyad", known_code)
        conds.append(_entity_match("actor", parts[0], params, known_code, text=False))
        # A-A: a joint act of A's parties is no A-A event (dyads count pairs of parties)
        same = set(same_codes(parts[0])) & set(same_codes(parts[1]))
        conds.append(_recipient_match(parts[1], params, known_code,
                                      () if same else mutual_types, text=False))
    types: list[str] = []
    if "event_type" in f:
        types = f["event_type"]
        types = [t.strip().upper() for t in (types.split(",") if isinstance(types, str)
                                              else types)]
        bad = [t for t in types if t not in EVENT_TYPES]
        if bad:
            raise StoreError("T405", f"unknown event type {bad[0]!r}",
                             "one of: " + " ".join(EVENT_TYPES))
        conds.append("e.event_type IN (" + ", ".join("?" for _ in types) + ")")
        params.extend(types)
    if "mode" in f:
        mode = str(f["mode"]).strip().lower()
        # PLOVER manual, "<TYPE> modes": a mode belongs to some types only
        allowed = set().union(*(MODES.get(t, ()) for t in types or MODES))
        if mode not in allowed:
            if not types:
                raise StoreError("T405", f"unknown mode {mode!r}",
                                 "PLOVER modes: " + " ".join(sorted(allowed)))
            named = ", ".join(types)
            raise StoreError("T405", f"{mode!r} is not a mode of {named}",
                             f"modes of {named}: " + " ".join(sorted(allowed)) if allowed
                             else f"{named} {'has' if len(types) == 1 else 'have'} no modes")
        conds.append("e.mode = ?")
        params.append(mode)
    if "context" in f:
        context = str(f["context"]).strip().lower()
        if context not in CONTEXTS:  # PLOVER manual, "General contexts"
            raise StoreError("T405", f"unknown context {context!r}",
                             "PLOVER contexts: " + " ".join(sorted(CONTEXTS)))
        conds.append("list_contains(e.contexts, ?)")
        params.append(context)
    date_from = _iso_date(f["date_from"], "date_from") if "date_from" in f else None
    date_to = _iso_date(f["date_to"], "date_to", end=True) if "date_to" in f else None
    if date_from and date_to and date_from > date_to:
        raise StoreError("T405", f"date_from {date_from} is after date_to {date_to}",
                         "give the earlier date as date_from")
    if date_from:
        conds.append("e.date_end >= ?")
        params.append(date_from)
    if date_to:
        conds.append("e.date_start <= ?")
        params.append(date_to)
    if "place" in f:
        value = str(f["place"]).strip()
        if value.upper() in country_codes():  # usa, USA: the country, in any case
            conds.append("e.location_country = ?")
            codes = same_codes(value.upper())     # KOS: stored as XKX
            conds[-1] = f"e.location_country IN ({', '.join('?' for _ in codes)})"
            params.extend(codes)
        else:
            conds.append(f"(e.location_name {ILIKE} OR e.location_text {ILIKE} "
                         f"OR e.location_admin1 {ILIKE})")
            params.extend([contains_pattern(value)] * 3)
    if "min_confidence" in f:
        try:
            conf = float(f["min_confidence"])
        except (TypeError, ValueError):
            conf = float("nan")
        if not 0 <= conf <= 1:
            raise StoreError("T405", "min_confidence must be a number from 0 to 1, "
                             f"not {f['min_confidence']!r}")
        conds.append("e.confidence >= ?")
        params.append(conf)
    if "happened" in f and happened_value(f["happened"]):
        # aux_modes is NOT NULL (an empty list when the act is plain)
        conds.append("NOT list_has_any(e.aux_modes, ?)")
        params.append(list(NOT_HAPPENED))
    if "undated_historical" in f and happened_value(f["undated_historical"], "undated_historical") is False:
        conds.append(f"NOT {UNDATED_HISTORICAL}")
    if "undated" in f:
        only = happened_value(f["undated"], "undated")
        if only is not None:
            conds.append(UNDATED if only else f"NOT {UNDATED}")
    if "all_candidates" in f:
        every = happened_value(f["all_candidates"], "all_candidates")
        if every is not None:
            # the output the event's story was coded with (stories.all_candidates; NULL:
            # a story stored before tidings recorded it, counted as the default output)
            conds.append("EXISTS (SELECT 1 FROM stories st_ WHERE st_.story_id = e.story_id "
                         f"AND coalesce(st_.all_candidates, false) = {'true' if every else 'false'})")
    if "text" in f:
        conds.append(f"e.sentence {ILIKE}")
        params.append(contains_pattern(str(f["text"])))
    if "story_id" in f:
        conds.append("e.story_id = ?")
        params.append(str(f["story_id"]))
    return (" AND ".join(conds) or "TRUE"), params
