"""Engines: plain Python packages without any Django import (allocation, flow, funding).

Each engine takes typed data in and gives a result out, so it can be tested and benchmarked on its
own. The Django apps translate between their models and an engine's dataclasses. A test
(``tests/engines/test_no_django.py``) keeps Django out of this package.
"""
