import Foundation
import OpenAIResponder

/// A validated setting value.
enum SettingValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case count(Int)
    case flag(Bool)
    case words([String])

    /// Validates raw words for `spec`; the failure is a reason fit for a ``ConfigIssue``
    /// (it never repeats a value that could be a secret).
    static func convert(_ words: [String], for spec: SettingSpec, relativeTo base: String?) -> Result<
        SettingValue, SettingProblem
    > {
        if case .argv = spec.kind { return .success(.words(words)) }
        let raw = words.joined(separator: " ")
        switch spec.kind {
        case .argv:
            return .success(.words(words))
        case .text:
            return .success(.text(raw))
        case .choice(let allowed):
            let lowered = raw.lowercased()
            guard allowed.contains(lowered) else {
                return .failure(
                    "expected one of \(allowed.joined(separator: ", ")), found \u{201C}\(raw)\u{201D}")
            }
            return .success(.text(lowered))
        case .url:
            guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host != nil
            else {
                return .failure(
                    "expected an http:// or https:// address, found \u{201C}\(URLMasking.masked(raw))\u{201D}"
                )
            }
            return .success(.text(raw))
        case .environmentName:
            guard raw.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_]*/) != nil else {
                return .failure(
                    "expected the NAME of an environment variable (like OPENAI_API_KEY), not the key itself; the value is not shown"
                )
            }
            return .success(.text(raw))
        case .number(let minimum, let maximum):
            guard let number = Double(raw), number >= minimum, number <= maximum else {
                return .failure(
                    "expected a number from \(formatted(minimum)) to \(formatted(maximum)), found \u{201C}\(raw)\u{201D}"
                )
            }
            return .success(.number(number))
        case .count:
            guard let count = Int(raw), count > 0, count <= 1_000_000 else {
                return .failure("expected a whole number above 0, found \u{201C}\(raw)\u{201D}")
            }
            return .success(.count(count))
        case .flag:
            switch raw.lowercased() {
            case "true", "yes", "on", "1": return .success(.flag(true))
            case "false", "no", "off", "0": return .success(.flag(false))
            default: return .failure("expected true or false, found \u{201C}\(raw)\u{201D}")
            }
        case .path:
            return .success(.text(resolvePath(raw, relativeTo: base)))
        }
    }

    private static func resolvePath(_ path: String, relativeTo base: String?) -> String {
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + path.dropFirst(1)
        }
        if path.hasPrefix("/") { return path }
        guard let base, !base.isEmpty else { return path }
        return (base as NSString).appendingPathComponent(path)
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
