/// Did-you-mean suggestions by edit distance.
package enum Suggestions {
  /// The candidate closest to `word`, if it is close enough to be a plausible typo.
  ///
  /// Case differences cost nothing extra beyond one edit; ties go to the earlier candidate,
  /// so results are deterministic.
  package static func closest(to word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for c in candidates where c != word {
      let d = distance(w, Array(c.lowercased().unicodeScalars))
      let limit = max(1, min(3, (w.count + 1) / 3))
      if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    return best?.0
  }

  /// "did you mean `x`?", or nil.
  package static func didYouMean(_ word: String, in candidates: [String]) -> String? {
    closest(to: word, in: candidates).map { "did you mean `\($0)`?" }
  }

  /// A list of names for a `note:` line, shortened past `limit` entries.
  package static func list(_ names: [String], limit: Int = 12) -> String {
    if names.count <= limit { return names.joined(separator: ", ") }
    return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count) in all)"
  }

  /// Levenshtein distance with transpositions (optimal string alignment).
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          cur[j] = min(cur[j], prev2[j - 2] + 1)
        }
      }
      (prev2, prev, cur) = (prev, cur, prev2)
    }
    return prev[b.count]
  }
}
