import ArgumentParser
import Foundation
import StoryCore
import StoryUI

/// `storydiff manual` (hidden): the man page, storydiff(1), in roff. Its options and subcommands
/// are the commands' own help, so that the page cannot fall behind them; the reader's keys are
/// the reader's own help lines; the rest is written here. `make install` writes it to
/// share/man/man1/storydiff.1.
struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the manual page (roff), as make install puts it in share/man/man1.",
        shouldDisplay: false
    )

    /// The subcommands documented (every one shown in --help).
    static let subcommands: [(name: String, type: any ParsableCommand.Type)] = [
        ("facts", Facts.self), ("quotes", Quotes.self), ("segment", Segment.self), ("score", Score.self), ("batch", Batch.self),
    ]

    func run() throws {
        writeOutput(Self.page())
    }

    /// The page's date: SOURCE_DATE_EPOCH's day (reproducible builds), else today.
    static var today: String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) ?? Date().timeIntervalSince1970
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    static func page(date: String = today) -> String {
        var page = Roff()
        page.raw(".TH STORYDIFF 1 \"\(date)\" \"storydiff \(StoryDiff.version)\" \"User Commands\"")
        page.section("NAME")
        page.text("storydiff - compare versions of a news story: what they share word for word, what one reworded, what only one says")
        page.section("SYNOPSIS")
        for line in ["storydiff [options] FIRST SECOND", "storydiff [options] BASE COPY1 COPY2 ...", "storydiff --demo",
                     "storydiff FIRST SECOND -o report.html|.md|.json|.txt", "storydiff facts|quotes FIRST SECOND [COPY ...]",
                     "storydiff segment STORY", "storydiff score [FILE]", "storydiff batch LIST",
                     "storydiff --generate-completion-script bash|zsh|fish"] {
            page.raw(".br")
            page.text(line)
        }
        page.section("DESCRIPTION")
        page.text("""
            storydiff puts two versions of a news story side by side and shows what they share word for word, \
            what one reworded, and what only one of them says. It reads each story (a text file, a saved web page, \
            an http(s) URL, or - for standard input) into paragraphs and sentences, keeps site chrome out of the \
            comparison, aligns the sentences of the two versions (moved, split and merged sentences included) and \
            classes each: identical, near (small edits), paraphrase (reworded, same content), partial (one side says \
            materially more), or unique (no counterpart). Inside matched pairs it shows the word changes; it lists the \
            facts (dates, numbers, amounts, names) and quotations that one version lacks or changed.
            """)
        page.paragraph("""
            On a terminal, storydiff FIRST SECOND opens the reader: the two stories in two panes, paragraphs aligned \
            row by row, sentences coloured by class. Anywhere else (a pipe, a file) it writes the text report. With \
            three or more stories the first is the base and every other a copy of it: the reader shows the base \
            beside one copy at a time, with an overview of all copies, and the reports cover every copy.
            """)
        page.section("OPTIONS")
        page.literal(sections(of: Compare.helpMessage(columns: 78)))
        page.section("SUBCOMMANDS")
        for (name, command) in subcommands {
            page.raw(".SS \"storydiff \(name)\"")
            page.literal(sections(of: command.helpMessage(columns: 78), keepingOverview: true))
        }
        page.section("READER KEYS")
        page.text("In the reader, ? or h shows these keys.")
        page.literal(Reader.helpLines.joined(separator: "\n"))
        page.section("THEMES")
        page.text("Colour themes are TOML files: a name, a description, a palette and a style for each role of the screen. Built in:")
        let themes = ThemeLoader.all(environment: [:])
        let nameWidth = themes.map(\.name.count).max() ?? 0
        page.literal(themes.map { entry in
            entry.name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0) + ((try? entry.result.get()).map(\.description) ?? "")
        }.joined(separator: "\n"))
        page.paragraph("""
            A theme file in $XDG_CONFIG_HOME/storydiff/themes (else ~/.config/storydiff/themes) adds a theme, or \
            replaces a built-in one of the same name. --theme takes a name or the path of a .toml file; \
            --list-themes lists them and where each was found; t in the reader goes to the next.
            """)
        page.section("CONFIGURATION")
        page.text("""
            $XDG_CONFIG_HOME/storydiff/config.toml (else ~/.config/storydiff/config.toml, or the file STORYDIFF_CONFIG \
            names) holds the user's standing choices; every key is optional, and an option on the command line wins \
            over it. --no-config ignores the file; --print-config shows each setting in force and where it came from. \
            A file that does not parse, or a key with a bad value, is one line on standard error naming the file, \
            the line and the column, and the defaults are used. The keys:
            """)
        page.literal(ConfigFile.example)
        page.section("GIT")
        page.text("""
            Given the seven arguments of git's external diff (path, old file, old hash, old mode, new file, new hash, \
            new mode), storydiff compares the two files, titles them with the path and the short hashes, writes the \
            text report and exits 0: git -c diff.external=storydiff diff, or for some files only, a .gitattributes \
            line such as *.md diff=storydiff with git config diff.storydiff.command storydiff. git difftool -y -x \
            storydiff opens the reader on each changed file.
            """)
        page.section("FILES")
        page.tagged("$XDG_CONFIG_HOME/storydiff/config.toml", "The configuration file (else ~/.config/storydiff/config.toml): the default theme, layout, word emphasis, only-differences, colour, report format, fetch timeout and user agent. Command-line options win over it. storydiff --print-config shows the settings in force and where each came from.")
        page.tagged("$XDG_CONFIG_HOME/storydiff/themes/*.toml", "The user's themes.")
        page.tagged("/usr/share/wordnet", "WordNet's database (Debian's wordnet-base), used to match words by sense.")
        page.section("ENVIRONMENT")
        page.tagged("STORYDIFF_CONFIG", "A configuration file to read instead of the usual one.")
        page.tagged("XDG_CONFIG_HOME, HOME", "Where the configuration file and the user's themes are.")
        page.tagged("NO_COLOR", "When set, the text report has no colour unless --color always is given.")
        page.tagged("TERM", "The terminal type the reader draws for.")
        page.tagged("LC_ALL, LC_CTYPE, LANG", "A character set other than UTF-8 makes the reader draw in ASCII.")
        page.tagged("SOURCE_DATE_EPOCH", "The time written in reports, for reproducible output.")
        page.tagged("STORYDIFF_WORDNET", "Where WordNet's database is, when it is not in Debian's place.")
        page.section("EXIT STATUS")
        page.tagged("0", "The stories say the same thing word for word (as diff).")
        page.tagged("1", "They differ.")
        page.tagged("2", "Trouble: a story cannot be read, a usage error, a report that cannot be written. One line on standard error says what.")
        page.text("Run as git's external diff (seven arguments), storydiff exits 0 as git requires.")
        page.section("EXAMPLES")
        page.tagged("storydiff --demo", "The reader on the bundled sample pair.")
        page.tagged("storydiff original.txt copy.html", "The reader on a text file and a saved web page.")
        page.tagged("storydiff wire.txt site1.html site2.html site3.html", "One original against three copies: the overview with o, v to go from copy to copy.")
        page.tagged("storydiff a.txt b.txt -o report.html", "An HTML report.")
        page.tagged("storydiff facts a.txt b.txt --only-differences", "The facts one version lacks or changed.")
        page.tagged("git -c diff.external=storydiff diff", "git's diff of prose files through storydiff.")
        page.tagged("git difftool -y -x storydiff HEAD~1", "The reader on each changed file.")
        page.section("SEE ALSO")
        page.text("diff(1), wdiff(1), dwdiff(1), git-diff(1), git-difftool(1)")
        return page.output
    }

    /// A help message from its ARGUMENTS (or OPTIONS) section on; with `keepingOverview`, its
    /// overview and usage too.
    static func sections(of help: String, keepingOverview: Bool = false) -> String {
        var text = help
        if !keepingOverview, let start = help.range(of: "ARGUMENTS:") ?? help.range(of: "OPTIONS:") {
            text = String(help[start.lowerBound...])
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.contains("-h, --help") && !$0.contains("Show help information.") }
            .joined(separator: "\n").trimmingTrailingNewlines
    }
}

/// Builds roff text, escaping what roff would read as requests or escapes.
struct Roff {
    private(set) var output = ""

    mutating func raw(_ line: String) { output += line + "\n" }

    mutating func section(_ name: String) { raw(".SH \"\(name)\"") }

    mutating func text(_ text: String) { raw(Self.escape(text, literal: false)) }

    mutating func paragraph(_ text: String) {
        raw(".PP")
        self.text(text)
    }

    /// A hanging paragraph: the term, then its meaning indented.
    mutating func tagged(_ term: String, _ meaning: String) {
        raw(".TP")
        raw(".B " + Self.escape(term, literal: false))
        text(meaning)
    }

    /// Lines as they are, in a fixed-width block.
    mutating func literal(_ block: String) {
        raw(".PP")
        raw(".nf")
        raw(".in +2")
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) { raw(Self.escape(String(line), literal: true)) }
        raw(".in")
        raw(".fi")
    }

    /// Backslashes and hyphens escaped, characters beyond ASCII as \[uXXXX] (roff input is
    /// ASCII everywhere), and a line that would start with . or ' kept as text.
    static func escape(_ text: String, literal: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where scalar.value >= 0x80:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            (line.hasPrefix(".") || line.hasPrefix("'")) ? "\\&" + line : (literal && line.isEmpty ? "" : String(line))
        }
        return lines.joined(separator: "\n")
    }
}

/// What the shell completions are made from: the main command's arguments and options at the
/// top level (`storydiff A B --theme …` needs no `compare`), then the subcommands. Only
/// `--generate-completion-script` and the completion scripts' own `---completion` calls use it.
struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storydiff",
        subcommands: [Facts.self, Quotes.self, Segment.self, Score.self, Batch.self]
    )

    @OptionGroup var compare: Compare

    /// Answers a completion request (the script, or the words for a custom completion), if the
    /// arguments are one.
    static func answer(_ arguments: [String]) -> Never? {
        guard let first = arguments.first, first == "--generate-completion-script" || first == "---completion" else { return nil }
        do {
            _ = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success {
                writeOutput(fullMessage(for: error) + "\n")
                terminate(0)
            }
            StoryDiff.fail(message(for: error))
        }
        terminate(0)
    }
}
