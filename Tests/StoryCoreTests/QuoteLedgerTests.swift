import Testing
@testable import StoryCore

extension QuoteLedger {
    /// The match holding the one quotation of `side` whose text starts with `prefix`.
    func match(_ side: Side, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> QuoteMatch {
        let found = quotations(side).filter { $0.text.hasPrefix(prefix) }
        try #require(found.count == 1, "\(found.count) quotations of \(side) start with \(prefix)", sourceLocation: sourceLocation)
        return match(side, quotation: found[0].id)
    }

    func quotation(_ side: Side, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Quotation {
        let found = quotations(side).filter { $0.text.hasPrefix(prefix) }
        try #require(found.count == 1, "\(found.count) quotations of \(side) start with \(prefix)", sourceLocation: sourceLocation)
        return found[0]
    }
}

@Suite("Quotes on the sample pair")
struct SampleQuotesTests {
    let comparison: Comparison
    let ledger: QuoteLedger

    init() throws {
        comparison = Comparer.compare(try Fixtures.original, try Fixtures.syndicated)
        ledger = QuoteLedger(comparison, facts: FactLedger(comparison))
    }

    @Test("the rewrite's “For this request …” is expanded from the original's two short quotes")
    func forThisRequest() throws {
        let match = try ledger.match(.b, "For this request to be effectively implemented, the leaders of Ukraine needed to order their military units to lay down their arms and surrender.")
        #expect(match.quoteClass == .expanded)
        #expect(match.side == .b)
        let originals = match.a.map { ledger.quotationsA[$0].text }
        #expect(originals == ["to be effectively implemented,", "military units to lay down their arms and surrender."])
    }

    @Test("“The situation is very difficult,” is expanded from “very difficult.”")
    func veryDifficult() throws {
        let match = try ledger.match(.b, "The situation is very difficult,")
        #expect(match.quoteClass == .expanded)
        #expect(match.side == .b)
        #expect(match.a.map { ledger.quotationsA[$0].text } == ["very difficult."])
    }

    @Test("“the call had yet to be scheduled,” is newly quoted: the original gives it without marks")
    func newlyQuoted() throws {
        let match = try ledger.match(.b, "the call had yet to be scheduled")
        #expect(match.quoteClass == .newlyQuoted)
        #expect(match.side == .b)
        #expect(match.a.isEmpty)
    }

    @Test("“There’s an understanding on both sides …” is verbatim, as part of Peskov's quotation in both")
    func understanding() throws {
        let inA = ledger.quotationsA.filter { $0.text.contains("There’s an understanding on both sides that such a conversation is necessary.") }
        let inB = ledger.quotationsB.filter { $0.text.contains("There’s an understanding on both sides that such a conversation is necessary.") }
        try #require(inA.count == 1 && inB.count == 1)
        let match = ledger.match(.a, quotation: inA[0].id)
        #expect(match.quoteClass == .verbatim)
        #expect(match.b == [inB[0].id])
        // The quotation goes on after "Mr. Peskov said.": one quotation of two segments, spoken by Peskov.
        #expect(inA[0].segments.count == 2)
        #expect(inA[0].speakerName == "Dmitri S. Peskov")
        #expect(inB[0].speakerName == "Dmitri S. Peskov")
    }

    @Test("a quotation split by “he said,” is one quotation; the rewrite's single one is verbatim with it")
    func continued() throws {
        let waltz = try ledger.quotation(.a, "Of course, both sides are going to have their demands,")
        #expect(waltz.segments.count == 2)
        #expect(waltz.speakerName == "Michael Waltz")     // "he said" after "Mr. Waltz … told Fox News"
        #expect(ledger.match(.a, quotation: waltz.id).quoteClass == .verbatim)
        // Zelensky's two sentences: joined across "Mr. Zelensky wrote on social media."
        let zelensky = try ledger.quotation(.a, "Putin cannot get out of this war")
        #expect(zelensky.segments.count == 2 && zelensky.sentences.count == 2)
        #expect(ledger.match(.a, quotation: zelensky.id).quoteClass == .verbatim)
    }

    @Test("the soldier's words: the original quotes more; a dropped quote is missing")
    func lessAndMissing() throws {
        let soldier = try ledger.match(.b, "bad, almost critical,")
        #expect(soldier.quoteClass == .expanded)
        #expect(soldier.side == .a)
        let dropped = try ledger.match(.a, "doing everything possible to ensure that diplomacy fails.")
        #expect(dropped.quoteClass == .missing)
        #expect(dropped.side == .a)
    }

    @Test("speakers as the sentences name them")
    func speakers() throws {
        #expect(try ledger.quotation(.a, "I have strongly requested").speakerName == "Donald Trump")
        #expect(try ledger.quotation(.a, "Aerial attacks").speakerName == "Volodymyr Artiukhin")
        #expect(try ledger.quotation(.b, "Aerial attacks").speakerName == "Volodymyr Artiukhin")
        #expect(try ledger.quotation(.a, "passed along information").speakerName == "Kremlin")
        #expect(try ledger.quotation(.b, "The situation is very difficult").speakerName == "Volodymyr Zelensky")
        #expect(try ledger.quotation(.b, "bad, almost critical").speaker == nil)   // an unnamed soldier
        // No speaker changes on the sample.
        #expect(ledger.count(.speakerChanged) == 0)
    }

    @Test("segments' offsets give back the quoted words")
    func offsets() {
        for (story, quotations) in [(comparison.a, ledger.quotationsA), (comparison.b, ledger.quotationsB)] {
            for quotation in quotations {
                #expect(quotation.segments.map { story.text(of: $0) }.joined(separator: " … ") == quotation.text)
                let outer = story.text(of: quotation.span)
                #expect(outer.first == "“" && (outer.last == "”" || outer.last == "."))
            }
        }
    }
}

@Suite("Quotes on made-up stories")
struct MadeUpQuotesTests {
    func ledger(_ a: String, _ b: String) -> QuoteLedger {
        let comparison = compare(a, b)
        return QuoteLedger(comparison, facts: FactLedger(comparison))
    }

    @Test("verbatim, with straight quotes on one side")
    func verbatim() throws {
        let l = ledger("“We will rebuild the school,” Mayor Ana Lopes said on Monday.",
                       "\"We will rebuild the school,\" Lopes said.")
        let match = try l.match(.a, "We will rebuild the school")
        #expect(match.quoteClass == .verbatim)
        #expect(l.quotationsB[match.b[0]].speakerName == "Ana Lopes")
    }

    @Test("altered: words changed inside the marks")
    func altered() throws {
        let l = ledger("“We will never accept these terms from the company,” the union leader Maria Costa said.",
                       "“We will not accept the terms of the company,” the union leader Maria Costa said.")
        #expect(try l.match(.a, "We will never accept").quoteClass == .altered)
    }

    @Test("expanded: the rewrite quotes words the original gave without marks")
    func expanded() throws {
        let l = ledger("The mayor said the budget was “simply not enough” for the city next year.",
                       "“The budget is simply not enough for the city,” the mayor said.")
        let match = try l.match(.b, "The budget is simply not enough")
        #expect(match.quoteClass == .expanded)
        #expect(match.side == .b)
    }

    @Test("newly quoted: the rewrite puts the original's words in quotation marks")
    func newlyQuoted() throws {
        let l = ledger("The mayor said the bridge over the river would reopen in May after repairs.",
                       "The mayor said “the bridge over the river would reopen in May” after repairs.")
        let match = try l.match(.b, "the bridge over the river")
        #expect(match.quoteClass == .newlyQuoted)
        #expect(match.side == .b)
    }

    @Test("missing: a quotation only one version has")
    func missing() throws {
        let l = ledger("The plant will close in June. “This is a sad day for the town,” the manager said.",
                       "The plant will close in June.")
        let match = try l.match(.a, "This is a sad day")
        #expect(match.quoteClass == .missing)
        #expect(match.side == .a)
    }

    @Test("speaker changed: the same words given to another person")
    func speakerChanged() throws {
        let l = ledger("“We need more time to count the votes,” Mr. Smith said after the meeting.",
                       "“We need more time to count the votes,” Ms. Jones said after the meeting.")
        let match = try l.match(.a, "We need more time")
        #expect(match.quoteClass == .speakerChanged)
        #expect(match.wording == .verbatim)
        #expect(l.quotationsA[match.a[0]].speakerName == "Smith")
        #expect(l.quotationsB[match.b[0]].speakerName == "Jones")
    }

    @Test("a quotation across paragraphs, and one that goes on after “she said,”")
    func spanning() throws {
        let story = """
            “The river rose faster than anyone expected,” said Captain Ines Moura. “We moved families out at night.

            “By morning the bridge was gone,” she added, “and the village was cut off.”
            """
        let l = ledger(story, story)
        #expect(l.quotationsA.count == 1)
        let quotation = l.quotationsA[0]
        #expect(quotation.segments.count == 4)
        #expect(quotation.speakerName == "Ines Moura")
        #expect(l.matches[0].quoteClass == .verbatim)
    }

    @Test("a quotation inside hostile text is found without harm")
    func hostile() throws {
        let l = ledger("He said “<script>alert(1)</script> \u{1B}[31m red \u{202E}reversed” today.", "Nothing here.")
        #expect(l.quotationsA.count == 1)
        #expect(l.matches.first?.quoteClass == .missing)
    }
    @Test("speakers a story describes rather than names: the pilot, the current president, police, rescue officials")
    func describedSpeakers() throws {
        let l = ledger("""
            “Brace! Brace! Brace!”, the pilot announced over the speakers.

            The current president, , said the arrest was “unnecessary”.

            “Both men have been cooperative,” said Swedish police in a statement.

            “The earthquake has left two people dead,” Reuters quoted rescue officials as saying.
            """, "Nothing.")
        #expect(try l.quotation(.a, "Brace!").speakerName == "the pilot")
        #expect(try l.quotation(.a, "unnecessary").speakerName == "The current president")
        #expect(try l.quotation(.a, "Both men").speakerName == "Swedish police")
        #expect(try l.quotation(.a, "The earthquake").speakerName == "rescue officials")
    }

    @Test("the speaker, not the name near the verb: a coach's name after the possessive, a person from a firm, a relative clause, a passive")
    func speakersNearOtherNames() throws {
        let l = ledger("""
            Jack Marsh swam the bay. “He is that one in ten million,” said Marsh's coach, Joe Zemaitis.

            Tim Evans from Citigroup Futures said he believes “that this fire is creating a push in the market.”

            Vince Cable, whose party suffered from the increase in Labour's popularity said “an enormous can of worms had been opened”.

            The check was described by CNN as a “routine” search.

            The document “reflects the broad effort under way” according to an NSC spokesman Frederick Jones.

            “The patients were freed Friday,” Myint Thein of the National League for Democracy (NLD) was quoted as saying by Reuters.

            “We will appeal,” said Democratic Senator for Vermont, Patrick J. Leahy.
            """, "Nothing.")
        #expect(try l.quotation(.a, "He is that one").speakerName == "Joe Zemaitis")
        #expect(try l.quotation(.a, "that this fire").speakerName == "Tim Evans")
        #expect(try l.quotation(.a, "an enormous can").speakerName == "Vince Cable")
        #expect(try l.quotation(.a, "routine").speakerName == "CNN")
        #expect(try l.quotation(.a, "reflects the broad").speakerName == "Frederick Jones")
        #expect(try l.quotation(.a, "The patients were freed").speakerName == "Myint Thein")
        #expect(try l.quotation(.a, "We will appeal").speakerName == "Patrick J. Leahy")
    }

    @Test("no speaker for a quotation that is the topic of a report, or in a clause before the main one; an outlet only when no one is named")
    func notSpeakers() throws {
        let l = ledger("""
            As reporter Rico Shen reported on the recent “photo scandal” incident, the chairman commented.

            Fire inspector Frank Garrido described the problem as “a blowtorch we can't get in front of,” according to The New York Times.

            The bill allows a so called “Romeo and Juliet exception” for teenagers.
            """, "Nothing.")
        #expect(try l.quotation(.a, "photo scandal").speakerName == nil)
        #expect(try l.quotation(.a, "a blowtorch").speakerName == "Frank Garrido")
        #expect(try l.quotation(.a, "Romeo and Juliet").speakerName == nil)
    }

    @Test("a continuation never crosses a new sentence or a new speaker's verb (family 9)")
    func continuationStops() throws {
        let l = ledger("""
            The church said it was “confident” justice would be done. The President stated: “We are in a fierce battle.”

            A check of the website states “We have shut down access.” An article in the Mail states that taxpayers “can wait for the service.”
            """, "Nothing.")
        #expect(l.quotationsA.count == 4)
        #expect(try l.quotation(.a, "We are in a fierce").speakerName == "The President")
        // "“…,” Mr. Zelensky said. “…”" still goes on: the point of "Mr." ends nothing.
        let on = ledger("“We will hold,” Mr. Olek Marchenko said. “The line is safe.”", "Nothing.")
        #expect(on.quotationsA.count == 1)
    }

    @Test("a quotation one version repeats is one quote with the matched sentence's twin; the other occurrence is newly quoted (family 9)")
    func repeatedQuotation() throws {
        let l = ledger("""
            Interpol has issued an “Orange Notice” for the leader of the group. After the Orange Notice was released, his picture was sent out.
            """, """
            Interpol has issued an “Orange Notice” for the leader of the group. After the “Orange Notice” was released, his picture was sent out.
            """)
        let first = try #require(l.quotationsB.first)
        let second = try #require(l.quotationsB.last)
        #expect(l.quotationsB.count == 2)
        #expect(l.match(.b, quotation: first.id).quoteClass == .verbatim)
        #expect(l.match(.b, quotation: second.id).quoteClass == .newlyQuoted)
    }

    @Test("a reworded quotation is one altered quote, not two missing ones (family 9)")
    func rewordedQuotation() throws {
        let l = ledger("“It was a real adventure for all of us on the boat,” said Captain Ines Moura.",
                       "“It was an adventure for all of us on the boat,” said Captain Ines Moura.")
        #expect(l.matches.count == 1)
        #expect(l.matches.first?.quoteClass == .altered)
    }
}
