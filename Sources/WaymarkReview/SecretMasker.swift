/// Masks anything that looks like a credential before it is written to an export or report.
///
/// Transcript entries never hold API keys, but exports accept a header of settings metadata,
/// and a setting can carry one by mistake; this is the second lock on that door.
public enum SecretMasker {
    /// What replaces a secret.
    public static let mask = "[redacted]"

    /// Words that mark a setting's name as holding a secret.
    static let secretWords = [
        "key", "token", "secret", "password", "passwd", "credential", "auth", "bearer", "cookie",
    ]

    /// The header with secret-looking values masked. A value under a secret-sounding name is
    /// kept only when it is just the *name* of an environment variable (`OPENAI_API_KEY`).
    public static func masked(header: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in header {
            if isSecretName(name) && !isVariableName(value) && !value.isEmpty {
                out[name] = mask
            } else {
                out[name] = masked(text: value)
            }
        }
        return out
    }

    /// `text` with secret-looking tokens masked: `NAME=value` where NAME sounds secret,
    /// `sk-…` style keys, and the word after `Bearer`.
    public static func masked(text: String) -> String {
        var out = ""
        var token = ""
        var previous = ""
        func flush() {
            guard !token.isEmpty else { return }
            out += maskedToken(token, after: previous)
            previous = token
            token = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
                out.append(character)
            } else {
                token.append(character)
            }
        }
        flush()
        return out
    }

    private static func maskedToken(_ token: String, after previous: String) -> String {
        if previous.lowercased() == "bearer" { return mask }
        for prefix in ["sk-", "sk_", "ghp_", "xoxb-", "hf_"]
        where token.hasPrefix(prefix) && token.count >= prefix.count + 8 {
            return mask
        }
        if let equals = token.firstIndex(of: "=") ?? token.firstIndex(of: ":") {
            let name = token[..<equals]
            let value = token[token.index(after: equals)...]
            if !name.isEmpty, !value.isEmpty, isSecretName(String(name)), !isVariableName(String(value)) {
                return String(name) + String(token[equals]) + mask
            }
        }
        return token
    }

    static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    /// `OPENAI_API_KEY`-style names (upper case, digits, underscores) are names, not secrets.
    static func isVariableName(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) else {
            return false
        }
        return value.unicodeScalars.allSatisfy {
            $0 == "_" || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }
}
