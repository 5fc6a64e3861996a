import ArgumentParser
import CSignalGuard
import StoryCore
import StoryFetch
import StoryTerminal
import StoryUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's exit, out of reach of ParsableCommand's own `exit(withError:)` overloads.
func terminate(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #else
    Darwin.exit(status)
    #endif
}

/// `storydiff`: compare two versions of a news story.
@main
struct StoryDiff: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "storydiff",
        abstract: "Compare two versions of a news story: what they share word for word, what one reworded, what only one says.",
        discussion: """
            Exit status, as diff: 0 when the stories say the same thing word for word, 1 when they differ, 2 on trouble.
            """,
        version: version,
        subcommands: [Compare.self, Facts.self, Quotes.self, Segment.self, Score.self, Batch.self, Manual.self],
        defaultSubcommand: Compare.self
    )

    /// Runs the command; errors become one line on stderr and diff's exit codes.
    static func main() {
        // A signal during a report's write removes its temporary file (the reader adds the terminal).
        sg_install_handlers(0)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            writeOutput(topLevelHelp())
            terminate(0)
        }
        _ = CompletionRoot.answer(arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as VersionReadError {
            fail(error.description)
        } catch let error as FetchError {
            fail(error.description)
        } catch let error as AtomicFile.WriteError {
            fail(error.description)
        } catch let error as TerminalError {
            fail(error.description)
        } catch let error as OutputError {
            fail(error.description)
        } catch let error as ExitCode {
            terminate(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                writeOutput(fullMessage(for: error) + "\n")
                terminate(0)
            }
            let message = self.message(for: error)
            fail(message.isEmpty ? "\(error)" : message + " (see 'storydiff --help')")
        }
    }

    /// `storydiff --help`: the main command first (its usage, options, the reader's keys), then
    /// the subcommands. Every error points here, so it answers how to run the main job.
    static func topLevelHelp() -> String {
        let compare = Compare.helpMessage(columns: 80)
        // Compare's sections from its arguments on (its own overview and usage are replaced).
        let sections = compare.range(of: "ARGUMENTS:").map { String(compare[$0.lowerBound...]) } ?? compare
        let root = helpMessage(columns: 80)
        let subcommands = root.range(of: "SUBCOMMANDS:").map { String(root[$0.lowerBound...]) } ?? ""
        let keys = Reader.helpLines.prefix { !$0.isEmpty }.map { "  " + $0 }.joined(separator: "\n")
        return """
            OVERVIEW: \(configuration.abstract)

            USAGE: storydiff [<options>] <first> <second>     the reader (a report when not on a terminal)
                   storydiff --demo                          the reader on the bundled sample pair
                   storydiff <first> <second> -o report.html a report (.html .md .json .txt)
                   storydiff <subcommand> ...

            \(sections.trimmingTrailingNewlines)

            READER KEYS (? or h in the reader shows them all):
            \(keys)

            \(subcommands.trimmingTrailingNewlines)

            EXIT STATUS: 0 when the stories say the same thing word for word, 1 when they differ, 2 on trouble.

            """
    }

    static func fail(_ message: String) -> Never {
        writeError("storydiff: " + message.split(separator: "\n").joined(separator: " "))
        terminate(2)
    }
}

/// Writes one line to standard error.
func writeError(_ line: String) {
    let data = Array((line + "\n").utf8)
    data.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}

/// Standard output as a report's destination. A closed pipe (`storydiff a b | head`) ends the
/// program quietly with 0; any other failure (a full disk, /dev/full, an I/O error) with one
/// line and 2.
func standardOutput() -> ReportOutput {
    ReportOutput { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(1, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                if written < 0 && errno == EPIPE { terminate(0) }
                StoryDiff.fail(OutputError(reason: written < 0 ? String(cString: strerror(errno)) : "nothing was written").description)
            }
            offset += written
        }
        return nil
    }
}

/// Writes text to standard output (see `standardOutput`).
func writeOutput(_ text: String) {
    let output = standardOutput()
    output.write(text)
    output.flush()
}

/// Standard output cannot be written.
struct OutputError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write to standard output: \(reason)" }
}

/// Reads both stories, or the bundled pair for --demo, warning about each on stderr.
func loadPair(_ first: String?, _ second: String?, demo: Bool, fetch: FetchOptions, jobs: Int = ParallelWork.cores) throws -> (Story, Story) {
    try loadPair(first, second, demo: demo, options: fetch.fetcher, jobs: jobs)
}

func loadPair(_ first: String?, _ second: String?, demo: Bool, options: Fetcher.Options, jobs: Int = ParallelWork.cores) throws -> (Story, Story) {
    let pair: (Story, Story)
    if demo {
        pair = (StoryReader.story(name: SamplePair.originalName, text: SamplePair.original),
                StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated))
    } else {
        guard let first, let second else { throw ValidationError("two stories are needed: storydiff A B (or --demo)") }
        if first == "-" && second == "-" { throw ValidationError("only one of the two stories can be standard input") }
        // Both read (decoded, cleaned, segmented, fetched) at once; the first one's trouble is reported first.
        let read = ParallelWork.map(count: 2, jobs: jobs) { index in Result { try readStory(index == 0 ? first : second, options: options) } }
        pair = (try read[0].get(), try read[1].get())
    }
    for warning in pair.0.warnings + pair.1.warnings { writeError("storydiff: warning: " + warning) }
    return pair
}

extension String {
    var trimmingTrailingNewlines: String {
        var copy = self
        while copy.last?.isNewline == true { copy.removeLast() }
        return copy
    }
}
