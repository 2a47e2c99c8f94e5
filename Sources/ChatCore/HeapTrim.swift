/// glibc's `malloc_trim` (not in the Glibc module map).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32

/// Hands freed heap pages back to the system: loading the safeguard (compiling the lexicon,
/// decoding the model) leaves freed memory scattered through the heap.
public enum HeapTrim {
    /// Returns free pages to the system (glibc); call after a large load.
    public static func returnFreePages() {
        _ = mallocTrim(0)
    }
}
