import Testing

@Test func ChatCoreTestsBuild() { #expect(Bool(true)) }
