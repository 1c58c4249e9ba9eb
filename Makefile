# posture — developer and CI entry points. Each target installs what it needs when missing.
SWIFT ?= swift
POSTURE_RELEASE = .build/release/posture

.PHONY: demo test bench deps build release clean

## demo: build posture and run the bundled policy pack's own examples, then list the pack.
demo: deps release
	$(POSTURE_RELEASE) policies validate policies
	$(POSTURE_RELEASE) policies test policies
	$(POSTURE_RELEASE) policies list --provider aws

## test: the whole test suite (what CI runs).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## bench: release-mode benchmarks (policy evaluation, policy loading).
bench: deps
	$(SWIFT) run -c release posture-bench

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product posture

## deps: system packages and tools the build and tests need, installed when missing.
deps:
	@./scripts/ensure-deps.sh

clean:
	rm -rf .build
