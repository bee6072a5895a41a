"""tidings: news stories in, PLOVER political event data out, with the evidence.

The pipeline runs read -> analyse -> code -> resolve -> store; see ``docs/`` and the
event contract in ``shared/spec/events.md``.
"""

__version__ = "0.1.0"


def __getattr__(name: str) -> str:
    """``tidings.PIPELINE_VERSION``: the derived pipeline version (code and data), see
    :func:`tidings.version.pipeline_version`. It enters every event id, so a change to
    the coder's data gives new ids and re-runs re-code the stories it coded.

    Raises:
        AttributeError: for any other name.
    """
    if name == "PIPELINE_VERSION":
        from .version import pipeline_version

        return pipeline_version()
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
