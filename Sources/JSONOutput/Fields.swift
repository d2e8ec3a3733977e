/// The members of a JSON object in insertion order (a later value for the same key
/// replaces the earlier one in place). Written as a dictionary literal:
/// `.object(["sizes": .array(...), "cost": .string("QuadraticCost")])`.
public struct Fields: Sendable, Equatable, ExpressibleByDictionaryLiteral, RandomAccessCollection {
    /// One member.
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: Node

        public init(key: String, value: Node) {
            self.key = key
            self.value = value
        }
    }

    private var members: [Field] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Node)...) {
        for (key, value) in elements { self[key] = value }
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Field { members[position] }

    /// The value under `key`; setting appends a new key or replaces an existing one in
    /// place (its position is kept); setting nil removes it.
    public subscript(key: String) -> Node? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let i?, let value?): members[i].value = value
            case (let i?, nil): members.remove(at: i)
            case (nil, let value?): members.append(Field(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The same members ordered by key (for layouts that were pinned in key order).
    public func sortedByKey() -> Fields {
        var sorted = self
        sorted.members.sort { $0.key < $1.key }
        return sorted
    }
}
