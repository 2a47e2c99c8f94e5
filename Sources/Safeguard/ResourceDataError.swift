import Foundation

/// Reviewed safety data that is missing, misspelt or empty: a required file, part or key absent,
/// or a key the code does not know (a misspelling would otherwise be ignored and the check it
/// feeds would quietly do nothing). Loading stops with this error, so the chat falls back to
/// 999 and Samaritans only instead of running with a weaker safeguard.
public struct ResourceDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or folder) inside `resources/` the problem is in or about.
    public var file: String
    /// The key, part or class concerned, when there is one.
    public var key: String?
    public var message: String

    public init(file: String, key: String? = nil, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        "resources/\(file): " + (key.map { "`\($0)`: " } ?? "") + message
    }

    /// One reviewed JSON file decoded, after checking it holds no key outside `known`.
    static func decode<File: Decodable>(_ type: File.Type, from data: Data, file: String, known: Set<String>)
        throws -> File
    {
        try unknownKeys(in: data, known: known, file: file)
        do {
            return try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ResourceDataError(file: file, message: "cannot be read (\(error))")
        }
    }

    /// The folder of the first file (`guard/methods.json` → `guard`), or `fallback`.
    static func folder(of files: [(name: String, data: Data)], fallback: String) -> String {
        files.first.map { $0.name.split(separator: "/").dropLast().joined(separator: "/") } ?? fallback
    }

    /// Throws when a JSON object file has a top-level key not among `known` (`about` is always
    /// allowed: every reviewed file explains itself).
    static func unknownKeys(in data: Data, known: Set<String>, file: String) throws {
        let object = try JSONSerialization.jsonObject(with: data)
        guard let dictionary = object as? [String: Any] else {
            throw ResourceDataError(file: file, message: "is not a JSON object")
        }
        if let unknown = dictionary.keys.sorted().first(where: { $0 != "about" && !known.contains($0) }) {
            throw ResourceDataError(file: file, key: unknown, message: "unknown key (misspelt?)")
        }
    }
}
