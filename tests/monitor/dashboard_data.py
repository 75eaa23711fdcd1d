"""Constructed counts and indicators for the dashboard's tests: seeded, with many small cells."""

import datetime
import random
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from onderdak.monitor.models import Count, Indicator, IndicatorValue
from onderdak.monitor.services.reference import reference_values_load
from onderdak.region.models import Municipality, Region
from tests.monitor.factories import CountFactory, Row, version_with

CATEGORIES = ("1", "2", "3", "4", "5", "6", "7")
AGE_BANDS = ("0-17", "18-26", "27-65", "65+")
GENDERS = ("man", "vrouw", "anders")
FINDERS = ("gemeente", "opvang", "zorg", "justitie", "corporatie", "overig")
EARLIER = datetime.date(2022, 4, 14)
LATER = datetime.date(2024, 4, 11)


def cbs_codes() -> list[str]:
    return list(Municipality.objects.order_by("cbs_code").values_list("cbs_code", flat=True))


def seeded_rows(seed: int, *, cells: int = 60, largest: int = 12) -> list[Row]:
    """``cells`` distinct rows over all municipalities, people mostly from 1 to 6."""
    rng = random.Random(seed)
    combos = [
        (cbs, c, a, g, f)
        for cbs in cbs_codes()
        for c in CATEGORIES
        for a in AGE_BANDS
        for g in GENDERS
        for f in FINDERS
    ]
    chosen = rng.sample(combos, cells)
    return [
        (*combo, rng.choice([1, 1, 2, 3, 4, 5, 6, rng.randint(1, largest)])) for combo in chosen
    ]


def count_with(rows: list[Row], *, count_date=LATER, title: str = "", is_demo=False) -> Count:
    count = CountFactory(
        count_date=count_date, is_demo=is_demo, **({"title": title} if title else {})
    )
    version_with(count, rows)
    count.refresh_from_db()
    return count


def two_counts(seed: int = 4) -> tuple[Count, Count]:
    """An earlier and a later count of the region, both with many small cells."""
    return (
        count_with(seeded_rows(seed), count_date=EARLIER, title="Telling 2022"),
        count_with(seeded_rows(seed + 1, cells=80), count_date=LATER, title="Telling 2024"),
    )


def imported_indicator(
    region: Region, *, code="ontruimingen", counts_people=True, years=(2023, 2024), seed=7
) -> Indicator:
    """An imported indicator with a value per municipality and year (small ones among them)."""
    rng = random.Random(seed)
    indicator = Indicator.objects.create(
        region=region,
        code=code,
        name=code.capitalize(),
        unit="huishoudens",
        counts_people=counts_people,
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator,
            municipality=municipality,
            period=str(year),
            year=year,
            value=Decimal(rng.randint(0, 30)),
            source="Fictieve testbron",
        )
        for municipality in region.municipalities.order_by("cbs_code")
        for year in years
    )
    return indicator


def in_english(*clients):
    """Pages and messages in English (the interface's msgids) for the length of a test: Dutch
    texts are the lead's translations, which a test should not depend on."""
    for http in clients:
        http.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


RIGHTS_INDICATOR = "ontruimingen"


def ensure_dashboard_data() -> None:
    """Two counts and an imported indicator, made on first use (the rights table and the
    browser's page check request the pages without fixtures of their own)."""
    reference_values_load()
    region = Region.objects.order_by("pk").first()
    if not Count.objects.filter(region=region).exists():
        two_counts()
    if not Indicator.objects.filter(region=region, code=RIGHTS_INDICATOR).exists():
        imported_indicator(region, code=RIGHTS_INDICATOR)
