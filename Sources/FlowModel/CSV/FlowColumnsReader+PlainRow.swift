extension FlowColumnsReader {
  /// Reads a record in the common case — the right number of fields, none empty that is
  /// required, ids known (or added), numbers valid and not negative — straight from the bytes at
  /// `base`. Returns `false`, having added nothing but interned text, for anything else: ``add(_:_:)``
  /// then reads the record again with every check, and throws the located error or skips a blank
  /// line exactly as before.
  @inline(__always)
  mutating func addPlain(_ record: CSVParser.Record, _ base: UnsafeMutablePointer<UInt8>) -> Bool {
    @inline(__always) func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
      var start = record.start(k)
      var end = record.end(k)
      if start < end, base[start] <= 0x20 || base[end - 1] <= 0x20 {
        while start < end, Self.isSpace(base[start]) { start += 1 }
        while end > start, Self.isSpace(base[end - 1]) { end -= 1 }
      }
      return UnsafeBufferPointer(start: base + start, count: end - start)
    }
    /// An optional number column: `empty` when the field is empty; `nil` when it is not a
    /// finite number, or is negative and `nonNegative`.
    @inline(__always) func number(_ k: Int, empty: Double, nonNegative: Bool) -> Double? {
      let bytes = field(k)
      if bytes.isEmpty { return empty }
      guard let value = FieldNumbers.double(bytes), value.isFinite else { return nil }
      let scaled = value * header.factors[k]
      return nonNegative && scaled < 0 ? nil : scaled
    }
    let yearBytes = field(header.year)
    let sourceBytes = field(header.source)
    let targetBytes = field(header.target)
    let materialBytes = field(header.material)
    guard !yearBytes.isEmpty, !sourceBytes.isEmpty, !targetBytes.isEmpty, !materialBytes.isEmpty,
      let year = FieldNumbers.int(yearBytes),
      let source = ids.code(of: sourceBytes, adding: !closed),
      let target = ids.code(of: targetBytes, adding: !closed),
      let material = materials.code(of: materialBytes, adding: true),
      !field(header.mass).isEmpty,
      let mass = number(header.mass, empty: 0, nonNegative: true)
    else { return false }
    var cost = 0.0
    var value = 0.0
    var sigma = Double.nan
    var uncertainty = Double.nan
    if let k = header.cost {
      guard let v = number(k, empty: 0, nonNegative: false) else { return false }
      cost = v
    }
    if let k = header.value {
      guard let v = number(k, empty: 0, nonNegative: false) else { return false }
      value = v
    }
    if let k = header.sigma {
      guard let v = number(k, empty: .nan, nonNegative: true) else { return false }
      sigma = v
    }
    if let k = header.uncertainty {
      guard let v = number(k, empty: .nan, nonNegative: true) else { return false }
      uncertainty = v
    }
    append(
      year: year, line: record.line, source: source, target: target, material: material, mass: mass,
      cost: header.cost.map { _ in cost }, value: header.value.map { _ in value },
      sigma: header.sigma.map { _ in sigma }, uncertainty: header.uncertainty.map { _ in uncertainty })
    return true
  }
}
