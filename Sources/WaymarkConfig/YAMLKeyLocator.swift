import Foundation

/// Finds the line of each key in a YAML configuration file, for provenance
/// ("file /path:12") and for error messages.
///
/// Deliberately small and tolerant: it understands block mappings nested by indentation,
/// comments and quoted keys — the shape of Waymark's configuration — and simply skips what
/// it does not understand (sequence items, flow collections, multi-line scalars). The YAML
/// itself is parsed by swift-configuration; this only points at lines.
public struct YAMLKeyLocator: Sendable, Equatable {
    /// Dotted key path (`openai.base_url`) → 1-based line number.
    public private(set) var lines: [String: Int] = [:]
    /// Dotted key paths in file order (mappings and leaves).
    public private(set) var keys: [String] = []

    public init(text: String) {
        var stack: [(indent: Int, key: String)] = []
        var blockScalarIndent: Int?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if let blockIndent = blockScalarIndent {
                if indent > blockIndent { continue }
                blockScalarIndent = nil
            }
            if content.hasPrefix("- ") || content == "-" || content.hasPrefix("---")
                || content.hasPrefix("...")
            {
                continue
            }
            guard let (key, rest) = Self.splitKey(content) else { continue }
            while let last = stack.last, last.indent >= indent {
                stack.removeLast()
            }
            let path = (stack.map(\.key) + [key]).joined(separator: ".")
            if lines[path] == nil {
                lines[path] = offset + 1
                keys.append(path)
            }
            let value = rest.trimmingCharacters(in: .whitespaces)
            if value.isEmpty || value.hasPrefix("#") {
                stack.append((indent, key))
            } else if value.hasPrefix("|") || value.hasPrefix(">") {
                blockScalarIndent = indent
            }
        }
    }

    /// The line of `key`, or of its closest enclosing mapping that is in the file.
    public func line(of key: String) -> Int? {
        var components = key.split(separator: ".").map(String.init)
        while !components.isEmpty {
            if let line = lines[components.joined(separator: ".")] { return line }
            components.removeLast()
        }
        return nil
    }

    /// The last key that starts at or above `line` (to name the key near a syntax error).
    public func key(atOrBefore line: Int) -> String? {
        keys.last { (lines[$0] ?? Int.max) <= line }
    }

    /// Splits `key: rest`, handling quoted keys; `nil` if the line is not a mapping entry.
    private static func splitKey(_ content: Substring) -> (String, Substring)? {
        if let quote = content.first, quote == "\"" || quote == "'" {
            let afterQuote = content.dropFirst()
            guard let close = afterQuote.firstIndex(of: quote) else { return nil }
            let key = String(afterQuote[..<close])
            let rest = afterQuote[afterQuote.index(after: close)...]
            guard rest.first == ":" else { return nil }
            return (key, rest.dropFirst())
        }
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == ":" {
                let next = content.index(after: index)
                if next == content.endIndex || content[next] == " " || content[next] == "\t" {
                    let key = content[..<index].trimmingCharacters(in: .whitespaces)
                    guard !key.isEmpty, !key.contains(" #"), key.first != "{", key.first != "[" else {
                        return nil
                    }
                    return (key, content[next...])
                }
            }
            if content[index] == "#" { return nil }
            index = content.index(after: index)
        }
        return nil
    }
}
