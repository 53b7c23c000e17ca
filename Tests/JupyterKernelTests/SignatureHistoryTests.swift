import Testing

@testable import JupyterKernel

@Suite struct SignatureHistoryTests {
  /// A 64-digit lowercase hex signature that differs per `n`.
  func signature(_ n: Int) -> [UInt8] {
    let hex = String(n, radix: 16)
    return Array((String(repeating: "0", count: 64 - hex.count) + hex).utf8)
  }

  @Test func aSecondSightingIsAReplay() {
    let history = SignatureHistory(capacity: 8)
    #expect(history.insert(signature(1)))
    #expect(history.insert(signature(2)))
    #expect(!history.insert(signature(1)))
    // Signatures differing only in the last digit, or in the first, are different.
    #expect(history.insert(Array(("1" + String(repeating: "0", count: 62) + "1").utf8)))
    #expect(history.insert(Array(("f" + String(repeating: "0", count: 63)).utf8)))
  }

  @Test func theOldestAreForgottenPastCapacity() {
    let history = SignatureHistory(capacity: 3)
    for n in 1...4 { #expect(history.insert(signature(n))) }
    #expect(history.insert(signature(1)))  // forgotten, so accepted again
    #expect(!history.insert(signature(4)))  // still remembered
  }

  @Test func textThatIsNotASignatureIsStillRemembered() {
    let history = SignatureHistory(capacity: 4)
    #expect(history.insert(Array("not hex".utf8)))
    #expect(!history.insert(Array("not hex".utf8)))
    #expect(history.insert(Array("NOT HEX".utf8)))
  }
}
