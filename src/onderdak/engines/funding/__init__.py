"""The funding model: the regional budget over the municipalities, and shared costs.

Plain Python (no Django): typed dataclasses in, :class:`FundingResult` out. Money is exact --
Decimals in whole cents, split by the largest-remainder method so the parts always add up to the
total -- and no float is accepted or produced.

Modules: ``money`` (cents, :func:`split_cents`), ``keys`` (validating, mixing and building
keys), ``phase_in`` (:class:`PhaseIn`), ``cap`` (the yearly cap), ``model`` (the dataclasses),
``validation`` (checking an input) and ``engine`` (:func:`distribute`).
"""

from .engine import distribute
from .errors import FundingError
from .keys import key_from_indicators, mix_keys, validate_key
from .model import CapConflict, FundingInput, FundingResult, PhaseIn, Row, Total
from .money import split_cents

__all__ = [
    "CapConflict",
    "FundingError",
    "FundingInput",
    "FundingResult",
    "PhaseIn",
    "Row",
    "Total",
    "distribute",
    "key_from_indicators",
    "mix_keys",
    "split_cents",
    "validate_key",
]
