import Charts

extension FlowEngine {
  /// Source code (`| sql`) as a code block: Markdown with a language tag for the notebook, the
  /// bare text for `flowql run` and consoles.
  static func codeBlock(_ text: String, _ language: String) -> MimeBundle {
    MimeBundle(
      plain: text, data: ["text/markdown": "```\(language)\n\(text.hasSuffix("\n") ? text : text + "\n")```"])
  }
}
