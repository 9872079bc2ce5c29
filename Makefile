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
TEST_PKGS := xvfb dbus-x11 dunst x11-utils desktop-file-utils nats-server radicale
# make bench's soak closes the app's windows with Ctrl+W through xdotool.
BENCH_PKGS := xdotool

# make install puts the app into the current user's menu; no root needed.
PREFIX ?= $(HOME)/.local
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
APP_ID := io.github.whoiscalling

.PHONY: run build test deps-build deps-test fmt-check tidy-check vet depcheck staticcheck gotest bench install uninstall package clean

run: build
	./$(BIN)

build: deps-build
	$(GO) build -o $(BIN) .

test: deps-test fmt-check tidy-check vet depcheck staticcheck gotest

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

# go.mod lists what the code imports, direct and indirect, and nothing
# else.
tidy-check:
	@out=$$($(GO) mod tidy -diff) || { echo "go mod tidy would change go.mod/go.sum:"; echo "$$out"; exit 1; }

vet:
	$(GO) vet ./...

# The dependency rules of DESIGN.md.
depcheck:
	@./.ci/depcheck

staticcheck:
	$(GO) tool staticcheck ./...

gotest:
	$(GO) test -race -count=1 -timeout 30m ./...

bench: deps-test
	$(call apt_install,$(BENCH_PKGS))
	./.ci/bench

install: build
	install -Dm755 $(BIN) $(PREFIX)/bin/$(BIN)
	mkdir -p $(DATA_HOME)/applications
	sed 's|^Exec=.*|Exec=$(PREFIX)/bin/$(BIN)|' assets/whoiscalling.desktop > $(DATA_HOME)/applications/$(APP_ID).desktop
	install -Dm644 assets/icon.png $(DATA_HOME)/icons/hicolor/256x256/apps/$(APP_ID).png
	install -Dm644 assets/icon.svg $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	-command -v update-desktop-database >/dev/null && update-desktop-database -q $(DATA_HOME)/applications
	-command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t $(DATA_HOME)/icons/hicolor
	@echo "Installed $(PREFIX)/bin/$(BIN); whoiscalling is in your desktop's menu (Internet / Telephony)."

uninstall:
	rm -f $(PREFIX)/bin/$(BIN) $(DATA_HOME)/applications/$(APP_ID).desktop \
	  $(DATA_HOME)/icons/hicolor/256x256/apps/$(APP_ID).png $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	@echo "Removed whoiscalling. Your data stays in ~/.config/whoiscalling; delete it by hand if you want."

# A release package with the fyne tool (pinned in go.mod): on Linux a
# tarball with the binary, desktop entry and icon; run on macOS or Windows
# it makes a .app or .exe the same way (-os darwin / -os windows).
package: deps-build
	mkdir -p dist
	$(GO) tool fyne package -os $(or $(OS_TARGET),linux) -release
	mv -f whoiscalling.tar.xz dist/ 2>/dev/null || true
	@ls -l dist/

clean:
	rm -rf $(BIN) dist
