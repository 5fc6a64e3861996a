extension RandomAccessCollection {
    /// The first index whose element satisfies `belongsToSecondPart`, for a collection in which
    /// every element that does follows every element that does not (a binary search): `endIndex`
    /// when none does. For spans in text order, "the first one starting at or after p".
    func partitioningIndex(where belongsToSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongsToSecondPart(self[middle]) { count = half } else { low = index(after: middle); count -= half + 1 }
        }
        return low
    }
}
