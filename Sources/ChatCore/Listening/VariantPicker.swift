/// Chooses between reviewed variants deterministically: the same conversation always gets the
/// same reply (stable tests), while different conversations and turns get different wording.
struct VariantPicker: Sendable {
    /// A hash of the whole conversation and the turn number.
    let seed: UInt64

    init(messages: [ChatMessage], turn: Int) {
        var hash = Self.offset
        for message in messages {
            Self.mix(message.role.rawValue, into: &hash)
            Self.mix(message.content, into: &hash)
        }
        Self.mix(String(turn), into: &hash)
        seed = hash
    }

    /// A start position in a list of `count` variants for a named slot.
    func start(_ slot: String, count: Int) -> Int {
        guard count > 0 else { return 0 }
        var hash = seed
        Self.mix(slot, into: &hash)
        return Int(hash % UInt64(count))
    }

    /// The first variant, from the slot's start position round the list, that `accept` allows;
    /// the slot's own first choice if none is allowed; `nil` only for an empty list.
    func pick(_ options: [String], slot: String, accept: (String) -> Bool = { _ in true }) -> String? {
        guard !options.isEmpty else { return nil }
        let first = start(slot, count: options.count)
        for step in 0..<options.count {
            let option = options[(first + step) % options.count]
            if accept(option) { return option }
        }
        return options[first]
    }

    // MARK: - FNV-1a

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Bytes hashed from each end of a long text: enough to tell conversations apart, and
    /// bounded so a huge message costs no more than a short one.
    private static let sampleBytes = 4_096

    private static func mix(_ text: String, into hash: inout UInt64) {
        let bytes = text.utf8
        if bytes.count <= 2 * sampleBytes {
            mix(bytes[...], into: &hash)
        } else {
            mix(bytes.prefix(sampleBytes), into: &hash)
            mix(bytes.suffix(sampleBytes), into: &hash)
            mix(String(bytes.count).utf8[...], into: &hash)
        }
        hash ^= 0xff
        hash = hash &* prime
    }

    private static func mix(_ bytes: Substring.UTF8View, into hash: inout UInt64) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
    }
}
