/// The version `waymark --version` prints. Raise it when a release changes what people or the
/// command-line contracts (`docs/CONTRACTS.md`) see.
enum WaymarkVersion {
    static let current = "0.1.0"
}
