"""British and American spellings give the same events (issue 16).

    python benchmarks/british_spelling.py [--json]

Codes each sentence of :data:`PAIRS` (written by the tidings team for this check: the
same news sentence in American and in British spelling, several event types) as a story
of its own, and prints, per pair, the events of each spelling (type and confidence, every
candidate) and whether the two agree: the same event types in the default output
(``same types``) and the same types and confidences among every candidate (``same``).
Folding British forms (:mod:`tidings.spelling`) should make every pair agree.
"""

from __future__ import annotations

import argparse
import json
import warnings

#: (American, British): the same sentence in both spellings.
PAIRS: list[tuple[str, str]] = [
    ("Turkey criticized Greece over the detention of its fishermen.",
     "Turkey criticised Greece over the detention of its fishermen."),
    ("The opposition organized a protest outside parliament in Nairobi.",
     "The opposition organised a protest outside parliament in Nairobi."),
    ("Russia mobilized reservists near the Ukrainian border.",
     "Russia mobilised reservists near the Ukrainian border."),
    ("Japan apologized to South Korea for wartime forced labor.",
     "Japan apologised to South Korea for wartime forced labour."),
    ("Brazil recognized the new government in Bolivia.",
     "Brazil recognised the new government in Bolivia."),
    ("The defense ministry said its forces shelled rebel positions.",
     "The defence ministry said its forces shelled rebel positions."),
    ("Demonstrators were jailed in Minsk after the rally was organized.",
     "Demonstrators were jailed in Minsk after the rally was organised."),
    ("The World Bank suspended its program in Myanmar after the coup.",
     "The World Bank suspended its programme in Myanmar after the coup."),
    ("Neighboring Uganda closed its border with South Sudan.",
     "Neighbouring Uganda closed its border with South Sudan."),
    ("The minister condemned the behavior of the soldiers at the checkpoint.",
     "The minister condemned the behaviour of the soldiers at the checkpoint."),
    ("Iran criticized the European Union's sanctions program.",
     "Iran criticised the European Union's sanctions programme."),
    ("Kenyan police arrested the organizers of the strike.",
     "Kenyan police arrested the organisers of the strike."),
    ("India and Pakistan agreed to normalize trade relations.",
     "India and Pakistan agreed to normalise trade relations."),
    ("The government authorized the army to use force against protesters.",
     "The government authorised the army to use force against protesters."),
    ("The court sentenced the journalist for the offense of spreading false news.",
     "The court sentenced the journalist for the offence of spreading false news."),
    ("Ethiopia denounced Egypt's militarization of the Red Sea.",
     "Ethiopia denounced Egypt's militarisation of the Red Sea."),
    ("Germany pledged to modernize Ukraine's air defenses.",
     "Germany pledged to modernise Ukraine's air defences."),
    ("Serbia honored an agreement to release the prisoners.",
     "Serbia honoured an agreement to release the prisoners."),
    ("Hungary's prime minister praised China's program of investment.",
     "Hungary's prime minister praised China's programme of investment."),
    ("The president canceled his visit to Washington after the shooting.",
     "The president cancelled his visit to Washington after the shooting."),
    ("The rebels paralyzed the capital with a general strike.",
     "The rebels paralysed the capital with a general strike."),
    ("Colombia legalized the peace deal with the guerrillas.",
     "Colombia legalised the peace deal with the guerrillas."),
    ("Israel's defense forces demolished homes in the West Bank.",
     "Israel's defence forces demolished homes in the West Bank."),
    ("The union said labor leaders were detained in Dhaka.",
     "The union said labour leaders were detained in Dhaka."),
    ("Thailand's army criticized the neighboring country for harboring insurgents.",
     "Thailand's army criticised the neighbouring country for harbouring insurgents."),
    ("The minister traveled to Moscow to meet his Russian counterpart.",
     "The minister travelled to Moscow to meet his Russian counterpart."),
    ("Armenia accused Azerbaijan of destabilizing the region.",
     "Armenia accused Azerbaijan of destabilising the region."),
    ("Pakistan summoned the Afghan envoy and criticized the border attack.",
     "Pakistan summoned the Afghan envoy and criticised the border attack."),
    ("The guerrillas were demobilized under the peace accord.",
     "The guerrillas were demobilised under the peace accord."),
    ("Saudi Arabia signaled its support for the peace talks.",
     "Saudi Arabia signalled its support for the peace talks."),
    ("The United Nations criticized Myanmar's military for its offensive behavior.",
     "The United Nations criticised Myanmar's military for its offensive behaviour."),
    ("Nigeria's army mobilized troops after gunmen attacked a police station.",
     "Nigeria's army mobilised troops after gunmen attacked a police station."),
]


def code_all(texts: list[str]) -> list[list[tuple[str, float]]]:
    """Each text coded as a story of its own: its events' (type, confidence), every
    candidate, in order."""
    from tidings.analyse import load_nlp
    from tidings.coding.coder import Coder
    from tidings.records import Story

    nlp = load_nlp()
    coder = Coder(all_candidates=True)
    out = []
    for k, text in enumerate(texts):
        evs = coder.code_doc(nlp(text), Story(id=f"s{k}", text=text, pub_date="2025-03-01"))
        out.append([(e.event_type, round(e.confidence, 4)) for e in evs])
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the per-pair comparison and the counts of agreeing pairs."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="one JSON object with the counts and pairs")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    from tidings.learn.model import default_threshold

    threshold = default_threshold()
    coded = code_all([t for pair in PAIRS for t in pair])
    rows, same, same_types = [], 0, 0
    for k, (am, br) in enumerate(PAIRS):
        a, b = coded[2 * k], coded[2 * k + 1]
        ta = sorted(t for t, c in a if c >= threshold)
        tb = sorted(t for t, c in b if c >= threshold)
        same += a == b
        same_types += ta == tb
        rows.append({"american": am, "british": br, "american_events": a, "british_events": b,
                     "same": a == b, "same_types": ta == tb})
    if args.json:
        print(json.dumps({"pairs": len(PAIRS), "same": same, "same_types": same_types, "rows": rows}, indent=1))
        return 0
    for r in rows:
        flag = "same" if r["same"] else ("same types" if r["same_types"] else "DIFFERENT")
        print(f"{flag:10s} {r['british']}\n           US {r['american_events']}\n           GB {r['british_events']}")
    print(f"pairs: {len(PAIRS)}; same types at the default threshold ({threshold}): {same_types}; "
          f"same types and confidences, every candidate: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
