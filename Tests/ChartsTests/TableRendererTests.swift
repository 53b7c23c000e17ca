import FlowModel
import FoundationEssentials
import TestSupport
import Testing

@testable import Charts

@Suite struct TableRendererTests {
  @Test func formatsSingleValues() throws {
    #expect(TableRenderer.format(.number(45015.0 / 3912.0, .none)) == "11.507")
    #expect(TableRenderer.format(.number(1_234_567, .mass)) == "1,234.6 kt")
    #expect(TableRenderer.format(.number(1_234_567, .mass), options: DisplayOptions(scaling: .base)) == "1,234,567 t")
    let megatonnes = try #require(Unit.named("Mt"))
    #expect(
      TableRenderer.format(.number(1_234_567, .mass), options: DisplayOptions(scaling: .fixed([megatonnes])))
        == "1.23 Mt")
    #expect(TableRenderer.format(.number(0.4, .ratio)) == "40.0 %")
    #expect(TableRenderer.format(.year(2022)) == "2022")
    #expect(TableRenderer.format(.number(7.57e9, .money)) == "7,570.0 M US$")
    #expect(TableRenderer.format(.number(45_015, .price)) == "45,015 US$/t")
    #expect(TableRenderer.format(.number(-1500, .mass)) == "-1,500 t")
    #expect(TableRenderer.format(.number(.nan, .mass)) == "–")
    #expect(TableRenderer.format(.bool(true)) == "true")
  }

  @Test func htmlTableMatchesSnapshot() {
    let html = TableRenderer.html(Fixtures.inflowByProcess)
    #expect(snapshotMismatch(of: html, named: "table.html") == nil)
    #expect(xmlProblem(html) == nil)
  }

  @Test func textTableMatchesSnapshot() {
    let text = TableRenderer.text(Fixtures.lossCosts)
    #expect(snapshotMismatch(of: text, named: "table.txt") == nil)
  }

  @Test func longTablesShowFirstTenAndLastFive() {
    let html = TableRenderer.html(Fixtures.long)
    let text = TableRenderer.text(Fixtures.long)
    #expect(snapshotMismatch(of: html, named: "table-truncated.html") == nil)
    #expect(snapshotMismatch(of: text, named: "table-truncated.txt") == nil)
    #expect(html.contains("75 rows × 5 columns (showing 15)"))
    #expect(text.contains("75 rows × 5 columns (showing 15)"))
    #expect(html.components(separatedBy: "<tr>").count - 1 == 1 + 15)
    #expect(!html.contains("1,950"))
    #expect(html.contains(">2024<"))
    #expect(!html.contains(">1960<"))
  }

  @Test func fixedUnitsAndDecimalsApplyToEveryColumnOfTheirDimension() throws {
    let kt = try #require(Unit.named("kt"))
    let options = DisplayOptions(decimals: 2, scaling: .fixed([kt]))
    let text = TableRenderer.text(Fixtures.inflowByProcess, options: options)
    #expect(text.contains("inflow (kt)"))
    #expect(text.contains("301.20"))
    #expect(text.contains("9.60"))
  }

  @Test func rowsAllShowsEverything() {
    let text = TableRenderer.text(Fixtures.long, options: DisplayOptions(rows: nil))
    #expect(text.split(separator: "\n").count == 1 + 1 + 75)
    #expect(!text.contains("showing"))
  }

  @Test func longTextCellsAreShortenedInPlainTextOnly() {
    let note = String(repeating: "separation residues ", count: 4)
    let table = Table([.text("note", [note])])
    #expect(TableRenderer.text(table).split(separator: "\n").last?.count == 40)
    #expect(TableRenderer.html(table).contains(note))
  }

  @Test func hostileNamesAreEscaped() {
    let html = TableRenderer.html(Fixtures.hostile)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(html.contains("A &amp; B"))
    #expect(html.contains("&quot;quoted&quot; &#39;single&#39;"))
    #expect(xmlProblem(html) == nil)
    #expect(snapshotMismatch(of: html, named: "table-hostile.html") == nil)
  }

  @Test func bundleHasHTMLAndPlainText() {
    let bundle = TableRenderer.bundle(Fixtures.inflowByProcess)
    #expect(bundle.mimeTypes == ["text/html", "text/plain"])
    #expect(bundle.plain.hasPrefix("Inflow by process, 2021\nprocess"))
  }
}

@Suite struct FailedRowTests {
  @Test func rowsWithOkFalseAreHighlightedAndOthersAreNot() {
    let table = Table([.text("process", ["SEP", "MAG"]), .bool("ok", [true, false])])
    let html = TableRenderer.html(table)
    let rows = html.split(separator: "\n").filter { $0.hasPrefix("<tr") && !$0.contains("<th") }
    #expect(rows.count == 2)
    #expect(rows[0].hasPrefix("<tr><td"))
    #expect(rows[1].hasPrefix("<tr class=\"flowql-failed\""))
    #expect(rows[1].contains("MAG"))
  }
}

@Suite struct MixedMagnitudeTests {
  @Test func plainNumbersOfVeryDifferentSizesShowFourSignificantDigits() {
    let table = Table([.number("figure", [1_275_200.4, 3.12345, 0.0049, 77_783_704_466.98])])
    let text = TableRenderer.text(table)
    #expect(text.contains("1,275,200"))
    #expect(text.contains("3.123"))
    #expect(text.contains("0.004900"))
    #expect(text.contains("77,783,704,467"))
  }

  @Test func similarPlainNumbersKeepOneNumberOfDecimals() {
    let text = TableRenderer.text(Table([.number("x", [1.5, 22.25, 3.125])]))
    #expect(text.contains(" 1.500"))
    #expect(text.contains("22.250"))
  }
}
