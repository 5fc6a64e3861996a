import Testing
@testable import StoryCore

@Suite("Reading stories")
struct ReadingTests {
    @Test("sample paragraphs: blank-line separated and one per line, with exact roles")
    func sampleRoles() throws {
        let original = try Fixtures.original
        #expect(original.paragraphs.count == 32)
        var expected = [ParagraphRole](repeating: .body, count: 32)
        expected[28] = .credit
        expected[29] = .boilerplate; expected[30] = .boilerplate; expected[31] = .boilerplate
        #expect(original.paragraphs.map(\.role) == expected)
        #expect(original.text(of: original.paragraphs[28].span) == "Marc Santora contributed reporting from Dnipro, Ukraine.")
        #expect(original.paragraphs[29...].map { original.text(of: $0.span) } == ["Source link", "Leave A Reply", "Exit mobile version"])

        let syndicated = try Fixtures.syndicated
        #expect(syndicated.paragraphs.count == 22)
        var roles = [ParagraphRole](repeating: .body, count: 22)
        roles[0] = .headline
        for index in [1, 2, 3, 19, 20, 21] { roles[index] = .boilerplate }
        #expect(syndicated.paragraphs.map(\.role) == roles)
        #expect(syndicated.title == "Putin demands Ukrainian troops in Kursk surrender amid cease-fire talks – World News Network")
        #expect(syndicated.paragraphs[19...].map { syndicated.text(of: $0.span).prefix(20) } == ["Disclaimer: This sto", "Share This Article", "Leave a comment"])
    }

    @Test("sample sentences: exact counts; Peskov, Feb. 12, U.S. and Mr. Putin never end a sentence")
    func sampleSentences() throws {
        let original = try Fixtures.original, syndicated = try Fixtures.syndicated
        #expect(original.sentences.count == 46)
        #expect(syndicated.sentences.count == 38)
        for story in [original, syndicated] {
            for sentence in story.sentences {
                for bad in [" S.", " Feb.", " U.S.", " Mr."] { #expect(!sentence.text.hasSuffix(bad), "\(sentence.text)") }
                // Offsets point at the sentence's own text.
                #expect(story.text(of: sentence.span) == sentence.text)
            }
        }
        _ = try original.sentence(startingWith: "Dmitri S. Peskov, Mr. Putin’s spokesman, suggested on Friday")
        _ = try original.sentence(startingWith: "The two leaders are last known to have spoken on Feb. 12.")
        _ = try original.sentence(startingWith: "Mr. Waltz, the U.S. national security adviser, told Fox News")
        _ = try syndicated.sentence(startingWith: "Dmitri S. Peskov, Putin’s spokesman, indicated")
    }

    @Test("hard-wrapped prose rejoins into paragraphs; short lines and lists stay apart")
    func hardWrapped() {
        let text = """
        The Ukrainian authorities on Friday ordered several villages in the Sumy
        region, across the border from Kursk, to evacuate amid fears that the
        fighting could spill over into the region.
        Officials said the order covered eight villages and would last a week.

        Mr. Witkoff, who is officially the president's Middle East envoy, has
        also taken on a key role as an interlocutor with Russia.
        1. First point of the list
        2. Second point of the list
        """
        let story = StoryReader.story(name: "wrapped.txt", text: text)
        let paragraphs = story.paragraphs.map { story.text(of: $0.span).replacingAll("\n", with: " ") }
        #expect(paragraphs == [
            "The Ukrainian authorities on Friday ordered several villages in the Sumy region, across the border from Kursk, to evacuate amid fears that the fighting could spill over into the region.",
            "Officials said the order covered eight villages and would last a week.",
            "Mr. Witkoff, who is officially the president's Middle East envoy, has also taken on a key role as an interlocutor with Russia.",
            "1. First point of the list",
            "2. Second point of the list",
        ])
    }

    @Test("a word wrapped alone onto its own line stays in its sentence; a short line that ends one stays apart")
    func strandedWord() {
        let text = "The council voted to close the bridge over the river and\nreopen\nit next year after the repairs are done, the mayor said.\n\nBridge closes\nthe mayor said on Monday.\nShort title\nAnother line here."
        let story = StoryReader.story(name: "stranded.txt", text: text)
        let paragraphs = story.paragraphs.map { story.text(of: $0.span).replacingAll("\n", with: " ") }
        #expect(paragraphs == [
            "The council voted to close the bridge over the river and reopen it next year after the repairs are done, the mayor said.",
            "Bridge closes", "the mayor said on Monday.", "Short title", "Another line here.",
        ])
        #expect(story.sentences.first?.text.hasSuffix("the mayor said.") == true)
    }

    @Test("LF, CRLF and CR line ends give the same paragraphs")
    func lineEnds() throws {
        let lf = "Headline of the story here\n\nFirst paragraph. It has two sentences.\n\nSecond paragraph."
        let stories = [lf, lf.replacingAll("\n", with: "\r\n"), lf.replacingAll("\n", with: "\r")].map {
            StoryReader.story(name: "x", text: $0)
        }
        let texts = stories.map { story in story.sentences.map(\.text) }
        #expect(texts[0] == ["Headline of the story here", "First paragraph.", "It has two sentences.", "Second paragraph."])
        #expect(texts[1] == texts[0])
        #expect(texts[2] == texts[0])
        #expect(stories[0].paragraphs.first?.role == .headline)
    }

    @Test("decoding: BOMs, UTF-16 both ways, invalid UTF-8 replaced or read as windows-1252 with a warning, NUL bytes rejected")
    func decoding() throws {
        let text = "Kyiv’s troops — “very difficult.”"
        let utf8 = Array(text.utf8)
        #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + utf8, name: "x").text == text)
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try TextDecoder.decode(little, name: "x").text == text)
        #expect(try TextDecoder.decode(big, name: "x").text == text)
        // Mostly UTF-8 with a stray byte: the byte becomes U+FFFD, with a warning.
        let invalid = try TextDecoder.decode(Array("Kyiv’s caf".utf8) + [0xE9] + Array(" au lait".utf8), name: "menu.txt")
        #expect(invalid.text == "Kyiv’s caf\u{FFFD} au lait")
        #expect(invalid.warnings == ["menu.txt: not valid UTF-8; 1 byte sequence replaced with U+FFFD"])
        // No valid UTF-8 at all: a legacy 8-bit file, read as windows-1252, with a warning.
        let legacy = try TextDecoder.decode(Array("caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x35], name: "old.txt")
        #expect(legacy.text == "café “q” €5")
        #expect(legacy.warnings == ["old.txt: not UTF-8 and no encoding declared; read as windows-1252"])
        #expect(throws: InputError.binary("blob")) { try TextDecoder.decode([0x41, 0x00, 0x42], name: "blob") }
    }

    @Test("input with nothing to compare is rejected with a reason naming the file")
    func nothingToCompare() {
        #expect(throws: InputError.empty("blank.txt")) { try StoryReader.story(name: "blank.txt", bytes: Array("  \n\n \t\n".utf8)) }
        #expect(throws: InputError.onlyBoilerplate("chrome.txt")) {
            try StoryReader.story(name: "chrome.txt", bytes: Array("Share This Article\n\nLeave a comment\n\n3 min read\n\nAdvertisement".utf8))
        }
    }

    @Test("boilerplate rules are general: other sites' chrome words")
    func otherChrome() {
        let text = """
        Storm closes schools across the region

        thedailyreporter.com
        Subscribe to our newsletter
        Listen to this article
        4 minute read

        Schools across the region closed on Monday as the storm arrived.

        Follow us on Twitter
        Advertisement
        Read more
        Related Articles
        Reporting by Jane Doe; Editing by John Roe
        """
        let story = StoryReader.story(name: "x", text: text)
        #expect(story.paragraphs.map(\.role) == [
            .headline, .boilerplate, .boilerplate, .boilerplate, .boilerplate, .body,
            .boilerplate, .boilerplate, .boilerplate, .boilerplate, .credit,
        ])
    }

    @Test("bylines and datelines standing alone")
    func bylineAndDateline() {
        let story = StoryReader.story(name: "x", text: "Talks resume in Geneva\n\nBy Anna Smith and Ben Jones\n\nMarch 15, 2025\n\nTalks resumed on Friday in Geneva.")
        #expect(story.paragraphs.map(\.role) == [.headline, .byline, .dateline, .body])
    }
}

extension String {
    /// Every occurrence of one character replaced (to make variants of a story's text).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
