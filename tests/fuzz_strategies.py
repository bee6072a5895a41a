"""Hypothesis strategies for the fuzz tests: messy news text, broken records, odd dates.

Shared by ``test_fuzz_*.py``. Example counts are set per test (``FUZZ_EXAMPLES`` scales
them: ``FUZZ_EXAMPLES=10 pytest tests/test_fuzz_read.py`` tries ten times as many).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = float(os.environ.get("FUZZ_EXAMPLES", "1"))


def fuzz(n: int):
    """Hypothesis settings for ``n`` examples (times FUZZ_EXAMPLES), no deadline, no
    database (so CI runs are reproducible from the seed), derandomized in CI."""
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, database=None,
                    derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=list(HealthCheck))


SENTENCES = [
    "Chile recalled its ambassador from Caracas on Monday.",
    "Kenya condemned the attack on the border post.",
    "Azerbaijani President Ilham Aliyev met Armenian Prime Minister Nikol Pashinyan in Malta.",
    "Police arrested 12 protesters in Tbilisi late Friday, officials said.",
    "The United Nations urged both sides to return to talks next week.",
    "Russian forces shelled Kharkiv overnight, Ukraine's military said.",
]
PIECES = [
    "\u202eRTL override\u202c", "مرحبا بالعالم", "שלום עולם", "Привет мир", "你好，世界",
    "😀🔥🇺🇦👍🏽", "e\u0301\u0301\u0301", "\u200b\u200c\u200d\ufeff", "\x00\x01\x07\x1b",
    "\t\r\n\n\n", " ", "\u00a0\u2028\u2029", "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "<script>alert(1)</script>",
    "&amp;&lt;", "1,234,567.89 | 2.3 | 4.5", "http://example.com/" + "a" * 300,
    "next Tuesday", "March 45, 2025", "in 9999", "300 years ago", "2025-02-30",
    "the 1st of Smarch", "Mr.", "U.S.", "...", "—", "«»", "\\", "\"", "'",
]

#: Unicode text from every category but lone surrogates (which cannot reach a story:
#: the readers reject them with T105).
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)

#: News-like text: English sentences interleaved with junk, scripts, emoji, controls.
messy_text = st.lists(
    st.one_of(st.sampled_from(SENTENCES), st.sampled_from(PIECES), any_text,
              st.builds(lambda c, n: c * n, st.sampled_from(["a", "protest ", ",", "x" * 50, "🇺🇦"]),
                        st.integers(1, 400))),
    min_size=1, max_size=12,
).map(" ".join)

pub_dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2025-01-10", "1800-01-01", "2200-12-31", "9999-12-31", "0001-01-01",
                     "2024-02-29", "2023-02-29", "", "yesterday", "2025-13-45", None]),
    any_text,
)
