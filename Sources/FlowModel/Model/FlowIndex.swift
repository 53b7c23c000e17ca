/// Integer indices over a model's flows, so computations avoid per-row dictionary look-ups.
///
/// The per-flow indices are views over the flows' dictionary codes (no per-row arrays of their
/// own), so a loaded million-row model pays nothing extra for them.
struct FlowIndex: Sendable {
  /// Per-row integers read through a small table: `map[codes[row]]`.
  struct Codes: Sendable, RandomAccessCollection {
    let codes: [UInt32]
    let map: [Int]
    var startIndex: Int { 0 }
    var endIndex: Int { codes.count }
    subscript(row: Int) -> Int { map[Int(codes[row])] }
  }

  /// Process id → position in the model's `processes`.
  let processIndex: [String: Int]
  /// Distinct years, ascending.
  let years: [Int]
  /// Distinct materials, in order of first appearance.
  let materials: [String]
  /// Material name → position in `materials`.
  let materialIndex: [String: Int]
  /// Per flow: the source process index.
  let source: Codes
  /// Per flow: the target process index.
  let target: Codes
  /// Per flow: the material index.
  let material: Codes
  /// Per year index: the range of flow positions of that year (flows are sorted by year).
  let yearRanges: [Range<Int>]
  /// Per process index: the distinct successor process indices.
  let successors: [[Int]]
  /// Per process index: the distinct predecessor process indices.
  let predecessors: [[Int]]

  /// Indices over flows given as values (in their order).
  init(processes: [Process], flows: [Flow]) {
    self.init(processes: processes, flows: FlowColumns(flows))
  }

  init(processes: [Process], flows: FlowColumns) {
    var processIndex: [String: Int] = [:]
    for (i, p) in processes.enumerated() { processIndex[p.id] = i }
    source = Codes(codes: flows.sources.codes, map: flows.sources.dictionary.map { processIndex[$0] ?? 0 })
    target = Codes(codes: flows.targets.codes, map: flows.targets.dictionary.map { processIndex[$0] ?? 0 })
    // Materials in order of first appearance in the (year-sorted) flows.
    var materialOfCode = [Int](repeating: -1, count: flows.materials.dictionary.count)
    var materials: [String] = []
    for code in flows.materials.codes where materialOfCode[Int(code)] < 0 {
      materialOfCode[Int(code)] = materials.count
      materials.append(flows.materials.dictionary[Int(code)])
      if materials.count == materialOfCode.count { break }
    }
    material = Codes(codes: flows.materials.codes, map: materialOfCode.map { max($0, 0) })
    var years: [Int] = []
    var ranges: [Range<Int>] = []
    for (i, year) in flows.years.enumerated() where years.last != year {
      if !years.isEmpty { ranges.append((ranges.last?.upperBound ?? 0)..<i) }
      years.append(year)
    }
    if !years.isEmpty { ranges.append((ranges.last?.upperBound ?? 0)..<flows.count) }
    self.processIndex = processIndex
    self.years = years
    self.materials = materials
    self.materialIndex = Dictionary(uniqueKeysWithValues: materials.enumerated().map { ($1, $0) })
    self.yearRanges = ranges
    (successors, predecessors) = Self.links(source, target, processCount: processes.count)
  }

  /// Each process's distinct successors and predecessors, ascending.
  private static func links(_ source: Codes, _ target: Codes, processCount: Int) -> ([[Int]], [[Int]]) {
    // Distinct (source code, target code) pairs first: a few hundred ids make at most a few
    // ten thousand pairs, however many rows there are.
    let width = target.map.count
    guard source.map.count * width <= 1 << 24 else {
      var pairs = Set<UInt64>()
      for row in source.indices { pairs.insert(UInt64(source.codes[row]) << 32 | UInt64(target.codes[row])) }
      var succ = Array(repeating: Set<Int>(), count: processCount)
      for pair in pairs { succ[source.map[Int(pair >> 32)]].insert(target.map[Int(pair & 0xFFFF_FFFF)]) }
      return sortedLinks(succ)
    }
    var seen = [Bool](repeating: false, count: source.map.count * width)
    source.codes.withUnsafeBufferPointer { s in
      target.codes.withUnsafeBufferPointer { t in
        for row in s.indices { seen[Int(s[row]) * width + Int(t[row])] = true }
      }
    }
    var succ = Array(repeating: Set<Int>(), count: processCount)
    for (pair, linked) in seen.enumerated() where linked {
      succ[source.map[pair / width]].insert(target.map[pair % width])
    }
    return sortedLinks(succ)
  }

  private static func sortedLinks(_ succ: [Set<Int>]) -> ([[Int]], [[Int]]) {
    var pred = Array(repeating: [Int](), count: succ.count)
    for (s, targets) in succ.enumerated() {
      for t in targets { pred[t].append(s) }
    }
    return (succ.map { $0.sorted() }, pred.map { $0.sorted() })
  }

  /// The position of `year` in `years`, or `nil`.
  func yearPosition(_ year: Int) -> Int? {
    guard let first = years.first, year >= first else { return nil }
    let i = year - first
    if i < years.count, years[i] == year { return i }
    return years.firstIndex(of: year)
  }
}
