import Testing

@testable import Safeguard

@Test func lexiconPlaceholder() { #expect(Bool(true)) }
