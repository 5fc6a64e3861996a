import Foundation

/// A word or mark of a sentence as the fact rules see it.
struct FactWord {
    var span: TextSpan
    var raw: String
    var key: String
    var isWord: Bool
    var isCapitalised: Bool
    var isDigits: Bool
}

/// A date, number, amount or name found in one sentence, before the two stories are compared.
struct FoundFact {
    var kind: FactKind
    /// The normalised value (empty for names: the entity index gives them theirs).
    var key: String
    var text: String
    var span: TextSpan
    var sentence: Int
    var name: NameMention?
}

/// A capitalised name as written, with what the words around it say about it.
struct NameMention {
    /// Folded words of the name without titles, possessives or initials' dots ("vladimir", "v", "putin").
    var parts: [String]
    var display: String
    var titled: Bool
    var hasInitial: Bool
    /// Only seen as the first word of a sentence: it may be an ordinary word ("Battles have…").
    var sentenceInitialSingle: Bool
    /// What the surrounding words suggest: "in Kursk", "the Sumy region".
    var hint: FactKind?
}

/// Finds the facts a reader checks in each sentence, by rules over the words.
enum FactExtractor {
    /// `inside`: words capitalised inside sentences of either version (a name one version puts
    /// first in a sentence is still a name there).
    static func facts(in story: Story, capitalisedInside inside: Set<String>) -> [FoundFact] {
        var found: [FoundFact] = []
        for sentence in story.sentences where sentence.role.isCompared {
            found += facts(in: sentence, of: story, capitalisedInside: inside)
        }
        return found
    }

    /// Words the story writes with a capital inside a sentence (after another word): a word
    /// that opens a sentence is a name only if WordNet does not know it as an ordinary word
    /// ("Students", "Snooker") or the story also capitalises it where no sentence starts
    /// ("Trump … said Trump"). Only the keys are kept.
    static func capitalisedInside(_ story: Story) -> Set<String> {
        var keys = Set<String>()
        for sentence in story.sentences where sentence.role.isCompared {
            let tokens = Tokenizer.tokens(story.scalars, in: sentence.span)
            for (index, token) in tokens.enumerated() where index > 0 && token.isWord && token.isCapitalized {
                let previous = tokens[index - 1]
                if previous.isWord || previous.key == "," { keys.insert(token.key) }
            }
        }
        return keys
    }

    static func words(of sentence: Sentence, in story: Story) -> [FactWord] {
        Tokenizer.tokens(story.scalars, in: sentence.span).map { token in
            let first = story.scalars[token.span.start]
            // A name in camel case is capitalised inside: "eBay", "iPhone" (one or two small letters
            // first; "productionCrude" is two words run together, not a name).
            let camel = token.isWord && first.properties.isLowercase && token.span.length >= 4
                && story.scalars[(token.span.start + 1)..<min(token.span.end, token.span.start + 3)].contains { $0.properties.isUppercase }
            let capitalised = token.isWord && (first.isUppercaseLetter || camel)
            // Lowercase words are only ever looked at through their key: no second String for them.
            return FactWord(span: token.span, raw: capitalised || !token.isWord ? story.text(of: token.span) : token.key, key: token.key, isWord: token.isWord,
                            isCapitalised: capitalised,
                            isDigits: token.isWord && first.isDigit)
        }
    }

    static func facts(in sentence: Sentence, of story: Story, capitalisedInside: Set<String>) -> [FoundFact] {
        let words = words(of: sentence, in: story)
        var scanner = Scanner(words: words, sentence: sentence.index, story: story)
        scanner.capitalisedInside = capitalisedInside
        scanner.run()
        return scanner.found
    }

    struct Scanner {
        let words: [FactWord]
        let sentence: Int
        let story: Story
        var consumed: [Bool]
        /// Words that can start a number: most cannot, and are turned away at once.
        let numberish: [Bool]
        var found: [FoundFact] = []
        /// Words the story capitalises inside sentences (see `FactExtractor.capitalisedInside`).
        var capitalisedInside: Set<String> = []

        init(words: [FactWord], sentence: Int, story: Story) {
            self.words = words
            self.sentence = sentence
            self.story = story
            consumed = Array(repeating: false, count: words.count)
            numberish = words.map { word in
                guard word.isWord else { return false }
                if word.isDigits { return true }
                let k = word.key
                return Lexicon.numberWords[k] != nil || FactLexicon.vagueCounts.contains(k) || k == "a" || k == "an" || k == "half"
                    || (k.utf8.contains(0x2D) && Lexicon.numberWords[String(k.prefix { $0 != "-" })] != nil)
            }
        }

        func key(_ i: Int) -> String { i < words.count && i >= 0 ? words[i].key : "" }
        func isWord(_ i: Int) -> Bool { i >= 0 && i < words.count && words[i].isWord }

        mutating func emit(_ kind: FactKind, key: String, from: Int, to: Int, name: NameMention? = nil, span: TextSpan? = nil) {
            for i in from..<to { consumed[i] = true }
            let span = span ?? TextSpan(words[from].span.start, words[to - 1].span.end)
            found.append(FoundFact(kind: kind, key: key, text: story.text(of: span), span: span, sentence: sentence, name: name))
        }

        mutating func run() {
            // Dates, amounts and percentages first: their numbers are not counts of their own.
            var i = 0
            while i < words.count {
                if !consumed[i], let end = time(at: i) ?? date(at: i) ?? money(at: i) ?? percent(at: i) { i = end } else { i += 1 }
            }
            i = 0
            while i < words.count {
                if !consumed[i], let end = number(at: i) { i = end } else { i += 1 }
            }
            i = 0
            while i < words.count {
                if !consumed[i], words[i].isCapitalised, let end = name(at: i) { i = end } else { i += 1 }
            }
            found.sort { $0.span.start < $1.span.start }
        }

        // MARK: Times

        /// A clock time: "12:43" (with or without a.m./p.m. or a zone), "9 p.m.", and four digits
        /// with a leading zero or a zone or "hours" after them ("0600", "1430 GMT"). Its numbers
        /// are not counts ("12" and "43 a.m." were two facts).
        mutating func time(at i: Int) -> Int? {
            guard i < words.count, words[i].isDigits else { return nil }
            let k = key(i)
            func meridiem(_ j: Int) -> String? {
                let m = key(j).replacingOccurrences(of: ".", with: "")
                return m == "am" || m == "pm" ? m : nil
            }
            func zoneEnd(_ j: Int) -> Int { FactLexicon.timeZones.contains(key(j)) || key(j) == "hours" || key(j) == "hrs" ? j + 1 : j }
            func emitTime(_ hour: Int, _ minute: Int, _ m: String?, to end: Int) -> Int? {
                var h = hour
                if let m {
                    guard (1...12).contains(hour) else { return nil }
                    if m == "am" && hour == 12 { h = 0 } else if m == "pm" && hour < 12 { h = hour + 12 }
                }
                guard (0...24).contains(h), (0...59).contains(minute) else { return nil }
                emit(.time, key: "time:\(pad(h)):\(pad(minute))", from: i, to: end)
                return end
            }
            // 12:43, 12:43 a.m., 06:00 GMT
            if k.utf8.count <= 2, let hour = Int(k), key(i + 1) == ":", i + 2 < words.count, words[i + 2].isDigits,
               key(i + 2).utf8.count == 2, let minute = Int(key(i + 2)),
               words[i + 1].span.start == words[i].span.end, words[i + 2].span.start == words[i + 1].span.end {
                let m = meridiem(i + 3)
                return emitTime(hour, minute, m, to: zoneEnd(m == nil ? i + 3 : i + 4))
            }
            // 9 p.m.
            if k.utf8.count <= 2, let hour = Int(k), let m = meridiem(i + 1) {
                return emitTime(hour, 0, m, to: zoneEnd(i + 2))
            }
            // 0600, 1430 GMT
            if k.utf8.count == 4, let value = Int(k) {
                let zoned = zoneEnd(i + 1) > i + 1
                guard k.hasPrefix("0") || zoned else { return nil }
                return emitTime(value / 100, value % 100, nil, to: zoneEnd(i + 1))
            }
            return nil
        }

        // MARK: Dates

        mutating func date(at i: Int) -> Int? {
            let word = words[i]
            guard word.isWord else { return nil }
            let k = word.key
            // Weekday, with "late", "early", "last", "next", "this" before and "morning" after.
            if word.isCapitalised, FactLexicon.weekdays.contains(k) {
                var start = i, end = i + 1
                if i > 0, !consumed[i - 1], ["late", "early", "last", "next", "this"].contains(key(i - 1)) { start = i - 1 }
                if FactLexicon.partsOfDay.contains(key(end)) { end += 1 }
                emit(.date, key: "date:" + k, from: start, to: end)
                return end
            }
            // A day before a month: "12 February 2025", "9th October 2006", "17 October, 2013".
            if let day = dayOfMonth(i), i + 1 < words.count, words[i + 1].isCapitalised,
               let month = FactLexicon.months[key(i + 1)], key(i + 1).count > 3 || key(i + 2) == "." {
                var end = i + 2
                if key(end) == "." { end += 1 }
                var dateKey = "date:\(pad(month))-\(pad(day))"
                if let year = year(at: end) { dateKey = "date:\(year)-\(pad(month))-\(pad(day))"; end += 1 }
                else if key(end) == ",", let year = year(at: end + 1) { dateKey = "date:\(year)-\(pad(month))-\(pad(day))"; end += 2 }
                emit(.date, key: dateKey, from: i, to: end)
                return end
            }
            // A month, with a day and a year after it.
            if word.isCapitalised, let month = FactLexicon.months[k] {
                var end = i + 1
                let abbreviated = k.count <= 4 && k != "june" && k != "july" && k != "may"
                if abbreviated {
                    guard key(end) == "." || k == "sept" || FactLexicon.monthNames.contains(word.raw) else { return nil }
                    if key(end) == "." { end += 1 }
                }
                var day: Int?
                if end < words.count, words[end].isDigits, let d = Int(key(end).filter(\.isNumber)), (1...31).contains(d),
                   key(end).allSatisfy({ $0.isNumber }) || ["st", "nd", "rd", "th"].contains(String(key(end).drop(while: \.isNumber))) {
                    day = d
                    end += 1
                }
                var yearValue: Int?
                if let y = year(at: end) { yearValue = y; end += 1 }
                else if day != nil, key(end) == ",", let y = year(at: end + 1) { yearValue = y; end += 2 }
                if day == nil && yearValue == nil {
                    // "in March", "since May": a month alone needs a word that makes it a time.
                    guard i > 0, FactLexicon.beforeMonth.contains(key(i - 1)) else { return nil }
                }
                var dateKey = "date:" + (yearValue.map { "\($0)-" } ?? "") + pad(month)
                if let day { dateKey += "-" + pad(day) }
                emit(.date, key: dateKey, from: i, to: end)
                return end
            }
            // "yesterday", "today".
            if FactLexicon.relativeDays.contains(k) {
                var end = i + 1
                if FactLexicon.partsOfDay.contains(key(end)) { end += 1 }
                emit(.date, key: "date:" + k, from: i, to: end)
                return end
            }
            // "last summer", "earlier this month", "this week".
            if FactLexicon.relativeOpeners.contains(k) {
                var j = i + 1
                if (k == "earlier" || k == "later" || k == "early" || k == "late"), ["this", "last", "next"].contains(key(j)) { j += 1 }
                if FactLexicon.periods.contains(key(j)) {
                    let phrase = (i...j).map { words[$0].key }.joined(separator: " ")
                    emit(.date, key: "date:" + phrase, from: i, to: j + 1)
                    return j + 1
                }
                return nil
            }
            // "in recent days".
            if k == "recent", ["days", "weeks", "months", "years"].contains(key(i + 1)) {
                emit(.date, key: "date:recent " + key(i + 1), from: i, to: i + 2)
                return i + 2
            }
            // "three years ago", "a few weeks ago".
            if let (value, end) = count(at: i), FactLexicon.periodUnits.contains(key(end)), key(end + 1) == "ago" {
                emit(.date, key: "date:\(value) \(WordStem.stem(key(end))) ago", from: i, to: end + 2)
                return end + 2
            }
            if k == "a", key(i + 1) == "few" || key(i + 1) == "couple", FactLexicon.periodUnits.contains(key(i + 2)), key(i + 3) == "ago" {
                emit(.date, key: "date:few \(WordStem.stem(key(i + 2))) ago", from: i, to: i + 4)
                return i + 4
            }
            if let y = year(at: i), !isCountedNoun(i + 1) {
                emit(.date, key: "date:\(y)", from: i, to: i + 1)
                return i + 1
            }
            return nil
        }

        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

        /// A day of the month written as digits, with or without an ordinal ending ("9", "9th", "21st").
        func dayOfMonth(_ j: Int) -> Int? {
            guard j >= 0, j < words.count, words[j].isWord else { return nil }
            let k = words[j].key
            let digits = k.prefix { $0.isNumber }, ending = k.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 2, ending.isEmpty || ["st", "nd", "rd", "th"].contains(String(ending)),
                  let day = Int(digits), (1...31).contains(day) else { return nil }
            return day
        }

        func year(at i: Int) -> Int? {
            guard i < words.count, words[i].isDigits, words[i].key.count == 4, let y = Int(words[i].key), (1800...2199).contains(y) else { return nil }
            return y
        }

        /// A plural noun after a number makes it a count ("2000 soldiers"), not a year.
        func isCountedNoun(_ i: Int) -> Bool {
            guard i < words.count, words[i].isWord, !words[i].isCapitalised else { return false }
            return words[i].key.hasSuffix("s") && !Lexicon.stopWords.contains(words[i].key)
        }

        // MARK: Amounts

        mutating func money(at i: Int) -> Int? {
            let word = words[i]
            if !word.isWord, let first = story.scalars[word.span.start...].first, let currency = FactLexicon.currencySymbols[first],
               i + 1 < words.count, words[i + 1].isDigits, let value = numericValue(key(i + 1)) {
                var end = i + 2, amount = value
                if let m = FactLexicon.multipliers[key(end)], key(end) != "dozen" { amount *= m; end += 1 }
                emit(.money, key: "money:\(currency) \(format(amount))", from: i, to: end)
                return end
            }
            // "$24bn", "€3.5m", "£2tn": the multiplier written onto the figure.
            if !word.isWord, let first = story.scalars[word.span.start...].first, let currency = FactLexicon.currencySymbols[first],
               i + 1 < words.count, words[i + 1].isWord, case let figure = key(i + 1),
               let suffix = FactLexicon.amountSuffixes.first(where: { figure.hasSuffix($0.key) && figure.count > $0.key.count }),
               let value = numericValue(String(figure.dropLast(suffix.key.count))) {
                emit(.money, key: "money:\(currency) \(format(value * suffix.value))", from: i, to: i + 2)
                return i + 2
            }
            if let (value, end) = count(at: i), let numeric = Double(value), let currency = FactLexicon.currencyWords[key(end)] {
                emit(.money, key: "money:\(currency) \(format(numeric))", from: i, to: end + 1)
                return end + 1
            }
            return nil
        }

        mutating func percent(at i: Int) -> Int? {
            guard let (value, end) = count(at: i) else { return nil }
            if key(end) == "%" || FactLexicon.percentWords.contains(key(end)) {
                emit(.percent, key: "percent:\(value)", from: i, to: end + 1)
                return end + 1
            }
            if key(end) == "per", key(end + 1) == "cent" {
                emit(.percent, key: "percent:\(value)", from: i, to: end + 2)
                return end + 2
            }
            if key(end) == "percentage", key(end + 1) == "points" || key(end + 1) == "point" {
                emit(.percent, key: "percent:\(value) points", from: i, to: end + 2)
                return end + 2
            }
            return nil
        }

        // MARK: Counts

        /// A number at `i` (digits, words, "a million", "thousands"): its value and the index after it.
        func count(at i: Int) -> (String, Int)? {
            guard i < words.count, numberish[i], !consumed[i] else { return nil }
            let k = words[i].key
            if words[i].isDigits {
                guard let value = numericValue(k) else { return nil }
                var end = i + 1, total = value
                while end < words.count, !consumed[end], let m = FactLexicon.multipliers[key(end)], key(end) != "m" || words[end].raw == "m" {
                    total *= m; end += 1
                }
                return (format(total), end)
            }
            if FactLexicon.vagueCounts.contains(k) { return (k, i + 1) }
            // "half a million"
            if k == "half" {
                guard key(i + 1) == "a" || key(i + 1) == "an", let m = FactLexicon.multipliers[key(i + 2)],
                      ["hundred", "thousand", "million", "billion", "trillion", "dozen"].contains(key(i + 2)) else { return nil }
                return (format(m / 2), i + 3)
            }
            if k == "a" || k == "an" {
                guard let m = FactLexicon.multipliers[key(i + 1)], ["hundred", "thousand", "million", "billion", "trillion", "dozen"].contains(key(i + 1)) else { return nil }
                var end = i + 2, total = m
                while end < words.count, let more = FactLexicon.multipliers[key(end)], ["thousand", "million", "billion"].contains(key(end)) { total *= more; end += 1 }
                return (format(total), end)
            }
            guard let first = wordValue(k) else { return nil }
            var total = 0.0, current = first, end = i + 1
            while end < words.count, !consumed[end] {
                let next = key(end)
                if let small = wordValue(next), small < 100, current >= 20, current.truncatingRemainder(dividingBy: 10) == 0, small < 10 {
                    current += small
                } else if next == "hundred" { current *= 100 }
                else if next == "dozen", total == 0, current < 100 { current *= 12 }
                else if let m = FactLexicon.multipliers[next], ["thousand", "million", "billion", "trillion"].contains(next) {
                    total += current * m; current = 0
                } else if next == "and", key(end + 1) != "", wordValue(key(end + 1)) != nil, current >= 100 || total > 0 {
                    end += 1; continue
                } else { break }
                end += 1
            }
            return (format(total + current), end)
        }

        func wordValue(_ key: String) -> Double? {
            if let digits = Lexicon.numberWords[key], let value = Double(digits) { return key == "dozen" ? nil : value }
            guard key.utf8.contains(0x2D) else { return nil }
            // "twenty-five"
            let parts = key.split(separator: "-")
            if parts.count == 2, let tens = Lexicon.numberWords[String(parts[0])].flatMap(Double.init),
               let ones = Lexicon.numberWords[String(parts[1])].flatMap(Double.init), tens >= 20, ones < 10 {
                return tens + ones
            }
            return nil
        }

        func numericValue(_ key: String) -> Double? {
            let cleaned = key.filter { $0 != "," }
            guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
            return Double(cleaned)
        }

        func format(_ value: Double) -> String {
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        }

        mutating func number(at i: Int) -> Int? {
            guard words[i].isWord else { return nil }
            // A qualifier: "more than", "about", "nearly". Any other word that cannot start a
            // number is turned away here, before any look-up.
            let opensWithQualifier = FactLexicon.qualifierStarts.contains(words[i].key)
            guard numberish[i] || opensWithQualifier else { return nil }
            var start = i, j = i
            if opensWithQualifier {
                for qualifier in FactLexicon.qualifiers
                where (0..<qualifier.count).allSatisfy({ key(i + $0) == qualifier[$0] && !(i + $0 < words.count && consumed[i + $0]) }) {
                    j = i + qualifier.count
                    break
                }
            }
            if j != i, count(at: j) == nil && hyphenated(at: j) == nil { return nil }
            start = i
            // "30-day", "three-year".
            if let (value, unit) = hyphenated(at: j) {
                emit(.number, key: "number:\(value) \(WordStem.stem(unit))", from: start, to: j + 1)
                return j + 1
            }
            // A number that is part of a name or a model is not a count: "Cessna 150", "tier 1",
            // "Route 66" (after a capitalised word only when WordNet reads it as a name, so that a
            // title-case headline's "Storm Kills 12" still counts).
            if words[j].isDigits, j > 0, j == start, words[j - 1].isWord,
               (words[j - 1].isCapitalised && FactLexicon.months[key(j - 1)] == nil && WordNet.shared.isName(key(j - 1))
                && !WordNet.shared.knows(key(j - 1)))
                || FactLexicon.numberedThings.contains(key(j - 1)) {
                return nil
            }
            guard let (value, afterNumber) = count(at: j) else { return nil }
            var end = afterNumber
            if key(end) == "of", FactLexicon.vagueCounts.contains(key(j)) || FactLexicon.multipliers[key(afterNumber - 1)] != nil { end += 1 }
            // What it counts: the head of the noun phrase after it, past capitalised adjectives
            // ("Ukrainian troops") and adjectives ("nautical miles"): the last of the nouns that
            // follow ("web pages", "commercial loans"), by WordNet. Without WordNet, or for a word
            // it does not know, the first lowercase content word.
            var unit: String?
            var probe = end
            while probe < words.count, probe < end + 3, words[probe].isWord, !consumed[probe] {
                let k = words[probe].key
                if words[probe].isCapitalised { probe += 1; continue }
                if !Lexicon.stopWords.contains(k), wordValue(k) == nil, numericValue(k) == nil, k != "ago" { unit = k }
                break
            }
            if unit != nil, WordNet.shared.isAvailable {
                var head: (String, Int)?
                var k = probe
                // Adjectives before the nouns ("nautical"), then the nouns themselves.
                while k < words.count, k < probe + 3, words[k].isWord, !consumed[k], !words[k].isCapitalised,
                      !Lexicon.stopWords.contains(words[k].key), WordNet.shared.isOnlyAdjective(words[k].key) { k += 1 }
                while k < words.count, k < probe + 5, words[k].isWord, !consumed[k], !words[k].isCapitalised,
                      !Lexicon.stopWords.contains(words[k].key), WordNet.shared.isNoun(words[k].key),
                      head == nil || !words[k].key.hasSuffix("ing") {
                    head = (words[k].key, k)
                    k += 1
                    // A plural ends the phrase: modifiers are singular ("web pages"; "three hours meeting").
                    if WordNet.shared.isPluralNoun(words[k - 1].key) { break }
                }
                if let (word, at) = head { unit = word; probe = at }
                else if !WordNet.shared.isNoun(words[probe].key), WordNet.shared.knows(words[probe].key) {
                    // "150 suffered": a verb is not what a number counts.
                    unit = nil
                }
            }
            let isDigits = words[j].isDigits
            guard let unit else {
                // A bare word number ("one of them") is not a fact; bare digits are.
                guard isDigits else { return nil }
                emit(.number, key: "number:\(value)", from: start, to: afterNumber)
                return afterNumber
            }
            if !isDigits && value == "1" && words[j].key == "one" { return nil }
            // "the two leaders" points back at people already named; it is not a new figure.
            if !isDigits, start == j, key(j - 1) == "the", !words[j].key.contains("-") { return nil }
            emit(.number, key: "number:\(value) \(WordStem.stem(unit))", from: start, to: probe + 1)
            return probe + 1
        }

        func hyphenated(at i: Int) -> (String, String)? {
            guard i < words.count, numberish[i], !consumed[i], words[i].key.utf8.contains(0x2D) else { return nil }
            var parts = words[i].key.split(separator: "-").map(String.init)
            // An age: "25-year-old", "nine-month-old" count years (months) of age.
            var suffix = ""
            if parts.count >= 3, parts.last == "old" { parts.removeLast(); suffix = "-old" }
            guard parts.count >= 2, let last = parts.last, last.allSatisfy(\.isLetter) else { return nil }
            let unit = last + suffix
            let head = parts.dropLast().joined(separator: "-")
            if let value = numericValue(head) { return (format(value), unit) }
            if let value = wordValue(head) { return (format(value), unit) }
            return nil
        }

        // MARK: Names

        mutating func name(at i: Int) -> Int? {
            var parts: [Int] = []          // word indices of the run
            var dots: Set<Int> = []        // "." tokens that belong to initials and titles
            var j = i
            // A hyphenated modifier ("Senate-drafted", "Republican-dominated") names only its
            // first part, and stands alone: the word after it is another name or none.
            var modifier: (word: Int, scalars: Int, key: String)?
            while j < words.count, !consumed[j] {
                let word = words[j]
                // The part after the dash must be an ordinary word: "Tien-lai" is one name.
                if word.isCapitalised, let dash = word.raw.lastIndex(where: { $0 == "-" || $0 == "‑" }),
                   let after = word.raw[word.raw.index(after: dash)...].first, after.isLowercase,
                   let keyDash = word.key.lastIndex(of: "-"),
                   !WordNet.shared.isAvailable || WordNet.shared.knows(String(word.key[word.key.index(after: keyDash)...])) {
                    if parts.isEmpty {
                        parts.append(j)
                        modifier = (j, word.raw[..<dash].unicodeScalars.count, String(word.key[..<keyDash]))
                        j += 1
                    }
                    break
                }
                // Two acronyms side by side are two names: "CRA IT specialists".
                if word.isCapitalised, let last = parts.last, last == j - 1, Self.isAcronym(words[last].raw), Self.isAcronym(word.raw) { break }
                if word.isCapitalised {
                    parts.append(j)
                    let single = word.key.count == 1 || Lexicon.titles.contains(word.key) || Lexicon.honorifics.contains(word.key)
                    if single, key(j + 1) == ".", j + 2 < words.count, words[j + 2].isCapitalised { dots.insert(j + 1); j += 2; continue }
                    j += 1
                    // A possessive ends the name: "Ukraine’s Sumy region" names two places.
                    if word.key.hasSuffix("'s") || word.key.hasSuffix("s'") { break }
                    continue
                }
                // "Bank of England", "Charles de Gaulle": a joining word between capitalised words.
                if let last = parts.last, last == j - 1, j + 1 < words.count, words[j + 1].isCapitalised, !consumed[j + 1] {
                    let previous = words[last].key
                    if word.key == "of", FactLexicon.organisationHeads.contains(previous) || FactLexicon.placeHeads.contains(previous)
                        || ["republic", "kingdom", "secretary", "bank", "isle", "gulf", "sea"].contains(previous) {
                        parts.append(j); j += 1
                        // "District of Columbia Jeffrey Taylor", "Bank of England Governor Andrew
                        // Bailey": two or more capitalised words after the one "of" joins begin
                        // another name, unless they end as an organisation ("… of World News Network").
                        var k = j + 1
                        while k < words.count, words[k].isCapitalised, !consumed[k] { k += 1 }
                        if k - (j + 1) >= 2, !FactLexicon.organisationHeads.contains(words[k - 1].key), !FactLexicon.placeHeads.contains(words[k - 1].key) {
                            parts.append(j); j += 1
                            break
                        }
                        continue
                    }
                    if ["de", "van", "von", "bin", "al", "da", "du", "del", "der", "la", "le"].contains(word.key) { parts.append(j); j += 1; continue }
                }
                break
            }
            guard !parts.isEmpty else { return nil }
            let end = j
            // Sentence-initial function words are not names ("The Kremlin", "But Moscow").
            let firstWord = words.firstIndex(where: \.isWord) ?? 0
            func opensSentence(_ index: Int) -> Bool {
                index == firstWord || (index > 0 && ["“", "\"", "«", "(", "[", ":", "‘"].contains(words[index - 1].raw))
            }
            var first = 0
            while first < parts.count {
                let k = words[parts[first]].key
                let dropped = k == "the" || (!isTitle(k) && opensSentence(parts[first]) && (Lexicon.sentenceStarters.contains(k) || Lexicon.stopWords.contains(k)))
                guard dropped else { break }
                first += 1
            }
            var run = Array(parts[first...])
            // Titles: everything up to the last title word ("National Security Adviser", "Mr.").
            var titled = false
            if let lastTitle = run.lastIndex(where: { isTitle(words[$0].key) }) {
                let rest = Array(run[(lastTitle + 1)...])
                if !rest.isEmpty { titled = true; run = rest } else { run = [] }
            }
            while let lastIndex = run.last, !words[lastIndex].isCapitalised { run.removeLast() }   // "Bank of"
            guard let head = run.first, let tail = run.last else {
                for p in parts { consumed[p] = true }
                return end
            }
            let folded = run.map { Self.nameKey(modifier?.word == $0 ? modifier?.key ?? words[$0].key : words[$0].key) }
            if run.count == 1, FactLexicon.demonyms.contains(folded[0]) || isDemonym(folded[0], next: end) {
                for p in parts { consumed[p] = true }
                return end
            }
            // A single capitalised word opening a sentence that WordNet knows as an ordinary word
            // and the story never capitalises elsewhere: "Students", "Snooker", "Schools".
            // An acronym in capitals ("ANI") is a name whatever WordNet says of its letters.
            let opener = words[run[0]].key
            let acronym = words[run[0]].raw.unicodeScalars.filter { $0.properties.isAlphabetic }.count >= 2
                && words[run[0]].raw.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
            if run.count == 1, !titled, !acronym, opensSentence(head), !capitalisedInside.contains(opener), WordNet.shared.isAvailable,
               WordNet.shared.knows(opener), !WordNet.shared.isName(opener) {
                for p in parts { consumed[p] = true }
                return end
            }
            if run.count == 1, ["i", "god"].contains(folded[0]) || FactLexicon.weekdays.contains(folded[0]) {
                for p in parts { consumed[p] = true }
                return end
            }
            let hasInitial = run.dropFirst().dropLast().contains { words[$0].key.count == 1 }
            // The span ends before a possessive "’s".
            var endScalar = words[tail].span.end
            let tailRaw = words[tail].raw
            if let modifier, modifier.word == tail { endScalar = words[tail].span.start + modifier.scalars }
            else if tailRaw.hasSuffix("’s") || tailRaw.hasSuffix("'s") { endScalar -= 2 }
            else if tailRaw.hasSuffix("’") || tailRaw.hasSuffix("'") { endScalar -= 1 }
            let span = TextSpan(words[head].span.start, max(words[head].span.start + 1, endScalar))
            let display = story.text(of: span)
            var hint: FactKind?
            let after = key(end), before = key(parts[0] - 1)
            if FactLexicon.placeHeads.contains(after) && ["region", "province", "oblast", "city", "county", "district", "border"].contains(after) { hint = .place }
            else if ["in", "from", "near", "across", "outside", "inside", "to"].contains(before) { hint = .place }
            let mention = NameMention(parts: folded.filter { !$0.isEmpty }, display: display, titled: titled, hasInitial: hasInitial,
                                      sentenceInitialSingle: run.count == 1 && !titled && opensSentence(head), hint: hint)
            for p in parts { consumed[p] = true }
            for d in dots { consumed[d] = true }
            found.append(FoundFact(kind: .name, key: "", text: display, span: span, sentence: sentence, name: mention))
            return end
        }

        static func isAcronym(_ raw: String) -> Bool {
            let letters = raw.unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase } && !raw.contains(".")
        }

        func isTitle(_ key: String) -> Bool {
            FactLexicon.titles.contains(key) || Lexicon.titles.contains(key) || Lexicon.honorifics.contains(key)
        }

        /// "Ukrainian troops", "the Russians": an adjective or a people, not a name.
        func isDemonym(_ word: String, next: Int) -> Bool {
            let suffixes = ["ian", "ians", "ean", "eans", "ese", "ish"]
            guard suffixes.contains(where: { word.hasSuffix($0) }), !FactLexicon.places.contains(word) else { return false }
            return true
        }

        /// A name word folded for matching: no possessive, no dots, no diacritics.
        static func nameKey(_ key: String) -> String {
            var k = key
            if k.hasSuffix("'s") { k.removeLast(2) } else if k.hasSuffix("'") { k.removeLast() }
            k.removeAll { $0 == "." }
            guard k.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return k }
            return k.folding(options: [.diacriticInsensitive], locale: nil)
        }
    }
}
