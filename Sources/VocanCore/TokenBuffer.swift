/// Scratch space with one element per token, kept by a scorer from comment to comment: it grows and
/// never shrinks, and its elements are read and written without bounds checks in release builds (the
/// indices are token positions of the comment being scored; debug builds check them).
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
