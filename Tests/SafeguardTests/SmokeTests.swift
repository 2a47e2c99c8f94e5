import Testing

@Test func SafeguardTestsBuild() { #expect(Bool(true)) }
