/// How a passphrase becomes a key: scrypt cost parameters (stored beside the salt, so a future
/// version can raise them without locking anyone out).
public struct HistoryKeyDerivation: Sendable, Equatable, Codable {
    /// scrypt N (a power of two): the CPU and memory cost.
    public var rounds: Int
    /// scrypt r: the block size.
    public var blockSize: Int
    /// scrypt p: the parallelism.
    public var parallelism: Int

    public init(rounds: Int, blockSize: Int, parallelism: Int) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// The default: N = 2^15, r = 8, p = 1 (32 MiB, OWASP's scrypt minimum, ~0.1–0.5 s).
    public static let standard = HistoryKeyDerivation(rounds: 1 << 15, blockSize: 8, parallelism: 1)

    /// A deliberately weak setting for tests only (N = 2^10): never use it for real history.
    public static let weakForTests = HistoryKeyDerivation(rounds: 1 << 10, blockSize: 8, parallelism: 1)
}
