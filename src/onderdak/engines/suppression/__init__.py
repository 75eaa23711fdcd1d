"""Suppression of small counts (placeholder docstring, rewritten below)."""

from .linear import exposure
from .model import SMALLEST_SHOWN, Group, Hidden
from .engine import suppress

__all__ = ["SMALLEST_SHOWN", "Group", "Hidden", "exposure", "suppress"]
