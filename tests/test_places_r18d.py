"""Places, round 18 (r18d): transliterated names with an apostrophe (the soft sign)."""

from __future__ import annotations

import pytest

from tidings.places import normalise_name, resolve_place


@pytest.mark.parametrize("text", ["Ryazan'", "Ryazan\u2019", "Ryazan", "Ryazan' region", "Ryazan\u2019 region"])
def test_soft_sign_apostrophe_resolves_as_the_name_without_it(text):
    # a fresh user feared "in Ryazan' region" left the place unresolved: the lookup key
    # drops apostrophe-like marks, so every spelling is the same place (the city; with
    # "region", the subdivision since r19e: a place named with an admin word)
    p = resolve_place(text)
    if text.endswith("region"):
        assert (p.country, p.feature, p.name, p.text) == ("RUS", "admin1", "Ryazanskaya oblast'", text)
    else:
        assert (p.country, p.geonames_id, p.text) == ("RUS", 500096, text)


def test_soft_sign_names_of_other_cities():
    assert normalise_name("Tver'") == normalise_name("Tver") == "tver"
    assert [resolve_place(t).geonames_id for t in ("Tver'", "Perm'", "Kazan'")] == [480060, 511196, 551487]
