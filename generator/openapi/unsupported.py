"""The signal of the fast YAML reader and writer that the full library must do the job."""


class Unsupported(Exception):
    """YAML outside the plain subset a fast path handles; use the full library instead."""
