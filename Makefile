# EvalSheet — the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
DEMO_OUT ?= out/demo
SAMPLE_YEAR := samples/kiyose-2019
BIN := .build/release/evalsheet

.PHONY: demo test build deps test-deps bench clean

## demo: install what is missing, build release, convert the bundled sample year
demo: deps build
	@mkdir -p $(DEMO_OUT)
	$(BIN) import $(SAMPLE_YEAR)/kiyose-2019.txt -o $(DEMO_OUT)/json --force --quiet
	$(BIN) batch $(SAMPLE_YEAR)/kiyose-2019.txt -o $(DEMO_OUT)/xlsx --force
	@echo
	@echo "JSON (one file per policy):        $(CURDIR)/$(DEMO_OUT)/json/"
	@echo "Workbooks (one per policy):        $(CURDIR)/$(DEMO_OUT)/xlsx/"
	@echo "Index of the year:                 $(CURDIR)/$(DEMO_OUT)/xlsx/index.xlsx"
	@echo "Validation findings (JSON):        $(CURDIR)/$(DEMO_OUT)/xlsx/findings.json"

## test: install what is missing (incl. LibreOffice, openpyxl, python-calamine), run every test
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	@echo "== the README's Library example (Examples/ConvertValidateDiff)"
	$(SWIFT) build --product evalsheet-library-example
	d=$$(mktemp -d) && $(SWIFT) run --skip-build evalsheet-library-example $(SAMPLE_YEAR)/kiyose-2019.txt "$$d/xlsx" && rm -rf "$$d"

build:
	$(SWIFT) build -c release --product evalsheet

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

clean:
	rm -rf .build out

## bench: export (and later import/batch) speed and memory against openpyxl and XlsxWriter
bench:
	@scripts/install-deps.sh bench
	bench/run.sh
