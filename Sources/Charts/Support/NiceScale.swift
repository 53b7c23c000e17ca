#if canImport(Glibc)
  import Glibc
#endif

/// A linear scale with a "nice" domain and 1-2-5 ticks, ported from d3-array's `ticks.js`.
struct NiceScale: Sendable, Hashable {
  /// The nice domain, extended outward to tick multiples.
  var lower: Double
  var upper: Double
  /// The tick values, from lower to upper.
  var ticks: [Double]
  /// The digits after the point the tick labels need (0 for a step of 1 or more).
  var decimals: Int

  /// A scale covering `[low, high]` with about `count` ticks; `integerStep` forbids steps below 1
  /// (years). A zero-width domain is widened by one step so it still draws.
  init(_ low: Double, _ high: Double, count: Int, integerStep: Bool = false) {
    var start = min(low, high)
    var stop = max(low, high)
    if !start.isFinite || !stop.isFinite {
      start = 0
      stop = 1
    }
    if start == stop {
      let pad = start == 0 ? 1 : abs(start) * 0.1
      start -= start < 0 || !integerStep ? pad : 0
      stop += pad
      if start > 0 && low >= 0 && !integerStep { start = max(0, start) }
    }
    let count = max(count, 1)
    var previous: Double?
    for _ in 0..<10 {
      var step = Self.increment(start, stop, count)
      if integerStep && step < 1 { step = 1 }
      if step == previous { break }
      start = (start / step).rounded(.down) * step
      stop = (stop / step).rounded(.up) * step
      previous = step
    }
    var step = Self.increment(start, stop, count)
    if integerStep && step < 1 { step = 1 }
    let first = Int((start / step).rounded(.up))
    let last = Int((stop / step).rounded(.down))
    let power = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
    var ticks: [Double] = []
    if first <= last {
      for i in first...last {
        // i / (1/step) keeps decimal ticks exact (0.3, not 0.30000000000000004).
        ticks.append(step < 1 ? Double(i) / (1 / step).rounded() : Double(i) * step)
      }
    }
    lower = start
    upper = stop
    self.ticks = ticks
    decimals = power
  }

  /// d3's `tickIncrement`: the 1-2-5 step for about `count` ticks over `[start, stop]`.
  static func increment(_ start: Double, _ stop: Double, _ count: Int) -> Double {
    let raw = (stop - start) / Double(count)
    guard raw > 0 && raw.isFinite else { return 1 }
    let power = log10(raw).rounded(.down)
    let error = raw / pow(10, power)
    let factor: Double = error >= 50.squareRoot() ? 10 : error >= 10.squareRoot() ? 5 : error >= 2.squareRoot() ? 2 : 1
    if power < 0 {
      return 1 / (pow(10, -power) / factor)
    }
    return pow(10, power) * factor
  }

  /// Maps a domain value to `[r0, r1]`.
  func map(_ value: Double, _ r0: Double, _ r1: Double) -> Double {
    upper == lower ? r0 : r0 + (value - lower) / (upper - lower) * (r1 - r0)
  }

  /// The number of ticks for an axis `length` px long: one per 40 px, between 2 and 10.
  static func tickCount(forLength length: Double) -> Int {
    max(2, min(10, Int((length / 40).rounded(.up))))
  }
}
