/// Fills flow columns record by record (see ``FlowCSV``).
struct FlowColumnsReader {
  let file: String
  let header: FlowHeader
  /// Whether ids must already be known (a processes file was given).
  let closed: Bool
  var ids: ByteInterner
  var materials = ByteInterner()
  var years: [Int] = []
  var sources: [UInt32] = []
  var targets: [UInt32] = []
  var materialCodes: [UInt32] = []
  var masses: [Double] = []
  var costs: [Double] = []
  var values: [Double] = []
  var sigmas: [Double] = []
  var uncertainties: [Double] = []
  /// Each row's line in the file (kept while reading, for duplicate messages).
  var lines: [Int32] = []
  /// The bytes whose rows the columns are sized for (see ``reserveForFile(readSoFar:)``).
  let region: Range<Int>
  /// Where reading stopped: the next record's index in the file, and its line.
  var next = (index: 0, line: 1)

  init(file: String, header: FlowHeader, processes: [String]?, region: Range<Int>) {
    self.file = file
    self.header = header
    closed = processes != nil
    ids = ByteInterner(processes ?? [])
    self.region = region
  }

  /// The columns read so far.
  var columns: FlowColumns {
    FlowColumns(
      years: years, sources: TextColumn(dictionary: ids.strings, codes: sources),
      targets: TextColumn(dictionary: ids.strings, codes: targets),
      materials: TextColumn(dictionary: materials.strings, codes: materialCodes), masses: masses,
      costs: header.cost == nil ? [Double](repeating: 0, count: years.count) : costs,
      values: header.value == nil ? [Double](repeating: 0, count: years.count) : values,
      sigmas: header.sigma == nil ? nil : sigmas, uncertainties: header.uncertainty == nil ? nil : uncertainties)
  }

  /// Reads one data record; a blank line is skipped.
  mutating func add(_ record: CSVParser.Record, _ buffer: UnsafeMutableBufferPointer<UInt8>) throws {
    if record.count != header.names.count || !addPlain(record, buffer.baseAddress!) {
      try addChecked(record, buffer)
    }
    if years.count == Self.sampleRows { reserveForFile(readSoFar: record.end(record.count - 1) - region.lowerBound) }
  }

  /// Rows read before the columns are sized for the whole file.
  private static var sampleRows: Int { 4096 }

  /// Reserves room for the rows of ``region`` if its rows are as long as the first ones
  /// (`readSoFar` bytes), so the columns are not copied as they grow.
  private mutating func reserveForFile(readSoFar: Int) {
    let rows = Int(Double(region.count) / Double(max(readSoFar, 1)) * Double(years.count) * 1.02) + 16
    years.reserveCapacity(rows)
    lines.reserveCapacity(rows)
    for codes in [\Self.sources, \.targets, \.materialCodes] { self[keyPath: codes].reserveCapacity(rows) }
    let numbers: [(Int?, WritableKeyPath<Self, [Double]>)] = [
      (header.mass, \.masses), (header.cost, \.costs), (header.value, \.values), (header.sigma, \.sigmas),
      (header.uncertainty, \.uncertainties),
    ]
    for (column, path) in numbers where column != nil { self[keyPath: path].reserveCapacity(rows) }
  }

  /// Appends one row read and checked; the optional columns only when the file has them.
  mutating func append(
    year: Int, line: Int, source: UInt32, target: UInt32, material: UInt32, mass: Double, cost: Double?,
    value: Double?, sigma: Double?, uncertainty: Double?
  ) {
    years.append(year)
    lines.append(Int32(truncatingIfNeeded: line))
    sources.append(source)
    targets.append(target)
    materialCodes.append(material)
    masses.append(mass)
    if let cost { costs.append(cost) }
    if let value { values.append(value) }
    if let sigma { sigmas.append(sigma) }
    if let uncertainty { uncertainties.append(uncertainty) }
  }

  /// Reads one data record with every check, throwing the located error for a bad field.
  private mutating func addChecked(_ record: CSVParser.Record, _ buffer: UnsafeMutableBufferPointer<UInt8>) throws {
    let line = record.line
    func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
      var range = record.range(k)
      while range.lowerBound < range.upperBound, Self.isSpace(buffer[range.lowerBound]) {
        range = (range.lowerBound + 1)..<range.upperBound
      }
      while range.upperBound > range.lowerBound, Self.isSpace(buffer[range.upperBound - 1]) {
        range = range.lowerBound..<(range.upperBound - 1)
      }
      return UnsafeBufferPointer(rebasing: buffer[range])
    }
    guard record.count == header.names.count else {
      if (0..<record.count).allSatisfy({ field($0).isEmpty }) { return }
      throw CSVLoadError(
        file: file, line: line, problem: .wrongFieldCount(expected: header.names.count, found: record.count))
    }
    func fail(_ k: Int, _ problem: CSVLoadError.Problem) -> CSVLoadError {
      CSVLoadError(file: file, line: line, column: k + 1, columnName: header.names[k], problem: problem)
    }
    func text(_ k: Int) -> String { String(decoding: field(k), as: UTF8.self) }
    func required(_ k: Int) throws -> UnsafeBufferPointer<UInt8> {
      let bytes = field(k)
      if bytes.isEmpty {
        if (0..<record.count).allSatisfy({ field($0).isEmpty }) { throw BlankRecord() }
        throw fail(k, .emptyField)
      }
      return bytes
    }
    func number(_ k: Int, optional: Bool) throws -> Double {
      let bytes = optional ? field(k) : try required(k)
      if bytes.isEmpty { return optional && (k == header.sigma || k == header.uncertainty) ? .nan : 0 }
      guard let value = FieldNumbers.double(bytes), value.isFinite else { throw fail(k, .notANumber(text(k))) }
      return value * header.factors[k]
    }
    func process(_ k: Int) throws -> UInt32 {
      let bytes = try required(k)
      if let code = ids.code(of: bytes, adding: !closed) { return code }
      guard closed else { throw fail(k, .notUTF8) }
      let id = text(k)
      throw fail(k, .unknownProcess(id, closest: FlowModelError.ranked(ids.strings, near: id).first))
    }
    do {
      let yearBytes = try required(header.year)
      guard let year = FieldNumbers.int(yearBytes) else { throw fail(header.year, .notAYear(text(header.year))) }
      let source = try process(header.source)
      let target = try process(header.target)
      guard let material = materials.code(of: try required(header.material), adding: true) else {
        throw fail(header.material, .notUTF8)
      }
      // With `sigma` or `uncertainty` columns an empty mass is an unmeasured flow (NaN).
      let unmeasured = (header.sigma != nil || header.uncertainty != nil) && field(header.mass).isEmpty
      let mass = unmeasured ? Double.nan : try number(header.mass, optional: false)
      guard !(mass < 0) else { throw fail(header.mass, .negativeMass(mass)) }
      let cost = try header.cost.map { try number($0, optional: true) }
      let value = try header.value.map { try number($0, optional: true) }
      let sigma = try header.sigma.map { try number($0, optional: true) }
      if let sigma, sigma < 0 { throw fail(header.sigma!, .negativeUncertainty(sigma)) }
      let uncertainty = try header.uncertainty.map { try number($0, optional: true) }
      if let uncertainty, uncertainty < 0 { throw fail(header.uncertainty!, .negativeUncertainty(uncertainty)) }
      append(
        year: year, line: line, source: source, target: target, material: material, mass: mass, cost: cost,
        value: value, sigma: sigma, uncertainty: uncertainty)
    } catch is BlankRecord {
      return
    }
  }

  private struct BlankRecord: Error {}

  /// Throws for the first row (in file order) that repeats an earlier (year, source, target,
  /// material). When the combinations fit in 2^30 bits — 200 ids, 4 materials and 35 years take
  /// 5.6 million — a bitmap small enough for the cache replaces hashing; otherwise packed keys go
  /// into an open-addressing table.
  func checkDuplicates() throws {
    guard let low = years.min(), let high = years.max() else { return }
    let (n, m) = (ids.count, max(materials.count, 1))
    let span = (high - low + 1).multipliedReportingOverflow(by: n * n * m)
    if !span.overflow, span.partialValue <= 1 << 30 {
      var seen = [UInt64](repeating: 0, count: span.partialValue / 64 + 1)
      for row in years.indices {
        let key = ((years[row] - low) * n + Int(sources[row])) * n * m + Int(targets[row]) * m + Int(materialCodes[row])
        let bit: UInt64 = 1 << UInt64(key & 63)
        if seen[key >> 6] & bit != 0 { throw duplicate(row) }
        seen[key >> 6] |= bit
      }
    } else {
      var finder = DuplicateFinder()
      for row in years.indices
      where finder.insert(year: years[row], sources[row], targets[row], materialCodes[row], line: Int(lines[row]))
        != nil
      {
        throw duplicate(row)
      }
    }
  }

  /// The error for `row`, naming the line of the earlier row with the same key.
  private func duplicate(_ row: Int) -> CSVLoadError {
    let first = years.indices.first {
      years[$0] == years[row] && sources[$0] == sources[row] && targets[$0] == targets[row]
        && materialCodes[$0] == materialCodes[row]
    }
    return CSVLoadError(
      file: file, line: Int(lines[row]), problem: .duplicateRow(firstLine: Int(lines[first ?? row])))
  }

  @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

/// Finds a repeated (year, source, target, material) with packed integer keys in an
/// open-addressing table.
struct DuplicateFinder {
  private var keys: [UInt64] = []
  private var lines: [Int32] = []
  private var slots = [Int32](repeating: -1, count: 1 << 10)

  /// Records the key; returns the line where it appeared first when it is a repeat.
  mutating func insert(year: Int, _ source: UInt32, _ target: UInt32, _ material: UInt32, line: Int) -> Int? {
    let a = UInt64(UInt32(truncatingIfNeeded: year)) << 32 | UInt64(source)
    let b = UInt64(target) << 32 | UInt64(material)
    let mask = slots.count - 1
    var slot = Self.hash(a, b) & mask
    while slots[slot] >= 0 {
      let k = Int(slots[slot])
      if keys[2 * k] == a, keys[2 * k + 1] == b { return Int(lines[k]) }
      slot = (slot + 1) & mask
    }
    slots[slot] = Int32(lines.count)
    keys.append(a)
    keys.append(b)
    lines.append(Int32(truncatingIfNeeded: line))
    if lines.count * 2 > slots.count { grow() }
    return nil
  }

  /// Both words mixed into every bit (SplitMix64's finaliser): the table uses the low bits, and
  /// a multiply alone would leave the year, in the high half of `a`, out of them.
  private static func hash(_ a: UInt64, _ b: UInt64) -> Int {
    var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ b
    h ^= h >> 32
    h &*= 0xBF58_476D_1CE4_E5B9
    h ^= h >> 29
    h &*= 0x94D0_49BB_1331_11EB
    h ^= h >> 32
    return Int(truncatingIfNeeded: h)
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for k in 0..<lines.count {
      var slot = Self.hash(keys[2 * k], keys[2 * k + 1]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(k)
    }
  }
}
