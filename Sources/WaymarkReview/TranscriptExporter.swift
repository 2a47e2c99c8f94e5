import ChatCore
import Foundation
import Safeguard

/// Exports a chat or replay transcript for case review, as Markdown or JSON: per user turn,
/// what the person said, the safeguard's assessment (signals, reasons), the plan and the
/// services offered, and what was shown. Secrets in the header are masked; files are 0600.
public struct TranscriptExporter: Sendable {
    /// Settings metadata to print at the top (backend, model, nation…); secrets are masked.
    public var header: [String: String]
    /// The safeguard plan per user turn (`fullReferral`, `emergency`, `brief`, `checkIn`,
    /// `quietReminder`), overriding the kind recorded in the user entries' `plan`.
    public var planKinds: [Int: String]
    /// Whether to include replies' original text where the output guard changed them
    /// (for clinicians; clearly labelled).
    public var includeOriginals: Bool

    public init(header: [String: String] = [:], planKinds: [Int: String] = [:], includeOriginals: Bool = true)
    {
        self.header = header
        self.planKinds = planKinds
        self.includeOriginals = includeOriginals
    }

    /// One user turn of the export.
    struct ExportedTurn: Encodable {
        var turn: Int
        var assessment: Assessment?
        var plan: String?
        var services: [String]
        var entries: [ExportedEntry]
    }

    /// One entry of the export.
    struct ExportedEntry: Encodable {
        var id: Int
        var role: String
        var status: String
        var text: String
        var services: [String]
        var originalText: String?
        var guardNotes: [String]
        var date: Date

        enum CodingKeys: String, CodingKey {
            case id, role, status, text, services, date
            case originalText = "original_text"
            case guardNotes = "guard_notes"
        }
    }

    /// The whole export.
    struct ExportedTranscript: Encodable {
        var format = "waymark-transcript/1"
        var exported: Date
        var header: [String: String]
        var turns: [ExportedTurn]
    }

    /// The entries grouped by turn: turns in number order ("before the first turn" first), and
    /// within a turn the entries in the order they were given, which is the order they happened.
    /// (Ids are no guide: the screen numbers its own notices downwards from -1.)
    func turns(_ entries: [TranscriptEntry]) -> [ExportedTurn] {
        var grouped: [Int: [TranscriptEntry]] = [:]
        for entry in entries {
            grouped[entry.turn, default: []].append(entry)
        }
        return grouped.keys.sorted().map { turn in
            let group = grouped[turn, default: []]
            let services = group.filter { $0.role == .safeguard }.flatMap(\.services)
            let user = group.first { $0.role == .user }
            return ExportedTurn(
                turn: turn, assessment: user?.assessment,
                plan: planKinds[turn] ?? user?.plan?.message?.kind.rawValue,
                services: unique(services),
                entries: group.map { entry in
                    ExportedEntry(
                        id: entry.id, role: entry.role.rawValue, status: entry.status.rawValue,
                        text: SecretMasker.masked(text: entry.text), services: entry.services,
                        originalText: includeOriginals
                            ? entry.originalText.map(SecretMasker.masked(text:)) : nil,
                        guardNotes: entry.guardNotes, date: entry.date)
                })
        }
    }

    /// The transcript as pretty-printed JSON (keys sorted, ISO 8601 dates).
    public func json(_ entries: [TranscriptEntry], exported: Date = Date()) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let transcript = ExportedTranscript(
            exported: exported, header: SecretMasker.masked(header: header), turns: turns(entries))
        var data = try encoder.encode(transcript)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The transcript as Markdown for case review.
    public func markdown(
        _ entries: [TranscriptEntry], title: String = "Waymark transcript", exported: Date = Date()
    ) -> String {
        var out: [String] = ["# \(title)", ""]
        out.append(
            "Exported \(ISO8601DateFormatter().string(from: exported)). Private: contains what the person wrote."
        )
        let masked = SecretMasker.masked(header: header)
        if !masked.isEmpty {
            out.append("")
            for key in masked.keys.sorted() {
                out.append("- \(key): \(inline(masked[key] ?? ""))")
            }
        }
        for turn in turns(entries) {
            out.append("")
            out.append(turn.turn == 0 ? "## Before the first turn" : "## Turn \(turn.turn)")
            if let assessment = turn.assessment {
                out.append("")
                let categories = assessment.categories.map(\.rawValue).joined(separator: ", ")
                out.append(
                    "- **Assessment:** \(assessment.level) · categories: \(categories.isEmpty ? "—" : categories) · subject: \(assessment.subject.rawValue)"
                )
                for signal in assessment.signals {
                    let modifiers = signal.modifiers.map(\.rawValue).joined(separator: ", ")
                    out.append(
                        "  - signal `\(signal.rule)` “\(inline(signal.text))” [\(signal.start)–\(signal.end)] \(signal.baseLevel)→\(signal.level)\(modifiers.isEmpty ? "" : " (\(modifiers))")"
                    )
                }
                for reason in assessment.reasons {
                    out.append("  - reason: \(inline(reason))")
                }
            }
            if turn.plan != nil || !turn.services.isEmpty {
                out.append(
                    "- **Plan:** \(turn.plan ?? "—") · services: \(turn.services.isEmpty ? "—" : turn.services.joined(separator: ", "))"
                )
            }
            for entry in turn.entries {
                out.append("")
                let who: String
                switch entry.role {
                case "user": who = "Person"
                case "assistant": who = "Reply"
                case "safeguard": who = "Waymark safeguard"
                default: who = "Notice"
                }
                let status = entry.status == "complete" ? "" : " (\(entry.status))"
                out.append("**\(who)\(status):**")
                out.append("")
                out += quoted(entry.text)
                if let original = entry.originalText {
                    out.append("")
                    out.append(
                        "*Original reply before the output guard (clinician view)\(entry.guardNotes.isEmpty ? "" : "; " + entry.guardNotes.joined(separator: "; ")):*"
                    )
                    out.append("")
                    out += quoted(original)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Write an export to `url` with mode 0600.
    public static func write(_ data: Data, to url: URL) throws {
        try PrivateFile.write(data, to: url)
    }

    private func quoted(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { "> " + inline(String($0)) }
    }

    /// Control characters dropped so terminal sequences never reach a reviewer's screen.
    private func inline(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    !($0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value))
                }))
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
