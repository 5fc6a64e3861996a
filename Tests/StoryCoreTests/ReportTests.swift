import Foundation
import Testing
@testable import StoryCore

@Suite("Reports")
struct ReportTests {
    let comparison = Comparer.compare(try! Fixtures.original, try! Fixtures.syndicated)
    let options = ReportOptions(generator: "storydiff test", date: "2026-11-22 03:00 UTC",
                                palette: ReportPalette(name: "t", looks: ["near": .init(foreground: 73), "page": .init(foreground: 235, background: 255),
                                                                          "word.added": .init(foreground: 28, background: 194, bold: true)]))

    /// A sentence's text as the reports show it: sanitised, spaces collapsed.
    func shown(_ text: String) -> String { SafeText.sanitize(text).split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test("HTML on a phone: cards for the header and summary, gutter marks with their meaning, explanations on tap, ! flags, nothing struck through")
    func htmlForTouch() throws {
        let html = HTMLReport.render(comparison, options: options)
        let page = try #require(HTMLDocument(html))
        let ledgers = Ledgers(comparison)
        // Cards: each side's coverage where a phone shows it without scrolling sideways.
        let cards = page.texts("//header//div[@class='card']")
        #expect(cards.count == 2)
        #expect(cards[0].contains("A · 63% matched") || cards[0].contains("A · 66% matched"))
        #expect(page.count("//section[@class='summary']//div[@class='card']") == 2)
        let css = page.texts("//style").joined()
        #expect(css.contains("@media (max-width: 720px)") && css.contains(".cards { display: grid"))
        #expect(css.contains(".sources-wrap, .summary > .wide { display: none }"))
        // Gutter marks keep their meaning in an attribute that the narrow layout writes out.
        let meanings = page.attributes("//div[@class='gutter']", "data-meaning")
        #expect(meanings.count == comparison.rows.count && meanings.contains("split or merged"))
        #expect(css.contains(".gutter::after { content: \" \" attr(data-meaning)"))
        // Every flagged sentence carries a ! before it, as in the reader.
        var flagged = 0
        for side in Side.allCases {
            for sentence in comparison.story(side).sentences where ledgers.isFlagged(side, sentence: sentence.index) { flagged += 1 }
        }
        #expect(page.count("//span[@class='flag']") == flagged && flagged > 10)
        // The explanation is reachable by touch: <details> under each paragraph that has one.
        let why = page.texts("//details[@class='why']")
        #expect(why.contains { $0.contains("A3 near B6 · score 0.88 · shared: strongly, requested, lives, spare") })
        // A reworded sentence is never struck through.
        #expect(!html.contains("line-through"))
    }

    @Test("HTML parses with a real HTML parser: every sentence once, with its class and its exact text")
    func html() throws {
        let html = HTMLReport.render(comparison, options: options)
        let page = try #require(HTMLDocument(html))
        for side in Side.allCases {
            let story = comparison.story(side)
            for sentence in story.sentences {
                let id = "\(side.rawValue)\(sentence.index)"
                #expect(page.count("//span[@id='\(id)']") == 1, "\(id)")
                #expect(page.texts("//span[@id='\(id)']").first == shown(sentence.text))
                let classes = page.attributes("//span[@id='\(id)']", "class").first ?? ""
                #expect(classes.split(separator: " ").contains(Substring(comparison.classes(side)[sentence.index].rawValue)))
            }
        }
        // Self-contained: inline CSS, no script, nothing loaded from elsewhere.
        #expect(page.count("//script") == 0)
        #expect(page.count("//link") == 0)
        #expect(page.count("//*[@src]") == 0)
        #expect(page.count("//style") == 1)
        // Header: both sources, word counts, the date.
        let header = page.texts("//header").joined()
        #expect(header.contains("kursk-original.txt") && header.contains("kursk-syndicated.txt"))
        #expect(header.contains("1143") && header.contains("664") && header.contains("2026-11-22 03:00 UTC"))
        // Summary: a header, one row per class, coverage and own words.
        #expect(page.texts("//section[@class='summary']//tr/th").contains("coverage"))
        #expect(page.texts("//section[@class='summary']//tr/th").contains("own words"))
        #expect(page.count("//section[@class='summary']/div[@class='wide']//tr") == 8)
        #expect(page.count("//section[@class='summary']//tr[@class='partial']") == 1)
        // Word changes.
        #expect(page.texts("//span[@id='a2']/del") == ["Mr."])
        #expect(page.texts("//span[@id='b5']/ins") == ["on Truth Social"])
        // Rows: one section per row, paragraphs side by side.
        #expect(page.count("//main/section[contains(@class,'row')]") == comparison.rows.count)
        // Colours from the palette.
        #expect(html.contains(".s.near { color: #5fafaf }"))
        #expect(html.contains("body { color: #262626; background: #eeeeee"))
        // Narrow screens stack.
        #expect(html.contains("@media (max-width: 720px) { body { padding: .6rem } table { font-size: .8rem }") && html.contains(".row { grid-template-columns: minmax(0, 1fr) }"))
    }

    @Test("HTML links moved and split or merged sentences to their counterparts, both ways")
    func links() throws {
        let page = try #require(HTMLDocument(HTMLReport.render(comparison, options: options)))
        let targets = page.attributes("//a[@class='link']", "href")
        #expect(!targets.isEmpty)
        for target in targets {
            let id = String(target.dropFirst())
            #expect(page.count("//*[@id='\(id)']") == 1, "\(target) points nowhere")
            // The target links back to a sentence that links to it.
            let back = page.attributes("//span[@id='\(id)']/following-sibling::a[@class='link'][1]", "href")
            #expect(!back.isEmpty, "\(id) has no link back")
        }
        // The soldier's merged sentences link to the one they became, and it links to both.
        let merged = try comparison.b.sentence(startingWith: "A Ukrainian soldier fighting in Kursk, speaking anonymously")
        let group = comparison.groups[comparison.groupOfB[merged]!]
        let fromB = page.attributes("//span[@id='b\(merged)']/following-sibling::a[@class='link']", "href")
        #expect(Set(fromB).isSuperset(of: group.a.map { "#a\($0)" }))
    }

    @Test("a hostile story cannot inject anything into the HTML")
    func escaping() throws {
        let evil = "Officials said <script>alert('x')</script> & “quotes” \"double\" 'single' were \u{1B}[31mred\u{1B}[0m and \u{202E}reversed\u{202C} here.\n\n<img src=x onerror=alert(1)> A second paragraph."
        let story = StoryReader.story(name: "<evil>&\".txt", text: evil)
        let comparison = Comparer.compare(story, StoryReader.story(name: "b.txt", text: "Officials said the vote was fair."))
        let html = HTMLReport.render(comparison, options: options)
        let page = try #require(HTMLDocument(html))
        #expect(page.count("//script") == 0)
        #expect(page.count("//img") == 0)
        #expect(page.count("//*[@onerror]") == 0)
        #expect(!html.contains("\u{1B}") && !html.contains("\u{202E}"))
        let text = page.texts("//span[@id='a0']").first ?? ""
        #expect(text.contains("<script>alert('x')</script> & “quotes” \"double\" 'single'"))
        #expect(text.contains("␛[31mred␛[0m and «U+202E»reversed«U+202C»"))
        #expect(page.texts("//header//td").contains("<evil>&\".txt"))
        #expect(page.texts("//title").first?.contains("<evil>&\".txt") == true)
    }

    @Test("Markdown: the summary table, then every sentence with its changes marked")
    func markdown() throws {
        let md = MarkdownReport.render(comparison, options: options)
        #expect(md.contains("| class | A sentences | A words | B sentences | B words |\n|---|---:|---:|---:|---:|\n"))
        #expect(md.contains("| identical | 2 | 38 (3.3%) | 2 | 38 (5.7%) |"))
        #expect(md.contains("| **coverage** | | 66% | | 93% |"))
        #expect(md.contains("| partial | 6 |"))
        #expect(md.contains("> _near_, score 0.88 **A3** “I have strongly requested to President Putin that their lives be spared,” ~~Mr.~~ Trump wrote.\n>\n> **B6** “I have strongly requested to President Putin that their lives be spared,” Trump wrote **on Truth Social**.\n"))
        // Read back: markers and escapes removed, every sentence of both stories is there.
        var plain = md.replacingOccurrences(of: "~~", with: "").replacingOccurrences(of: "**", with: "")
        plain = plain.replacingOccurrences(of: #"(?<!\\)_"#, with: "", options: .regularExpression)
        plain = plain.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
        plain = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for sentence in comparison.a.sentences + comparison.b.sentences {
            #expect(plain.contains(shown(sentence.text)), "\(sentence.text)")
        }
    }

    @Test("Markdown escapes what would be markup")
    func markdownEscaping() {
        #expect(MarkdownReport.escape("a *b* _c_ [d](e) <f> `g` | h # i \\ j ~k~") == "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\| h \\# i \\\\ j \\~k\\~")
    }

    @Test("text report: snapshot of the sample pair; colour only when asked")
    func text() throws {
        let report = TextReport.render(comparison, options: options)
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/StoryCoreTests/Snapshots/sample-report.txt")
        if ProcessInfo.processInfo.environment["STORYDIFF_RECORD"] == "1" { try report.write(to: url, atomically: true, encoding: .utf8) }
        let expected = try String(contentsOf: url, encoding: .utf8)
        for (number, (line, wanted)) in zip(report.split(separator: "\n"), expected.split(separator: "\n")).enumerated() where line != wanted {
            Issue.record("line \(number + 1):\n  got:  \(line)\n  want: \(wanted)")
        }
        #expect(report.split(separator: "\n").count == expected.split(separator: "\n").count)
        #expect(!report.contains("\u{1B}"))
        let colored = TextReport.render(comparison, options: options, color: true)
        #expect(colored.contains("\u{1B}[38;5;73m“I have strongly requested"))
        #expect(colored.contains("\u{1B}[1;38;5;28;48;5;194m{+on Truth Social+}\u{1B}[0m"))
    }

    @Test("only differences: identical rows are left out and counted")
    func filter() throws {
        let text = "The council approved the budget on Tuesday after a long debate.\n\nCritics said the plan would raise taxes.\n\nThe mayor promised to review spending next year."
        let changed = text.replacingOccurrences(of: "next year", with: "in the spring")
        let comparison = Comparer.compare(StoryReader.story(name: "a", text: text), StoryReader.story(name: "b", text: changed))
        let filtered = ReportOptions(hideIdentical: true)
        for format in ReportFormat.allCases where format != .json {
            let report = try ReportRenderer.render(comparison, format: format, options: filtered)
            #expect(!report.contains("council"), "\(format)")
            #expect(report.contains("2 identical paragraph rows left out"), "\(format)")
            #expect(report.contains("The mayor promised"), "\(format)")
        }
    }

    @Test("format from the file name")
    func formats() {
        #expect(ReportFormat(path: "out/report.HTML") == .html)
        #expect(ReportFormat(path: "r.htm") == .html)
        #expect(ReportFormat(path: "r.md") == .md)
        #expect(ReportFormat(path: "r.markdown") == .md)
        #expect(ReportFormat(path: "r.json") == .json)
        #expect(ReportFormat(path: "r.txt") == .text)
        #expect(ReportFormat(path: "r.pdf") == nil)
        #expect(ReportFormat(path: "dir.v2/report") == nil)
    }

    @Test("atomic writes: whole file or none; errors name the path")
    func atomic() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storydiff-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("r.txt").path
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["r.txt"])
        #expect(throws: AtomicFile.WriteError(path: directory.path, reason: "it is a directory")) { try AtomicFile.write("x", to: directory.path) }
        let missing = directory.appendingPathComponent("no/such/r.txt").path
        #expect(throws: AtomicFile.WriteError(path: missing, reason: "No such file or directory")) { try AtomicFile.write("x", to: missing) }
    }
}

@Suite("Facts and quotes in the reports")
struct LedgerReportTests {
    let comparison: Comparison
    let options = ReportOptions(generator: "storydiff test")

    init() throws {
        comparison = Comparer.compare(try Fixtures.original, try Fixtures.syndicated)
    }

    @Test("HTML: a facts table and a quotes table whose places link to the sentences")
    func html() throws {
        let page = try #require(HTMLDocument(HTMLReport.render(comparison, options: options)))
        let febRow = page.texts("//section[@id='facts']//tr[td[3]='Feb. 12']/td")
        #expect(febRow.prefix(2) == ["only A", "date"])
        let nyt = page.texts("//section[@id='facts']//tr[td[3]='New York Times']/td[1]")
        #expect(nyt == ["only B"])
        let places = page.attributes("//section[@id='facts' or @id='quotes']//a[@class='place']", "href")
        #expect(places.count > 50)
        for target in Set(places) { #expect(page.count("//span[@id='\(target.dropFirst())']") == 1, "\(target) points nowhere") }
        let classes = page.texts("//section[@id='quotes']//tr/td[1]")
        #expect(classes.contains("newly quoted: quoted in B, unquoted in A"))
        #expect(classes.filter { $0 == "verbatim" }.count == 11)
    }

    @Test("Markdown: facts and quotes tables")
    func markdown() {
        let md = MarkdownReport.render(comparison, options: options)
        #expect(md.contains("\n## Facts\n"))
        #expect(md.contains("| only A | date | Feb. 12 | A34 | — |"))
        #expect(md.contains("| both | number | 30-day | A11 A32 | B22 |"))
        #expect(md.contains("\n## Quotes\n"))
        #expect(md.contains("| newly quoted: quoted in B, unquoted in A | — | B27: “the call had yet to be scheduled.” — The Russian government |"))
    }

    @Test("JSON: facts and quotes with offsets that give back their text")
    func json() throws {
        let document = ComparisonDocument(comparison, generator: "test")
        let decoded = try JSONDecoder().decode(ComparisonDocument.self, from: Data(try document.jsonText().utf8))
        #expect(decoded == document)
        let feb = try #require(decoded.facts.facts.first { $0.label == "Feb. 12" })
        #expect(feb.status == .onlyA && feb.kind == .date)
        for fact in decoded.facts.facts {
            for mention in fact.a { #expect(comparison.a.text(of: TextSpan(mention.start, mention.end)) == mention.text) }
            for mention in fact.b { #expect(comparison.b.text(of: TextSpan(mention.start, mention.end)) == mention.text) }
        }
        let scheduled = try #require(decoded.quotes.quotes.first { $0.b.first?.text.hasPrefix("the call had yet") == true })
        #expect(scheduled.quoteClass == .newlyQuoted && scheduled.side == .b)
        let segment = try #require(scheduled.b.first?.segments.first)
        #expect(comparison.b.text(of: TextSpan(segment.start, segment.end)) == "the call had yet to be scheduled.")
        #expect(decoded.quotes.counts["verbatim"] == 11)
    }

    @Test("only differences leaves out shared facts and verbatim quotes")
    func onlyDifferences() {
        var differences = options
        differences.hideIdentical = true
        let text = TextReport.render(comparison, options: differences)
        #expect(text.contains("only A   date         Feb. 12"))
        #expect(!text.contains("both     number       30-day"))
        #expect(!text.contains("\n  verbatim\n"))
    }
}
