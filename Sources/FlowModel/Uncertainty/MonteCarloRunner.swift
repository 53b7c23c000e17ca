import Dispatch
import Synchronization

/// Runs numbered Monte Carlo runs on several threads and returns their results in run order.
///
/// Run `i` is computed by `body(i)` alone, so the results do not depend on the number of
/// threads or their timing; the calling thread takes part and polls `isCancelled` between its
/// runs, and the other threads stop at their next run once it says yes.
///
/// ```
/// let squares = try MonteCarloRunner(runs: 100).run(isCancelled: { false }) { i in i * i }
/// ```
public struct MonteCarloRunner: Sendable {
  /// How many runs.
  public var runs: Int
  /// How many threads (the calling one included).
  public var workers: Int

  /// A runner over `runs` runs on `workers` threads (default: two, the machine's cores).
  public init(runs: Int, workers: Int = 2) {
    self.runs = runs
    self.workers = max(1, workers)
  }

  /// Why the runs stopped early.
  public enum Stop: Error, Sendable {
    /// `isCancelled` said yes.
    case cancelled
  }

  /// The results of `body` for runs `0..<runs`, in order.
  /// - Throws: the error of the lowest-numbered run that failed, or ``Stop/cancelled``.
  public func run<T: Sendable>(
    isCancelled: () -> Bool, _ body: @escaping @Sendable (Int) throws -> T
  ) throws -> [T] {
    let shared = Shared<T>(runs: runs)
    let group = DispatchGroup()
    let workers = min(self.workers, max(1, runs))
    for w in 1..<workers {
      DispatchQueue.global().async(group: group) {
        shared.work(first: w, step: workers, body)
      }
    }
    shared.work(first: 0, step: workers, body, isCancelled: isCancelled)
    group.wait()
    return try shared.results()
  }
}

/// The runs' results, shared by the worker threads.
private final class Shared<T: Sendable>: Sendable {
  let stop = Atomic<Bool>(false)
  let slots: Mutex<[Result<T, any Error>?]>

  init(runs: Int) {
    slots = Mutex(Array(repeating: nil, count: runs))
  }

  func work(first: Int, step: Int, _ body: (Int) throws -> T, isCancelled: () -> Bool = { false }) {
    let runs = slots.withLock { $0.count }
    for i in stride(from: first, to: runs, by: step) {
      if isCancelled() { stop.store(true, ordering: .relaxed) }
      if stop.load(ordering: .relaxed) { return }
      let result = Result { try body(i) }
      if case .failure = result { stop.store(true, ordering: .relaxed) }
      slots.withLock { $0[i] = result }
    }
  }

  func results() throws -> [T] {
    let all = slots.withLock { $0 }
    for case .failure(let error)? in all { throw error }
    var out: [T] = []
    out.reserveCapacity(all.count)
    for slot in all {
      switch slot {
      case .success(let value)?: out.append(value)
      case .failure, nil: throw MonteCarloRunner.Stop.cancelled
      }
    }
    return out
  }
}
