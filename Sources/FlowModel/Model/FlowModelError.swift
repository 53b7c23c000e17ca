/// An error raised by a FlowModel computation or by loading the bundled model.
public enum FlowModelError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A process id that the model does not contain; `candidates` lists valid ids, closest first.
  case unknownProcess(String, candidates: [String])
  /// A year outside the model's range.
  case yearOutOfRange(Int, valid: ClosedRange<Int>)
  /// A material that the model does not contain.
  case unknownMaterial(String, candidates: [String])
  /// A scenario edit that cannot be applied, with the reason.
  case invalidScenario(String)
  /// The model has no flows, so there is no year range.
  case emptyModel
  /// A bundled resource file is missing.
  case resourceMissing(String)
  /// A bundled resource file has a bad value.
  case resourceMalformed(file: String, line: Int, message: String)

  /// A one-line, human-readable message.
  public var description: String {
    switch self {
    case .unknownProcess(let id, let candidates):
      let hint = candidates.prefix(5).joined(separator: ", ")
      return "unknown process '\(id)'; did you mean one of: \(hint)?"
    case .yearOutOfRange(let year, let valid):
      return "year \(year) is outside the model's years \(valid.lowerBound)–\(valid.upperBound)"
    case .unknownMaterial(let name, let candidates):
      return "unknown material '\(name)'; the model has: \(candidates.joined(separator: ", "))"
    case .invalidScenario(let reason):
      return "invalid scenario: \(reason)"
    case .emptyModel:
      return "the model has no flows"
    case .resourceMissing(let file):
      return "bundled resource '\(file)' is missing"
    case .resourceMalformed(let file, let line, let message):
      return "\(file):\(line): \(message)"
    }
  }
}

extension FlowModelError {
  /// The candidates ordered by edit distance to `name`, closest first.
  static func ranked(_ candidates: [String], near name: String) -> [String] {
    let target = Array(name.uppercased())
    return candidates.sorted {
      let a = editDistance(Array($0.uppercased()), target)
      let b = editDistance(Array($1.uppercased()), target)
      return a == b ? $0 < $1 : a < b
    }
  }

  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
