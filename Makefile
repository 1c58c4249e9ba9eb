# posture — developer and CI entry points. Each target installs what it needs when missing.
SWIFT ?= swift
POSTURE_RELEASE = .build/release/posture

.PHONY: demo test bench bench-live deps build release clean

## demo: build posture and scan the bundled demo account (a snapshot exported from a seeded
## moto_server with the real AWS CLI). It has violations, so posture exits 1: that is the point.
demo: deps release
	$(POSTURE_RELEASE) scan snapshots/demo || test $$? -eq 1

## test: the whole test suite (what CI runs). The live-AWS tests run against a private
## moto_server on loopback, started and stopped around the run (scripts/with-moto.sh).
## scripts/run-tests.sh runs the time-sensitive suites in a test process of their own and stops
## a run that hangs, naming the tests that never finished.
test: deps
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) ./scripts/with-moto.sh ./scripts/run-tests.sh

## bench: release-mode benchmarks: policy evaluation and loading, then a scan of a large
## generated authorization-details file (BENCH_CLOUDSPLAINING=1 adds the cloudsplaining comparison).
bench: deps
	$(SWIFT) run -c release posture-bench
	./scripts/bench-scan.sh

## bench-live: a live scan of a moto_server seeded with 2,000 users and 2,000 buckets, at
## --concurrency 4, 16 and 64 (BENCH_PROWLER=1 adds Prowler against the same server).
bench-live: deps
	./scripts/bench-live.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product posture

## deps: system packages and tools the build and tests need, installed when missing.
deps:
	@./scripts/ensure-deps.sh

clean:
	rm -rf .build
