import Testing

@testable import FlowModel

/// Random streams, input distributions and draws of the bundled model.
@Suite struct MonteCarloTests {
  @Test func streamsAreReproducibleAndDifferByRun() {
    var a = RandomStream(seed: 7, run: 3)
    var b = RandomStream(seed: 7, run: 3)
    var c = RandomStream(seed: 7, run: 4)
    let first = (0..<5).map { _ in a.next() }
    #expect(first == (0..<5).map { _ in b.next() })
    #expect(first != (0..<5).map { _ in c.next() })
  }

  /// 20,000 triangular draws: the sample 5th/50th/95th percentiles lie within four standard
  /// errors of the analytic quantiles (se of a p-quantile = √(p(1−p)/n) / density).
  @Test func triangularPercentilesMatchTheAnalyticQuantiles() {
    let (low, mode, high) = (0.08, 0.10, 0.13)
    let distribution = InputDistribution.triangular(low: low, mode: mode, high: high)
    var stream = RandomStream(seed: 1)
    let n = 20_000
    let sorted = (0..<n).map { _ in distribution.draw(&stream) }.sorted()
    for p in [0.05, 0.5, 0.95] {
      let q = InputDistribution.triangularQuantile(p, low: low, mode: mode, high: high)
      let density =
        q < mode ? 2 * (q - low) / ((high - low) * (mode - low)) : 2 * (high - q) / ((high - low) * (high - mode))
      let se = (p * (1 - p) / Double(n)).squareRoot() / density
      #expect(abs(SampleSummary.percentile(sorted, p) - q) < 4 * se, "p = \(p)")
    }
  }

  @Test func percentileInterpolatesLikeNumpy() {
    // numpy.percentile([1, 2, 3, 4], [25, 75]) == [1.75, 3.25]
    let s = SampleSummary([3, 1, 2, 4], level: 0.5)
    #expect(s.low == 1.75 && s.high == 3.25)
    #expect(abs(s.sd - 1.2909944487358056) < 1e-15)
  }

  @Test func everyDrawOfTheBundledModelIsMassBalanced() throws {
    let model = try MaterialFlowModel.bundled()
    let inputs = model.uncertainInputs()
    #expect(inputs.contains { $0.target == .parameter("SEP_LOSS") })
    #expect(inputs.contains { if case .series = $0.target { true } else { false } })
    var redraws = Redraws()
    for run in 0..<12 {
      var stream = RandomStream(seed: 1, run: UInt64(run))
      let drawn = try model.drawn(inputs, &stream, redraws: &redraws)
      #expect(Self.largestImbalance(drawn) < 1e-6, "run \(run) is not mass-balanced")
      #expect(drawn.flows.allSatisfy { $0.mass >= 0 }, "run \(run) has a negative flow")
      #expect(drawn.flows.map(\.mass) != model.flows.map(\.mass))
    }
    // Independent draws of supply and exports are sometimes infeasible; every rejected draw is
    // counted with the place its derivation reported.
    #expect(redraws.rejected > 0 && redraws.rejected < 100)
    #expect(redraws.attempts == 12 + redraws.rejected)
    #expect(redraws.places.values.reduce(0, +) == redraws.rejected)
    #expect(redraws.places.keys.allSatisfy { $0 == "a process" || $0.split(separator: " ").count == 3 })
  }

  /// The largest |inputs − outputs − stock change| / max(inputs, outputs) over every
  /// non-boundary process and year, summed here from the flows and stocks themselves.
  static func largestImbalance(_ model: MaterialFlowModel) -> Double {
    struct Key: Hashable {
      var year: Int, process: String
    }
    var inputs: [Key: Double] = [:]
    var outputs: [Key: Double] = [:]
    var stock: [Key: Double] = [:]
    for f in model.flows {
      inputs[Key(year: f.year, process: f.target), default: 0] += f.mass
      outputs[Key(year: f.year, process: f.source), default: 0] += f.mass
    }
    for s in model.stocks { stock[Key(year: s.year, process: s.process), default: 0] += s.stockChange }
    let boundary = Set(model.processes.filter(\.isBoundary).map(\.id))
    var worst = 0.0
    for key in Set(inputs.keys).union(outputs.keys) where !boundary.contains(key.process) {
      let i = inputs[key] ?? 0
      let o = outputs[key] ?? 0
      worst = max(worst, abs(i - o - (stock[key] ?? 0)) / max(i, o, 1))
    }
    return worst
  }
}
