import Testing

@Test func CommandResponderTestsBuild() { #expect(Bool(true)) }
