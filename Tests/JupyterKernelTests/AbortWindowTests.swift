import Foundation
import Testing

@testable import JupyterKernel

/// Run All stops at the first error even when later cells arrive after the failure (issue 18).
@Suite struct AbortWindowTests {
  static func request(date: String, stopOnError: Bool = true, silent: Bool = false) -> Message {
    Message(
      header: MessageHeader(
        msgID: UUID().uuidString, session: "s", username: "u", date: date, msgType: "execute_request", version: "5.4"),
      content: InMemoryKernel.execute("x", silent: silent, stopOnError: stopOnError))
  }

  /// Seconds since 1970 by Foundation's own ISO-8601 parser, as an independent reference.
  static func reference(_ text: String) -> Double {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!.timeIntervalSince1970
  }

  @Test(arguments: [
    "2024-05-01T12:00:00.123456Z", "2026-12-01T01:02:03.500+02:00", "2024-02-29T23:59:59Z",
    "1999-12-31T23:59:59.25-05:30",
  ])
  func headerDatesParseLikeFoundation(_ text: String) throws {
    let seconds = try #require(HeaderDate.seconds(text))
    #expect(abs(seconds - Self.reference(text)) < 1e-3)
  }

  @Test func somethingElseIsNoDate() {
    #expect(HeaderDate.seconds("yesterday") == nil)
    #expect(HeaderDate.seconds("") == nil)
    #expect(HeaderDate.seconds("2024-13-01T00:00:00Z") == nil)
  }

  static let failedAt = HeaderDate.seconds("2026-12-01T10:00:00.000Z")!

  /// A request dated `offset` seconds after the failure (client clock).
  static func request(after offset: Double, session: String = "s") -> Message {
    var message = request(date: date(failedAt + offset))
    message.header.session = session
    return message
  }

  /// The ISO-8601 text of `seconds`, by Foundation (independent of the parser under test).
  static func date(_ seconds: Double) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Date(timeIntervalSince1970: seconds))
  }

  static func window(aborted: [Double] = [], correction: Double = 0) -> AbortWindow {
    AbortWindow(
      failed: request(after: -0.2), failedAt: failedAt, clockCorrection: correction,
      aborted: aborted.map { request(after: $0) })
  }

  @Test func aLateRequestCreatedBeforeTheFailureIsAborted() {
    var window = Self.window()
    let answer1 = window.admits(Self.request(after: -0.01), now: Self.failedAt + 0.3)
    #expect(answer1)
    #expect(window.isOpen)
  }

  @Test func aBatchCreatedSlowlyIsAbortedToItsEnd() {
    // Under load a browser creates the rest of Run All after the kernel answered the failed
    // cell: cells 20 ms apart, all but the first created after the failure.
    var window = Self.window()
    for cell in 0..<25 {
      let created = -0.01 + Double(cell) * 0.02
      let aborted = window.admits(Self.request(after: created), now: Self.failedAt + 0.5 + created)
      #expect(aborted, "cell \(cell)")
    }
    // The user's next run, seconds later, is served and ends the batch.
    let answer1 = window.admits(Self.request(after: 4), now: Self.failedAt + 4.1)
    #expect(!answer1)
    #expect(!window.isOpen)
    let answer2 = window.admits(Self.request(after: 4.01), now: Self.failedAt + 4.2)
    #expect(!answer2)
  }

  @Test func theQueueAbortedAtTheFailureStartsTheChain() {
    var window = Self.window(aborted: [-0.05, 0.1])
    let answer1 = window.admits(Self.request(after: 0.4), now: Self.failedAt + 0.6)
    #expect(answer1)
    let answer2 = window.admits(Self.request(after: 0.4 + AbortWindow.chainGap + 0.1), now: Self.failedAt + 2)
    #expect(!answer2)
  }

  @Test func aCellSentAfterSeeingTheFailureIsServed() {
    // A client that waits for each reply: its next request is created after the failure, and
    // nothing was aborted before it.
    var window = Self.window()
    let answer1 = window.admits(Self.request(after: 0.003), now: Self.failedAt + 0.004)
    #expect(!answer1)
    #expect(!window.isOpen)
  }

  @Test func otherClientsAndOtherRequestsAreServedAndLeaveTheWindowOpen() {
    var window = Self.window()
    let answer1 = window.admits(Self.request(after: -0.01, session: "console"), now: Self.failedAt + 0.1)
    #expect(!answer1)
    var info = Self.request(after: -0.01)
    info.header.msgType = "kernel_info_request"
    let answer2 = window.admits(info, now: Self.failedAt + 0.1)
    #expect(!answer2)
    #expect(window.isOpen)
    let answer3 = window.admits(Self.request(after: -0.005), now: Self.failedAt + 0.2)
    #expect(answer3)
  }

  @Test func theWindowCloses() {
    var window = Self.window()
    let answer1 = window.admits(Self.request(after: -0.01), now: Self.failedAt + AbortWindow.timeout + 0.1)
    #expect(!answer1)
    #expect(!window.isOpen)
  }

  @Test func withoutADateTheWindowAloneDecides() {
    var window = Self.window()
    let answer1 = window.admits(Self.request(date: ""), now: Self.failedAt + 1)
    #expect(answer1)
  }

  @Test func aClientWhoseClockIsBehindIsCorrected() {
    // The client's clock is 30 s behind: its dates look earlier than the failure, but read on
    // the kernel's clock this request was created after it.
    var clocks = ClientClocks()
    clocks.observe(Self.request(after: -30.2), at: Self.failedAt - 0.19)
    let correction = clocks.correction(of: "s")
    #expect(abs(correction - 30.01) < 1e-6)
    var window = Self.window(correction: correction)
    let answer1 = window.admits(Self.request(after: -29.9), now: Self.failedAt + 0.2)
    #expect(!answer1)
    // One created before the failure is still aborted.
    var again = Self.window(correction: correction)
    let answer2 = again.admits(Self.request(after: -30.1), now: Self.failedAt + 0.2)
    #expect(answer2)
  }

  @Test func datesThatAgreeWithinTheToleranceAreTravelTime() {
    var clocks = ClientClocks()
    clocks.observe(Self.request(after: -1), at: Self.failedAt - 0.8)
    clocks.observe(Self.request(after: -0.5), at: Self.failedAt - 0.37)
    #expect(clocks.correction(of: "s") == 0)
    #expect(clocks.correction(of: "never seen") == 0)
    // A client ahead of the kernel is corrected back.
    clocks.observe(Self.request(after: 5, session: "ahead"), at: Self.failedAt)
    #expect(abs(clocks.correction(of: "ahead") + 5) < 1e-6)
  }
}
