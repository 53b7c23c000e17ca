import Synchronization

/// The signatures already accepted, so a replayed message is rejected (as jupyter_client does).
///
/// Bounded to the newest 4,096 signatures (jupyter_client keeps 65,536) so a long-running kernel
/// does not grow; a replay older than that is caught by nothing else, a documented trade-off.
/// A reference type because every socket thread must consult the same history; its only state
/// is behind a `Mutex`, hence `Sendable`. Bounded: the oldest signatures are forgotten first.
public final class SignatureHistory: Sendable {
  private struct State {
    var seen: Set<[UInt8]> = []
    var order: [[UInt8]] = []
    var head = 0
  }

  private let state = Mutex(State())
  private let capacity: Int

  /// Creates a history that remembers up to `capacity` signatures.
  public init(capacity: Int = 4096) {
    self.capacity = capacity
  }

  /// Records `signature`; returns `false` when it was already seen (a replay).
  public func insert(_ signature: [UInt8]) -> Bool {
    state.withLock { s in
      guard s.seen.insert(signature).inserted else { return false }
      if s.order.count < capacity {
        s.order.append(signature)
      } else {
        s.seen.remove(s.order[s.head])
        s.order[s.head] = signature
        s.head = (s.head + 1) % capacity
      }
      return true
    }
  }
}
