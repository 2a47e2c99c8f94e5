/// All lexicon patterns compiled into one trie over word ids, matched in a single pass.
///
/// Matching simulates the trie as an automaton: at every word a new walk starts at the root
/// and every live walk advances on the word's id or classes; `~N` gaps let a walk skip up to
/// N words. Live walks are deduplicated by node and capped, so the work per word is bounded
/// and the whole match is linear in the number of words.
struct TokenTrie: Sendable {
    private var literalEdges = EdgeTable()
    private var classEdges: [[ClassEdge]] = [[]]
    private var gapEdges: [[GapEdge]] = [[]]
    private var accepts: [[Accept]] = [[]]

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

    private struct Walk {
        var node: Int32
        var start: Int32
        var skips: Int8
    }

    // Flat copies built by `finish()`: nested arrays cost reference counting per access.
    private var flatClassStart: [Int32] = []
    private var flatClassEdges: [ClassEdge] = []
    private var flatGapStart: [Int32] = []
    private var flatGapEdges: [GapEdge] = []
    private var flatAcceptStart: [Int32] = []
    private var flatAccepts: [Accept] = []
    /// Whether a walk at the node can still go anywhere.
    private var alive: [Bool] = []

    /// Most live walks kept per word.
    static let maxWalks = 96

    var nodeCount: Int { accepts.count }

    private mutating func newNode() -> Int32 {
        classEdges.append([])
        gapEdges.append([])
        accepts.append([])
        return Int32(accepts.count - 1)
    }

    /// Adds one expanded pattern for a rule.
    mutating func insert(_ elements: [PatternElement], rule: Int32) {
        var node: Int32 = 0
        var needsBoundary = false
        for element in elements {
            switch element {
            case .word(let id):
                let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                if let child = literalEdges[key] {
                    node = child
                } else {
                    let child = newNode()
                    literalEdges.set(key, child)
                    node = child
                }
            case .wordClass(let index):
                if let edge = classEdges[Int(node)].first(where: { $0.classIndex == index }) {
                    node = edge.child
                } else {
                    let child = newNode()
                    classEdges[Int(node)].append(ClassEdge(classIndex: index, child: child))
                    node = child
                }
            case .gap(let limit):
                if let edge = gapEdges[Int(node)].first(where: { Int($0.limit) == limit }) {
                    node = edge.child
                } else {
                    let child = newNode()
                    gapEdges[Int(node)].append(GapEdge(limit: Int8(limit), child: child))
                    node = child
                }
            case .boundary:
                needsBoundary = true
            }
        }
        if node != 0
            && !accepts[Int(node)].contains(where: { $0.rule == rule && $0.needsBoundary == needsBoundary })
        {
            accepts[Int(node)].append(Accept(rule: rule, needsBoundary: needsBoundary))
        }
    }

    /// Every match of every rule, in order of their last word.
    func matches(_ tokens: [NormalisedToken], masks: [ClassMask], clauseBreakClass: Int?) -> [RuleMatch] {
        var found: [RuleMatch] = []
        var live: [Walk] = []
        var next: [Walk] = []
        live.reserveCapacity(16)
        next.reserveCapacity(16)
        let count = tokens.count
        for index in 0..<count {
            let id = tokens[index].id
            let mask = masks[index]
            let boundaryAfter =
                index + 1 == count || tokens[index + 1].breakBefore > 0
                || (clauseBreakClass.map { masks[index + 1].contains($0) } ?? false)
            next.removeAll(keepingCapacity: true)
            let position = Int32(index)
            advance(
                Walk(node: 0, start: position, skips: 0), id: id, mask: mask, at: position,
                boundaryAfter: boundaryAfter, next: &next, found: &found)
            for walk in live {
                advance(
                    walk, id: id, mask: mask, at: position, boundaryAfter: boundaryAfter, next: &next,
                    found: &found)
                if walk.skips > 0 {
                    push(Walk(node: walk.node, start: walk.start, skips: walk.skips - 1), into: &next)
                }
            }
            swap(&live, &next)
        }
        return found
    }

    @inline(__always)
    private func advance(
        _ walk: Walk, id: Int32, mask: ClassMask, at position: Int32, boundaryAfter: Bool,
        next: inout [Walk], found: inout [RuleMatch]
    ) {
        if id >= 0 {
            let key = UInt64(UInt32(walk.node)) << 32 | UInt64(UInt32(id))
            if let child = literalEdges[key] {
                enter(
                    child, start: walk.start, at: position, boundaryAfter: boundaryAfter, next: &next,
                    found: &found)
            }
        }
        if !mask.isEmpty {
            let node = Int(walk.node)
            var edge = Int(flatClassStart[node])
            let end = Int(flatClassStart[node + 1])
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

    @inline(__always)
    private func enter(
        _ node: Int32, start: Int32, at position: Int32, boundaryAfter: Bool, next: inout [Walk],
        found: inout [RuleMatch]
    ) {
        let index = Int(node)
        var accept = Int(flatAcceptStart[index])
        let acceptEnd = Int(flatAcceptStart[index + 1])
        while accept < acceptEnd {
            let entry = flatAccepts[accept]
            if !entry.needsBoundary || boundaryAfter {
                found.append(RuleMatch(rule: entry.rule, first: start, last: position))
            }
            accept += 1
        }
        push(Walk(node: node, start: start, skips: 0), into: &next)
        var gap = Int(flatGapStart[index])
        let gapEnd = Int(flatGapStart[index + 1])
        while gap < gapEnd {
            let edge = flatGapEdges[gap]
            push(Walk(node: edge.child, start: start, skips: edge.limit), into: &next)
            gap += 1
        }
    }

    @inline(__always)
    private func push(_ walk: Walk, into next: inout [Walk]) {
        if !alive[Int(walk.node)] { return }
        for index in next.indices where next[index].node == walk.node {
            if walk.skips > next[index].skips
                || (walk.skips == next[index].skips && walk.start > next[index].start)
            {
                next[index] = walk
            }
            return
        }
        if next.count < Self.maxWalks { next.append(walk) }
    }

    /// Flattens the trie for matching; call once after the last `insert`.
    mutating func finish() {
        var hasChildren = Array(repeating: false, count: accepts.count)
        for key in literalEdges.allKeys { hasChildren[Int(key >> 32)] = true }
        flatClassStart = [0]
        flatGapStart = [0]
        flatAcceptStart = [0]
        flatClassEdges = []
        flatGapEdges = []
        flatAccepts = []
        alive = []
        for node in 0..<accepts.count {
            flatClassEdges.append(contentsOf: classEdges[node])
            flatClassStart.append(Int32(flatClassEdges.count))
            flatGapEdges.append(contentsOf: gapEdges[node])
            flatGapStart.append(Int32(flatGapEdges.count))
            flatAccepts.append(contentsOf: accepts[node])
            flatAcceptStart.append(Int32(flatAccepts.count))
            alive.append(hasChildren[node] || !classEdges[node].isEmpty || !gapEdges[node].isEmpty)
        }
    }
}
