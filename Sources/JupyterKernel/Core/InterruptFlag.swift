import Synchronization

/// A flag raised by SIGINT or `interrupt_request` and read by the running evaluation.
///
/// A reference type because the signal, control and shell threads share it; its only state is
/// an atomic, hence `Sendable`.
public final class InterruptFlag: Sendable {
  private let raised = Atomic<Bool>(false)

  /// Creates a lowered flag.
  public init() {}

  /// Whether an interrupt is pending.
  public var isRaised: Bool { raised.load(ordering: .acquiring) }

  /// Asks the running evaluation to stop.
  public func raise() { raised.store(true, ordering: .releasing) }

  /// Clears the flag before a new execution starts.
  public func lower() { raised.store(false, ordering: .releasing) }
}
