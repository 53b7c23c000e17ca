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

  @Test func aLateRequestOfTheSameBatchIsAborted() throws {
    let start = try #require(HeaderDate.seconds("2026-12-01T10:00:00.000Z"))
    let window = AbortWindow(failedCellStart: start, now: start + 0.05)
    // Created before the failed cell started (Run All sent it with the rest), arriving now.
    #expect(window.covers(Self.request(date: "2026-12-01T09:59:59.990Z"), now: start + 0.3))
    // Too late: the window has closed.
    #expect(
      !window.covers(Self.request(date: "2026-12-01T09:59:59.990Z"), now: start + 0.05 + AbortWindow.timeout + 0.1))
  }

  @Test func aCellSentAfterTheFailureIsServed() throws {
    let start = try #require(HeaderDate.seconds("2026-12-01T10:00:00.000Z"))
    let window = AbortWindow(failedCellStart: start, now: start + 0.05)
    // A client that sends its next cell after seeing the error creates it later.
    #expect(!window.covers(Self.request(date: "2026-12-01T10:00:00.060Z"), now: start + 0.07))
    // Requests without stop_on_error, silent ones and other types are never aborted.
    #expect(!window.covers(Self.request(date: "2026-12-01T09:59:59.990Z", stopOnError: false), now: start + 0.1))
    #expect(!window.covers(Self.request(date: "2026-12-01T09:59:59.990Z", silent: true), now: start + 0.1))
  }

  @Test func withoutADateTheWindowAloneDecides() throws {
    let window = AbortWindow(failedCellStart: 1000, now: 1000.1)
    #expect(window.covers(Self.request(date: ""), now: 1001))
  }
}
