/// All lexicon patterns compiled into one trie over word ids, matched in a single pass.
///
/// Matching simulates the trie as an automaton: at every word a new walk starts at the root
/// and every live walk advances on the word's id or classes; `~N` gaps let a walk skip up to
/// N words. Live walks are deduplicated by node and capped, so the work per word is bounded
/// and the whole match is linear in the number of words.
struct TokenTrie: Sendable {
    struct ClassEdge: Sendable {
        var classIndex: Int
        var child: Int32
    }

    struct GapEdge: Sendable {
        var limit: Int8
        var child: Int32
    }

    struct Accept: Sendable {
        var rule: Int32
        var needsBoundary: Bool
    }

    struct Walk: Sendable {
        var node: Int32
        var start: Int32
        var skips: Int8
    }

    /// Where a node's rows start in each edge table (the row ends where the next node's starts):
    /// one load brings all four, where four tables meant four cache misses per node visited.
    private struct Row: Sendable {
        var literals: Int32
        var classes: Int32
        var gaps: Int32
        var accepts: Int32
        /// A bit for each of the node's literal words (``wordBit(_:)``): a word whose bit is clear
        /// has no edge here, so most walks skip the binary search of the row (whose loads were the
        /// hottest of the match) on the row they already read. Derived from the edges.
        var wordBits: UInt32 = 0
    }

    /// The bit of a word in ``Row/wordBits`` (a multiplicative hash: ids are given in order).
    @inline(__always)
    private static func wordBit(_ word: Int32) -> UInt32 {
        1 << ((UInt32(bitPattern: word) &* 0x9E37_79B1) >> 27)
    }

    /// A literal edge: the word and the child it leads to.
    private struct WordEdge: Sendable {
        var word: Int32
        var child: Int32
    }

    /// An edge while building, in insertion order.
    private struct Built<Payload: Sendable>: Sendable {
        var node: Int32
        var payload: Payload
    }

    // While building (released by `finish()`): a few large tables, no per-node allocations, so
    // the memory goes back to the system once the lexicon is compiled.
    private var literalLookup = EdgeTable()
    private var classLookup: [UInt64: Int32] = [:]
    private var gapLookup: [UInt64: Int32] = [:]
    private var acceptLookup: Set<UInt64> = []
    private var builtLiterals: [Built<WordEdge>] = []
    private var builtClasses: [Built<ClassEdge>] = []
    private var builtGaps: [Built<GapEdge>] = []
    private var builtAccepts: [Built<Accept>] = []

    // For matching, built by `finish()`: compressed rows per node (start offsets + edges). The
    // large tables are read-only tables, viewed in place when read from a mapped artefact.
    /// The root's children by word id (`-1`: none); every word starts a walk at the root.
    private var rootChildren = ReadOnlyTable<Int32>([])
    /// Each node's row starts (one more entry than nodes: the end of the last rows).
    private var nodeRows = ReadOnlyTable<Row>([])
    /// Other nodes' literal edges (word and child side by side), sorted by word id within each node.
    private var literalEdges = ReadOnlyTable<WordEdge>([])
    private var flatClassEdges: [ClassEdge] = []
    private var flatGapEdges: [GapEdge] = []
    private var flatAccepts: [Accept] = []
    /// Whether a walk at the root can go anywhere (any other node can when it has an edge).
    private var rootAlive = false
    /// The root's class edges by class (their position in the root's row, `-1`: none) and the
    /// classes that have one: every word starts a walk at the root, whose row is long, so its
    /// edges are found from the word's classes instead of by scanning the row (derived from the
    /// rows after building or reading; entered in row order, as a scan would).
    private var rootClassPosition: [Int32] = []
    private var rootClasses = ClassMask()
    /// Whether the index is usable (each class at most once in the root's row, as built).
    private var rootIndexed = false

    /// Most live walks kept per word.
    static let maxWalks = 96

    private(set) var nodeCount = 1

    private mutating func newNode() -> Int32 {
        nodeCount += 1
        return Int32(nodeCount - 1)
    }

    private static func key(_ node: Int32, _ value: Int) -> UInt64 {
        UInt64(UInt32(node)) << 32 | UInt64(UInt32(truncatingIfNeeded: value))
    }

    /// Adds one expanded pattern for a rule.
    mutating func insert(_ elements: [PatternElement], rule: Int32) {
        var node: Int32 = 0
        var needsBoundary = false
        for element in elements {
            switch element {
            case .word(let id):
                let key = Self.key(node, Int(id))
                if let child = literalLookup[key] {
                    node = child
                } else {
                    let child = newNode()
                    literalLookup.set(key, child)
                    builtLiterals.append(Built(node: node, payload: WordEdge(word: id, child: child)))
                    node = child
                }
            case .wordClass(let index):
                let key = Self.key(node, index)
                if let child = classLookup[key] {
                    node = child
                } else {
                    let child = newNode()
                    classLookup[key] = child
                    builtClasses.append(
                        Built(node: node, payload: ClassEdge(classIndex: index, child: child)))
                    node = child
                }
            case .gap(let limit):
                let key = Self.key(node, limit)
                if let child = gapLookup[key] {
                    node = child
                } else {
                    let child = newNode()
                    gapLookup[key] = child
                    builtGaps.append(Built(node: node, payload: GapEdge(limit: Int8(limit), child: child)))
                    node = child
                }
            case .boundary:
                needsBoundary = true
            }
        }
        guard node != 0 else { return }
        let acceptKey = Self.key(node, Int(rule) << 1 | (needsBoundary ? 1 : 0))
        if acceptLookup.insert(acceptKey).inserted {
            builtAccepts.append(Built(node: node, payload: Accept(rule: rule, needsBoundary: needsBoundary)))
        }
    }

    /// The live walks of one word: at most ``maxWalks``, in a buffer of the match's own (on the
    /// stack). Arrays here cost a uniqueness and capacity check on every push and a bounds check
    /// on every look at the walks already kept, in the match's innermost loop.
    struct Walks {
        let base: UnsafeMutablePointer<Walk>
        var count = 0

        init(_ base: UnsafeMutablePointer<Walk>) { self.base = base }
    }

    /// Every match of every rule, in order of their last word.
    func matches(
        _ tokens: [NormalisedToken], masks: [ClassMask], clauseBreakClass: Int?, scratch: inout AssessScratch
    ) -> [RuleMatch] {
        var found = Normaliser.take(&scratch.matches)
        let count = tokens.count
        guard count > 0 else { return found }
        withUnsafeTemporaryAllocation(of: Walk.self, capacity: 2 * Self.maxWalks) { buffer in
            var live = Walks(buffer.baseAddress!)
            var next = Walks(buffer.baseAddress! + Self.maxWalks)
            for index in 0..<count {
                let id = tokens[index].id
                let mask = masks[index]
                let boundaryAfter =
                    index + 1 == count || tokens[index + 1].breakBefore > 0
                    || (clauseBreakClass.map { masks[index + 1].contains($0) } ?? false)
                next.count = 0
                let position = Int32(index)
                advance(
                    Walk(node: 0, start: position, skips: 0), id: id, mask: mask, at: position,
                    boundaryAfter: boundaryAfter, next: &next, found: &found)
                for offset in 0..<live.count {
                    let walk = live.base[offset]
                    advance(
                        walk, id: id, mask: mask, at: position, boundaryAfter: boundaryAfter, next: &next,
                        found: &found)
                    if walk.skips > 0 {
                        push(Walk(node: walk.node, start: walk.start, skips: walk.skips - 1), into: &next)
                    }
                }
                swap(&live, &next)
            }
        }
        return found
    }

    @inline(__always)
    private func advance(
        _ walk: Walk, id: Int32, mask: ClassMask, at position: Int32, boundaryAfter: Bool,
        next: inout Walks, found: inout [RuleMatch]
    ) {
        if id >= 0, let child = literalChild(of: walk.node, word: id) {
            enter(
                child, start: walk.start, at: position, boundaryAfter: boundaryAfter, next: &next,
                found: &found)
        }
        if walk.node == 0 && rootIndexed {
            enterRootClasses(
                mask, start: walk.start, at: position, boundaryAfter: boundaryAfter, next: &next,
                found: &found)
        } else if !mask.isEmpty {
            let node = Int(walk.node)
            var edge = Int(nodeRows[node].classes)
            let end = Int(nodeRows[node + 1].classes)
            while edge < end {
                let classEdge = flatClassEdges[edge]
                if mask.contains(classEdge.classIndex) {
                    enter(
                        classEdge.child, start: walk.start, at: position, boundaryAfter: boundaryAfter,
                        next: &next, found: &found)
                }
                edge += 1
            }
        }
    }

    /// The root's class edges a word's classes take, in the order of the root's row.
    @inline(__always)
    private func enterRootClasses(
        _ mask: ClassMask, start: Int32, at position: Int32, boundaryAfter: Bool, next: inout Walks,
        found: inout [RuleMatch]
    ) {
        var low = mask.low & rootClasses.low
        var high = mask.high & rootClasses.high
        if low == 0 && high == 0 { return }
        // At most a few classes per word: their positions, sorted by insertion.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 128) { positions in
            var count = 0
            func add(_ classIndex: Int) {
                let edge = rootClassPosition[classIndex]
                var slot = count
                while slot > 0 && positions[slot - 1] > edge {
                    positions[slot] = positions[slot - 1]
                    slot -= 1
                }
                positions[slot] = edge
                count += 1
            }
            while low != 0 {
                add(low.trailingZeroBitCount)
                low &= low - 1
            }
            while high != 0 {
                add(64 + high.trailingZeroBitCount)
                high &= high - 1
            }
            for index in 0..<count {
                enter(
                    flatClassEdges[Int(positions[index])].child, start: start, at: position,
                    boundaryAfter: boundaryAfter, next: &next, found: &found)
            }
        }
    }

    /// Builds ``rootClassPosition`` and ``rootClasses`` from the rows.
    private mutating func indexRootClasses() {
        rootClassPosition = [Int32](repeating: -1, count: 128)
        rootClasses = ClassMask()
        rootIndexed = false
        guard nodeRows.count > 1 else { return }
        for edge in Int(nodeRows[0].classes)..<Int(nodeRows[1].classes) {
            let classIndex = flatClassEdges[edge].classIndex
            guard classIndex >= 0, classIndex < 128, rootClassPosition[classIndex] < 0 else { return }
            rootClassPosition[classIndex] = Int32(edge)
            rootClasses.insert(classIndex)
        }
        rootIndexed = true
    }

    @inline(__always)
    private func enter(
        _ node: Int32, start: Int32, at position: Int32, boundaryAfter: Bool, next: inout Walks,
        found: inout [RuleMatch]
    ) {
        let index = Int(node)
        let row = nodeRows[index]
        let nextRow = nodeRows[index + 1]
        var accept = Int(row.accepts)
        let acceptEnd = Int(nextRow.accepts)
        while accept < acceptEnd {
            let entry = flatAccepts[accept]
            if !entry.needsBoundary || boundaryAfter {
                found.append(RuleMatch(rule: entry.rule, first: start, last: position))
            }
            accept += 1
        }
        push(Walk(node: node, start: start, skips: 0), into: &next)
        var gap = Int(row.gaps)
        let gapEnd = Int(nextRow.gaps)
        while gap < gapEnd {
            let edge = flatGapEdges[gap]
            push(Walk(node: edge.child, start: start, skips: edge.limit), into: &next)
            gap += 1
        }
    }

    @inline(__always)
    private func push(_ walk: Walk, into next: inout Walks) {
        if !isAlive(walk.node) { return }
        // One walk per node and start (merged nodes are reached from different starts; each
        // keeps its own span), keeping the one with the most skips left.
        let walks = next.base
        for index in 0..<next.count where walks[index].node == walk.node && walks[index].start == walk.start {
            if walk.skips > walks[index].skips { walks[index] = walk }
            return
        }
        if next.count < Self.maxWalks {
            walks[next.count] = walk
            next.count += 1
        }
    }

    /// Whether a walk at the node can still go anywhere: it has an edge.
    @inline(__always)
    private func isAlive(_ node: Int32) -> Bool {
        if node == 0 { return rootAlive }
        let row = nodeRows[Int(node)]
        let next = nodeRows[Int(node) + 1]
        return row.literals < next.literals || row.classes < next.classes || row.gaps < next.gaps
    }

    /// The child of a node along a word, if any.
    @inline(__always)
    private func literalChild(of node: Int32, word: Int32) -> Int32? {
        if node == 0 {
            let child = Int(word) < rootChildren.count ? rootChildren[Int(word)] : -1
            return child >= 0 ? child : nil
        }
        let row = nodeRows[Int(node)]
        guard row.wordBits & Self.wordBit(word) != 0 else { return nil }
        var low = Int(row.literals)
        var high = Int(nodeRows[Int(node) + 1].literals)
        while low < high {
            let middle = (low + high) >> 1
            let edge = literalEdges[middle]
            let value = edge.word
            if value == word { return edge.child }
            if value < word { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Groups items by node (a stable counting sort): offsets per node and the items in order.
    private static func rows<Item: Sendable>(_ items: [Built<Item>], nodeCount: Int) -> (
        start: [Int32], items: [Item]
    ) {
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for item in items { start[Int(item.node) + 1] += 1 }
        for index in 1...nodeCount { start[index] += start[index - 1] }
        var fill = start
        var placed = [Item?](repeating: nil, count: items.count)
        for item in items {
            placed[Int(fill[Int(item.node)])] = item.payload
            fill[Int(item.node)] += 1
        }
        return (start, placed.compactMap { $0 })
    }

    /// The four row-start tables side by side (each has one entry per node and one more).
    private static func nodeRows(
        literals: [Int32], classes: [Int32], gaps: [Int32], accepts: [Int32], literalEdges: [WordEdge]
    ) -> [Row] {
        (0..<literals.count).map { node in
            var row = Row(
                literals: literals[node], classes: classes[node], gaps: gaps[node], accepts: accepts[node])
            if node + 1 < literals.count {
                for edge in Int(literals[node])..<Int(literals[node + 1]) {
                    row.wordBits |= wordBit(literalEdges[edge].word)
                }
            }
            return row
        }
    }

    /// Compiles the trie for matching and releases what building needed; call once after the
    /// last `insert`.
    mutating func finish() {
        minimise()
        let count = nodeCount
        var maxWord: Int32 = -1
        for edge in builtLiterals where edge.node == 0 { maxWord = max(maxWord, edge.payload.word) }
        var rootChildren = [Int32](repeating: -1, count: Int(maxWord) + 1)
        for edge in builtLiterals where edge.node == 0 {
            rootChildren[Int(edge.payload.word)] = edge.payload.child
        }
        self.rootChildren = ReadOnlyTable(rootChildren)
        let literals = Self.rows(builtLiterals.filter { $0.node != 0 }, nodeCount: count)
        var edges = literals.items
        for node in 0..<count {
            let low = Int(literals.start[node])
            let high = Int(literals.start[node + 1])
            guard high - low > 1 else { continue }
            edges[low..<high].sort { $0.word < $1.word }
        }
        literalEdges = ReadOnlyTable(edges)
        let classes = Self.rows(builtClasses, nodeCount: count)
        let gaps = Self.rows(builtGaps, nodeCount: count)
        let accepts = Self.rows(builtAccepts, nodeCount: count)
        flatClassEdges = classes.items
        flatGapEdges = gaps.items
        flatAccepts = accepts.items
        nodeRows = ReadOnlyTable(
            Self.nodeRows(
                literals: literals.start, classes: classes.start, gaps: gaps.start, accepts: accepts.start,
                literalEdges: edges))
        rootAlive =
            builtLiterals.contains { $0.node == 0 } || builtClasses.contains { $0.node == 0 }
            || builtGaps.contains { $0.node == 0 }
        indexRootClasses()
        literalLookup = EdgeTable(capacity: 0)
        classLookup = [:]
        gapLookup = [:]
        acceptLookup = []
        builtLiterals = []
        builtClasses = []
        builtGaps = []
        builtAccepts = []
    }

    /// Merges nodes whose futures are identical (same accepts, same edges to the same merged
    /// children), turning the trie into a minimal acyclic automaton. Alternations expand into
    /// many copies of the same tails ("{a|b|c} to die"); matching is unchanged, memory shrinks.
    /// Children always have higher ids than their parents, so one pass from the last node up
    /// sees every child merged before its parent.
    private mutating func minimise() {
        let count = nodeCount
        let literals = Self.rows(builtLiterals, nodeCount: count)
        let classes = Self.rows(builtClasses, nodeCount: count)
        let gaps = Self.rows(builtGaps, nodeCount: count)
        let accepts = Self.rows(builtAccepts, nodeCount: count)
        var canonical = [Int32](repeating: -1, count: count)
        var seen: [[UInt64]: Int32] = [:]
        var signature: [UInt64] = []
        for node in stride(from: count - 1, through: 0, by: -1) {
            signature.removeAll(keepingCapacity: true)
            var part: [UInt64] = []
            for index in Int(accepts.start[node])..<Int(accepts.start[node + 1]) {
                let accept = accepts.items[index]
                part.append(1 << 62 | UInt64(UInt32(accept.rule)) << 1 | (accept.needsBoundary ? 1 : 0))
            }
            signature += part.sorted()
            part.removeAll()
            for index in Int(literals.start[node])..<Int(literals.start[node + 1]) {
                let edge = literals.items[index]
                part.append(
                    2 << 62 | UInt64(UInt32(edge.word)) << 32 | UInt64(UInt32(canonical[Int(edge.child)])))
            }
            signature += part.sorted()
            part.removeAll()
            for index in Int(classes.start[node])..<Int(classes.start[node + 1]) {
                let edge = classes.items[index]
                part.append(
                    3 << 62 | UInt64(UInt32(edge.classIndex)) << 32
                        | UInt64(UInt32(canonical[Int(edge.child)])))
            }
            signature += part.sorted()
            part.removeAll()
            for index in Int(gaps.start[node])..<Int(gaps.start[node + 1]) {
                let edge = gaps.items[index]
                // Tag 0 with the top bit of the limit's word: gaps sort after everything else.
                part.append(UInt64(UInt8(edge.limit)) << 40 | UInt64(UInt32(canonical[Int(edge.child)])))
            }
            signature += part.sorted()
            signature.append(UInt64(part.count))
            if node == 0 {
                canonical[0] = 0
            } else if let existing = seen[signature] {
                canonical[node] = existing
            } else {
                seen[signature] = Int32(node)
                canonical[node] = Int32(node)
            }
        }
        seen = [:]
        // Renumber the kept nodes in order (the root stays 0).
        var renumbered = [Int32](repeating: -1, count: count)
        var kept: Int32 = 0
        for node in 0..<count where canonical[node] == Int32(node) {
            renumbered[node] = kept
            kept += 1
        }
        func map(_ node: Int32) -> Int32 { renumbered[Int(canonical[Int(node)])] }
        let isKept = { (node: Int32) in canonical[Int(node)] == node }
        builtLiterals = builtLiterals.filter { isKept($0.node) }.map {
            Built(node: map($0.node), payload: WordEdge(word: $0.payload.word, child: map($0.payload.child)))
        }
        builtClasses = builtClasses.filter { isKept($0.node) }.map {
            Built(
                node: map($0.node),
                payload: ClassEdge(classIndex: $0.payload.classIndex, child: map($0.payload.child)))
        }
        builtGaps = builtGaps.filter { isKept($0.node) }.map {
            Built(node: map($0.node), payload: GapEdge(limit: $0.payload.limit, child: map($0.payload.child)))
        }
        builtAccepts = builtAccepts.filter { isKept($0.node) }.map {
            Built(node: map($0.node), payload: $0.payload)
        }
        nodeCount = Int(kept)
    }
}

// MARK: - Precompiled artefact

extension TokenTrie {
    /// Writes the compiled matching tables (call after `finish()`): the node rows, the root's
    /// children and the literal edges as they lie in memory, so a mapped artefact is read in
    /// place; the small edge tables as pairs.
    func write(to writer: inout ArtefactWriter) {
        writer.int(nodeCount)
        writer.table(rootChildren)
        writer.table(nodeRows)
        writer.table(literalEdges)
        writer.int32s(flatClassEdges.flatMap { [Int32($0.classIndex), $0.child] })
        writer.int32s(flatGapEdges.flatMap { [Int32($0.limit), $0.child] })
        writer.int32s(flatAccepts.flatMap { [$0.rule, $0.needsBoundary ? 1 : 0] })
    }

    /// Reads tables written by ``write(to:)``, checking every index so matching can never read
    /// out of bounds: children are nodes, rows are monotonic and end at their tables' ends,
    /// literal rows are sorted with the word bits they imply, rules exist, classes fit a mask.
    init(reading reader: inout ArtefactReader, ruleCount: Int) throws(ArtefactError) {
        self.init()
        literalLookup = EdgeTable(capacity: 0)
        let count = try reader.int()
        guard count >= 1 else { throw ArtefactError("trie: no nodes") }
        func node(_ value: Int32) throws(ArtefactError) {
            guard value >= 0, Int(value) < count else { throw ArtefactError("trie: bad node") }
        }
        nodeCount = count
        rootChildren = try reader.table(Int32.self)
        for child in rootChildren where child != -1 { try node(child) }
        nodeRows = try reader.table(Row.self)
        guard nodeRows.count == count + 1, let first = nodeRows.first,
            first.literals == 0, first.classes == 0, first.gaps == 0, first.accepts == 0
        else { throw ArtefactError("trie: bad rows") }
        for index in 0..<count {
            let row = nodeRows[index]
            let next = nodeRows[index + 1]
            guard row.literals <= next.literals, row.classes <= next.classes, row.gaps <= next.gaps,
                row.accepts <= next.accepts
            else { throw ArtefactError("trie: bad rows") }
        }
        literalEdges = try reader.table(WordEdge.self)
        let last = nodeRows[count]
        guard Int(last.literals) == literalEdges.count else { throw ArtefactError("trie: bad literals") }
        for index in 0..<count {
            var bits: UInt32 = 0
            var previous = Int32.min
            for edge in Int(nodeRows[index].literals)..<Int(nodeRows[index + 1].literals) {
                let entry = literalEdges[edge]
                try node(entry.child)
                guard entry.word >= 0, entry.word > previous else {
                    throw ArtefactError("trie: bad literals")
                }
                previous = entry.word
                bits |= Self.wordBit(entry.word)
            }
            // The last row (one past the nodes) only marks where the tables end.
            guard nodeRows[index].wordBits == bits else { throw ArtefactError("trie: bad word bits") }
        }
        guard last.wordBits == 0 else { throw ArtefactError("trie: bad word bits") }
        /// A table of pairs ending where the rows say, each checked and made into an item by `make`.
        func pairTable<Item>(
            end: Int32, _ make: (Int32, Int32) throws(ArtefactError) -> Item
        ) throws(ArtefactError) -> [Item] {
            let flat = try reader.int32s()
            guard flat.count % 2 == 0, flat.count / 2 == Int(end) else {
                throw ArtefactError("trie: bad table")
            }
            var items: [Item] = []
            items.reserveCapacity(flat.count / 2)
            for index in stride(from: 0, to: flat.count, by: 2) {
                items.append(try make(flat[index], flat[index + 1]))
            }
            return items
        }
        flatClassEdges = try pairTable(end: last.classes) { classIndex, child throws(ArtefactError) in
            guard classIndex >= 0, classIndex < 128 else { throw ArtefactError("trie: bad class") }
            try node(child)
            return ClassEdge(classIndex: Int(classIndex), child: child)
        }
        flatGapEdges = try pairTable(end: last.gaps) { limit, child throws(ArtefactError) in
            guard limit >= 0, limit <= Int32(Int8.max) else { throw ArtefactError("trie: bad gap") }
            try node(child)
            return GapEdge(limit: Int8(limit), child: child)
        }
        flatAccepts = try pairTable(end: last.accepts) { rule, boundary throws(ArtefactError) in
            guard rule >= 0, Int(rule) < ruleCount, boundary & ~1 == 0 else {
                throw ArtefactError("trie: bad accept")
            }
            return Accept(rule: rule, needsBoundary: boundary == 1)
        }
        rootAlive =
            rootChildren.contains { $0 >= 0 } || first.classes < nodeRows[1].classes
            || first.gaps < nodeRows[1].gaps
        indexRootClasses()
    }

    /// Whether the big matching tables are views into a mapped artefact (no heap copy).
    var readsMappedTables: Bool {
        rootChildren.isMappedView && nodeRows.isMappedView && literalEdges.isMappedView
    }
}
