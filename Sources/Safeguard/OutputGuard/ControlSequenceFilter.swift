/// Removes terminal control and escape sequences from text as it streams in.
///
/// Strips ESC sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes), 8-bit C1
/// controls and their sequences, C0 controls except newline (tab becomes a space, carriage
/// return is dropped), DEL, bidirectional controls (embeddings, overrides and isolates
/// U+202A–202E and U+2066–2069, the marks LRM U+200E, RLM U+200F and ALM U+061C) and the
/// Unicode line and paragraph separators U+2028/U+2029 (each becomes a newline). State carries
/// across calls, so a sequence split between two deltas is still removed.
///
/// ``ExternalText`` applies the same filter to every other string that comes from outside
/// Waymark (server and program errors, replayed input, ids) before it is shown.
public struct ControlSequenceFilter: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case normal, escape, escapeIntermediate, csi, string, stringEscape
    }

    var state: State = .normal
    var stringLength = 0
    /// Whether anything has been removed so far.
    public private(set) var removedSomething = false

    /// Longest control string swallowed before giving up on finding its terminator.
    static let maxStringLength = 1024

    public init() {}

    /// Filter the next piece of text.
    public mutating func feed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let kept = step(scalar) { out.append(kept) }
        }
        return String(out)
    }

    /// Filter a whole text at once.
    public static func clean(_ text: String) -> String {
        var filter = ControlSequenceFilter()
        return filter.feed(text)
    }

    mutating func step(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch state {
        case .normal:
            return normal(scalar)
        case .escape:
            switch v {
            case 0x5B: state = .csi  // [
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _
                state = .string
                stringLength = 0
            case 0x1B: state = .escape
            case 0x20...0x2F: state = .escapeIntermediate
            case 0x30...0x7E: state = .normal
            default:
                state = .normal
                return normal(scalar)
            }
            return nil
        case .escapeIntermediate:
            switch v {
            case 0x20...0x2F: return nil
            case 0x30...0x7E:
                state = .normal
                return nil
            default:
                state = .normal
                return normal(scalar)
            }
        case .csi:
            switch v {
            case 0x20...0x3F: return nil
            case 0x40...0x7E:
                state = .normal
                return nil
            default:
                state = .normal
                return normal(scalar)
            }
        case .string:
            stringLength += 1
            switch v {
            case 0x07, 0x9C: state = .normal
            case 0x1B: state = .stringEscape
            default:
                if stringLength > Self.maxStringLength { state = .normal }
            }
            return nil
        case .stringEscape:
            if v == 0x5C {
                state = .normal
            } else if v != 0x1B {
                state = .string
            }
            return nil
        }
    }

    mutating func normal(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x0A:
            return scalar
        case 0x09:
            removedSomething = true
            return " "
        case 0x1B:
            removedSomething = true
            state = .escape
            return nil
        case 0x9B:
            removedSomething = true
            state = .csi
            return nil
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            removedSomething = true
            state = .string
            stringLength = 0
            return nil
        case 0x2028, 0x2029:
            removedSomething = true
            return "\n"
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            removedSomething = true
            return nil
        default:
            return scalar
        }
    }
}
