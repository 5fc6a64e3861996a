import Testing
@testable import StoryCore

extension FactLedger {
    /// The one fact whose label or a mention reads `text` (fails the test if none).
    func fact(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Fact {
        let found = facts.filter { $0.label == text || ($0.a + $0.b).contains { $0.text == text } }
        try #require(found.count == 1, "\(found.count) facts read \(text)", sourceLocation: sourceLocation)
        return found[0]
    }
}

@Suite("Facts ledger on the sample pair")
struct SampleFactsTests {
    let comparison: Comparison
    let ledger: FactLedger

    init() throws {
        comparison = Comparer.compare(try Fixtures.original, try Fixtures.syndicated)
        ledger = FactLedger(comparison)
    }

    @Test("Feb. 12 is only in the original, in its own sentence")
    func february() throws {
        let fact = try ledger.fact("Feb. 12")
        #expect(fact.kind == .date)
        #expect(fact.status == .onlyA)
        let sentence = try comparison.a.sentence(startingWith: "The two leaders are last known to have spoken on Feb. 12.")
        #expect(fact.a.map(\.sentence) == [sentence])
    }

    @Test("the New York Times is only in the rewrite, at each of its added attributions")
    func newYorkTimes() throws {
        let fact = try ledger.fact("New York Times")
        #expect(fact.kind == .organisation)
        #expect(fact.status == .onlyB)
        #expect(fact.b.count == 3)
        for mention in fact.b {
            #expect(comparison.b.sentences[mention.sentence].text.contains("the New York Times reported") || comparison.b.sentences[mention.sentence].text.contains("reported the New York Times"))
        }
    }

    @Test("30-day is in both; Facebook only in the original")
    func thirtyDayAndFacebook() throws {
        let truce = try ledger.fact("30-day")
        #expect(truce.kind == .number)
        #expect(truce.status == .both)
        #expect(truce.a.count == 2 && truce.b.count == 1)
        let facebook = try ledger.fact("Facebook")
        #expect(facebook.status == .onlyA)
        #expect(facebook.kind == .organisation)
    }

    @Test("Zelensky and Zelenskyy are one person; so are Mr. Putin, Putin and Vladimir V. Putin; U.S. and US are one place")
    func variants() throws {
        let zelensky = try ledger.fact("Zelensky")
        #expect(zelensky.kind == .person)
        #expect(zelensky.status == .both)
        #expect(zelensky.b.map(\.text) == ["Volodymyr Zelenskyy"])
        #expect(zelensky.a.contains { $0.text == "Volodymyr Zelensky" })
        let putin = try ledger.fact("Vladimir V. Putin")
        #expect(putin.kind == .person)
        #expect(Set(putin.variants).isSuperset(of: ["Putin", "Vladimir Putin"]))
        let us = try ledger.fact("United States")
        #expect(us.kind == .place)
        #expect((us.a + us.b).contains { $0.text == "U.S." } && us.b.contains { $0.text == "US" })
    }

    @Test("counts and times that both keep, and what only the original says")
    func counts() throws {
        #expect(try ledger.fact("eight villages").status == .both)
        #expect(try ledger.fact("three hours").status == .both)
        #expect(try ledger.fact("last summer").status == .both)
        #expect(try ledger.fact("more than a million soldiers").status == .onlyA)
        #expect(try ledger.fact("three years ago").status == .onlyA)
        #expect(try ledger.fact("March 15").status == .onlyB)
        // The rewrite changed no value: nothing is paired as a change.
        #expect(ledger.count(.changed) == 0)
    }

    @Test("ordinary capitalised words are not names: sentence openers, demonyms, titles")
    func notNames() throws {
        let labels = Set(ledger.facts.map(\.label))
        for word in ["Battles", "Still", "Independent", "Russian", "Ukrainian", "Russians", "President", "Mr.", "The", "Both", "Following"] {
            #expect(!labels.contains(word), "\(word) is not a name")
        }
    }

    @Test("every mention's offsets give back its text")
    func offsets() {
        for fact in ledger.facts {
            for mention in fact.a { #expect(comparison.a.text(of: mention.span) == mention.text) }
            for mention in fact.b { #expect(comparison.b.text(of: mention.span) == mention.text) }
        }
    }
}

@Suite("Facts ledger on made-up stories")
struct MadeUpFactsTests {
    @Test("clock times are one fact each, in 24-hour form: 12:43 a.m. = 0043, 9 p.m. = 21:00; a year stays a year")
    func clockTimes() throws {
        let comparison = compare(
            "The alarm sounded at 12:43 a.m. on Monday.\n\nThe last train left at 9 p.m. and the ferry at 06:00 GMT.\n\nThe bridge was built in 1930.",
            "The alarm sounded at 0043 on Monday.\n\nThe last train left at 21:00 and the ferry at 0600 GMT.\n\nThe bridge was built in 1930.")
        let ledger = FactLedger(comparison)
        let alarm = try ledger.fact("12:43 a.m.")
        #expect(alarm.kind == .time && alarm.key == "time:00:43" && alarm.status == .both)
        #expect(alarm.b.map(\.text) == ["0043"])
        #expect(try ledger.fact("9 p.m.").status == .both)
        #expect(try ledger.fact("06:00 GMT").key == "time:06:00")
        // No fragments: "12" and "43 a.m." were two counts.
        #expect(!ledger.facts.contains { $0.kind == .number })
        #expect(try ledger.fact("1930").kind == .date)
        // A changed time in matched sentences is a change.
        let changed = FactLedger(compare("The alarm sounded at 12:43 a.m. on Monday in the town.", "The alarm sounded at 1:43 a.m. on Monday in the town."))
        #expect(try changed.fact("12:43 a.m.").status == .changed)
    }

    @Test("dates with ordinal days and a comma before the year are one date each; 9th and 19th differ")
    func ordinalDates() throws {
        let ledger = FactLedger(compare(
            "The treaty was signed on 9th October 2006 in Geneva.\n\nThe talks ended on 17 October, 2013, after a long week.",
            "The treaty was signed on 19th October 2006 in Geneva.\n\nThe talks ended on 17 October 2013 after a long week."))
        let signed = try ledger.fact("9th October 2006")
        #expect(signed.key == "date:2006-10-09" && signed.status == .changed)
        let ended = try ledger.fact("17 October, 2013")
        #expect(ended.key == "date:2013-10-17" && ended.status == .both)
        #expect(!ledger.facts.contains { $0.key == "date:2013" })
    }

    @Test("a count counts the head of its noun phrase; a number in a name or a model counts nothing")
    func countedNouns() throws {
        let ledger = FactLedger(compare(
            "Officials said over 3 million web pages were copied.\n\nThe ship sank 274 nautical miles off the coast.\n\nThe bank made 68 commercial loans last year.\n\nA Cessna 150 suffered engine failure near the airfield, and tier 2 schools closed.\n\nPolice said 30 officers arrested protesters.",
            "Officials said over 3 million pages were copied.\n\nThe ship sank 274 miles off the coast.\n\nThe bank made 68 loans last year.\n\nA Cessna 150 had engine failure near the airfield, and tier 2 schools closed.\n\nPolice said 30 officers detained protesters."))
        #expect(try ledger.fact("over 3 million web pages").key == "number:3000000 page")
        #expect(try ledger.fact("274 nautical miles").key == "number:274 mile")
        #expect(try ledger.fact("68 commercial loans").status == .both)
        #expect(try ledger.fact("30 officers").key == "number:30 offic")
        #expect(!ledger.facts.contains { $0.kind == .number && ($0.key.hasPrefix("number:150") || $0.key.hasPrefix("number:2 ")) })
        #expect(!ledger.facts.contains { $0.status == .onlyA || $0.status == .onlyB || $0.status == .changed })
        // A title-case headline's count still counts.
        let headline = FactLedger(compare("Storm Kills 12 In Texas\n\nThe storm hit on Monday.", "Storm Kills 14 In Texas\n\nThe storm hit on Monday."))
        #expect(headline.facts.contains { $0.key.hasPrefix("number:12") })
    }

    @Test("a sentence-opening word WordNet knows is not a name unless the story capitalises it elsewhere")
    func ordinaryOpeners() throws {
        let ledger = FactLedger(compare(
            "Students protested outside the ministry on Monday.\n\nSnooker is popular in Sheffield, officials said.\n\nTrump said the talks went well. Later, Trump left.",
            "Pupils protested outside the ministry on Monday.\n\nSnooker is loved in Sheffield, officials said.\n\nTrump said the talks went well. Later, Trump left."))
        #expect(!ledger.facts.contains { $0.kind.isName && ["Students", "Pupils", "Snooker"].contains($0.label) })
        // An acronym after a bracket stays a name, though WordNet has "ani" (a bird).
        let agency = FactLedger(compare("Moscow, March 15 (ANI): The talks resumed.", "Moscow, March 15: The talks resumed."))
        #expect(try agency.fact("ANI").status == .onlyA)
        #expect(try ledger.fact("Sheffield").status == .both)
        // "Trump" opens two sentences, but the story also writes it capitalised after a comma.
        let trump = try ledger.fact("Trump")
        #expect(trump.a.count == 2 && trump.status == .both)
    }

    @Test("a hyphenated modifier gives its name part: Senate-drafted, Republican-dominated House, Kyiv-based")
    func hyphenatedModifiers() throws {
        let ledger = FactLedger(compare(
            "The Senate-drafted bill passed on Monday.\n\nThe Republican-dominated House voted against it, a Kyiv-based group said.",
            "The bill drafted by the Senate passed on Monday.\n\nThe House, dominated by Republicans, voted against it, a group in Kyiv said."))
        let senate = try ledger.fact("Senate")
        #expect(senate.status == .both && senate.a.map(\.text) == ["Senate"])
        #expect(try ledger.fact("House").status == .both)
        #expect(try ledger.fact("Kyiv").status == .both)
        #expect(!ledger.facts.contains { $0.label.contains("-") })
    }

    @Test("half a million is 500,000")
    func half() throws {
        let ledger = FactLedger(compare("Prices rose by half a million dollars, the minister said.",
                                        "Prices rose by 500,000 dollars, the minister said."))
        let rise = try ledger.fact("half a million dollars")
        #expect(rise.key == "money:USD 500000" && rise.status == .both)
    }

    @Test("money with the multiplier on the figure, and dozens: $24bn = $24 billion, two dozen = 24")
    func amountsAndDozens() throws {
        let ledger = FactLedger(compare(
            "The company paid $24bn for the port.\n\nStorms damaged about two dozen homes on the coast.\n\nThe fund lent €3.5m to farmers.",
            "The company paid $24 billion for the port.\n\nStorms damaged about 24 homes on the coast.\n\nThe fund lent 3.5 million euros to farmers."))
        let port = try ledger.fact("$24bn")
        #expect(port.kind == .money && port.key == "money:USD 24000000000" && port.status == .both)
        let homes = try ledger.fact("about two dozen homes")
        #expect(homes.key == "number:24 home" && homes.status == .both)
        #expect(try ledger.fact("€3.5m").status == .both)
    }

    @Test("a day, a count, an amount, a percentage and a person changed in matched sentences")
    func changes() throws {
        let a = """
            The council approved the plan on Friday after a vote in the town hall.

            The flood forced the evacuation of eight villages along the river valley.

            The repairs will cost $5 million and raise local taxes by 12% next year.

            Mr. Lavrov said the negotiations over the border would resume in Geneva.
            """
        let b = """
            The council approved the plan on Thursday after a vote in the town hall.

            The flood forced the evacuation of six villages along the river valley.

            The repairs will cost $7 million and raise local taxes by 15 percent next year.

            Mr. Peskov said the negotiations over the border would resume in Geneva.
            """
        let comparison = compare(a, b)
        let ledger = FactLedger(comparison)
        func change(_ from: String) throws -> String {
            let fact = try ledger.fact(from)
            try #require(fact.status == .changed, "\(from) is \(fact.status)")
            return ledger.facts[try #require(fact.changedWith)].b.first!.text
        }
        #expect(try change("Friday") == "Thursday")
        #expect(try change("eight villages") == "six villages")
        #expect(try change("$5 million") == "$7 million")
        #expect(try change("12%") == "15 percent")
        #expect(try change("Lavrov") == "Peskov")
        #expect(try ledger.fact("Geneva").status == .both)
        #expect(try ledger.fact("next year").status == .both)
    }

    @Test("a value only one version has, outside any matched pair, is only in that version")
    func onlyInOne() throws {
        let comparison = compare(
            "The mayor opened the bridge on Monday.\n\nIt cost 40 million euros, officials said.",
            "The mayor opened the bridge on Monday.\n\nTraffic was light in Lisbon.")
        let ledger = FactLedger(comparison)
        #expect(try ledger.fact("40 million euros").status == .onlyA)
        #expect(try ledger.fact("40 million euros").kind == .money)
        #expect(try ledger.fact("Lisbon").status == .onlyB)
        #expect(try ledger.fact("Monday").status == .both)
    }

    @Test("spelling variants are one entity: U.S. / US / United States, Zelensky / Zelenskyy, Mr. Smith / John Smith")
    func entities() throws {
        let comparison = compare(
            "President Volodymyr Zelensky met John Smith in Kyiv. The U.S. sent aid, Mr. Smith said.",
            "Zelenskyy met Smith in Kyiv. The United States sent aid, Smith said, and the US will send more.")
        let ledger = FactLedger(comparison)
        #expect(try ledger.fact("Zelenskyy").status == .both)
        #expect(try ledger.fact("John Smith").b.count == 2)
        let us = try ledger.fact("United States")
        #expect(us.a.count == 1 && us.b.count == 2)
    }

    @Test("two people with one surname stay two")
    func namesakes() throws {
        let comparison = compare("Donald Trump spoke first. Melania Trump spoke later.", "Donald Trump spoke first.")
        let ledger = FactLedger(comparison)
        #expect(try ledger.fact("Melania Trump").status == .onlyA)
        #expect(try ledger.fact("Donald Trump").status == .both)
    }
    @Test("a fact spelt another way is one fact: case, hyphens, spacing, figures and words (family 1–3)")
    func respellings() throws {
        let comparison = compare(
            "The runner tested positive for Meldonium after the Women's 10 km Sprint. The World Anti Doping Agency banned it. "
                + "The coach signed a 7 figure contract for a 10 season stay. Nearly 300 people gather each day at BingDian square. "
                + "The storm left 500,000 people without power.",
            "The runner tested positive for meldonium after the women's 10 km sprint. The World Anti-Doping Agency banned it. "
                + "The coach signed a seven-figure contract for a 10-season stay. Each day nearly 300 people gather at Bing Dian square. "
                + "The storm left 500,000 others without power.")
        let ledger = FactLedger(comparison)
        #expect(ledger.differences.isEmpty, "\(ledger.differences.map { "\($0.status) \($0.label)" })")
    }

    @Test("a city written in lower case in the other version is not named there; an ordinary word is")
    func lowerCasedPlace() throws {
        let ledger = FactLedger(compare("The Social Democrats lead in Split with 29% of votes.",
                                        "The Social Democrats lead in split with 29% of votes."))
        #expect(try ledger.fact("Split").status == .onlyA)
        let drink = FactLedger(compare("He wanted to buy a bottle of Champagne for the pilot.", "He wanted to buy a bottle of champagne for the pilot."))
        #expect(drink.differences.isEmpty)
    }

    @Test("a figure the facing sentence writes as an ordinal or a word is the same fact, even when the sentences do not match")
    func figuresInOtherWords() throws {
        let ledger = FactLedger(compare(
            "The second driver came only 6 in his final attempt at the track.\n\nHe was carrying 3 bags, a knife, and another tool.",
            "The second driver came only 6th in his final attempt at the track.\n\nHe was carrying three bags: a red one, a blue one and a black one."))
        #expect(ledger.differences.isEmpty, "\(ledger.differences.map(\.label))")
    }

    @Test("a typo fixed in a name is a variant, not a changed person; a name in another order is the same name (family 4, 6)")
    func nameVariants() throws {
        let ledger = FactLedger(compare(
            "League chief Andrew Demitriew read out the votes. Panels were led by Ana Ruiz (ISOC Lisbon Chapter Chair).",
            "League chief Andrew Demetriou read out the votes. Panels were led by Ana Ruiz (Lisbon Chapter Chair of ISOC)."))
        #expect(ledger.differences.isEmpty, "\(ledger.differences.map { "\($0.status) \($0.label)" })")
        let person = try ledger.fact("Andrew Demitriew")
        #expect(person.status == .both && person.variants.contains("Andrew Demetriou"))
        // A different surname is still a change.
        let changed = FactLedger(compare("League chief Andrew Smith read out the votes.", "League chief Andrew Jones read out the votes."))
        #expect(try changed.fact("Andrew Smith").status == .changed)
    }

    @Test("kinds: a war, a stadium, a newspaper and a compass-named region are not people; acronyms side by side are two names (family 8)")
    func kinds() throws {
        let ledger = FactLedger(compare(
            "The veterans marched from India Gate to the National Stadium to remember the 1971 Indo-Pakistan War. "
                + "In an interview with The Morning Paper, a guide from East Timor said CRA IT staff had helped.",
            "The veterans marched."))
        #expect(try ledger.fact("India Gate").kind == .place)
        #expect(try ledger.fact("National Stadium").kind == .place)
        #expect(try ledger.fact("Indo-Pakistan War").kind == .name)
        #expect(try ledger.fact("Morning Paper").kind == .organisation)
        #expect(try ledger.fact("East Timor").kind == .place)
        #expect(try ledger.fact("CRA").status == .onlyA)
        #expect(try ledger.fact("IT").status == .onlyA)
    }

    @Test("names do not run on: District of Columbia Jeffrey Taylor is a place and a person, Bank of England Governor Andrew Bailey a bank and a person; Tien-lai stays in the name (family 4)")
    func namesThatRunOn() throws {
        let ledger = FactLedger(compare(
            "The findings were released by the attorney for the District of Columbia Jeffrey Taylor. Tony Tien-lai Teng commented.",
            "The findings were released."))
        #expect(try ledger.fact("District of Columbia").status == .onlyA)
        #expect(try ledger.fact("Jeffrey Taylor").kind == .person)
        #expect(try ledger.fact("Tony Tien-lai Teng").kind == .person)
        // Words that end as an organisation stay one name; a person after them does not.
        let committee = FactLedger(compare("She chairs the Bank of England Monetary Policy Committee. The Bank of England Governor Andrew Bailey spoke.", "She chairs it."))
        #expect(try committee.fact("Bank of England Monetary Policy Committee").kind == .organisation)
        #expect(try committee.fact("Andrew Bailey").kind == .person)
    }

    @Test("a date run into the weekday before it is the same date (family 7)")
    func gluedDate() throws {
        let ledger = FactLedger(compare("The ship was damaged in the storms on ThursdayJanuary 18 2007 off the coast.",
                                        "The ship was damaged in the storms of Thursday, 18 January 2007 off the coast."))
        #expect(ledger.differences.isEmpty, "\(ledger.differences.map { "\($0.status) \($0.label)" })")
    }
    @Test("a changed age and a camel-case name inside matched sentences are differences")
    func agesAndCamelCase() throws {
        let ledger = FactLedger(compare("The suspect, a 25-year-old man from Leeds, sold the goods on eBay last week.",
                                        "The suspect, a 26-year-old man from Leeds, sold the goods on Amazon last week."))
        let age = try ledger.fact("25-year-old")
        #expect(age.status == .changed && age.kind == .number)
        #expect(try ledger.fact("eBay").status == .onlyA)
        #expect(try ledger.fact("Leeds").status == .both)
    }
}
