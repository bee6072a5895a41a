"""Invisible format characters before parsing (twenty-third round, a fresh user's trial):
they are blanked at the same offsets, so no entity text carries them and every evidence
span still indexes the story's own text. The inputs are new sentences written for these
tests."""

from __future__ import annotations

from tidings.analyse import blank_invisible, prepare_text



# -- invisible characters ---------------------------------------------------------------

def test_blank_invisible_keeps_the_length_and_blanks_only_format_characters():
    text = "\ufeffKyiv\u200b\u200d and Warsaw\u2060 signed\u200e. Caf\u00e9 \u00adx"
    out = blank_invisible(text)
    assert len(out) == len(text)
    assert out == " Kyiv   and Warsaw  signed . Caf\u00e9 \u00adx"
    plain = "No invisible characters here."
    assert blank_invisible(plain) is plain


def test_prepare_text_blanks_then_restores_the_case_of_capitals():
    text = "THE\u200b ARMY OF GUATEMALA ATTACKED A REBEL CAMP NEAR THE BORDER WITH MEXICO ON SUNDAY."
    out = prepare_text(text)
    assert len(out) == len(text)
    assert out.startswith("The  army of Guatemala attacked")


def test_no_entity_text_carries_invisible_characters_and_offsets_stay_valid(worker_code):
    text = "Tehran\u200b\u200d accused Washington\u2060 of sabotage at the port on Monday."
    (event,) = [e for e in worker_code(text) if e.event_type == "ACCUSE"]
    assert [a.text for a in event.actor] == ["Tehran"]
    assert [r.text for r in event.recipient] == ["Washington"]
    start, end = event.evidence_span
    assert text[start:end] == event.sentence


def test_an_invisible_character_inside_a_name_is_blanked_in_the_actor_text(worker_code):
    text = "\ufeffOlaf\u200cScholz criticised Russia over the strike on a hospital in Kharkiv."
    (event,) = [e for e in worker_code(text) if e.event_type == "ACCUSE"]
    assert [(a.text, a.country) for a in event.actor] == [("Olaf Scholz", "DEU")]
    assert event.trigger == "criticised"
