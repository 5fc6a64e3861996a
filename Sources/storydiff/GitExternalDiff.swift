import Foundation
import StoryCore

/// git's external diff form: `storydiff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`,
/// as `git -c diff.external=storydiff diff` and a `diff.<driver>.command` call it. git stops the
/// whole diff when the program exits with anything but 0, so this form always exits 0: a file that
/// cannot be compared gets one line saying so, and the diff goes on.
struct GitExternalDiff {
    var path: String
    var oldFile: String
    var oldHex: String
    var newFile: String
    var newHex: String

    /// The seven arguments git passes, or nil for anything else.
    init?(_ arguments: [String]) {
        guard arguments.count == 7 else { return nil }
        func isMode(_ text: String) -> Bool { text == "." || (text.count == 6 && text.allSatisfy { ("0"..."7").contains($0) }) }
        func isHex(_ text: String) -> Bool { text == "." || ((4...64).contains(text.count) && text.allSatisfy(\.isHexDigit)) }
        guard isHex(arguments[2]), isMode(arguments[3]), isHex(arguments[5]), isMode(arguments[6]),
              arguments[3] != "." || arguments[6] != "." else { return nil }
        path = arguments[0]
        oldFile = arguments[1]
        oldHex = arguments[2]
        newFile = arguments[4]
        newHex = arguments[5]
    }

    /// "notes.md (a1b2c3d)": the path in the repository and the blob's short hash; the working
    /// tree's file has no hash yet (git passes zeros).
    static func title(_ path: String, _ hex: String) -> String {
        let short = hex.prefix(7)
        return "\(path) (\(short.allSatisfy({ $0 == "0" }) || hex == "." ? "working tree" : String(short)))"
    }

    /// A file git says is absent on one side (added or deleted).
    static func absent(_ file: String, _ hex: String) -> Bool {
        file == "/dev/null" || hex == "." || (hex.count >= 7 && hex.allSatisfy { $0 == "0" } && !FileManager.default.fileExists(atPath: file))
    }

    /// Writes the text report of the two versions (a line when one side is absent or cannot be
    /// read), and returns normally: git needs exit status 0.
    func run(write: (Comparison) throws -> Void) {
        let oldTitle = Self.title(path, oldHex), newTitle = Self.title(path, newHex)
        if Self.absent(oldFile, oldHex) { writeOutput("storydiff: \(SafeText.sanitize(path)): new file (\(newHex.prefix(7)))\n"); return }
        if Self.absent(newFile, newHex) { writeOutput("storydiff: \(SafeText.sanitize(path)): deleted (was \(oldHex.prefix(7)))\n"); return }
        do {
            var a = try StoryReader.read(path: oldFile), b = try StoryReader.read(path: newFile)
            a.name = oldTitle
            b.name = newTitle
            let comparison = Comparer.compare(a, b)
            writeOutput("── \(SafeText.sanitize(path)): \(oldHex.prefix(7)) → \(newTitle.hasSuffix("(working tree)") ? "working tree" : String(newHex.prefix(7))) ──\n")
            try write(comparison)
        } catch let error as InputError {
            writeOutput("storydiff: \(SafeText.sanitize(path)): not compared: \(error.description.replacingOccurrences(of: oldFile, with: "old version").replacingOccurrences(of: newFile, with: "new version"))\n")
        } catch {
            writeOutput("storydiff: \(SafeText.sanitize(path)): not compared: \(error)\n")
        }
    }
}
