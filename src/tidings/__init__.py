"""tidings: news stories in, PLOVER political event data out, with the evidence.

The pipeline runs read -> analyse -> code -> resolve -> store; see ``docs/`` and the
event contract in ``shared/spec/events.md``.
"""

__version__ = "0.1.0"

#: Version of the coding pipeline (code + data). It enters every event id, so a new
#: pipeline version gives new ids and ``tidings recode`` can replace old events.
PIPELINE_VERSION = "0.1.0"
