#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Diagnostics for the kernel's stderr (the Jupyter server's console; never the notebook).
public enum KernelLog {
  /// Logs something the kernel dropped or ignored.
  public static func warning(_ text: String) {
    write("[flowql] warning: \(text)\n")
  }

  /// Logs a start-up or runtime fact.
  public static func info(_ text: String) {
    write("[flowql] \(text)\n")
  }

  private static func write(_ line: String) {
    var bytes = Array(line.utf8)
    _ = bytes.withUnsafeMutableBytes { fputs_unlocked_write($0) }
  }

  private static func fputs_unlocked_write(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    // One write(2) per line keeps lines from different threads whole.
    Glibc.write(2, buffer.baseAddress, buffer.count)
  }
}
