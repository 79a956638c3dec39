"""resdiff: clause-aligned diffs of UN General Assembly resolutions across years."""

__version__ = "0.1.0"
