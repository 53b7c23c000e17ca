/// After a `stop_on_error` failure, which later execute requests belong to the batch it stopped.
///
/// A frontend's Run All creates every cell's request in one go, but it may deliver them slowly:
/// under load JupyterLab creates and sends the later cells after the kernel has already answered
/// the failed one, so the queue the kernel aborts at the failure is empty or short and the rest
/// of the notebook would run into errors (ipykernel's `stop_on_error_timeout` has the same
/// problem). The window therefore aborts, for up to ``timeout`` seconds after the failure, the
/// execute requests of the failed request's session (as ipykernel aborts every execute request
/// while it aborts) that are
/// - **anchored**: created before the failure, their dates read on the kernel's clock
///   (``ClientClocks``); or
/// - **chained**: created within ``chainGap`` seconds of a request already aborted in this batch:
///   a client that sees the error answers later than that, because a browser creates the whole
///   batch before it handles any reply.
///
/// The first such request that is neither closes the window: it is a new run, and is served.
/// Requests of other sessions are served and leave the window open.
public struct AbortWindow: Sendable, Hashable {
  /// The longest time after a failure in which late requests of its batch are aborted, in seconds.
  public static let timeout = 60.0
  /// The longest gap between the creation dates of two requests of one batch, in seconds.
  public static let chainGap = 0.5

  /// The session of the failed request: requests of other clients are not in its batch.
  public let session: String
  /// When the failure was announced (seconds since 1970, kernel clock).
  public let failedAt: Double
  /// Until when requests can be aborted (seconds since 1970, kernel clock).
  public let closes: Double
  /// What to add to the session's dates to read them on the kernel's clock (seconds).
  public let clockCorrection: Double
  /// The creation date (client clock) of the newest request aborted in this batch.
  public private(set) var newestAborted: Double?
  /// Whether later requests can still be aborted.
  public private(set) var isOpen = true

  /// A window opened by `failed`, announced at `failedAt`, after the requests `aborted` (those
  /// already queued at the failure) were aborted.
  public init(
    failed: Message, failedAt: Double, clockCorrection: Double, aborted: [Message] = [], timeout: Double = Self.timeout
  ) {
    self.session = failed.header.session
    self.failedAt = failedAt
    self.closes = failedAt + timeout
    self.clockCorrection = clockCorrection
    for request in aborted where request.header.session == session {
      if let created = HeaderDate.seconds(request.header.date) { remember(created) }
    }
  }

  /// Whether `request`, read at `now`, is a late part of the stopped batch (and is to be aborted).
  /// An execute request of the session that is not closes the window.
  public mutating func admits(_ request: Message, now: Double) -> Bool {
    guard isOpen, request.msgType == "execute_request", request.header.session == session else { return false }
    guard now <= closes else {
      isOpen = false
      return false
    }
    // Without a readable date, the window alone decides (as in ipykernel).
    guard let created = HeaderDate.seconds(request.header.date) else { return true }
    let anchored = created + clockCorrection < failedAt
    let chained = newestAborted.map { created <= $0 + Self.chainGap } ?? false
    guard anchored || chained else {
      isOpen = false
      return false
    }
    remember(created)
    return true
  }

  private mutating func remember(_ created: Double) {
    newestAborted = max(newestAborted ?? created, created)
  }
}
