import Foundation

/// Hides credentials written into an address (`http://user:secret@host/v1`), as keys are
/// hidden: the address is shown as `http://***@host/v1`.
public enum URLMasking {
    /// `text` with any `user:password@` (or `user@`) part of its address replaced by `***@`.
    public static func masked(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[rest.startIndex..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***" + String(text[at...])
    }
}
