import Findings
import Foundation
import Model
@testable import PolicyEngine
import PostureTesting
@testable import Reporting
import Testing

/// The structure each format promises, checked on parsed output (not on whole-file snapshots).
@Suite("Report format structure")
struct FormatStructureTests {
    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test("SARIF: rules from the policies, results with locations, fingerprints, suppressions and baseline state")
    func sarif() throws {
        let report = try ReportFixture.triaged()
        let log = try #require(try json(SARIFReport.render(report, context: ReportFixture.context())) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == (try ReportFixture.catalog().policies.count))
        let rule = try #require(rules.first { ($0["properties"] as? [String: Any])?["severity"] as? String == "critical" })
        #expect((rule["properties"] as? [String: Any])?["security-severity"] as? String == "9.5")
        #expect(((rule["help"] as? [String: Any])?["markdown"] as? String)?.contains("Remediation") == true)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.filter(\.isFailing).count)
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == report.findings.filter(\.isSuppressed).count && !suppressed.isEmpty)
        #expect(results.allSatisfy { ($0["partialFingerprints"] as? [String: String])?[SARIFReport.fingerprintKey]?.count == 32 })
        #expect(Set(results.compactMap { $0["baselineState"] as? String }) == ["new", "unchanged"])
        let location = try #require((results.first?["locations"] as? [[String: Any]])?.first)
        #expect((location["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] != nil)
        let notifications = try #require((run["invocations"] as? [[String: Any]])?.first?["toolConfigurationNotifications"] as? [[String: Any]])
        #expect(notifications.count == 2, "one expired and one stale waiver")
    }

    @Test("SARIF security-severity follows GitHub's bands", arguments: [
        (Severity.critical, 9.0...10.0), (.high, 7.0...8.9), (.medium, 4.0...6.9), (.low, 0.1...3.9),
    ])
    func securitySeverity(severity: Severity, band: ClosedRange<Double>) throws {
        let score = try #require(SARIFReport.securitySeverity(severity).flatMap(Double.init))
        #expect(band.contains(score))
    }

    @Test("SARIF locations: snapshot files relative with their line; live resources get a stable pseudo-path")
    func locations() throws {
        let locator = SARIFLocator(report: try ReportFixture.report(.init()), context: ReportContext(workingDirectory: "/srv/checkout"))
        let bucket = ModelFixtures.bucket
        #expect(locator.uri(for: ResourceReference(bucket)) == "fixture.json")
        var live = bucket
        live.source = ResourceSource(kind: .api, location: "s3:ListBuckets")
        #expect(locator.uri(for: ResourceReference(live)) == "aws/\(bucket.account)/\(bucket.region ?? "global")/s3/\(bucket.name)")
        var absolute = bucket
        absolute.source = ResourceSource(kind: .file, location: "/srv/checkout/snapshots/a b.json", line: 7)
        #expect(locator.uri(for: ResourceReference(absolute)) == "snapshots/a%20b.json")
    }

    @Test("JUnit: a suite per policy, a case per resource, failure/error/skipped, counts that add up")
    func junit() throws {
        let report = try ReportFixture.triaged()
        let xml = JUnitReport.render(report)
        let suites = xml.components(separatedBy: "<testsuite ").count - 1
        #expect(suites == Set(report.findings.map(\.policy.id)).count)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == report.findings.count)
        let counts = JUnitReport.counts(report.findings)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == counts.failures)
        #expect(xml.components(separatedBy: "<error ").count - 1 == counts.errors && counts.errors == 1)
        #expect(xml.components(separatedBy: "<skipped ").count - 1 == counts.skipped)
        #expect(xml.contains("waived until 2026-06-30"))
        #expect(!xml.contains("<script>") && xml.contains("&lt;script&gt;"))
        #expect(!xml.contains("\u{01}"), "control characters are not allowed in XML 1.0")
    }

    @Test("OCSF: class 2004, waived findings Suppressed, status codes per result")
    func ocsf() throws {
        let report = try ReportFixture.triaged()
        let events = try #require(try json(OCSFReport.render(report, context: ReportFixture.context())) as? [[String: Any]])
        #expect(events.count == report.findings.count)
        #expect(events.allSatisfy { $0["class_uid"] as? Int == 2004 && $0["type_uid"] as? Int == 200_401 })
        #expect(events.filter { $0["status_id"] as? Int == 3 }.count == report.findings.filter(\.isSuppressed).count)
        #expect(Set(events.compactMap { $0["status_code"] as? String }).isSuperset(of: ["FAIL", "PASS", "ERROR"]))
        let cloud = try #require(events.first?["cloud"] as? [String: Any])
        #expect(cloud["provider"] as? String == "aws")
    }

    @Test("CSV: a header and one row per finding; quotes, commas, line breaks and formulas are escaped")
    func csv() throws {
        let report = try ReportFixture.triaged()
        let rows = CSVRows.parse(CSVReport.render(report))
        #expect(rows.first == CSVReport.columns)
        #expect(rows.count == report.findings.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVReport.columns.count })
        let message = try #require(CSVReport.columns.firstIndex(of: "message"))
        #expect(rows[1][message] == report.findings[0].message)
    }

    @Test("CSV cells", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=1+1", "'=1+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("crlf\r\nend", "\"crlf\r\nend\""),
    ])
    func csvCell(input: String, expected: String) {
        #expect(Escape.csv(input) == expected)
    }

    @Test("Markdown: verdict, severity table, top findings, waivers needing attention; cells escaped")
    func markdown() throws {
        let text = MarkdownReport.render(try ReportFixture.triaged(), gate: .init(failOn: .low))
        #expect(text.hasPrefix("## posture: aws"))
        #expect(text.contains("| Severity | Failing | Waived | In baseline |"))
        #expect(text.contains("### Top findings ("))
        #expect(text.contains("### Waivers needing attention"))
        #expect(!text.contains("<script>") && text.contains("\\| piped"))
        #expect(text.count < 65_536)
    }

    @Test("HTML: self-contained, escaped, grouped by party and domain, with the coverage matrix")
    func html() throws {
        let report = try ReportFixture.triaged()
        let page = HTMLReport.render(report, context: try ReportFixture.context())
        for external in ["<link", "src=", "@import", "url(", "http://", "//cdn"] {
            #expect(!page.contains(external), "external asset: \(external)")
        }
        #expect(!page.contains("<script>alert") && page.contains("&lt;script&gt;alert"))
        #expect(page.contains("Shared-responsibility coverage") && page.contains("no policy"))
        #expect(page.contains("Owned by: <span class=\"party party-customer\">customer</span>"))
        #expect(page.components(separatedBy: "<table class=\"findings\">").count - 1 == Set(report.findings.map(\.policy.responsibility)).count)
        #expect(page.contains("data-st=\"waived\""))
    }

    @Test("XML escaping keeps documents well-formed", arguments: [
        ("a & b", "a &amp; b"), ("<x y=\"1\">", "&lt;x y=&quot;1&quot;&gt;"), ("it's", "it&apos;s"), ("bell\u{07}", "bell\u{FFFD}"),
    ])
    func xmlEscape(input: String, expected: String) {
        #expect(Escape.xml(input) == expected)
    }
}

/// A small RFC 4180 reader, to read back what CSVReport wrote.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" { quoted = true
            } else if scalar == "," { row.append(field); field = ""
            } else if scalar == "\r" { continue
            } else if scalar == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(scalar) }
        }
        return rows
    }
}
