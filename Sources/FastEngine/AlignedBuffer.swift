/// A fixed-size run of numbers at a 64-byte-aligned address (one cache line, one
/// `SIMD8<Double>`), so that every padded row of the fast engine starts on a line.
///
/// The buffer owns its memory and frees it when the last reference goes. It is a class
/// so that its address is stable for the hot loops; `FastNetwork` gives its parameters
/// value semantics by copying the buffer before a mutation when it is shared.
final class AlignedBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    // @unchecked Sendable: the memory is only written through a uniquely referenced
    // buffer (FastNetwork copies on write) or by one task that owns it for a call.

    /// The first element.
    let pointer: UnsafeMutablePointer<Element>
    /// How many elements there are.
    let count: Int

    /// `count` elements, every one `value`.
    init(count: Int, repeating value: Element) {
        let count = max(count, 0)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(count, 1) * MemoryLayout<Element>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Element.self, capacity: max(count, 1))
        pointer.initialize(repeating: value, count: max(count, 1))
        self.count = count
    }

    /// A copy of `other`, element for element.
    convenience init(copying other: AlignedBuffer<Element>) {
        self.init(count: other.count, repeating: other.pointer.pointee)
        pointer.update(from: other.pointer, count: count)
    }

    deinit {
        UnsafeMutableRawPointer(pointer).deallocate()
    }

    /// The elements as a buffer pointer, for reading in order.
    var buffer: UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: pointer, count: count)
    }
}
