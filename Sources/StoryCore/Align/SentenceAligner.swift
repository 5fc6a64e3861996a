/// Aligns the sentences of two stories, allowing moves and one-to-many groups.
///
/// 1. Identical sentences pair through a hash of their identity key.
/// 2. Other pairs come from an inverted index (`CandidateIndex`), are scored (`PairScorer`) and
///    accepted best first while both sentences are free and the score clears the paraphrase bar.
/// 3. A pair grows into a split or merge when an unmatched neighbouring sentence raises the score
///    and its content is contained in the other side.
/// 4. Pairs off the longest in-order chain are marked as moved.
struct SentenceAligner {
    struct Group {
        var a: [Int]
        var b: [Int]
        var score: Double
        var features: MatchFeatures
        var identical: Bool
        var moved = false
        /// The judge's similarity (1 for identical groups) and, below "same meaning", the side that says more.
        var similarity = 1.0
        var saysMore: Side?
    }

    /// A group while alignment runs: the measures decide, the features for people come at the end.
    private struct Draft {
        var a: [Int]
        var b: [Int]
        var measure: PairScorer.Measure
        var identical: Bool
        var moved = false
        var score: Double { identical ? 1 : measure.score }
    }

    let profilesA: ProfileTable
    let profilesB: ProfileTable
    /// Compared sentence indices, in text order.
    let comparedA: [Int]
    let comparedB: [Int]
    let paragraphOfA: [Int]
    let paragraphOfB: [Int]
    let scorer: PairScorer
    /// Threads for the candidates and their scores (the results do not depend on it).
    var jobs = 1
    /// Where the stages are reported (shares 0.2 to 0.85 of a comparison).
    var progress: ProgressMeter?
    /// Position of each sentence in `comparedA` / `comparedB` (-1 for boilerplate).
    let positionA: [Int]
    let positionB: [Int]
    /// Norms of every profile, computed once.
    let normsA: [Double]
    let normsB: [Double]

    init(profilesA: ProfileTable, profilesB: ProfileTable, comparedA: [Int], comparedB: [Int],
         paragraphOfA: [Int], paragraphOfB: [Int], scorer: PairScorer) {
        self.profilesA = profilesA
        self.profilesB = profilesB
        self.comparedA = comparedA
        self.comparedB = comparedB
        self.paragraphOfA = paragraphOfA
        self.paragraphOfB = paragraphOfB
        self.scorer = scorer
        var positionA = [Int](repeating: -1, count: profilesA.count)
        for (position, sentence) in comparedA.enumerated() { positionA[sentence] = position }
        var positionB = [Int](repeating: -1, count: profilesB.count)
        for (position, sentence) in comparedB.enumerated() { positionB[sentence] = position }
        self.positionA = positionA
        self.positionB = positionB
        normsA = profilesA.indices.map { scorer.norm(profilesA.terms(of: $0)) }
        normsB = profilesB.indices.map { scorer.norm(profilesB.terms(of: $0)) }
    }

    static let growthSlack = 0.02
    /// How far (in sentences) a pair's other sentence may sit from an in-place merge and still be
    /// in place.
    static let inPlaceReach = 3
    static let partContainment = 0.3
    /// A neighbour that explains this much more of the other side joins even if the score dips.
    static let explainedGain = 0.15
    static let strongPartContainment = 0.45
    /// What agreeing neighbours add to a pair's score when candidates are ranked the second time.
    static let neighbourLead = 0.1

    func align() -> [Group] {
        var ignored = Duration.zero
        return align(candidateTime: &ignored)
    }

    func align(candidateTime: inout Duration) -> [Group] {
        var groupOfA = [Int?](repeating: nil, count: profilesA.count)
        var groupOfB = [Int?](repeating: nil, count: profilesB.count)
        var groups: [Draft] = []

        // 1. Identical sentences, k-th occurrence with k-th occurrence.
        var waiting: [String: [Int]] = [:]
        for sentence in comparedB.reversed() where !profilesB.identities[sentence].isEmpty {
            waiting[profilesB.identities[sentence], default: []].append(sentence)
        }
        for sentence in comparedA {
            let key = profilesA.identities[sentence]
            guard !key.isEmpty, let other = waiting[key]?.popLast() else { continue }
            groupOfA[sentence] = groups.count
            groupOfB[other] = groups.count
            groups.append(Draft(a: [sentence], b: [other], measure: .identical, identical: true))
        }

        // 2. Best-first acceptance of scored candidates.
        let freeA = comparedA.filter { groupOfA[$0] == nil }
        let freeB = comparedB.filter { groupOfB[$0] == nil }
        let clock = ContinuousClock()
        let started = clock.now
        var (candidates, capped) = CandidateIndex.candidates(a: freeA, b: freeB, profilesA: profilesA, profilesB: profilesB,
                                                             normsA: normsA, normsB: normsB, scorer: scorer, jobs: jobs)
        // The index does not follow words in more than `postingCap` sentences; on a long document a
        // sentence's counterpart may share only those. So there each free sentence also meets the
        // free sentences of the other side between the same two identical anchors, where its
        // counterpart would be.
        if capped { candidates = CandidateIndex.sortedUnique(candidates + placeCandidates(groups: groups, groupOfB: groupOfB)) }
        candidateTime += clock.now - started
        progress?.stage("scoring candidate pairs", at: 0.45)
        var scored = scoredInParallel(candidates)
        progress?.stage("aligning sentences", at: 0.6)
        scored.sort { ($0.1.score, $1.0.a, $1.0.b) > ($1.1.score, $0.0.a, $0.0.b) }
        func acceptBestFirst(_ ranked: [(CandidateIndex.Candidate, PairScorer.Measure)]) {
            for (candidate, measure) in ranked where measure.score >= PairScorer.paraphraseScore {
                guard groupOfA[candidate.a] == nil, groupOfB[candidate.b] == nil, measure.sharedTerms > 0 else { continue }
                groupOfA[candidate.a] = groups.count
                groupOfB[candidate.b] = groups.count
                groups.append(Draft(a: [candidate.a], b: [candidate.b], measure: measure, identical: false))
            }
        }
        let identicalGroups = groups.count, identicalOfA = groupOfA, identicalOfB = groupOfB
        acceptBestFirst(scored)
        // 2a. Again, with a small lead for pairs whose neighbours the first pass matched with each
        //     other's neighbours: where a long text says nearly the same thing twice, the copy in
        //     the same place is the counterpart.
        let supportedPairs = scored.indices.filter { supported(scored[$0].0, groupOfA: groupOfA, groupOfB: groupOfB, reach: 2) }
        if !supportedPairs.isEmpty {
            var lead = [Double](repeating: 0, count: scored.count)
            for index in supportedPairs { lead[index] = Self.neighbourLead }
            let ranked = scored.indices.sorted { x, y in
                let (cx, mx) = scored[x], (cy, my) = scored[y]
                return (mx.score + lead[x], cy.a, cy.b) > (my.score + lead[y], cx.a, cx.b)
            }.map { scored[$0] }
            groups.removeLast(groups.count - identicalGroups)
            groupOfA = identicalOfA
            groupOfB = identicalOfB
            acceptBestFirst(ranked)
        }

        // 2b. Weaker pairs that their neighbours support: the sentence before or after each is
        //     already matched with the sentence before or after the other. Repeated, since each
        //     new pair supports its own neighbours.
        for _ in 0..<3 {
            var added = false
            for (candidate, measure) in scored where measure.score >= PairScorer.contextScore && measure.score < PairScorer.paraphraseScore {
                guard groupOfA[candidate.a] == nil, groupOfB[candidate.b] == nil, measure.sharedTerms >= 2,
                      supported(candidate, groupOfA: groupOfA, groupOfB: groupOfB) else { continue }
                groupOfA[candidate.a] = groups.count
                groupOfB[candidate.b] = groups.count
                groups.append(Draft(a: [candidate.a], b: [candidate.b], measure: measure, identical: false))
                added = true
            }
            if !added { break }
        }

        progress?.stage("splits and merges", at: 0.75)
        // 3. Splits and merges: first those that take a neighbour back from a pair out of place,
        //    then growth into free neighbours.
        preferInPlaceMerges(&groups, groupOfA: &groupOfA, groupOfB: &groupOfB)
        for index in groups.indices where !groups[index].identical && !groups[index].a.isEmpty {
            grow(&groups[index], id: index, groupOfA: &groupOfA, groupOfB: &groupOfB)
        }
        // Pairs dissolved by an in-place merge leave empty drafts; ids are renumbered.
        if groups.contains(where: { $0.a.isEmpty }) {
            groups.removeAll { $0.a.isEmpty || $0.b.isEmpty }
            groupOfA = [Int?](repeating: nil, count: groupOfA.count)
            groupOfB = [Int?](repeating: nil, count: groupOfB.count)
            for (id, group) in groups.enumerated() {
                for s in group.a { groupOfA[s] = id }
                for s in group.b { groupOfB[s] = id }
            }
        }

        progress?.stage("moved sentences", at: 0.82)
        // 4. Moves.
        markMoves(&groups)

        // The features people read and the judgement, once per group.
        let synonyms = SynonymTable(vocabulary: scorer.vocabulary)
        return groups.map { draft in
            let a = SentenceProfile.joined(draft.a.map { profilesA[$0] }), b = SentenceProfile.joined(draft.b.map { profilesB[$0] })
            var (_, features) = scorer.features(a, b)
            var group = Group(a: draft.a, b: draft.b, score: draft.score, features: features, identical: draft.identical, moved: draft.moved)
            guard !draft.identical else { return group }
            let evidence = scorer.evidence(a, b, synonyms: synonyms)
            features.synonyms = evidence.synonyms
            group.features = features
            group.similarity = PairJudge.similarity(evidence)
            if group.similarity < PairJudge.sameMeaning { group.saysMore = PairJudge.saysMore(evidence) }
            return group
        }
    }

    /// Pairs of free sentences in the same place: between the same two anchors of the in-order
    /// chain of identical pairs, all of the other side's free sentences when the gap is small,
    /// else those around where the sentence would sit. A few per sentence, so linear.
    private func placeCandidates(groups: [Draft], groupOfB: [Int?]) -> [CandidateIndex.Candidate] {
        let anchors = groups.map { (positionA[$0.a[0]], positionB[$0.b[0]]) }.sorted { $0.0 < $1.0 }
        let chain = LongestIncreasing.indices(anchors.map(\.1)).map { anchors[$0] }
        var result: [CandidateIndex.Candidate] = []
        var next = 0                       // first chain anchor after the current position
        for (position, sentence) in comparedA.enumerated() {
            while next < chain.count && chain[next].0 < position { next += 1 }
            if next < chain.count && chain[next].0 == position { continue }      // an anchor itself
            guard !profilesA.terms(of: sentence).isEmpty else { continue }
            let before = next > 0 ? chain[next - 1] : (-1, -1)
            let after = next < chain.count ? chain[next] : (comparedA.count, comparedB.count)
            let low = before.1 + 1, high = after.1 - 1
            guard low <= high else { continue }
            var from = low, to = high
            if high - low + 1 > Self.placeSpan {
                let expected = min(max(before.1 + (position - before.0), low), high)
                from = max(low, expected - Self.placeSpan / 2)
                to = min(high, from + Self.placeSpan - 1)
            }
            for other in from...to where groupOfB[comparedB[other]] == nil {
                result.append(CandidateIndex.Candidate(a: sentence, b: comparedB[other]))
            }
        }
        return result
    }

    /// Free sentences of the other side met in the same place.
    static let placeSpan = 6

    /// Each candidate with its measures, in the candidates' order: `jobs` runs at once, each with
    /// a scorer of its own (the word-order buffers); the measures are those of one run.
    private func scoredInParallel(_ candidates: [CandidateIndex.Candidate]) -> [(CandidateIndex.Candidate, PairScorer.Measure)] {
        let runs = ParallelWork.chunks(of: candidates.count, jobs: candidates.count < 4_000 ? 1 : jobs)
        guard runs.count > 1 else { return candidates.map { ($0, measure($0.a, $0.b)) } }
        let shared = Unchecked((aligner: self, scorers: runs.map { _ in scorer.withOwnScratch() }))
        return ParallelWork.map(count: runs.count, jobs: runs.count) { run in
            let (aligner, scorers) = shared.value
            let scorer = scorers[run]
            return Unchecked(candidates[runs[run]].map { candidate in
                (candidate, scorer.measure(aligner.profilesA[candidate.a], normA: aligner.normsA[candidate.a],
                                           aligner.profilesB[candidate.b], normB: aligner.normsB[candidate.b]))
            })
        }.flatMap(\.value)
    }

    private func measure(_ a: Int, _ b: Int) -> PairScorer.Measure {
        scorer.measure(profilesA[a], normA: normsA[a], profilesB[b], normB: normsB[b])
    }

    /// Whether a neighbour of `candidate.a` (within `reach` sentences) is matched with a
    /// neighbour of `candidate.b`.
    private func supported(_ candidate: CandidateIndex.Candidate, groupOfA: [Int?], groupOfB: [Int?], reach: Int = 1) -> Bool {
        let positionOfA = positionA[candidate.a], positionOfB = positionB[candidate.b]
        let offsets = Array(-reach...(-1)) + Array(1...reach)
        for da in offsets {
            let pa = positionOfA + da
            guard pa >= 0, pa < comparedA.count, let group = groupOfA[comparedA[pa]] else { continue }
            for db in offsets {
                let pb = positionOfB + db
                if pb >= 0, pb < comparedB.count, groupOfB[comparedB[pb]] == group { return true }
            }
        }
        return false
    }

    /// Adds unmatched neighbours to one side of a group while that lifts the score.
    /// Two sentences of one version rewritten as one sentence of the other, where one of the two
    /// was paired first with a sentence far away that echoes it (a lead that a later paragraph
    /// repeats): the merge in place wins when it scores at least as well as that distant pair,
    /// and the distant sentence is left free. A pair counts as distant when its other sentence
    /// is more than `inPlaceReach` sentences from where the merge sits.
    private func preferInPlaceMerges(_ groups: inout [Draft], groupOfA: inout [Int?], groupOfB: inout [Int?]) {
        for index in groups.indices where !groups[index].identical && groups[index].a.count == 1 && groups[index].b.count == 1 {
            for side in [Side.a, .b] {
                let group = groups[index]
                guard group.a.count == 1, group.b.count == 1 else { break }
                let run = side == .a ? group.a : group.b, single = side == .a ? group.b[0] : group.a[0]
                let neighbours = side == .a
                    ? self.neighbours(of: run, in: comparedA, positions: positionA, paragraphs: paragraphOfA)
                    : self.neighbours(of: run, in: comparedB, positions: positionB, paragraphs: paragraphOfB)
                for neighbour in neighbours {
                    guard let other = side == .a ? groupOfA[neighbour] : groupOfB[neighbour], other != index else { continue }
                    let rival = groups[other]
                    guard !rival.identical, rival.a.count == 1, rival.b.count == 1 else { continue }
                    // The neighbour's partner, on the single side: far from this pair's sentence?
                    let partner = side == .a ? rival.b[0] : rival.a[0]
                    let distance = side == .a ? abs(positionB[partner] - positionB[single]) : abs(positionA[partner] - positionA[single])
                    guard distance > Self.inPlaceReach else { continue }
                    let merged = (run + [neighbour]).sorted()
                    let a = side == .a ? merged : group.a, b = side == .b ? merged : group.b
                    let joinedA = SentenceProfile.joined(a.map { profilesA[$0] }), joinedB = SentenceProfile.joined(b.map { profilesB[$0] })
                    let measure = scorer.measure(joinedA, joinedB)
                    let part = side == .a ? profilesA[neighbour] : profilesB[neighbour]
                    let contained = containment(part, in: side == .a ? joinedB : joinedA)
                    guard measure.score >= PairScorer.paraphraseScore, measure.score >= rival.score,
                          measure.score >= group.score + Self.growthSlack, contained >= Self.strongPartContainment else { continue }
                    groups[index].a = a
                    groups[index].b = b
                    groups[index].measure = measure
                    if side == .a { groupOfA[neighbour] = index; groupOfB[partner] = nil }
                    else { groupOfB[neighbour] = index; groupOfA[partner] = nil }
                    groups[other].a = []
                    groups[other].b = []
                    break
                }
            }
        }
    }

    private func grow(_ group: inout Draft, id: Int, groupOfA: inout [Int?], groupOfB: inout [Int?]) {
        while group.a.count + group.b.count < 5 {
            var options: [(side: Side, sentence: Int)] = []
            if group.b.count == 1 {
                for neighbour in neighbours(of: group.a, in: comparedA, positions: positionA, paragraphs: paragraphOfA) where groupOfA[neighbour] == nil {
                    options.append((.a, neighbour))
                }
            }
            if group.a.count == 1 {
                for neighbour in neighbours(of: group.b, in: comparedB, positions: positionB, paragraphs: paragraphOfB) where groupOfB[neighbour] == nil {
                    options.append((.b, neighbour))
                }
            }
            var best: (gain: Double, measure: PairScorer.Measure, side: Side, sentence: Int)?
            for option in options {
                let a = option.side == .a ? (group.a + [option.sentence]).sorted() : group.a
                let b = option.side == .b ? (group.b + [option.sentence]).sorted() : group.b
                let joinedA = SentenceProfile.joined(a.map { profilesA[$0] })
                let joinedB = SentenceProfile.joined(b.map { profilesB[$0] })
                let measure = scorer.measure(joinedA, joinedB)
                let score = measure.score
                let part = option.side == .a ? profilesA[option.sentence] : profilesB[option.sentence]
                let contained = containment(part, in: option.side == .a ? joinedB : joinedA)
                // How much more of the single side the group now explains.
                let explained = option.side == .a
                    ? measure.containmentB - group.measure.containmentB
                    : measure.containmentA - group.measure.containmentA
                let scoreGain = score - group.score
                let accepted = contained >= Self.partContainment && score >= PairScorer.paraphraseScore
                    && (scoreGain >= Self.growthSlack || (explained >= Self.explainedGain && contained >= Self.strongPartContainment))
                guard accepted else { continue }
                let gain = scoreGain + explained
                if gain > (best?.gain ?? -Double.infinity) { best = (gain, measure, option.side, option.sentence) }
            }
            guard let chosen = best else { return }
            if chosen.side == .a {
                group.a = (group.a + [chosen.sentence]).sorted()
                groupOfA[chosen.sentence] = id
            } else {
                group.b = (group.b + [chosen.sentence]).sorted()
                groupOfB[chosen.sentence] = id
            }
            group.measure = chosen.measure
        }
    }

    /// The compared sentences just before and after a run, in the same or an adjacent paragraph.
    private func neighbours(of run: [Int], in compared: [Int], positions: [Int], paragraphs: [Int]) -> [Int] {
        guard let first = run.first, let last = run.last else { return [] }
        let firstPosition = positions[first], lastPosition = positions[last]
        var result: [Int] = []
        if firstPosition > 0 {
            let previous = compared[firstPosition - 1]
            if paragraphs[first] - paragraphs[previous] <= 1 { result.append(previous) }
        }
        if lastPosition + 1 < compared.count {
            let next = compared[lastPosition + 1]
            if paragraphs[next] - paragraphs[last] <= 1 { result.append(next) }
        }
        return result
    }

    /// Share of a sentence's content weight found in another passage.
    private func containment(_ part: SentenceProfile, in whole: SentenceProfile) -> Double {
        var total = 0.0, found = 0.0
        var j = 0
        for term in part.terms {
            while j < whole.terms.count && whole.terms[j].term < term.term { j += 1 }
            total += scorer.idf[term.term] * Double(term.count)
            if j < whole.terms.count && whole.terms[j].term == term.term {
                found += scorer.idf[term.term] * Double(min(term.count, whole.terms[j].count))
            }
        }
        return total > 0 ? found / total : 0
    }

    /// Marks the groups that are not on the longest chain in text order on both sides.
    private func markMoves(_ groups: inout [Draft]) {
        let order = groups.indices.sorted { groups[$0].a[0] < groups[$1].a[0] }
        let keys = order.map { groups[$0].b[0] }
        let chain = Set(LongestIncreasing.indices(keys).map { order[$0] })
        for index in groups.indices where !chain.contains(index) { groups[index].moved = true }
    }
}

/// Longest strictly increasing subsequence in O(n log n) (patience sorting).
enum LongestIncreasing {
    /// Positions in `values` of one longest strictly increasing subsequence.
    static func indices(_ values: [Int]) -> [Int] {
        var tails: [Int] = []          // positions of the smallest tail of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (position, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[position] = tails[low - 1] }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var result: [Int] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 { result.append(cursor); cursor = previous[cursor] }
        return result.reversed()
    }
}
