import Foundation
import Testing

@Suite("storydiff batch")
struct BatchCommandTests {
    struct Line: Decodable, Equatable {
        var line: Int
        var a: String
        var b: String
        var identical: Bool?
        var coverage: [String: Double]?
        var groups: Int?
        var error: String?
    }

    @Test("one JSON line per pair, in the list's order; bad pairs reported in their line; the batch goes on")
    func batch() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = BinaryRunner.sample("kursk-original.txt"), syndicated = BinaryRunner.sample("kursk-syndicated.txt")
        var list = "# pairs to compare\n\n"
        var expected: [(Int, Bool?)] = []
        for index in 0..<24 {
            switch index % 4 {
            case 0: list += "\(original)\t\(syndicated)\n"; expected.append((index, false))
            case 1: list += "\(original)\t\(original)\n"; expected.append((index, true))
            case 2: list += "\(directory.path)/missing-\(index).txt\t\(original)\n"; expected.append((index, nil))
            default: list += "no tab on this line\n"; expected.append((index, nil))
            }
        }
        let listPath = directory.appendingPathComponent("pairs.tsv").path
        try list.write(toFile: listPath, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["batch", listPath])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let lines = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(lines.count == 24)
        #expect(lines.map(\.line) == (0..<24).map { $0 + 3 })
        for (line, (index, identical)) in zip(lines, expected) {
            #expect(line.identical == identical, "line \(line.line)")
            switch index % 4 {
            case 0: #expect(line.coverage == ["a": 0.6614, "b": 0.9262]); #expect(line.groups == 25)
            case 2: #expect(line.error == "\(directory.path)/missing-\(index).txt: no such file")
            case 3: #expect(line.error == "line \(index + 3): expected pathA<TAB>pathB (or base<TAB>copy1<TAB>copy2…)")
            default: #expect(line.error == nil)
            }
        }
        // One job at a time gives the same lines.
        #expect(try BinaryRunner.run(["batch", listPath, "--jobs", "1"]).stdout == result.stdout)
    }

    @Test("every pair compared: exit 0; the list unreadable: exit 2")
    func status() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let listPath = directory.appendingPathComponent("ok.tsv").path
        try "\(BinaryRunner.sample("kursk-original.txt"))\t\(BinaryRunner.sample("kursk-syndicated.txt"))\n".write(toFile: listPath, atomically: true, encoding: .utf8)
        #expect(try BinaryRunner.run(["batch", listPath]).status == 0)
        let missing = try BinaryRunner.run(["batch", directory.appendingPathComponent("none.tsv").path])
        #expect(missing.status == 2)
        #expect(missing.stderr == "storydiff: \(directory.appendingPathComponent("none.tsv").path): no such file\n")
    }
}
