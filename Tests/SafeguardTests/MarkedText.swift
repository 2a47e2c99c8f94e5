/// Test input with the expected span marked inline: `"i want to [[kill myself]]"`.
///
/// `text` is the input without the markers; `start`/`end` are the marked span in Unicode
/// scalars (the offsets `Signal` uses).
struct MarkedText {
    let text: String
    let start: Int
    let end: Int

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var start = -1
        var end = -1
        var iterator = Array(marked.unicodeScalars)[...]
        while let scalar = iterator.first {
            if iterator.starts(with: "[[".unicodeScalars) {
                start = scalars.count
                iterator = iterator.dropFirst(2)
                continue
            }
            if iterator.starts(with: "]]".unicodeScalars) {
                end = scalars.count
                iterator = iterator.dropFirst(2)
                continue
            }
            scalars.append(scalar)
            iterator = iterator.dropFirst()
        }
        self.text = String(scalars)
        self.start = start
        self.end = end
    }
}
