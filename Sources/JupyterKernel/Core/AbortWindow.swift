/// After a `stop_on_error` failure, which late-arriving execute requests to abort as well.
///
/// A frontend's Run All sends every cell at once, but the kernel may finish the failed cell
/// before the later requests arrive, so the queue it aborts is empty and the rest of the
/// notebook runs into errors. Like ipykernel's `stop_on_error_timeout`, an execute request with
/// `stop_on_error` that arrives within ``timeout`` seconds of the failure is aborted too —
/// provided its header says it was created before the failed cell started running. A client
/// that sends its next cell after seeing the failure creates it later, and it is served.
public struct AbortWindow: Sendable, Hashable {
  /// How long after a failure late requests are aborted, in seconds.
  public static let timeout = 2.0

  /// When the failed execution started (seconds since 1970, kernel clock).
  public let failedCellStart: Double
  /// Until when requests are aborted (seconds since 1970, kernel clock).
  public let closes: Double

  /// A window opened by a failure whose execution started at `failedCellStart` and ended `now`.
  public init(failedCellStart: Double, now: Double, timeout: Double = Self.timeout) {
    self.failedCellStart = failedCellStart
    self.closes = now + timeout
  }

  /// Whether `request`, arriving `now`, is a late part of the batch the failure stopped.
  public func covers(_ request: Message, now: Double) -> Bool {
    guard now <= closes, request.msgType == "execute_request",
      let parsed = try? request.content.decode(ExecuteRequest.self), parsed.stopOnError, !parsed.silent
    else { return false }
    // Without a readable date, the window alone decides (as in ipykernel).
    guard let created = HeaderDate.seconds(request.header.date) else { return true }
    return created < failedCellStart
  }
}
