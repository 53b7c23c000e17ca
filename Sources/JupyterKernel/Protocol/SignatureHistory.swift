import Synchronization

/// The signatures already accepted, so a replayed message is rejected (as jupyter_client does).
///
/// Bounded to the newest 4,096 signatures (jupyter_client keeps 65,536) so a long-running kernel
/// does not grow; a replay older than that is caught by nothing else, a documented trade-off.
/// A reference type because every socket thread must consult the same history; its only state
/// is behind a `Mutex`, hence `Sendable`. Bounded: the oldest signatures are forgotten first.
public final class SignatureHistory: Sendable {
  /// A signature folded into four words, so remembering one allocates nothing.
  private struct Key: Hashable {
    var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0, extra: [UInt8] = []

    /// The 64 lowercase hex digits of an HMAC-SHA256 signature in four words; any other text
    /// (which never verifies) is kept whole.
    init(_ signature: [UInt8]) {
      guard signature.count == 64 else {
        extra = signature
        return
      }
      var words: [UInt64] = [0, 0, 0, 0]
      for (i, byte) in signature.enumerated() {
        let digit: UInt64
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
        default:
          extra = signature
          return
        }
        words[i / 16] = words[i / 16] << 4 | digit
      }
      (a, b, c, d) = (words[0], words[1], words[2], words[3])
    }
  }

  private struct State {
    var seen: Set<Key> = []
    var order: [Key] = []
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
    let signature = Key(signature)
    return state.withLock { s in
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
