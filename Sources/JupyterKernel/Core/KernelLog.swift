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

  /// One write(2) per line keeps lines from different threads whole.
  private static func write(_ line: String) {
    let bytes = Array(line.utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
  }
}
