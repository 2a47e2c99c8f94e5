import Foundation

/// Finds the line of each key in a YAML configuration file, for provenance
/// ("file /path:12") and for error messages.
///
/// Deliberately small and tolerant: it understands block mappings nested by indentation,
/// flow mappings (`openai: {model: x}`, also over several lines or as the whole file),
/// comments and quoted keys, and simply skips what it does not understand (sequence items,
/// multi-line scalars). The YAML itself is parsed by swift-configuration; this only points at
/// lines, and lists every key so unknown ones can be reported.
public struct YAMLKeyLocator: Sendable, Equatable {
    /// Dotted key path (`openai.base_url`) → 1-based line number.
    public private(set) var lines: [String: Int] = [:]
    /// Dotted key paths in file order (mappings and leaves).
    public private(set) var keys: [String] = []

    public init(text: String) {
        var stack: [(indent: Int, key: String)] = []
        var blockScalarIndent: Int?
        // Split on every line break: "\r\n" is one Character, which splitting on "\n" misses.
        let allLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var flowEndLine = 0
        for (offset, rawLine) in allLines.enumerated() where offset + 1 > flowEndLine {
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
            while let last = stack.last, last.indent >= indent {
                stack.removeLast()
            }
            if content.first == "{" {
                // The whole file (or a mapping's value on its own line) as a flow mapping.
                flowEndLine = readFlow(
                    allLines, from: offset, column: indent, prefix: stack.map(\.key))
                continue
            }
            guard let (key, rest) = Self.splitKey(content) else { continue }
            let path = (stack.map(\.key) + [key]).joined(separator: ".")
            record(path, line: offset + 1)
            let value = rest.trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("{") {
                let column = line.count - rest.drop { $0 == " " || $0 == "\t" }.count
                flowEndLine = readFlow(
                    allLines, from: offset, column: column, prefix: stack.map(\.key) + [key])
            } else if value.isEmpty || value.hasPrefix("#") || Self.isOnlyAnchorOrTag(value) {
                stack.append((indent, key))
            } else if value.hasPrefix("|") || value.hasPrefix(">") {
                blockScalarIndent = indent
            }
        }
    }

    /// `&base` or `!!map` alone: the mapping itself follows on the next lines.
    private static func isOnlyAnchorOrTag(_ value: String) -> Bool {
        let words = value.split(separator: "#", maxSplits: 1)[0].split(whereSeparator: \.isWhitespace)
        return !words.isEmpty && words.allSatisfy { $0.hasPrefix("&") || $0.hasPrefix("!") }
    }

    private mutating func record(_ path: String, line: Int) {
        guard lines[path] == nil else { return }
        lines[path] = line
        keys.append(path)
    }

    /// Record the keys of the flow mapping at `column` of line `offset` (0-based); returns the
    /// 1-based line where it ends, so those lines are not read again as block lines.
    private mutating func readFlow(
        _ allLines: [Substring], from offset: Int, column: Int, prefix: [String]
    ) -> Int {
        let text = allLines[offset...].joined(separator: "\n").dropFirst(column)
        let flow = YAMLFlowKeys(text: text, line: offset + 1, prefix: prefix)
        for (path, line) in flow.found { record(path, line: line) }
        return flow.endLine
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
