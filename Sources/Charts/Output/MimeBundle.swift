/// One rich output: the same result in several MIME types, for the frontend to choose from.
///
/// `text/plain` is always present. Iterating ``mimeTypes`` gives a fixed order, so a kernel
/// that serialises the bundle in that order (or with sorted keys) produces identical bytes.
public struct MimeBundle: Sendable, Hashable {
  /// The representations, keyed by MIME type (`text/html`, `image/svg+xml`, `text/plain`).
  public var data: [String: String]
  /// Per-MIME-type metadata, e.g. `["image/svg+xml": ["width": .int(720)]]`.
  public var metadata: [String: [String: MimeMetadataValue]]

  /// Creates a bundle; `plain` becomes the `text/plain` representation.
  public init(
    plain: String,
    data: [String: String] = [:],
    metadata: [String: [String: MimeMetadataValue]] = [:]
  ) {
    var all = data
    all["text/plain"] = plain
    self.data = all
    self.metadata = metadata
  }

  /// The MIME types present, sorted by name (a stable order for serialising).
  public var mimeTypes: [String] { data.keys.sorted() }

  /// The `text/plain` representation.
  public var plain: String { data["text/plain"] ?? "" }
}

/// A scalar metadata value (JSON boolean, integer or string).
public enum MimeMetadataValue: Sendable, Hashable {
  /// A JSON boolean.
  case bool(Bool)
  /// A JSON integer.
  case int(Int)
  /// A JSON string.
  case string(String)
}
