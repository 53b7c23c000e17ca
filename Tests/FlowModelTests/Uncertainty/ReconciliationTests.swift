import Foundation
import Testing

@testable import FlowModel

/// The reconciliation algebra on small systems whose answers are known by hand.
@Suite struct ReconciliationTests {
  /// One process, import and export measured with the same σ: both move by the same amount and
  /// their σ shrinks by √2 (the behaviour the STAN help page "Data Reconciliation" describes in
  /// words; its figures are images we could not read, so the numbers here are our own). The
  /// published example with printed figures is checked in Tests/python/test_reconcile.py.
  @Test func equalSigmasMoveEqually() throws {
    var problem = Reconciliation(flows: [.measured(110, sigma: 5), .measured(100, sigma: 5)])
    problem.addBalance("P", [(0, 1), (1, -1)])
    let result = try problem.solve()
    #expect(abs(result.values[0] - 105) < 1e-9 && abs(result.values[1] - 105) < 1e-9)
    #expect(abs(result.sigmas[0] - 5 / 2.0.squareRoot()) < 1e-9)
    // r = 10, var(r) = 50 → χ² = 2, and z = ±5 / √12.5.
    #expect(abs(result.chiSquare - 2) < 1e-9)
    #expect(abs(abs(result.z[0]) - 5 / 12.5.squareRoot()) < 1e-9)
    #expect(abs(result.pValue - 0.15729920705028513) < 1e-12)  // 1 − P(χ²₁ ≤ 2) = erfc(1)
  }

  @Test func unknownsAreComputedOrReportedNotDeterminable() throws {
    // A → P (measured), P → B (unknown), P → C (unknown), P → D (measured): two unknowns, one balance.
    var problem = Reconciliation(flows: [.measured(10, sigma: 1), .unknown, .unknown, .exact(3)])
    problem.addBalance("P", [(0, 1), (1, -1), (2, -1), (3, -1)])
    let result = try problem.solve()
    #expect(result.determinable == [true, false, false, true])
    #expect(result.degreesOfFreedom == 0)
    // Add a balance on Q: B → Q → E, E exact 4: now B = 4 and C = 10 − 4 − 3 = 3 with σ 1.
    var more = Reconciliation(flows: [.measured(10, sigma: 1), .unknown, .unknown, .exact(3), .exact(4)])
    more.addBalance("P", [(0, 1), (1, -1), (2, -1), (3, -1)])
    more.addBalance("Q", [(1, 1), (4, -1)])
    let solved = try more.solve()
    #expect(solved.determinable.allSatisfy { $0 })
    #expect(abs(solved.values[2] - 3) < 1e-12 && abs(solved.sigmas[2] - 1) < 1e-12)
  }

  @Test func contradictoryExactFlowsNameTheProcess() {
    var problem = Reconciliation(flows: [.exact(10), .exact(9), .measured(5, sigma: 1), .measured(5, sigma: 1)])
    problem.addBalance("P", [(0, 1), (1, -1)])
    problem.addBalance("Q", [(2, 1), (3, -1)])
    #expect(throws: ReconciliationError.contradictoryExactFlows(balances: ["P"], residual: 1)) { try problem.solve() }
  }

  @Test func negativeSigmaIsRejected() {
    let problem = Reconciliation(flows: [.measured(10, sigma: -1)])
    #expect(throws: ReconciliationError.invalidSigma(flow: 0, sigma: -1)) { try problem.solve() }
  }

  @Test func chiSquareTailMatchesClosedForms() {
    // Even degrees of freedom: Q = e^{-x/2} Σ_{i<k/2} (x/2)^i / i!.
    for (x, k) in [(3.0, 2), (7.5, 4), (20.0, 10), (0.4, 6)] {
      var sum = 0.0
      var term = 1.0
      for i in 0..<(k / 2) {
        if i > 0 { term *= (x / 2) / Double(i) }
        sum += term
      }
      let expected = sum * exp(-x / 2)
      #expect(abs(ChiSquare.pValue(x, degreesOfFreedom: k) - expected) < 1e-12)
    }
  }
}
