import JupyterKernel

extension FlowEngine {
  /// Source code (`| sql`) as a code block: Markdown with a language tag for the notebook, the
  /// bare text for `flowql run` and consoles.
  static func codeBlock(_ text: String, _ language: String) -> DisplayBundle {
    DisplayBundle(data: [
      "text/plain": .string(text),
      "text/markdown": .string("```\(language)\n\(text.hasSuffix("\n") ? text : text + "\n")```"),
    ])
  }
}
