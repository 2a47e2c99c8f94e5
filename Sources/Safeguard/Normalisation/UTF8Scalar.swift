/// One scalar decoded from valid UTF-8 (a Swift string's own bytes). The normaliser and the
/// model's tokeniser read messages as bytes and decode only what is not ASCII; both use this.
enum UTF8Scalar {
    /// The scalar starting at `position` in `bytes`, which must be valid UTF-8, and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (value: UInt32, length: Int)
    {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            let value =
                (lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6
                | UInt32(bytes[position + 2] & 0x3F)
            return (value, 3)
        }
        let high = (lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
        let low = UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
        return (high | low, 4)
    }
}
