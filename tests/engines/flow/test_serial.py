"""Inputs and results survive a round trip through JSON."""

import json

import pytest

from onderdak.engines.flow import (
    FlowError,
    Stay,
    StayKind,
    WhenFull,
    input_from_dict,
    input_to_dict,
    result_from_dict,
    result_to_dict,
    simulate,
)

from .cases import cell, flow_input


def test_an_input_survives_json():
    data = flow_input(
        cell("A/bw"),
        cell(
            "A/mo",
            stay=Stay(StayKind.LOGNORMAL, 3.0, 4.0),
            when_full=WhenFull.UNSHELTERED,
            waiting=0,
        ),
        steps_per_month=2,
    )
    stored = json.loads(json.dumps(input_to_dict(data)))
    assert stored["cells"][1]["when_full"] == "unsheltered"
    assert input_from_dict(stored) == data


def test_a_result_survives_json():
    result = simulate(
        flow_input(cell("A/bw"), cell("A/hf", stay=Stay(StayKind.LOGNORMAL, 24.0, 30.0)))
    )
    assert result_from_dict(json.loads(json.dumps(result_to_dict(result)))) == result


@pytest.mark.parametrize(
    ("read", "stored", "fragment"),
    [
        (input_from_dict, {"cells": []}, "stored input cannot be read: KeyError\\('months'\\)"),
        (input_from_dict, {**input_to_dict(flow_input()), "cells": [{"key": "x"}]}, "KeyError"),
        (result_from_dict, {"months": 1}, "stored result cannot be read"),
    ],
)
def test_a_malformed_dictionary_is_refused(read, stored, fragment):
    with pytest.raises(FlowError, match=fragment):
        read(stored)
