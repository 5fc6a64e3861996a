import Foundation

/// What the whole-process benchmarks share: the storydiff program beside the benchmark, and a
/// scratch folder of input files, removed when it is let go.
enum BenchFiles {
    /// The program built beside the benchmark (.build/release/storydiff), or nil.
    static var storydiff: String? {
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("storydiff").path
        return FileManager.default.isExecutableFile(atPath: program) ? program : nil
    }

    /// The program, or nil after saying on stderr how to build it.
    static func requireStorydiff() -> String? {
        guard let program = storydiff else {
            FileHandle.standardError.write(Data("storydiff-bench: no storydiff program beside the benchmark (swift build -c release)\n".utf8))
            return nil
        }
        return program
    }

    final class Scratch {
        let path: String

        init(_ name: String) {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("storydiff-\(name)-\(getpid())").path
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// Writes a file into the folder and returns its path.
        func write(_ name: String, _ text: String) -> String {
            let file = path + "/" + name
            try? text.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
    }
}
