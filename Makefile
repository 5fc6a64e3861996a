# storydiff: build and install (GNU make). See README, "Install".
#   make                      the release binary (.build/release/storydiff)
#   make install              PREFIX=/usr/local, DESTDIR honoured
#   make uninstall            removes exactly what install put there
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift

BINDIR      := $(DESTDIR)$(PREFIX)/bin
MANDIR      := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR     := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR      := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR     := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

CONFIGURATION ?= release
# The Swift runtime and Foundation linked in: the installed binary needs no Swift toolchain, only
# the Debian C libraries (ncursesw, libxml2, libcurl, libstemmer) and WordNet's data.
STATIC      ?= --static-swift-stdlib
SCRATCH     ?= .build-install
BUILT       ?= $(SCRATCH)/$(CONFIGURATION)/storydiff
GENERATED   := .build/install

INSTALLED   := $(BINDIR)/storydiff $(MANDIR)/storydiff.1 $(BASHDIR)/storydiff $(ZSHDIR)/_storydiff $(FISHDIR)/storydiff.fish

.PHONY: all build install uninstall clean-install

all: build

build:
	$(SWIFT) build -c $(CONFIGURATION) $(STATIC) --scratch-path $(SCRATCH) --product storydiff

# The man page and the completions come from the built binary: its own command definitions.
$(GENERATED)/storydiff.1 $(GENERATED)/storydiff.bash $(GENERATED)/_storydiff $(GENERATED)/storydiff.fish: build
	mkdir -p $(GENERATED)
	$(BUILT) manual > $(GENERATED)/storydiff.1
	$(BUILT) --generate-completion-script bash > $(GENERATED)/storydiff.bash
	$(BUILT) --generate-completion-script zsh > $(GENERATED)/_storydiff
	$(BUILT) --generate-completion-script fish > $(GENERATED)/storydiff.fish

install: build $(GENERATED)/storydiff.1 $(GENERATED)/storydiff.bash $(GENERATED)/_storydiff $(GENERATED)/storydiff.fish
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 -s $(BUILT) $(BINDIR)/storydiff
	install -m 644 $(GENERATED)/storydiff.1 $(MANDIR)/storydiff.1
	install -m 644 $(GENERATED)/storydiff.bash $(BASHDIR)/storydiff
	install -m 644 $(GENERATED)/_storydiff $(ZSHDIR)/_storydiff
	install -m 644 $(GENERATED)/storydiff.fish $(FISHDIR)/storydiff.fish

uninstall:
	rm -f $(INSTALLED)
