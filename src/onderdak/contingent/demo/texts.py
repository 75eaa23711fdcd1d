"""The fixed figures and the Dutch texts of the demo data: all fictitious."""

from onderdak.contingent.models import DeclineParty, ProposalStatus, Stream

DEMO_SOURCE = "Fictieve voorraadcijfers (demo)"
CLIENT_NUMBER_PREFIX = "DEMO-"
DEMO_YEARS = 3  # the reference year and the two before it
DEFAULT_SEED = 3
NOMINATIONS_PER_YEAR = 350
OUTFLOW_TARGET, PREVENTION_TARGET = 200, 50
PREVENTION_SINCE = 2024  # the preventie stream started in 2024
#: Unused dwellings offered in the last year, per unit of scale, waiting for an allocation run.
SPARE_DWELLINGS = 10
REFUSALS_BEFORE_CLOSING = 3
RECENT_DAYS = 60  # evaluations due this recently are more often not yet recorded
BATCH = 1000
#: Passend toewijzen: the highest rent for a household within the income limit, by its size.
RENT_LIMIT_SMALL, RENT_LIMIT_LARGE = 680, 730
MIN_RENT, MAX_RENT = 450, 880

CRITERIA = {
    Stream.OUTFLOW: [
        "Cliënt verblijft in een voorziening voor maatschappelijke opvang of beschermd wonen",
        "Cliënt is volgens de zorgaanbieder toe aan zelfstandig wonen met begeleiding",
        "Cliënt heeft een begeleidingsovereenkomst voor ten minste 12 maanden",
        "Cliënt heeft regiobinding met een gemeente in de regio",
    ],
    Stream.PREVENTION: [
        "Cliënt krijgt ambulante begeleiding van een gecontracteerde zorgaanbieder",
        "Zonder passende woning dreigt instroom in een voorziening of de opvang",
        "Cliënt heeft een begeleidingsovereenkomst voor ten minste 12 maanden",
        "Cliënt heeft regiobinding met een gemeente in de regio",
    ],
}
#: (label, party, valid)
DECLINE_REASONS = [
    ("Woning te ver van het netwerk", DeclineParty.PROVIDER, True),
    ("Woning past niet bij de zorgvraag", DeclineParty.BOTH, True),
    ("Huur niet betaalbaar voor de cliënt", DeclineParty.PROVIDER, True),
    ("Begeleiding is nog niet geregeld", DeclineParty.CORPORATION, True),
    ("Eerdere huurschuld bij de corporatie", DeclineParty.CORPORATION, True),
    ("Cliënt wacht liever op een woning in een andere gemeente", DeclineParty.PROVIDER, False),
    ("Cliënt niet bereikbaar", DeclineParty.PROVIDER, False),
    ("Geen reden opgegeven", DeclineParty.BOTH, False),
]
FACILITIES = ["Maatschappelijke opvang", "Beschermd wonen", "Kamertrainingscentrum", "Crisisopvang"]
INFO_REQUEST = "Het begeleidingsplan ontbreekt; stuur het mee met de aanmelding."
REJECTION = "Cliënt voldoet niet aan de criteria van de stroom (demo)."
WITHDRAWAL = "Cliënt heeft zelf een woning gevonden (demo)."
EXCLUSION = "Veiligheid: afstand tot een eerder risicovol netwerk (demo)."
MANUAL_PROPOSAL = "Handmatig voorstel: de woning past bij de urgente zorgvraag (demo)."
OUT_OF_SCHEME = "De corporatie heeft de woning buiten het contingent verhuurd (demo)."
POSTCODE_DIGITS = (2100, 2499)  # fictitious addresses in the region's 2xxx range
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"

# The fate of a nomination: what would happen to it, given time.
PLACED, WAITING, REJECTED, WITHDRAWN, CLOSED, INFO = (
    "placed",
    "waiting",
    "rejected",
    "withdrawn",
    "closed",
    "info",
)
DECLINED = (ProposalStatus.DECLINED_BY_PROVIDER, ProposalStatus.DECLINED_BY_CORPORATION)
FATES = {PLACED: 64, WAITING: 6, REJECTED: 10, WITHDRAWN: 9, CLOSED: 2, INFO: 9}
