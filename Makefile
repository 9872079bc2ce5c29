# whoiscalling — `make run` builds and starts the tray app, `make test` runs
# every check CI runs. Both install the system packages they need first
# (Debian/Ubuntu, through sudo when not root).

SHELL := /bin/bash
export LANG := C.UTF-8
GO ?= go
BIN := whoiscalling

# Building Fyne needs a C compiler and the GL and X11 headers.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# The tests also start a virtual display, a D-Bus session and a real
# notification daemon.
TEST_PKGS := xvfb dbus-x11 dunst x11-utils

.PHONY: run build test deps-build deps-test fmt-check vet depcheck staticcheck gotest bench clean

run: build
	./$(BIN)

build: deps-build
	$(GO) build -o $(BIN) .

test: deps-test fmt-check vet depcheck staticcheck gotest

# apt_install installs the packages of $(1) that are missing.
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then echo "Please install: $$missing (see README: other systems)"; exit 1; fi; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "installing $$missing"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps-build:
	$(call apt_install,$(BUILD_PKGS))

deps-test: deps-build
	$(call apt_install,$(TEST_PKGS))

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The dependency rules of DESIGN.md.
depcheck:
	@./.ci/depcheck

staticcheck:
	$(GO) tool staticcheck ./...

gotest:
	$(GO) test -race -timeout 30m ./...

bench: deps-test
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN)
