import Foundation

/// The checkout the tests run in (two folders above this file).
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The text of a file of the repository, such as `docs/language.md`; "" when it cannot be read
/// (tests that read it then fail on what they expect to find).
public func repositoryText(_ path: String) -> String {
  (try? String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
}

/// The contents of the ```flowql blocks of a Markdown text, in order.
public func flowqlBlocks(_ markdown: String) -> [String] {
  markdown.components(separatedBy: "```flowql\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
}
