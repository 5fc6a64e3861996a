import Foundation
import Testing
@testable import StoryUI

@Suite("Themes")
struct ThemeTests {
    @Test("the four built-in themes parse and style every role the screen asks for")
    func builtIns() throws {
        let entries = ThemeLoader.all(environment: [:])
        #expect(entries.map(\.name) == ["colorblind", "dark", "light", "mono"])
        for entry in entries {
            let theme = try entry.result.get()
            #expect(entry.source == "built-in")
            let missing = ThemeRole.allCases.filter { theme.styles[$0] == nil }
            #expect(missing.isEmpty, "\(theme.name) lacks \(missing)")
        }
        #expect(ThemeLoader.builtInDefault.name == "dark")
    }

    @Test("mono uses no colour at all; NO_COLOR strips colour from any theme")
    func monochrome() throws {
        let mono = try #require(ThemeLoader.all(environment: [:]).first { $0.name == "mono" }).result.get()
        #expect(mono.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(mono[.wordAdded] != mono[.wordRemoved])
        let dark = ThemeLoader.builtInDefault.adapted(colors: 256, noColor: true)
        #expect(dark.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(dark[.unique].bold)
    }

    @Test("colour-blind theme: additions and removals differ by attribute, not only by hue")
    func colorblind() throws {
        let theme = try #require(ThemeLoader.all(environment: [:]).first { $0.name == "colorblind" }).result.get()
        let added = theme[.wordAdded].withoutColor, removed = theme[.wordRemoved].withoutColor
        #expect(added != removed)
        #expect(theme[.unique].withoutColor != theme[.identical].withoutColor)
    }

    @Test("fewer than 256 colours: every colour maps to the basic eight")
    func basicColors() {
        let theme = ThemeLoader.builtInDefault.adapted(colors: 8, noColor: false)
        for style in theme.styles.values {
            for color in [style.foreground, style.background] {
                if case .indexed(let index) = color { #expect(index < 8) }
            }
        }
        #expect(TerminalColor.indexed(196).basic == .indexed(1))       // bright red → red
        #expect(TerminalColor.indexed(46).basic == .indexed(2))        // green → green
        #expect(TerminalColor.nearest(red: 0, green: 0x72, blue: 0xB2) == .indexed(25))
    }

    @Test("a broken theme gives one clear error naming the file and the place")
    func broken() {
        #expect(throws: ThemeError(source: "x.toml", message: "line 2, column 8: Error while parsing key-value pair: expected value, saw '\\n'")) {
            try ThemeLoader.parse("[styles]\nnear = \n", source: "x.toml", fallbackName: "x")
        }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("name = \"x\"\n", source: "x.toml", fallbackName: "x") }
        do {
            _ = try ThemeLoader.parse("[styles]\nnaer = { fg = \"red\" }\n", source: "x.toml", fallbackName: "x")
            Issue.record("an unknown role must be an error")
        } catch let error as ThemeError {
            #expect(error.description.hasPrefix("x.toml: unknown role \"naer\" in [styles]"))
        } catch { Issue.record("\(error)") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[styles]\nnear = { fg = \"chartreuse\" }\n", source: "x", fallbackName: "x") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[styles]\nnear = { fg = 300 }\n", source: "x", fallbackName: "x") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[styles]\nnear = { bold = \"yes\" }\n", source: "x", fallbackName: "x") }
    }

    @Test("user themes come from $XDG_CONFIG_HOME/storydiff/themes and may replace a built-in")
    func userThemes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storydiff-themes-\(UUID().uuidString)")
        let themes = directory.appendingPathComponent("storydiff/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name = \"paper\"\n[palette]\nink = \"#202020\"\n[styles]\ntext = { fg = \"ink\" }\n".write(to: themes.appendingPathComponent("paper.toml"), atomically: true, encoding: .utf8)
        try "[styles]\nnear = {".write(to: themes.appendingPathComponent("mono.toml"), atomically: true, encoding: .utf8)
        let entries = ThemeLoader.all(environment: ["XDG_CONFIG_HOME": directory.path])
        let paper = try #require(entries.first { $0.name == "paper" })
        #expect(paper.source == themes.appendingPathComponent("paper.toml").path)
        #expect(try paper.result.get()[.text].foreground == .indexed(234))
        let mono = try #require(entries.first { $0.name == "mono" })
        #expect(mono.source.hasSuffix("mono.toml") && mono.source != "built-in")
        if case .success = mono.result { Issue.record("a broken user theme must fail") }
    }
}
