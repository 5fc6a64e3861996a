import Foundation
import Testing

/// `storydiff BASE COPY1 COPY2 …` through the binary, on the sample pair and copies made from it:
/// the syndicated copy, the original with every fourth paragraph cut and a sentence added, and
/// the syndicated copy lightly edited.
@Suite("Many versions through the binary")
struct VersionsCommandTests {
    let original = BinaryRunner.sample("kursk-original.txt"), syndicated = BinaryRunner.sample("kursk-syndicated.txt")

    /// Writes the derived copies into a scratch folder: [syndicated, cut, edit] paths.
    func copies(in directory: URL) throws -> [String] {
        let paragraphs = try String(contentsOfFile: original, encoding: .utf8).components(separatedBy: "\n\n")
        var cut = paragraphs.enumerated().filter { $0.offset % 4 != 3 }.map(\.element)
        cut.insert("A spokesman for the regional governor declined to comment on the reports on Tuesday evening.", at: 3)
        let edit = try String(contentsOfFile: syndicated, encoding: .utf8)
            .replacingOccurrences(of: "Ukrainian", with: "Kyiv's").replacingOccurrences(of: " said", with: " stated")
        let cutPath = directory.appendingPathComponent("cut.txt").path, editPath = directory.appendingPathComponent("edit.txt").path
        try cut.joined(separator: "\n\n").write(toFile: cutPath, atomically: true, encoding: .utf8)
        try edit.write(toFile: editPath, atomically: true, encoding: .utf8)
        return [syndicated, cutPath, editPath]
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The same JSON value, written the same way (keys sorted), to compare two documents.
    func canonical(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test("JSON: every copy's comparison is exactly what the two-story command gives for that pair")
    func versionsArePairs() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copies = try copies(in: directory)
        let result = try BinaryRunner.run([original] + copies + ["--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let document = try json(result.stdout)
        let versions = try #require(document["versions"] as? [[String: Any]])
        #expect(versions.count == 3)
        for (index, copy) in copies.enumerated() {
            let pair = try json(try BinaryRunner.run([original, copy, "--format", "json"]).stdout)
            #expect(try canonical(versions[index]) == canonical(pair), "copy \(index + 1)")
        }
        // One job at a time gives the same document.
        #expect(try BinaryRunner.run([original] + copies + ["--format", "json", "--jobs", "1"]).stdout == result.stdout)

        let overview = try #require(document["overview"] as? [[String: Any]])
        #expect(overview.map { $0["copy"] as? Int } == [1, 2, 3])
        #expect(overview.map { $0["closest"] as? Int } == [3, 0, 1])
        #expect(overview[0]["coverageOfBase"] as? Double == 0.6614)
        #expect(overview[1]["baseSentencesDropped"] as? Int == 10)
        let base = try #require(document["base"] as? [String: Any])
        #expect(base["name"] as? String == original)
        let sentences = try #require(base["sentences"] as? [[String: Any]])
        let fates = try #require(document["baseSentences"] as? [[String: Any]])
        #expect(fates.count == 43)
        #expect(sentences.count >= fates.count)
        // The lead: kept word for word by the cut, in part by the syndicated copy and its edit.
        let lead = try #require(fates.first)
        #expect(lead["id"] as? String == "a0")
        let kept = try #require(lead["kept"] as? [String: [Int]])
        #expect(kept == ["identical": [2], "near": [], "paraphrase": [], "partial": [1, 3]])
        #expect(lead["dropped"] as? [Int] == [])
        #expect(document["identical"] as? Bool == false)
    }

    @Test("the many-version, facts and quotes JSON validate against docs/collation.schema.json")
    func schema() throws {
        let check = try BinaryRunner.run(["python3", "-c", "import jsonschema"], executable: URL(fileURLWithPath: "/usr/bin/env"))
        guard check.status == 0 else {
            print("skipped: python3 with jsonschema is not installed (.ci/run installs it)")
            return
        }
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copies = try copies(in: directory)
        var arguments: [String] = []
        for (command, pointer) in [(nil, ""), ("facts", "#/$defs/factsCollation"), ("quotes", "#/$defs/quotesCollation")] {
            let output = directory.appendingPathComponent("\(command ?? "collation").json")
            try BinaryRunner.run((command.map { [$0] } ?? []) + [original] + copies + ["--format", "json"]).stdout
                .write(to: output, atomically: true, encoding: .utf8)
            arguments += [output.path, pointer]
        }
        let root = BinaryRunner.repositoryRoot
        let validate = try BinaryRunner.run(
            ["python3", root.appendingPathComponent("Tests/storydiffTests/Fixtures/validate-schema.py").path,
             root.appendingPathComponent("docs/comparison.schema.json").path, root.appendingPathComponent("docs/collation.schema.json").path] + arguments,
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "valid\n")
    }

    @Test("text: the overview table, the base sentences with a mark per copy, then every pair")
    func text() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copies = try copies(in: directory)
        let result = try BinaryRunner.run([original] + copies)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "storydiff: base = \(original), 3 copies")
        let header = try #require(lines.first { $0.hasPrefix("#  copy") })
        for column in ["words", "base kept", "from base", "dropped", "facts −", "facts +", "facts ±", "quotes", "closest", "own text"] {
            #expect(header.contains(column), "\(column)")
        }
        // Long names are cut in the middle: the file name stays.
        #expect(lines.contains { $0.hasPrefix("2  ") && $0.contains("/cut.txt") && $0.contains("base 98%") })
        #expect(lines.contains { $0.hasPrefix("3  ") && $0.contains("/edit.txt") && $0.contains("copy 1 9") })
        #expect(lines.contains("A1  ∩=∩  kept by 3 of 3: identical in 1, partly kept in 2"))
        #expect(lines.contains("     identical: 2 · partial: 1, 3"))
        // Each pair's own report follows, as the two-story command writes it.
        #expect(result.stdout.contains("\n════ copy 2 of 3: \(directory.path)/cut.txt ════\n"))
    }

    @Test("Markdown and HTML: overview, base sentences linked to each copy's section")
    func markdownAndHTML() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copies = try copies(in: directory)
        let markdown = try BinaryRunner.run([original] + copies + ["--format", "md"]).stdout
        #expect(markdown.contains("| \\# | copy | words |"))
        #expect(markdown.contains("](#copy-2)"))
        #expect(markdown.contains("\n## Copy 2 of 3: "))
        #expect(markdown.contains("\n## Base sentences\n"))
        let htmlPath = directory.appendingPathComponent("report.html").path
        let written = try BinaryRunner.run([original] + copies + ["-o", htmlPath])
        #expect(written.status == 1)
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for copy in 1...3 { #expect(html.contains("<section class=\"copy\" id=\"c\(copy)\">")) }
        // A base sentence links to where each copy keeps it, in that copy's side-by-side section.
        #expect(html.contains("href=\"#c2-a0\""))
        #expect(html.contains("id=\"c2-a0\""))
        #expect(!html.contains("<script"))
    }

    @Test("facts and quotes: what of the base some copy lacks or changed, then each copy's ledger")
    func ledgers() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copies = try copies(in: directory)
        let facts = try BinaryRunner.run(["facts", original] + copies)
        #expect(facts.status == 0)
        let factLines = facts.stdout.split(separator: "\n").map(String.init)
        #expect(factLines.first?.hasPrefix("Base facts that some copy lacks or changed: ") == true)
        #expect(factLines.contains { $0.contains("last summer") && $0.hasSuffix("lacking in copy 2") })
        #expect(factLines.contains("── copy 3 of 3: \(directory.path)/edit.txt (A = base, B = the copy)"))
        let quotes = try BinaryRunner.run(["quotes", original] + copies + ["--format", "json"])
        let document = try json(quotes.stdout)
        let baseQuotes = try #require(document["baseQuotes"] as? [[String: Any]])
        let zelensky = try #require(baseQuotes.first { ($0["text"] as? String)?.hasPrefix("doing everything possible") == true })
        #expect(zelensky["copies"] as? [String: [Int]] == ["missing": [1, 3]])
        #expect((document["copies"] as? [Any])?.count == 3)
    }

    @Test("batch: a line of three or more paths is a base and its copies, one summary line")
    func batch() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copies = try copies(in: directory)
        let list = directory.appendingPathComponent("list.tsv").path
        try ([original] + copies).joined(separator: "\t").appending("\n\(original)\t\(syndicated)\n\(original)\t\(directory.path)/gone.txt\t\(syndicated)\n")
            .write(toFile: list, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["batch", list])
        #expect(result.status == 1)
        let lines = try result.stdout.split(separator: "\n").map { try json(String($0)) }
        #expect(lines.count == 3)
        #expect(lines[0]["base"] as? String == original)
        #expect(lines[0]["copies"] as? [String] == copies)
        #expect((lines[0]["overview"] as? [[String: Any]])?.map { $0["closest"] as? Int } == [3, 0, 1])
        #expect(lines[1]["a"] as? String == original)
        #expect(lines[2]["error"] as? String == "\(directory.path)/gone.txt: no such file")
    }

    @Test("an unreadable copy is one line naming it and exit 2, before any report or the reader")
    func unreadableCopy() throws {
        let missing = "/nonexistent/copy-\(UUID().uuidString).txt"
        for extra in [[], ["--screen", "80x24"], ["--format", "json"]] {
            let result = try BinaryRunner.run([original, syndicated, missing] + extra)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderrLines == ["storydiff: \(missing): no such file"])
        }
        let stdinTwice = try BinaryRunner.run([original, "-", "-"], stdin: Data("text".utf8))
        #expect(stdinTwice.status == 2)
        #expect(stdinTwice.stderrLines.count == 1)
    }

    @Test("headless reader: copy k of n, v keeps the base paragraph, the overview sorts and opens, D filters")
    func reader() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stories = [original] + (try copies(in: directory))
        func screen(_ keys: String) throws -> [String] {
            let result = try BinaryRunner.run(stories + ["--screen", "100x30"] + (keys.isEmpty ? [] : ["--keys", keys]))
            #expect(result.status == 1)
            return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        let first = try screen("")
        #expect(first.count == 30)
        #expect(first[0].contains("copy 1/3"))
        // The kept-by count in the gutter of the lead: all three copies keep it.
        #expect(first[1].hasPrefix("President Vladimir V. Putin of Russia on        3 "))
        #expect(first[29].hasPrefix("copy 1 of 3: \(syndicated)") || first[29].hasPrefix("all 3 copies compared"))

        // The base paragraph under the cursor stays on its screen line when the copy changes.
        let before = try screen("} } } } } }"), after = try screen("} } } } } } v")
        #expect(after[0].contains("copy 2/3"))
        #expect(after[29].hasPrefix("copy 2 of 3: ") && after[29].contains("/cut.txt"))
        let baseColumn = { (line: String) in String(line.prefix(46)).replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
        #expect(before[1...6].map(baseColumn) == after[1...6].map(baseColumn))
        #expect(try screen("} } } } } } v V")[0].contains("copy 1/3"))

        let overview = try screen("o")
        #expect(overview[1].contains("3 copies of “\(original)”"))
        #expect(overview[3].contains("1  ") && overview[3].contains("66%"))
        #expect(overview[4].contains("/cut.txt") && overview[4].contains("80%"))
        // Sorted on "base kept", largest first: the cut keeps most and comes first; r puts it last.
        let sorted = try screen("o <Right> <Right>")
        #expect(sorted[2].contains("base kept▼"))
        #expect(sorted[3].contains("/cut.txt"))
        #expect(try screen("o <Right> <Right> r")[5].contains("/cut.txt"))
        // The selection stays on the copy it was on (copy 1, now second); k goes up to the cut.
        #expect(sorted[28].contains("2/3 · j k move"))
        #expect(try screen("o <Right> <Right> k <Enter>")[0].contains("copy 2/3"))

        let filtered = try screen("D")
        #expect(filtered[28].contains("[changed in some copy]"))
        #expect(filtered[29] == "showing only base sentences some copy drops or changes (D shows everything)")
    }
}
