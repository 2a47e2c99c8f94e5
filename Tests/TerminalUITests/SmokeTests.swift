import Testing

@Test func TerminalUITestsBuild() { #expect(Bool(true)) }
