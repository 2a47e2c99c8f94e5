import Testing

@Test func WaymarkReviewTestsBuild() { #expect(Bool(true)) }
