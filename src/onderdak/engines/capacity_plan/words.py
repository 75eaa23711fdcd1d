"""Numbers, money and years in the engine's English sentences."""

import numpy as np


def places(value: float) -> str:
    """A number of places: whole (1,234), or with one decimal (12.5)."""
    return f"{value:,.0f}" if abs(value - round(value)) < 0.05 else f"{value:,.1f}"


def euro(value: float) -> str:
    """Whole euro: €1,234,567."""
    return f"€{value:,.0f}"


def limit(values: np.ndarray) -> str:
    """A limit that may vary by year: "5", or "5 to 10"."""
    finite = values[np.isfinite(values)]
    low, high = finite.min(), finite.max()
    return places(low) if low == high else f"{places(low)} to {places(high)}"


def years(numbers: tuple[int, ...]) -> str:
    """2026, 2027, 2028 and 2030 as "2026\N{EN DASH}2028 and 2030"."""
    runs: list[list[int]] = []
    for year in numbers:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return listing(
        [f"{run[0]}" if len(run) == 1 else f"{run[0]}\N{EN DASH}{run[-1]}" for run in runs]
    )


def listing(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
