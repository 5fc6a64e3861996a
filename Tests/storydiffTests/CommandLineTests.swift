import Foundation
import StoryCore
import Testing

@Suite("The storydiff command")
struct CommandLineTests {
    let original = BinaryRunner.sample("kursk-original.txt")
    let syndicated = BinaryRunner.sample("kursk-syndicated.txt")

    @Test("--demo compares the bundled pair and exits 1 (they differ)")
    func demo() throws {
        let result = try BinaryRunner.run(["--demo"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("A  kursk-original.txt"))
        #expect(result.stdout.contains("B  Putin demands Ukrainian troops in Kursk surrender amid cease-fire talks"))
        #expect(result.stdout.contains("~ A3  “I have strongly requested to President Putin that their lives be spared,” [-Mr.-] Trump wrote."))
        #expect(result.stdout.contains("  B6  “I have strongly requested to President Putin that their lives be spared,” Trump wrote {+on Truth Social+}."))
        #expect(result.stdout.contains("< A34  The two leaders are last known to have spoken on Feb. 12."))
    }

    @Test("the demo output equals comparing the sample files")
    func demoMatchesFiles() throws {
        let demo = try BinaryRunner.run(["--demo", "--format", "json"])
        let files = try BinaryRunner.run([original, syndicated, "--format", "json"])
        let a = try JSONDecoder().decode(ComparisonDocument.self, from: Data(demo.stdout.utf8))
        var b = try JSONDecoder().decode(ComparisonDocument.self, from: Data(files.stdout.utf8))
        // Only the names differ (and the title of A, which has no headline and is titled by its name).
        b.a.name = a.a.name
        b.a.title = a.a.title
        b.b.name = a.b.name
        #expect(a.a.sentences == b.a.sentences)
        #expect(a.b.sentences == b.b.sentences)
        #expect(a.groups.count == b.groups.count)
        for (x, y) in zip(a.groups, b.groups) { #expect(x == y) }
        #expect(a.rows == b.rows)
        #expect(a.a.statistics == b.a.statistics && a.b.statistics == b.b.statistics)
    }

    @Test("JSON: versioned, every sentence with offsets into the original text, reciprocal counterparts")
    func json() throws {
        let result = try BinaryRunner.run([original, syndicated, "--format", "json"])
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(ComparisonDocument.self, from: Data(result.stdout.utf8))
        #expect(document.version == 2)
        #expect(document.offsets == "unicode-scalars")
        #expect(!document.identical)
        #expect(document.a.sentences.count == 46)
        #expect(document.b.sentences.count == 38)
        for (side, path) in [(document.a, original), (document.b, syndicated)] {
            let scalars = Array(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars)
            for sentence in side.sentences {
                #expect(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])) == sentence.text)
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: (document.a.sentences + document.b.sentences).map { ($0.id, $0) })
        for sentence in document.a.sentences + document.b.sentences {
            for counterpart in sentence.counterparts {
                #expect(byID[counterpart]?.counterparts.contains(sentence.id) == true)
                #expect(byID[counterpart]?.sentenceClass == sentence.sentenceClass)
            }
            #expect(sentence.sentenceClass.isMatched == !sentence.counterparts.isEmpty)
        }
        let near = try #require(document.a.sentences.first { $0.text.hasPrefix("“I have strongly requested") })
        #expect(near.sentenceClass == .near)
        #expect(near.counterparts == ["b5"])
        #expect(document.rows.count > 10)
        #expect(document.a.statistics.comparedSentences == 43)
    }

    @Test("JSON output validates against docs/comparison.schema.json")
    func schema() throws {
        let check = try BinaryRunner.run(["python3", "-c", "import jsonschema"], executable: URL(fileURLWithPath: "/usr/bin/env"))
        guard check.status == 0 else {
            print("skipped: python3 with jsonschema is not installed (.ci/run installs it)")
            return
        }
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("comparison.json")
        try BinaryRunner.run([original, syndicated, "--format", "json"]).stdout.write(to: output, atomically: true, encoding: .utf8)
        let schema = BinaryRunner.repositoryRoot.appendingPathComponent("docs/comparison.schema.json").path
        let validate = try BinaryRunner.run(
            ["python3", "-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('valid')", schema, output.path],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "valid\n")
    }

    @Test("identical stories exit 0")
    func identical() throws {
        let result = try BinaryRunner.run([original, original])
        #expect(result.status == 0)
        #expect(result.stdout.contains("coverage                        100%"))
    }

    @Test("standard input as one of the stories")
    func standardInput() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: syndicated))
        let result = try BinaryRunner.run([original, "-", "--format", "json"], stdin: text)
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(ComparisonDocument.self, from: Data(result.stdout.utf8))
        #expect(document.b.name == "standard input")
        #expect(document.b.sentences.count == 38)
    }

    @Test("bad input: one line on stderr naming the file, exit 2", arguments: BadInput.allCases)
    func badInput(_ input: BadInput) throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try input.make(in: directory)
        let result = try BinaryRunner.run([path, original])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("storydiff: \(path): "))
        #expect(result.stderr.contains(input.expectedReason), "\(result.stderr)")
    }

    @Test("invalid UTF-8: a stray byte becomes U+FFFD, a Latin-1 file is read as windows-1252; each with a warning")
    func invalidUTF8() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stray = directory.appendingPathComponent("stray.txt")
        try Data(Array("Kyiv’s café ".utf8) + [0xFF] + Array("opened on Friday.".utf8)).write(to: stray)
        let result = try BinaryRunner.run([stray.path, original])
        #expect(result.status == 1)
        #expect(result.stderrLines == ["storydiff: warning: \(stray.path): not valid UTF-8; 1 byte sequence replaced with U+FFFD"])
        #expect(result.stdout.contains("Kyiv’s café \u{FFFD}opened on Friday."))
        let latin1 = directory.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x65, 0x64, 0x20, 0x6F, 0x6E, 0x20, 0x46, 0x72, 0x69, 0x64, 0x61, 0x79, 0x2E]).write(to: latin1)
        let legacy = try BinaryRunner.run([latin1.path, original])
        #expect(legacy.stderrLines == ["storydiff: warning: \(latin1.path): not UTF-8 and no encoding declared; read as windows-1252"])
        #expect(legacy.stdout.contains("Café opened on Friday."))
    }

    @Test("usage errors: one line, exit 2")
    func usage() throws {
        let none = try BinaryRunner.run([])
        #expect(none.status == 2)
        #expect(none.stderrLines.count == 1)
        #expect(none.stderr.contains("two stories are needed"))
        let format = try BinaryRunner.run([original, syndicated, "--format", "pdf"])
        #expect(format.status == 2)
        #expect(format.stderrLines.count == 1)
    }

    @Test("--help and --version exit 0")
    func helpAndVersion() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("segment"))
        #expect(help.stdout.contains("score"))
        // The main command comes first: its usage, --demo, its options and the reader's keys,
        // then the subcommands.
        let text = help.stdout
        let usage = try #require(text.range(of: "USAGE: storydiff [<options>] <first> <second>"))
        let demo = try #require(text.range(of: "--demo"))
        let keys = try #require(text.range(of: "READER KEYS"))
        let subcommands = try #require(text.range(of: "SUBCOMMANDS:"))
        #expect(usage.lowerBound < demo.lowerBound && demo.lowerBound < keys.lowerBound && keys.lowerBound < subcommands.lowerBound)
        #expect(text.contains("--only-differences") && text.contains("--theme <name>") && text.contains("--ascii"))
        #expect(text.contains("Ctrl-O"))
        let version = try BinaryRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
    }

    @Test("the binary works when copied alone to another folder")
    func copiedAlone() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("storydiff")
        try FileManager.default.copyItem(at: BinaryRunner.binary, to: copy)
        let result = try BinaryRunner.run(["--demo"], executable: copy)
        #expect(result.status == 1)
        #expect(result.stdout.contains("kursk-syndicated.txt"))
    }

    @Test("segment: paragraphs with roles and sentences with offsets, as text and JSON")
    func segment() throws {
        let text = try BinaryRunner.run(["segment", syndicated])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("\(syndicated): 22 paragraphs, 38 sentences"))
        #expect(text.stdout.contains("¶1 headline [0..<92]"))
        #expect(text.stdout.contains("¶2 boilerplate"))
        let json = try BinaryRunner.run(["segment", original, "--format", "json"])
        let document = try JSONDecoder().decode(SegmentDocument.self, from: Data(json.stdout.utf8))
        #expect(document.paragraphs.count == 32)
        #expect(document.paragraphs[28].role == .credit)
        #expect(document.paragraphs.flatMap(\.sentences).count == 46)
    }

    @Test("score: one JSON object per input line with similarity and class")
    func score() throws {
        let input = """
        “There’s an understanding on both sides.”\t"There's an understanding on both sides."
        “I have strongly requested to President Putin that their lives be spared,” Mr. Trump wrote.\t“I have strongly requested to President Putin that their lives be spared,” Trump wrote on Truth Social.
        The orchestra will tour Japan next spring.\tHeavy rain caused landslides in the north.

        """
        let result = try BinaryRunner.run(["score", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let decoded = try lines.map { try JSONDecoder().decode(PairScoring.Result.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.pairClass) == [.identical, .near, .unrelated])
        #expect(decoded[0].similarity == 1)
        #expect(decoded[2].similarity < 0.2)
        let bad = try BinaryRunner.run(["score", "-"], stdin: Data("no tab here\n".utf8))
        #expect(bad.status == 2)
        #expect(bad.stderr == "storydiff: standard input: line 1 has no tab between the two texts (see 'storydiff --help')\n")
    }
}

/// Inputs that must be refused cleanly.
enum BadInput: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case missing, directory, unreadable, binary, empty, whitespace, onlyBoilerplate

    var testDescription: String { rawValue }

    var expectedReason: String {
        switch self {
        case .missing: return "no such file"
        case .directory: return "is a directory"
        case .unreadable: return "cannot be read"
        case .binary: return "binary file"
        case .empty, .whitespace: return "is empty"
        case .onlyBoilerplate: return "only site chrome"
        }
    }

    func make(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(rawValue + ".txt").path
        switch self {
        case .missing: break
        case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        case .unreadable:
            // Root reads any file whatever its mode, so as root use a file the kernel refuses to read.
            if getuid() == 0 { return "/proc/self/mem" }
            _ = FileManager.default.createFile(atPath: path, contents: Data("text".utf8), attributes: [.posixPermissions: 0])
        case .binary: _ = FileManager.default.createFile(atPath: path, contents: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]))
        case .empty: _ = FileManager.default.createFile(atPath: path, contents: Data())
        case .whitespace: _ = FileManager.default.createFile(atPath: path, contents: Data(" \n\t\n\n  ".utf8))
        case .onlyBoilerplate: _ = FileManager.default.createFile(atPath: path, contents: Data("Share This Article\n\nLeave a comment\n\nAdvertisement\n".utf8))
        }
        return path
    }
}
