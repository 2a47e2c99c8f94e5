import Testing

@Test func WaymarkStoreTestsBuild() { #expect(Bool(true)) }
