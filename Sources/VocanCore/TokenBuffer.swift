/// Scratch space with one element per token, kept by a scorer or analyzer from comment to comment: it
/// grows and never shrinks, and its elements are read and written without bounds checks in release
/// builds (the indices are token positions of the comment being scored; debug builds check them).
///
/// A class, so that filling it from a `mutating` method neither copies it nor re-checks uniqueness;
/// a copy of the scorer that holds it shares it.
final class TokenBuffer<Element> {
    private(set) var elements: UnsafeMutableBufferPointer<Element>
    private let empty: Element

    init(repeating empty: Element) {
        self.empty = empty
        elements = .allocate(capacity: 64)
        elements.initialize(repeating: empty)
    }

    deinit {
        _ = elements.deinitialize()
        elements.deallocate()
    }

    /// Makes room for `count` elements (new ones are `empty`).
    func reserve(_ count: Int) {
        guard count > elements.count else { return }
        let grown = UnsafeMutableBufferPointer<Element>.allocate(capacity: count * 2)
        grown.initialize(repeating: empty)
        _ = elements.deinitialize()
        elements.deallocate()
        elements = grown
    }

    subscript(index: Int) -> Element {
        get { elements[index] }
        set { elements[index] = newValue }
    }
}

/// A list kept by a scorer from sentence to sentence, emptied in place: `Array.removeAll(keepingCapacity:)`
/// goes through a generic `replaceSubrange`, and every append to an array stored in the scorer checks
/// that its buffer is unique; a few such lists per sentence cost more than the sentence's arithmetic.
///
/// A class, like `TokenBuffer`, so that filling it from a `mutating` method neither copies it nor
/// re-checks uniqueness. Indices are checked, so misuse traps as it would with an array. The scorer
/// walks its lists by index: an iterator holds, and so retains and releases, the list.
final class ScratchList<Element>: RandomAccessCollection, MutableCollection {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "ScratchList index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "ScratchList index out of range")
            base[index] = newValue
        }
    }

    /// Inlined (a call per clause and sentence otherwise); growing, which the lists seldom need
    /// once they have seen a long comment, is not.
    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(never)
    private func grow() {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }

    func removeLast() {
        precondition(count > 0, "ScratchList is empty")
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    /// Empties the list and keeps its storage (for plain elements, this only resets the count).
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }
}
