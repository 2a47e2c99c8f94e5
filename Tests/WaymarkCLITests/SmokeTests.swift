import Testing

@Test func WaymarkCLITestsBuild() { #expect(Bool(true)) }
