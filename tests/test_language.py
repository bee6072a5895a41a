"""Language detection (tidings.language): a story's language is read from its common
words, so that names do not make a short English story foreign."""

from __future__ import annotations

import pytest

from tidings.language import detect_language, story_language


@pytest.mark.parametrize("text", [
    "Ruto Kipchumba received Museveni Tumusiime in Kisumu on Thursday.",
    "Tran Duc Luong met Nguyen Van An in Haiphong on Friday to discuss the river dispute.",
    "Gonçalo Ribeiro Antunes and Iñaki Etxeberria signed the accord in Zaragoza.",
])
def test_a_short_english_story_of_names_is_not_foreign(text):
    code, how = story_language(text)
    assert code in (None, "en"), (code, how)      # undecided stories are coded


@pytest.mark.parametrize("text", [
    # one short sentence of common words, which trigrams alone read as French or Spanish
    "The ministers did not discuss sanctions.",
    "Militants ambushed a patrol convoy.",
    "The delegates did not sign the declaration.",
    "Sailors seized a tanker.",
])
def test_a_short_english_sentence_with_english_function_words_is_not_foreign(text):
    assert story_language(text)[0] in (None, "en")


@pytest.mark.parametrize("text, code", [
    # short sentences of other languages keep their language: more of their own function
    # words than English ones
    ("Les délégués n'ont pas signé la déclaration.", "fr"),
    ("Os delegados não assinaram a declaração.", "pt"),
    ("De afgevaardigden hebben de verklaring niet getekend.", "nl"),
    ("Il ministro ha incontrato il suo omologo a Roma.", "it"),
])
def test_a_short_foreign_sentence_with_its_own_function_words_stays_foreign(text, code):
    assert story_language(text) == (code, "detected")


@pytest.mark.parametrize("text, code", [
    ("Le ministre a reçu son homologue à Dakar jeudi pour parler de la frontière.", "fr"),
    ("La policía detuvo a seis estudiantes frente al ministerio en Quito.", "es"),
    ("Die Regierung hat am Freitag drei Botschafter einbestellt.", "de"),
    ("Waziri amewasili mjini Mombasa kwa mazungumzo ya biashara.", "sw"),
    ("Министр обороны прибыл в Минск во вторник.", "ru"),
])
def test_a_short_foreign_story_is_still_foreign(text, code):
    assert story_language(text) == (code, "detected")


def test_upper_case_copy_is_read_whole():
    # no word begins in lower case: every word is the sample
    got = detect_language("THE GOVERNMENT TROOPS ATTACKED A REBEL CAMP NEAR THE BORDER ON MONDAY, OFFICIALS SAID.")
    assert got is not None and got[0] == "en"
