import Testing

@Test func OpenAIResponderTestsBuild() { #expect(Bool(true)) }
