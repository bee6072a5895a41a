"""r29g: false events in sentences with no event, by kind (train's no-event sentences).

- an act told as a gerund in the "of" phrase of a stated importance or need ("noted the
  importance of prosecuting arms smugglers") is a position, not an act: no event
  (filter:act-whose-importance-is-stated-is-no-event; annotation guide section 5,
  "stressed / underscored the importance of X"; 11.5);
- aid given worldwide or to the needy at large ("provided $2 billion in food aid
  globally", "providing those in need with tents") is a donor's standing role or a global
  total: no event (filter:aid-to-the-needy-at-large-is-no-event; guide section 1, 11.16).
Sentences written for these tests."""
import pytest

from conftest import happened


def types(evs, trigger=None):
    return {e.event_type for e in evs if trigger is None or e.trigger == trigger}


# ---------------------------------------------------------------- importance of an act

@pytest.mark.parametrize("text", [
    "Both ministers noted the importance of prosecuting arms smugglers.",
    "The envoy stressed the importance of providing humanitarian aid to displaced families in the north.",
    "The two presidents underscored the importance of investigating and punishing corruption in the customs service.",
    "The senator stressed the importance of arresting gang leaders rather than their couriers.",
    "The minister underscored the importance of deploying more police officers to rural districts.",
])
def test_act_whose_importance_is_stated_is_no_event(default_code, text):
    assert default_code(text) == [], [(e.event_type, e.trigger) for e in default_code(text)]


def test_control_act_noun_under_stopping_stays(default_code):
    # a passing mention of a specific act (guide 11.1) under "the importance of stopping"
    evs = default_code("The leaders discussed the importance of stopping the militia's attacks on the capital.")
    assert {"CONSULT", "ASSAULT"} <= types(evs)


def test_control_concluding_an_investigation_keeps_it(default_code):
    evs = default_code("The minister stressed the importance of concluding the investigation into the reporter's death.")
    assert "ACCUSE" in happened(evs)


def test_control_importance_of_held_talks_stays(default_code):
    evs = default_code("The minister stressed the importance of the talks held in Nairobi on Monday.")
    assert "CONSULT" in happened(evs)


def test_control_aid_sent_beside_the_importance_stays(default_code):
    evs = default_code("The envoy stressed the importance of the aid and said Washington sent 20 tons "
                       "of food to Haiti on Friday.")
    assert types(evs, "sent") == {"AID"}


# ---------------------------------------------------------------- aid to the needy at large

@pytest.mark.parametrize("text", [
    "Last year the agency provided more than $2 billion in food aid globally.",
    "The ministry is the largest donor of relief in the region, providing those in need with tents, blankets and clean water.",
    "The charity fund delivered life-saving assistance to the most vulnerable during the last fiscal year.",
    "Norway gave $400 million in development aid worldwide in 2023.",
    "The foundation provided grants worldwide to fight hunger.",
    "The agency has provided help to the vulnerable since 2010.",
])
def test_aid_to_the_needy_at_large_is_no_event(default_code, text):
    evs = default_code(text)
    assert "AID" not in types(evs), [(e.event_type, e.trigger) for e in evs]


def test_control_aid_to_those_in_need_in_a_named_place_stays(default_code):
    evs = default_code("The agency provided food aid to those in need in Gaza on Tuesday.")
    assert "AID" in happened(evs)


def test_control_aid_to_vulnerable_families_of_a_country_stays(default_code):
    evs = default_code("Canada sent 30 tons of medicine to vulnerable families in Haiti on Monday.")
    assert types(evs, "sent") == {"AID"}


def test_control_aid_to_displaced_families_in_a_region_stays(default_code):
    evs = default_code("The United Nations delivered tents to displaced families in northern Syria.")
    assert types(evs, "delivered") == {"AID"}
