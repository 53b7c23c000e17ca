import Dispatch
import JupyterKernel

/// A "still running" line for long cells: shown once a cell has run for `delay` seconds,
/// updated in place (`update_display_data`) every half second, cleared when the cell's outputs come.
///
/// Only cells slower than `delay` show it, so quick cells — and saved notebooks — stay
/// byte-identical from run to run.
struct Progress {
  let delay: Double
  let displayID: String
  private let start = DispatchTime.now().uptimeNanoseconds
  private var lastShown: UInt64?

  init(delay: Double, displayID: String) {
    self.delay = delay
    self.displayID = displayID
  }

  private func seconds(_ now: UInt64) -> Double { Double(now - start) / 1e9 }

  private func bundle(_ elapsed: Double) -> DisplayBundle {
    let tenths = Int((elapsed * 10).rounded())
    let text = "running… \(tenths / 10).\(tenths % 10) s"
    return DisplayBundle(data: [
      "text/plain": .string(text),
      "text/html": .string(#"<p class="flowql-progress" style="color: #666;">"# + text + "</p>"),
    ])
  }

  /// Shows or refreshes the line when it is due.
  mutating func tick(_ context: ExecutionContext) {
    let now = DispatchTime.now().uptimeNanoseconds
    guard seconds(now) >= delay else { return }
    if let last = lastShown {
      guard Double(now - last) / 1e9 >= 0.5 else { return }
      context.updateDisplay(bundle(seconds(now)), displayID: displayID)
    } else {
      context.display(bundle(seconds(now)), displayID: displayID)
    }
    lastShown = now
  }

  /// Clears a shown line (and with it the cell's output so far, which is only that line) before
  /// the cell's outputs are sent, so a slow cell's outputs are the same as a quick one's, in the
  /// same order: the notebook stays byte-identical however long a cell took.
  mutating func clear(_ context: ExecutionContext) {
    guard lastShown != nil else { return }
    context.clearOutput(wait: false)
    lastShown = nil
  }

  /// Replaces a shown line with `result` (or with nothing); returns whether a line was shown.
  @discardableResult
  func finish(_ context: ExecutionContext, with result: DisplayBundle?) -> Bool {
    guard lastShown != nil else { return false }
    context.updateDisplay(result ?? DisplayBundle(data: ["text/plain": ""]), displayID: displayID)
    return true
  }
}
