import Testing

@testable import Charts

/// HTML and SVG text: markup characters escaped, characters XML 1.0 forbids replaced.
@Suite struct HTMLEscapingTests {
  @Test func markupCharactersAreEscaped() {
    #expect(
      HTML.text(#"<script>a & "b" 'c'</script>"#) == "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;")
  }

  @Test func forbiddenCharactersBecomeTheReplacementCharacter() {
    #expect(HTML.text("a\u{0}b\u{1F}c\u{FFFE}d\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
  }

  @Test func whitespaceAndOtherTextAreKept() {
    #expect(HTML.text("tab\tline\nret\r é 中文 🙂") == "tab\tline\nret\r é 中文 🙂")
    var out = "x"
    HTML.append("<", to: &out)
    #expect(out == "x&lt;")
  }
}
