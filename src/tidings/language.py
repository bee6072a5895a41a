"""Which language a story is written in, so that non-English stories are skipped by name.

tidings' parser and lexicon are English. A story in another language would be parsed
as nonsense English and coded into false events, so the engine asks
:func:`story_language` first and skips a story whose language is not among the coded
ones (``Limits.languages``, default English) with code T110 and the language's name.

Detection uses lingua-language-detector, restricted to :data:`DETECTED` (the languages
of most international news wires) in low-accuracy mode (trigram models only): it
loads in milliseconds, detects a 4,000-character story in about 4 ms and keeps only
those models in memory. It reads a story's common words: in mixed-case text the words
that begin in lower case, since names are written in the language of the people and
places they name (a short English story of African or Asian leaders' names read as
Swahili or Dutch). Its statistics are unreliable on short or letter-poor text, so a
story whose sample has fewer than :data:`MIN_LETTERS` letters, or whose best guess has
less than :data:`MIN_CONFIDENCE` (:data:`SHORT_MIN_CONFIDENCE` under
:data:`SHORT_SAMPLE` letters), is *undecided* and gets coded. A short sample (under
:data:`CHECKED_SAMPLE` letters) guessed as another language is also undecided when it
holds at least one English function word and as many as words of the guessed language
(spaCy's stop-word lists): on a short sentence the trigram statistics alone read
"ministers did not discuss sanctions" as French.

A sample that is plainly English (:func:`plainly_english`: enough words, a third or
more of them English function words) is English without the detector, which costs ten
times as much.

Script comes before statistics: a text whose letters are mostly of a script other than
Latin (:func:`text_script`: Cyrillic, Arabic, Han, Greek...) cannot be English whatever
its length, so a story the detector leaves undecided (too short: "a one-line Chinese
story") or reads as English is given its script instead (``how`` ``"script"``), and is
skipped unless one of the coded languages is written in that script
(:data:`SCRIPT_LANGUAGES`, :func:`in_languages`). English with a few names or quotes in
another script keeps most of its letters Latin and is unchanged.

A story's own ``language`` field, when present, wins over detection (so a user who
knows can say so); ``translated_from`` is metadata only: a story translated into
English from Arabic is English and is coded, and the field is stored with it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

__all__ = ["DETECTED", "NAMES", "SCRIPT_LANGUAGES", "detect_language", "in_languages",
           "language_name", "normalise_code", "plainly_english", "story_language", "text_script"]

#: ISO 639-1 codes of the languages the detector chooses among.
DETECTED: tuple[str, ...] = (
    "en", "fr", "es", "pt", "de", "it", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "ur",
    "hi", "bn", "zh", "ja", "ko", "id", "sw",
)
#: English names of those codes, for messages ("not English: French").
NAMES: dict[str, str] = {
    "en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "de": "German",
    "it": "Italian", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "tr": "Turkish", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "hi": "Hindi",
    "bn": "Bengali", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "id": "Indonesian",
    "sw": "Swahili",
}
#: Fewest letters a text's sample (:func:`_sample`: in mixed-case text, the words that
#: begin in lower case) needs before its language is judged.
MIN_LETTERS = 15
#: Letters under which a sample is short: its guess needs :data:`SHORT_MIN_CONFIDENCE`
#: (a few English words, "met in on to discuss the", read 0.62 Dutch; a few words of a
#: language, "amekutana na mjini siku", read 1.0).
SHORT_SAMPLE = 40
SHORT_MIN_CONFIDENCE = 0.9
#: Letters under which a non-English guess is checked against the function words of
#: English and of the guessed language (:func:`_function_words`).
CHECKED_SAMPLE = 100
#: Least confidence (0..1) of the best guess before it is believed.
MIN_CONFIDENCE = 0.5
#: Plain English needs no statistics: a sample (:func:`_sample`) of at least
#: :data:`PLAIN_WORDS` words of which at least :data:`PLAIN_SHARE` are English function
#: words (spaCy's English stop-word list) is English without asking the detector
#: (:func:`plainly_english`). English news has 0.40-0.55 of them in its sample (the
#: words in lower case of mixed-case text, every word of upper-case copy; 0.25 at the
#: least over the 4,800 stories of the shared data files); paragraphs of French,
#: Spanish, German, Dutch and Indonesian 0.00-0.12, even those sharing "in", "is", "was".
PLAIN_WORDS = 40
PLAIN_SHARE = 0.35
#: Characters of a story looked at: its start and a piece of its middle.
SAMPLE_CHARS = 3000

#: Scripts other than Latin (as :func:`text_script` names them) -> ISO 639-1 codes of
#: the main languages written in them (Unicode's script names; the languages from the
#: Unicode CLDR's likely scripts). A story told by its script is coded only when one of
#: these is among the coded languages; a script not listed here has none.
SCRIPT_LANGUAGES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "Cyrillic": "ru uk bg sr be mk kk ky tg mn", "Arabic": "ar fa ur ps ku sd ug",
    "Han": "zh ja ko", "Japanese kana": "ja", "Hangul": "ko", "Greek": "el",
    "Hebrew": "he yi", "Devanagari": "hi mr ne sa", "Bengali": "bn as", "Thai": "th",
    "Armenian": "hy", "Georgian": "ka", "Ethiopic": "am ti", "Tamil": "ta",
    "Telugu": "te", "Gujarati": "gu", "Gurmukhi": "pa", "Kannada": "kn",
    "Malayalam": "ml", "Sinhala": "si", "Khmer": "km", "Lao": "lo", "Myanmar": "my",
    "Tibetan": "bo",
}.items()}
#: Share of a text's letters (those of a known script) above which a script other than
#: Latin decides that the text is not English.
NON_LATIN_SHARE = 0.5
# Unicode character-name prefixes that style letters of any script (𝐁𝐨𝐥𝐝, ⓐ, ᵃ):
# such letters say nothing of the script and are not counted.
_STYLED = ("MATHEMATICAL", "MODIFIER", "SUPERSCRIPT", "SUBSCRIPT", "CIRCLED",
           "PARENTHESIZED", "SQUARED", "NEGATIVE", "SMALL")

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_ALIASES = {"eng": "en", "english": "en", "fre": "fr", "fra": "fr", "french": "fr",
            "spa": "es", "spanish": "es", "ger": "de", "deu": "de", "german": "de",
            "rus": "ru", "russian": "ru", "ara": "ar", "arabic": "ar", "chi": "zh",
            "zho": "zh", "chinese": "zh", "ukr": "uk", "ukrainian": "uk", "per": "fa",
            "fas": "fa", "persian": "fa", "farsi": "fa", "tur": "tr", "turkish": "tr",
            "por": "pt", "portuguese": "pt", "ita": "it", "italian": "it"}


def normalise_code(value: str | None) -> str | None:
    """Return an ISO 639-1 code for a declared language, or None when empty.

    ``"en"``, ``"EN-us"``, ``"eng"`` and ``"English"`` all give ``"en"``; an unknown
    word is returned lower-cased and cut at its first ``-``/``_`` (``"sq-AL"`` ->
    ``"sq"``), so that it is still reported by name.
    """
    if value is None:
        return None
    s = str(value).strip().lower()
    if not s:
        return None
    s = re.split(r"[-_]", s, maxsplit=1)[0]
    return _ALIASES.get(s, s)


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,25}(?![^\W\d_])", re.UNICODE)


def _sample(text: str) -> str:
    """Return the words (runs of up to 25 letters) of the text's start and middle, so that
    junk tokens ("xxxx...", base64, URLs) do not sway the guess. In mixed-case text only
    the words that begin in lower case are kept: a language shows in its common words,
    while names are written in the language of the people and places they name ("Uhuru
    Kenyatta met Yoweri Museveni in Kampala" read as Swahili). Upper-case copy, and
    scripts without case, keep every word."""
    if len(text) > SAMPLE_CHARS:
        mid = len(text) // 2
        text = text[: SAMPLE_CHARS * 2 // 3] + "\n" + text[mid: mid + SAMPLE_CHARS // 3]
    words = _WORD.findall(text)
    common = [w for w in words if not w[0].isupper()]
    if common and any(w[0].isupper() for w in words):
        return " ".join(common)
    return " ".join(words)


@lru_cache(maxsize=32)
def _stop_words(code: str) -> frozenset[str]:
    """Return spaCy's stop-word list of a language (empty where spaCy has none)."""
    import importlib

    try:
        return frozenset(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)
    except (ImportError, AttributeError):
        return frozenset()


def _function_words(sample: str, code: str) -> int:
    """Return how many words of ``sample`` are stop words of language ``code``."""
    stops = _stop_words(code)
    return sum(1 for w in sample.lower().split() if w in stops)


def detect_language(text: str, languages: Iterable[str] = DETECTED) -> tuple[str, float] | None:
    """Guess the language of ``text`` among ``languages``.

    Args:
        text: any text (only a sample of :data:`SAMPLE_CHARS` characters is read).
        languages: ISO 639-1 codes to choose among (default :data:`DETECTED`; at least
            two, each known to lingua).
    Returns:
        ``(code, confidence)`` with ``code`` ISO 639-1 and ``confidence`` in 0..1, or
        None when undecided: fewer than :data:`MIN_LETTERS` letters in the sample, or
        no guess with :data:`MIN_CONFIDENCE` (:data:`SHORT_MIN_CONFIDENCE` for a sample
        under :data:`SHORT_SAMPLE` letters), or a non-English guess for a sample under
        :data:`CHECKED_SAMPLE` letters with at least one English function word and no
        more words of the guessed language's stop-word list. Never raises on odd text
        (control characters, lone surrogates, emoji).
    Raises:
        AttributeError: when a code in ``languages`` is unknown to lingua.
    """
    languages = tuple(sorted(set(languages)))
    sample = _sample(text).encode("utf-8", "replace").decode("utf-8")
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    values = _detector(languages).compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    if best.value < (SHORT_MIN_CONFIDENCE if letters < SHORT_SAMPLE else MIN_CONFIDENCE):
        return None
    code = best.language.iso_code_639_1.name.lower()
    if code != "en" and letters < CHECKED_SAMPLE and "en" in languages:
        english = _function_words(sample, "en")
        if english and english >= _function_words(sample, code):
            return None
    return code, float(best.value)


def _script(ch: str) -> str | None:
    """Return the Unicode script of a letter as :func:`text_script` names it ("Latin",
    "Cyrillic", "Han", "Japanese kana"...), from the first word of its character name;
    None for a styled letter (:data:`_STYLED`) or one without a name."""
    if ord(ch) < 0x250:                       # ASCII, Latin-1 (µ, ª too), Latin Extended
        return "Latin"
    words = unicodedata.name(ch, "").split()
    if words[:1] in (["FULLWIDTH"], ["HALFWIDTH"]):
        words = words[1:]
    if not words or words[0] in _STYLED:
        return None
    first = words[0]
    if first == "CJK":
        return "Han"
    if first in ("HIRAGANA", "KATAKANA"):
        return "Japanese kana"
    return first.title()


def text_script(text: str) -> str | None:
    """Return the script of ``text`` when most of its letters are not Latin, else None.

    Counts the letters of the story's start and middle (as :func:`_sample` reads it, but
    names kept) by Unicode script; when more than :data:`NON_LATIN_SHARE` of them are of
    scripts other than Latin, returns the commonest of those ("Cyrillic", "Arabic",
    "Greek", "Han"; "Japanese kana" for Han written with kana, as Japanese is). English
    quoting a name or a phrase in another script stays mostly Latin (None), and so does
    a text with no letters.
    """
    if text.isascii():
        return None
    if len(text) > SAMPLE_CHARS:
        mid = len(text) // 2
        text = text[: SAMPLE_CHARS * 2 // 3] + "\n" + text[mid: mid + SAMPLE_CHARS // 3]
    counts: dict[str, int] = {}
    for ch in _LETTER.findall(text):
        script = _script(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    latin = counts.pop("Latin", 0)
    other = sum(counts.values())
    if not other or other <= NON_LATIN_SHARE * (other + latin):
        return None
    if counts.get("Japanese kana") and counts.get("Han", 0) >= counts["Japanese kana"]:
        return "Japanese kana"                # kanji with kana is Japanese, not Chinese
    return max(sorted(counts), key=counts.__getitem__)


def in_languages(code: str, how: str, languages: Iterable[str]) -> bool:
    """True when a story whose language :func:`story_language` gave as ``(code, how)`` is
    one of ``languages``: for ``how == "script"``, when one of them is written in that
    script (:data:`SCRIPT_LANGUAGES`)."""
    languages = set(languages)
    if how == "script":
        return bool(SCRIPT_LANGUAGES.get(code, frozenset()) & languages)
    return code in languages


def plainly_english(sample: str) -> bool:
    """True when a story's sample (:func:`_sample`) is plainly English: at least
    :data:`PLAIN_WORDS` words, :data:`PLAIN_SHARE` or more of them English function
    words. Costs a tenth of the detector (issue 20: about 8 ms a story, 3% of a
    worker's time, went to telling English news from other languages); the detector
    still judges every other sample."""
    ws = sample.lower().split()
    if len(ws) < PLAIN_WORDS:
        return False
    stops = _stop_words("en")
    return sum(1 for w in ws if w in stops) >= PLAIN_SHARE * len(ws)


def story_language(text: str, declared: str | None = None) -> tuple[str | None, str]:
    """Return the language of a story and how it was known.

    Args:
        text: the story text.
        declared: the story's own ``language`` field, or None.
    Returns:
        ``(code, how)``: ``code`` an ISO 639-1 code or None when undecided; ``how`` is
        ``"declared"``, ``"detected"`` or ``"undecided"``; or ``(script, "script")``
        (:func:`text_script`, e.g. ``("Cyrillic", "script")``) when the detector is
        undecided or says English but most letters are of another script, which
        English never is.
    """
    code = normalise_code(declared)
    if code:
        return code, "declared"
    if plainly_english(_sample(text)):
        return "en", "detected"
    guess = detect_language(text)
    if guess is None or guess[0] == "en":
        script = text_script(text)
        if script is not None:
            return script, "script"
    if guess is None:
        return None, "undecided"
    return guess[0], "detected"


def language_name(code: str) -> str:
    """Return the English name of an ISO 639-1 code (the code itself when unknown, or a
    script's name as :func:`text_script` gives it: "Cyrillic script")."""
    if code in SCRIPT_LANGUAGES:
        return f"{code} script"
    return NAMES.get(code, code)
