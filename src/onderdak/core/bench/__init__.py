"""Benchmarks behind ``onderdak bench <name>``.

A benchmark is a module with ``HELP`` (one sentence), ``DESCRIPTION`` (for ``--help``),
``add_arguments(group)`` for its own options and ``run(*, repeat, log, **options) -> Report``.
Adding one is writing that module and one line in ``BENCHMARKS``. ``--repeat`` and ``--json`` are
common to all. All options live on one parser (so Django's own options such as ``-v`` work after
the benchmark's name): a flag two benchmarks need is declared once and means the same for both;
``run`` ignores the options of other benchmarks.
"""

from argparse import _ArgumentGroup
from collections.abc import Callable
from typing import Any, Protocol

from onderdak.core.bench import allocation, flow, monitor, pages
from onderdak.core.bench.report import Report


class Benchmark(Protocol):
    HELP: str
    DESCRIPTION: str

    def add_arguments(self, group: _ArgumentGroup) -> None: ...

    def run(self, *, repeat: int, log: Callable[[str], None], **options: Any) -> Report: ...


BENCHMARKS: dict[str, Benchmark] = {
    "pages": pages,
    "allocation": allocation,
    "monitor": monitor,
    "flow": flow,
}
