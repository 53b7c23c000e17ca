/// How to read each client's header dates on the kernel's clock, learnt from the requests it sends.
///
/// A request read at kernel time `t` and dated `d` by its client gives `t − d` = the clock
/// difference plus the time the request travelled and waited; the smallest such value seen is
/// an upper bound of the difference. When it is small the client shares the kernel's clock (the
/// same machine, or synchronised ones) and the value is travel time, not a clock difference.
public struct ClientClocks: Sendable, Hashable {
  /// The most sessions remembered; older ones are forgotten first.
  public static let capacity = 64
  /// Up to how many seconds behind a client's dates are taken as travel time, not a clock difference.
  public static let tolerance = 2.0

  private var offsets: [String: Double] = [:]
  private var order: [String] = []

  /// No client seen yet.
  public init() {}

  /// Learns from `request`, read at `now` (kernel clock, seconds since 1970).
  public mutating func observe(_ request: Message, at now: Double) {
    guard let created = HeaderDate.seconds(request.header.date) else { return }
    let session = request.header.session
    let offset = now - created
    if let known = offsets[session] {
      offsets[session] = min(known, offset)
      return
    }
    if order.count == Self.capacity { offsets[order.removeFirst()] = nil }
    order.append(session)
    offsets[session] = offset
  }

  /// What to add to a date of `session`'s to read it on the kernel's clock: 0 when its dates
  /// agree within ``tolerance`` or it was never seen, else the smallest difference seen.
  public func correction(of session: String) -> Double {
    guard let offset = offsets[session], offset < 0 || offset > Self.tolerance else { return 0 }
    return offset
  }
}
