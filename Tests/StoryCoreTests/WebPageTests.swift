import Foundation
import Testing
@testable import StoryCore

@Suite("Saved web pages, legacy encodings, text from PDFs and emails")
struct WebPageTests {
    func page() throws -> Story {
        let url = try #require(Bundle.module.url(forResource: "storm-page", withExtension: "html", subdirectory: "Fixtures"))
        return try StoryReader.story(name: "storm-page.html", bytes: Array(Data(contentsOf: url)))
    }

    @Test("the article of a news page: headline, byline, body, quotes, subheads, list items; chrome dropped")
    func article() throws {
        let story = try page()
        #expect(story.paragraphs.map { story.text(of: $0.span) } == [
            "Storm closes schools across the region",
            "By Ana Pérez and Ben Okafor",
            "March 15, 2025",
            "Schools across the region closed on Monday as the storm arrived, officials said & parents scrambled to find care.",
            "The mayor called it “the worst storm in a decade.” Crews worked through the night.",
            "Power outages",
            "About 30,000 homes lost power,\nthe utility said.",
            "“We are doing everything we can,” a spokeswoman said.",
            "Route 9 is closed.",
            "Trains run every hour.",
        ])
        #expect(story.paragraphs.map(\.role).prefix(4) == [.headline, .byline, .dateline, .body])
        // <br> is a line break inside its paragraph: the sentence stays whole.
        #expect(story.sentences.contains { $0.text == "About 30,000 homes lost power,\nthe utility said." })
        for chrome in ["Home", "Subscribe", "Share on Facebook", "Tweet", "Snow covers", "Related", "Last year", "morning briefing", "Great article", "All rights reserved", "not text", "color: red"] {
            #expect(!story.text.contains(chrome), "\(chrome)")
        }
        #expect(story.warnings.isEmpty)
    }

    @Test("provenance from JSON-LD, meta tags and the canonical link")
    func provenance() throws {
        let story = try page()
        #expect(story.provenance == Provenance(title: "Storm closes schools across the region", byline: "Ana Pérez, Ben Okafor",
                                               date: "2025-03-15T08:30:00Z", canonicalURL: "https://dailyreporter.example/2025/03/15/storm-schools"))
        #expect(story.title == "Storm closes schools across the region")
    }

    @Test("without an article element, the densest block of paragraphs is the story")
    func densest() throws {
        let html = """
        <html><head><title>Talks resume | Site</title><meta property="og:title" content="Talks resume in Geneva"></head><body>
        <div class="menu"><p>Home</p><p>World</p></div>
        <div id="content"><p>Negotiators returned to Geneva on Friday for a third round of talks on the grain deal.</p>
        <p>Both delegations said they expected &quot;hard but useful&quot; meetings through the weekend.</p></div>
        <div class="sidebar"><p>Most read: a cat rescued from a tree.</p></div></body></html>
        """
        let story = try StoryReader.story(name: "page", bytes: Array(html.utf8))   // no extension: sniffed
        #expect(story.paragraphs.map { story.text(of: $0.span) } == [
            "Talks resume in Geneva",
            "Negotiators returned to Geneva on Friday for a third round of talks on the grain deal.",
            "Both delegations said they expected \"hard but useful\" meetings through the weekend.",
        ])
        #expect(story.provenance?.title == "Talks resume in Geneva")
    }

    @Test("charsets: declared ISO-8859-1 reads as windows-1252; UTF-8 pages as UTF-8; an unknown label is named")
    func charsets() throws {
        let latin = Array("<html><head><meta charset=\"ISO-8859-1\"></head><body><article><p>".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]
            + Array(" said the owner of the shop on Friday morning.</p></article></body></html>".utf8)
        let story = try StoryReader.story(name: "latin.html", bytes: latin)
        #expect(story.sentences.map(\.text) == ["Café “ok” said the owner of the shop on Friday morning."])
        let utf8 = try StoryReader.story(name: "u.html", bytes: Array("<html><head><meta charset=utf-8></head><body><p>Kyiv’s café reopened on Friday.</p></body></html>".utf8))
        #expect(utf8.sentences.map(\.text) == ["Kyiv’s café reopened on Friday."])
        #expect(utf8.warnings.isEmpty)
        let odd = try StoryReader.story(name: "j.html", bytes: Array("<html><head><meta charset=shift_jis></head><body><p>Plain words here.</p></body></html>".utf8))
        #expect(odd.warnings == ["j.html: declares charset shift_jis, which storydiff does not read; read as UTF-8"])
    }

    /// The paragraphs of a page read as a story, the headline first.
    func paragraphs(_ html: String, name: String = "page.html") throws -> [String] {
        let story = try StoryReader.story(name: name, bytes: Array(html.utf8))
        return story.paragraphs.map { story.text(of: $0.span) }
    }

    static let article = (1...6).map { "Paragraph \($0) of the report says, at some length, that the council met on Monday and voted to close the old bridge to traffic." }

    @Test("chrome words on <body> or on a wrapper holding the article never drop it (WordPress, Drupal, Elementor)")
    func chromeOnWrappers() throws {
        let body = Self.article.map { "<p>\($0)</p>" }.joined()
        for wrapper in ["<body class=\"page sidebar-right header-fixed\"><div class=\"site-header-wrapper\">\(body)</div>",
                        "<body><div id=\"sidebar-layout\" class=\"elementor-header\"><div class=\"menu-and-content\">\(body)</div></div><div class=\"sidebar\"><p>Most read: a cat in a tree, a dog on a roof, and other stories people clicked.</p></div>"] {
            let found = try paragraphs("<html><head><title>Bridge closes | Site</title></head>\(wrapper)</body></html>")
            #expect(found == ["Bridge closes | Site"] + Self.article, "\(wrapper.prefix(60))")
        }
    }

    @Test("article text outside <p>: bare text split by <br>, spans in a div, table cells")
    func textOutsideParagraphs() throws {
        let bare = Self.article.joined(separator: "<br><br>")
        #expect(try paragraphs("<html><body><div class=\"entry\">\(bare)</div></body></html>") == Self.article)
        let spans = Self.article.map { "<div class=\"paragraph\"><span>\($0)</span></div>" }.joined()
        #expect(try paragraphs("<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div class=\"story\">\(spans)</div></body></html>") == Self.article)
        let table = "<table><tr><td>\(Self.article.joined(separator: "</td></tr><tr><td>"))</td></tr></table>"
        #expect(try paragraphs("<html><body><div class=\"article\">\(table)</div></body></html>") == Self.article)
    }

    @Test("a page whose article is only its headline, or tiny beside the page, says so")
    func smallArticleWarning() throws {
        let menu = (1...80).map { "<li><a href=\"/s\($0)\">Section number \($0) of the site</a></li>" }.joined()
        let headlineOnly = try StoryReader.story(name: "h.html", bytes: Array("<html><head><title>Only a headline here</title></head><body><h1>Only a headline here</h1><ul>\(menu)</ul></body></html>".utf8))
        #expect(headlineOnly.warnings.contains { $0.hasPrefix("h.html: ") && $0.contains("article") }, "\(headlineOnly.warnings)")
        let fine = try StoryReader.story(name: "f.html", bytes: Array("<html><body><article>\(Self.article.map { "<p>\($0)</p>" }.joined())</article><ul>\(menu)</ul></body></html>".utf8))
        #expect(fine.warnings.isEmpty, "\(fine.warnings)")
    }

    /// A page as Chrome saves it as one file: MHTML, the HTML part quoted-printable, an image beside it.
    static func mhtml(_ html: String, encoding: String, charset: String = "utf-8") -> [UInt8] {
        var body: String
        switch encoding {
        case "base64": body = Data(html.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        default:
            // Every byte over 0x7E and every "=" escaped; lines cut at 70 with soft breaks.
            var line = "", lines: [String] = []
            for byte in html.utf8 {
                let piece = byte > 0x7E || byte == 0x3D ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
                if line.count + piece.count > 70 { lines.append(line + "="); line = "" }
                line += piece
            }
            body = (lines + [line]).joined(separator: "\r\n")
        }
        let archive = """
            From: <Saved by Blink>\r
            Snapshot-Content-Location: https://news.example/bridge\r
            Subject: Bridge closes\r
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
            \ttype="text/html";\r
            \tboundary="----MultipartBoundary--abc----"\r
            \r
            ------MultipartBoundary--abc----\r
            Content-Type: text/html; charset=\(charset)\r
            Content-ID: <frame-1@mhtml.blink>\r
            Content-Transfer-Encoding: \(encoding)\r
            Content-Location: https://news.example/bridge\r
            \r
            \(body)\r
            ------MultipartBoundary--abc----\r
            Content-Type: image/png\r
            Content-Transfer-Encoding: base64\r
            Content-Location: https://news.example/a.png\r
            \r
            iVBORw0KGgo=\r
            ------MultipartBoundary--abc------\r

            """
        return Array(archive.utf8)
    }

    @Test("a page saved as one file (MHTML): the HTML part, quoted-printable or base64, with the address it was saved from")
    func singleFile() throws {
        let html = "<html><head><title>Bridge closes | Daily</title></head><body><nav><a href=\"/\">Home</a></nav><article>"
            + Self.article.map { "<p>\($0)</p>" }.joined() + "<p>Café owners said “the bridge was the town’s heart,” and wept.</p></article></body></html>"
        for encoding in ["quoted-printable", "base64"] {
            let story = try StoryReader.story(name: "saved.mhtml", bytes: Self.mhtml(html, encoding: encoding))
            let paragraphs = story.paragraphs.map { story.text(of: $0.span) }
            #expect(paragraphs == ["Bridge closes | Daily"] + Self.article + ["Café owners said “the bridge was the town’s heart,” and wept."], "\(encoding)")
            #expect(story.provenance?.canonicalURL == "https://news.example/bridge")
            #expect(story.warnings.isEmpty, "\(story.warnings)")
        }
        // Known by its headers, whatever its name.
        let sniffed = try StoryReader.story(name: "download", bytes: Self.mhtml(html, encoding: "quoted-printable"))
        #expect(sniffed.paragraphs.count == Self.article.count + 2)
        // No HTML part: one clear error.
        let imagesOnly = Array(String(decoding: Self.mhtml(html, encoding: "base64"), as: UTF8.self)
            .replacingOccurrences(of: "Content-Type: text/html; charset=utf-8", with: "Content-Type: image/gif").utf8)
        #expect(throws: InputError.noArticle("x.mht")) { try StoryReader.story(name: "x.mht", bytes: imagesOnly) }
    }

    @Test("a page saved complete (page.html beside page_files/) reads as the page alone")
    func savedComplete() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storydiff-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("page_files"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "body { color: red }".write(to: directory.appendingPathComponent("page_files/style.css"), atomically: true, encoding: .utf8)
        let html = "<html><head><link rel=\"stylesheet\" href=\"page_files/style.css\"><script src=\"page_files/app.js\"></script></head><body><article>"
            + Self.article.map { "<p>\($0)</p>" }.joined() + "<img src=\"page_files/photo.jpg\"></article></body></html>"
        let page = directory.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let story = try StoryReader.read(path: page.path)
        #expect(story.paragraphs.map { story.text(of: $0.span) } == Self.article)
    }

    @Test("a page with no article text is one clear error")
    func noArticle() {
        #expect(throws: InputError.noArticle("empty.html")) {
            try StoryReader.story(name: "empty.html", bytes: Array("<html><body><nav><p>Home</p></nav><script>x()</script></body></html>".utf8))
        }
    }

    @Test("email: > quotation marks are removed and the paragraphs rejoin")
    func email() throws {
        let text = """
        > The council approved the new budget on Tuesday after a debate that
        > lasted more than six hours, officials said.
        >
        > Critics said the plan would raise property taxes for most families.
        """
        let story = try StoryReader.story(name: "mail.txt", bytes: Array(text.utf8))
        #expect(story.paragraphs.map { story.text(of: $0.span).replacingOccurrences(of: "\n", with: " ") } == [
            "The council approved the new budget on Tuesday after a debate that lasted more than six hours, officials said.",
            "Critics said the plan would raise property taxes for most families.",
        ])
        #expect(story.warnings == ["mail.txt: removed email quotation marks (>) from 4 lines"])
    }

    @Test("PDF text: words hyphenated at line ends are rejoined; soft hyphens and form feeds handled")
    func pdf() throws {
        let text = """
        The delegations resumed their negotiations in Geneva on Friday, offi-
        cials said, after a pause of several weeks in the talks on the grain
        deal and on the shipping routes through the Black Sea and the Bospo-
        rus, which both sides have called vital for the region's farmers.
        \u{0C}A second page starts a new para\u{AD}graph here, as PDFs often do.
        """
        let story = try StoryReader.story(name: "copy.txt", bytes: Array(text.utf8))
        let paragraphs = story.paragraphs.map { story.text(of: $0.span).replacingOccurrences(of: "\n", with: " ") }
        #expect(paragraphs == [
            "The delegations resumed their negotiations in Geneva on Friday, officials said, after a pause of several weeks in the talks on the grain deal and on the shipping routes through the Black Sea and the Bosporus, which both sides have called vital for the region's farmers.",
            "A second page starts a new paragraph here, as PDFs often do.",
        ])
        #expect(story.warnings == ["copy.txt: removed soft hyphens", "copy.txt: joined 2 words hyphenated at line ends"])
    }

    @Test("seeded random input never crashes the readers, the segmenter or the engine")
    func randomInput() throws {
        var generator = SeededGenerator(seed: 20261122)
        let pieces = ["<p>", "</p>", "<div class=\"share\">", "</div>", "<article>", "<br>", "&amp;", "&#x202E;", "<script>", "Mr.", "U.S.", "Feb. 12",
                      "“", "”", ". ", "? ", "! ", "...", " . . . ", "\n", "\n\n", "\r\n", "\t", "-\n", "> ", "\u{AD}", "\u{0C}", "\u{1B}[31m", "\u{202E}",
                      "中文。", "😀", "e\u{301}", "1,000", "30-day", "Putin", "said", "the", "Kursk", " ", "\u{0}", "\u{FFFD}", "\u{2028}"]
        var runs = 0, crashesAvoided = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) { text += pieces.randomElement(using: &generator)! }
            var bytes = Array(text.utf8)
            if Bool.random(using: &generator), !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            let name = Bool.random(using: &generator) ? "x.html" : "x.txt"
            runs += 1
            guard let story = try? StoryReader.story(name: name, bytes: bytes) else { crashesAvoided += 1; continue }
            for sentence in story.sentences { #expect(story.text(of: sentence.span) == sentence.text) }
            let comparison = Comparer.compare(story, try Fixtures.original)
            _ = HTMLReport.render(comparison, options: ReportOptions())
            _ = MarkdownReport.render(comparison, options: ReportOptions())
            _ = TextReport.render(comparison)
        }
        print("random input: \(runs) inputs, \(crashesAvoided) refused with an error, none crashed")
        #expect(runs == 300)
    }
}

/// A small deterministic generator (SplitMix64), so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
