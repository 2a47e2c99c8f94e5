/// One service as the F2 panel shows it: display data filled in by the executable from the
/// reviewed directory (only confirmed or corroborated facts).
public struct ServiceLine: Sendable, Equatable {
    /// The directory id (matches ``ChatCore/TranscriptEntry/services``).
    public var id: String
    public var name: String
    /// How to reach it ("116 123", "Text SHOUT to 85258").
    public var contact: String
    /// Opening hours as text, if known.
    public var hours: String?
    /// Whether it is open now, if known.
    public var openNow: Bool?

    public init(id: String, name: String, contact: String, hours: String? = nil, openNow: Bool? = nil) {
        self.id = id
        self.name = name
        self.contact = contact
        self.hours = hours
        self.openNow = openNow
    }
}
