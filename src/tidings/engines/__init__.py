"""Engines run the pipeline over many stories: :mod:`tidings.engines.local` on one machine."""
