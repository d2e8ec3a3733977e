#if os(Linux)
import Glibc
#endif

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

    /// Buffers of this many bytes or more — a packed data set's arrays — are asked for in
    /// 2 MiB pages where the system offers them (Linux's transparent huge pages with
    /// `madvise`): the examples of a mini-batch lie anywhere in tens of megabytes, and
    /// with 4 KiB pages nearly every one of them costs the hot loops a page walk.
    static var hugePageThreshold: Int { 4 << 20 }

    /// `count` elements, every one `value`.
    init(count: Int, repeating value: Element) {
        let count = max(count, 0)
        let byteCount = max(count, 1) * MemoryLayout<Element>.stride
        let huge = byteCount >= Self.hugePageThreshold
        let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: huge ? 2 << 20 : 64)
        #if os(Linux)
        // Before the first touch below, which is when the pages are made. A hint: if it
        // fails, the buffer simply has small pages.
        if huge { _ = madvise(raw, byteCount, MADV_HUGEPAGE) }
        #endif
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
