# Onderdak — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint format openapi openapi-check check-deploy browser clean messages i18n-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Set up the embedded database with the region and demo users, and serve on 127.0.0.1:$${PORT:-8000}.
demo: $(STAMP)
	$(BIN)/onderdak demo

## Make sure a Chromium is there: Debian's package when root, else Playwright's own download.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/playwright install chromium; fi

## The whole suite (unit, property, API, browser with axe-core) on the database in DATABASE_URL.
test: $(STAMP) browser
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/onderdak makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

openapi: $(STAMP)
	$(BIN)/onderdak spectacular --lang en --file openapi.yaml --validate --fail-on-warn

openapi-check: $(STAMP)
	mkdir -p var
	$(BIN)/onderdak spectacular --lang en --file var/openapi.check.yaml --validate --fail-on-warn
	diff -u openapi.yaml var/openapi.check.yaml && echo "openapi.yaml is up to date"

check-deploy: $(STAMP)
	ONDERDAK_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ONDERDAK_ALLOWED_HOSTS=onderdak.example.nl \
	  $(BIN)/onderdak check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var/*.sqlite3* var/static

## Update the message catalogue (src/onderdak/locale/nl) from the code and compile it; commit both.
## Keep the makemessages options in step with scripts/check-translations.sh.
messages: $(STAMP)
	cd src/onderdak && ONDERDAK_DEBUG=true $(abspath $(BIN))/onderdak makemessages \
	  -l nl --no-obsolete --no-location --ignore static
	cd src/onderdak && ONDERDAK_DEBUG=true $(abspath $(BIN))/onderdak compilemessages -l nl

## Fail if the Dutch catalogue is out of date, incomplete, fuzzy or not compiled.
i18n-check: $(STAMP)
	VENV=$(VENV) scripts/check-translations.sh
