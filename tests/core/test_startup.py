"""The server process keeps its start-up objects out of the garbage collector's passes."""

import gc

from onderdak.core.startup import freeze_startup_objects


def test_start_up_objects_are_frozen():
    gc.unfreeze()
    try:
        freeze_startup_objects()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
