import Foundation

/// The one filter for every string that comes from outside Waymark before it is shown: a
/// server's or program's error message, the last line of a program's standard error, the
/// person's text and ids echoed by `replay`, `assess` and `eval`, the first line of an export.
///
/// It is ``ControlSequenceFilter`` (the filter the output guard applies to replies): escape
/// sequences (CSI, OSC including OSC 52 clipboard writes, DCS, …), C0 and C1 controls,
/// bidirectional controls and U+2028/U+2029 never reach the terminal.
public enum ExternalText {
    /// `text` without control sequences; newlines are kept.
    public static func shown(_ text: String) -> String {
        ControlSequenceFilter.clean(text)
    }

    /// `text` without control sequences, on one line (line breaks become spaces).
    public static func line(_ text: String) -> String {
        let clean = ControlSequenceFilter.clean(text)
        guard clean.contains("\n") else { return clean }
        return clean.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// One line of at most `limit` characters (longer text ends in "…"), for quoting someone
    /// else's words in a sentence.
    public static func quoted(_ text: String, limit: Int = 160) -> String {
        let oneLine = line(text).trimmingCharacters(in: .whitespaces)
        return oneLine.count > limit ? String(oneLine.prefix(max(1, limit - 3))) + "…" : oneLine
    }
}
