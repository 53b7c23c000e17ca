extension FlowColumnsReader {
  /// Appends the rows `other` read after this reader's (the second half of a file): its ids and
  /// materials are numbered in this reader's dictionaries, in `other`'s order of first
  /// appearance — the codes reading the whole file in one pass gives — and its lines, which
  /// counted from 1, are shifted by `lineOffset`.
  mutating func append(_ other: FlowColumnsReader, lineOffset: Int) {
    let idCodes = other.ids.strings.map { ids.code(adding: $0) }
    let materialCodesMap = other.materials.strings.map { materials.code(adding: $0) }
    years += other.years
    let shift = Int32(truncatingIfNeeded: lineOffset)
    lines += other.lines.lazy.map { $0 &+ shift }
    sources += Self.renumbered(other.sources, idCodes)
    targets += Self.renumbered(other.targets, idCodes)
    materialCodes += Self.renumbered(other.materialCodes, materialCodesMap)
    masses += other.masses
    costs += other.costs
    values += other.values
    sigmas += other.sigmas
    uncertainties += other.uncertainties
  }

  /// `codes` read through `map`; unchanged when `map` is the identity.
  private static func renumbered(_ codes: [UInt32], _ map: [UInt32]) -> [UInt32] {
    if map.indices.allSatisfy({ map[$0] == UInt32($0) }) { return codes }
    return codes.map { map[Int($0)] }
  }
}
