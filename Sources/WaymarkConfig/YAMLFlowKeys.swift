import Foundation

/// Keys inside YAML flow mappings (`openai: {model: x, base_url: "…"}`), with their lines, so
/// they are checked like keys written as blocks.
struct YAMLFlowKeys {
    private let characters: [Character]
    private var index = 0
    private var line: Int
    /// Dotted key path → 1-based line, in file order.
    private(set) var found: [(path: String, line: Int)] = []

    /// Read the flow mapping that starts at `text`'s first character (a `{`), on `line`.
    /// `prefix` is the dotted path of the key that holds it (empty at the top).
    init(text: Substring, line: Int, prefix: [String]) {
        characters = Array(text)
        self.line = line
        mapping(prefix)
    }

    /// The 1-based line where the mapping ended.
    var endLine: Int { line }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func advance() {
        if current?.isNewline == true { line += 1 }
        index += 1
    }

    private mutating func skipSpace() {
        while let character = current {
            if character == "#", index == 0 || characters[index - 1].isWhitespace {
                while let next = current, !next.isNewline { advance() }
            } else if character.isWhitespace || character == "," {
                advance()
            } else {
                return
            }
        }
    }

    private mutating func mapping(_ prefix: [String]) {
        guard current == "{" else { return }
        advance()
        while true {
            skipSpace()
            guard let character = current else { return }
            if character == "}" {
                advance()
                return
            }
            let keyLine = line
            let key = scalar(stoppingAtColon: true)
            skipBlanks()
            guard current == ":" else {
                // No value: a plain scalar running on to the next line, or `{a, b}`; skip it.
                if current == "," || current == "]" { advance() }
                continue
            }
            advance()
            if !key.isEmpty { found.append(((prefix + [key]).joined(separator: "."), keyLine)) }
            skipBlanks()
            value(prefix + [key])
        }
    }

    /// Skip spaces and line breaks (not commas).
    private mutating func skipBlanks() {
        while let character = current, character.isWhitespace { advance() }
    }

    private mutating func value(_ path: [String]) {
        switch current {
        case "{" where path.count < 32: mapping(path)
        case "{": skipCollection()  // deeper than any setting
        case "[": skipCollection()
        default: _ = scalar(stoppingAtColon: false)
        }
    }

    /// Skip a flow collection (a sequence, or a mapping nested too deep to be a setting), nested
    /// collections included, without recursion.
    private mutating func skipCollection() {
        var depth = 0
        while let character = current {
            switch character {
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "\"", "'":
                _ = quoted()
                continue
            default: break
            }
            advance()
            if depth == 0 { return }
        }
    }

    /// A quoted or plain scalar; plain ones end at `,` `}` `]` (and `: ` for keys).
    private mutating func scalar(stoppingAtColon: Bool) -> String {
        if current == "\"" || current == "'" { return quoted() }
        var text = ""
        while let character = current {
            if character == "," || character == "}" || character == "]" || character.isNewline { break }
            if stoppingAtColon, character == ":" {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next.isWhitespace || next == "," || next == "}" || next == "{" || next == "[" { break }
            }
            text.append(character)
            advance()
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private mutating func quoted() -> String {
        guard let quote = current else { return "" }
        advance()
        var text = ""
        while let character = current {
            advance()
            if character == quote {
                if quote == "'", current == "'" {
                    text.append("'")
                    advance()
                    continue
                }
                break
            }
            if quote == "\"", character == "\\", let escaped = current {
                text.append(escaped)
                advance()
                continue
            }
            text.append(character)
        }
        return text
    }
}
