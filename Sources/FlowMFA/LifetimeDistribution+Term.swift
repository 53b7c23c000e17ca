import FlowModel
import FlowQL

extension LifetimeDistribution {
  /// The distribution a term such as `weibull(shape = 2.5, scale = 14)` names: arguments are
  /// positional (in the documented order) or named, in years.
  ///
  /// - Throws: ``VerbError`` for an unknown distribution, a missing, unknown or repeated
  ///   parameter, a value that is not a number, or a value out of range.
  init(term: VerbTerm, clause: String) throws {
    let known = Self.parameterNames
    let key = term.name.lowercased()
    guard let (name, names) = known.first(where: { $0.name == key }) else {
      throw VerbError(
        "unknown lifetime distribution `\(term.name)`",
        help: Suggestions.didYouMean(term.name, in: known.map(\.name))
          ?? "distributions: "
          + known.map { "\($0.name)(\($0.parameters.joined(separator: ", ")))" }
          .joined(separator: ", "), clause: clause)
    }
    let usage = "\(name)(" + names.map { "\($0) = …" }.joined(separator: ", ") + ")"
    var values = [Double?](repeating: nil, count: names.count)
    for (position, argument) in term.arguments.enumerated() {
      let slot: Int
      if let label = argument.label {
        guard let i = names.firstIndex(of: label.lowercased()) else {
          throw VerbError(
            "`\(name)` has no parameter `\(label)`",
            help: Suggestions.didYouMean(label, in: names) ?? "write \(usage)", clause: clause)
        }
        slot = i
      } else {
        guard position < names.count else {
          throw VerbError("`\(name)` takes \(names.count) parameters", help: "write \(usage)", clause: clause)
        }
        slot = position
      }
      guard values[slot] == nil else {
        throw VerbError("`\(names[slot])` is given twice", help: "write \(usage)", clause: clause)
      }
      guard case .value(.number(let v, let dimension)) = argument.value, dimension == .none else {
        throw VerbError(
          "`\(names[slot])` of `\(name)` must be a number of years", help: "write \(usage)", clause: clause)
      }
      values[slot] = v
    }
    if let missing = values.firstIndex(where: { $0 == nil }) {
      throw VerbError("`\(name)` needs `\(names[missing])`", help: "write \(usage)", clause: clause)
    }
    guard let distribution = Self(name: name, parameters: values.compactMap { $0 }) else {
      throw VerbError("`\(name)` takes \(names.count) parameters", help: "write \(usage)", clause: clause)
    }
    do {
      try distribution.validate()
    } catch {
      throw VerbError(error.description, help: Self.rangeHelp(name), clause: clause)
    }
    self = distribution
  }

  private static func rangeHelp(_ name: String) -> String {
    switch name {
    case "weibull": "shape and scale are > 0, as in `weibull(shape = 2.5, scale = 14)`"
    case "fixed": "the lifetime is ≥ 0 years, as in `fixed(t = 10)`"
    default: "the mean is ≥ 0 and the sd > 0 years, as in `\(name)(mean = 12, sd = 4)`"
    }
  }
}
