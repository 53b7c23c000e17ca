import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Diagnostics for the kernel's stderr (the Jupyter server's console; never the notebook).
///
/// Lines start with the embedding kernel's name (``KernelInfo/implementation``), set when the
/// server starts: `[name] kernel ready on …`.
public enum KernelLog {
  private static let name = Mutex("kernel")

  /// Names the kernel in every later line.
  public static func setName(_ newName: String) {
    name.withLock { $0 = newName }
  }

  /// Logs something the kernel dropped or ignored.
  public static func warning(_ text: String) {
    write("warning: \(text)")
  }

  /// Logs a start-up or runtime fact.
  public static func info(_ text: String) {
    write(text)
  }

  /// One write(2) per line keeps lines from different threads whole.
  private static func write(_ text: String) {
    let bytes = Array("[\(name.withLock { $0 })] \(text)\n".utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
  }
}
