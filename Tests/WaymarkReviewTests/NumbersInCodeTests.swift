import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTesting

/// Issue 16: every phone number or text code written into the code (the help strip, the panels,
/// the fallback screen when the safeguard cannot load…) is one the service directory shows as a
/// fact. Framing texts are checked elsewhere; this scans the string literals of `Sources/`.
@Suite struct NumbersInCodeTests {
    /// Digit runs in string literals that are not contact numbers, each with why.
    static let notContacts: [String: String] = [
        "100000": "a size limit", "2123": "token ids in the SSE benchmark's payload",
        "1795304035": "a Unix time in the SSE benchmark's payload",
    ]

    /// Runs of digits (spaces allowed between groups) of three or more digits.
    static var digitRun: Regex<Substring> { /\b[0-9](?:[0-9]| (?=[0-9]))+[0-9]\b/ }

    /// Shaped like a UK contact: digits grouped with spaces ("116 123", "0808 808 8000"), five
    /// or more digits (a text code such as 85258, a number written without spaces), or a
    /// three-digit public line (999, 111, 112, 101, 105). Counts and sizes ("1024") are not.
    static func looksLikeAContact(_ run: Substring) -> Bool {
        run.contains(" ") || run.count >= 5 || ["999", "111", "112", "101", "105"].contains(run)
    }

    /// The string literals of one line of Swift (naive: `"…"` pairs outside `//` comments).
    static func literals(in line: Substring) -> [Substring] {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("//") { return [] }
        let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    @Test func everyContactNumberInTheCodeIsADirectoryFact() throws {
        let directory = try SafeguardResources.loadDirectory(from: RepositoryPaths.locator)
        var facts: Set<String> = []
        for service in directory.services {
            for channel in service.displayedChannels {
                if let dial = channel.dial { facts.insert(dial.filter(\.isNumber)) }
            }
        }
        #expect(facts.contains("999") && facts.contains("116123") && facts.contains("85258"))
        let sources = RepositoryPaths.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var unknown: [String] = []
        var seen = 0
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() {
                for literal in Self.literals(in: line) {
                    for match in literal.matches(of: Self.digitRun) {
                        let digits = String(match.output.filter { $0.isNumber })
                        guard Self.looksLikeAContact(match.output) else { continue }
                        seen += 1
                        if facts.contains(digits) || Self.notContacts[digits] != nil { continue }
                        unknown.append("\(url.lastPathComponent):\(number + 1): \(match.output)")
                    }
                }
            }
        }
        #expect(seen > 5, "the scan found almost nothing: is it reading the sources?")
        #expect(unknown.isEmpty, "numbers in code that the directory does not show: \(unknown)")
    }

    @Test func theScanFindsANumberThatIsNotInTheDirectory() {
        let line: Substring = #"let help = "Call 0800 123 4567 now" // not a real line"#
        let found = Self.literals(in: line).flatMap {
            $0.matches(of: Self.digitRun).map { String($0.output) }
        }
        #expect(found == ["0800 123 4567"])
        #expect(Self.literals(in: "    // \"0800 123 4567\" in a comment").isEmpty)
    }
}
