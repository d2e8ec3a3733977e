import Foundation

extension Node {
    /// The value of an `Encodable` type: objects keep the order in which `encode(to:)`
    /// wrote their keys (for synthesized conformances, the stored properties' order),
    /// `[String: T]` dictionaries (which have no order) in sorted key order,
    /// `nil` optionals are left out (as `JSONEncoder` does), Doubles stay Doubles
    /// (NaN and ±∞ included: `text` writes them by the policy in `Node`'s comment).
    ///
    /// - Throws: whatever the value's `encode(to:)` throws; a failure to encode is an
    ///   error for the caller to report, never a JSON document of its own.
    public init(encoding value: some Encodable) throws {
        let box = Box()
        try value.encode(to: TreeEncoder(box: box, codingPath: []))
        self = box.node
    }

    /// JSON text of `value` (`Node(encoding:)`, then `text(layout)`).
    public static func text(of value: some Encodable, _ layout: Layout = .pretty) throws -> String {
        try Node(encoding: value).text(layout)
    }

    /// A `JSONDecoder` that reads what this writer writes, the non-finite strings included.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        let names = nonFiniteStrings
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: names.positiveInfinity, negativeInfinity: names.negativeInfinity, nan: names.nan)
        return decoder
    }
}

/// A node under construction: containers hand out boxes and fill them in later.
private final class Box {
    enum Content {
        case empty
        case value(Node)
        case object([(key: String, box: Box)])
        case array([Box])
    }

    var content = Content.empty

    /// The finished node; a value that encoded nothing is an empty object, as in `JSONEncoder`.
    var node: Node {
        switch content {
        case .empty: .object([:])
        case .value(let node): node
        case .object(let members):
            .object(members.reduce(into: Fields()) { fields, member in fields[member.key] = member.box.node })
        case .array(let boxes): .array(boxes.map(\.node))
        }
    }

    /// A new box under `key`, replacing an earlier one with the same key in place.
    func child(forKey key: String) -> Box {
        var members: [(key: String, box: Box)] = []
        if case .object(let existing) = content { members = existing }
        let child = Box()
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].box = child
        } else {
            members.append((key, child))
        }
        content = .object(members)
        return child
    }

    /// A new box at the end of the array.
    func appendChild() -> Box {
        var boxes: [Box] = []
        if case .array(let existing) = content { boxes = existing }
        let child = Box()
        boxes.append(child)
        content = .array(boxes)
        return child
    }

    func becomeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }
}

/// The scalar node of a standard-library value, or nil for other types.
private func scalarNode(_ value: some Encodable) -> Node? {
    switch value {
    case let v as Double: .number(v)
    case let v as Float: .number(Double(v.description) ?? Double(v))  // Float's shortest digits, not its binary expansion
    case let v as Int: .integer(v)
    case let v as Int8: .integer(Int(v))
    case let v as Int16: .integer(Int(v))
    case let v as Int32: .integer(Int(v))
    case let v as Int64: .integer(Int(v))
    case let v as UInt8: .integer(Int(v))
    case let v as UInt16: .integer(Int(v))
    case let v as UInt32: .integer(Int(v))
    case let v as UInt: .unsigned(UInt64(v))
    case let v as UInt64: .unsigned(v)
    case let v as String: .string(v)
    case let v as Bool: .bool(v)
    default: nil
    }
}

private func fill(_ box: Box, with value: some Encodable, codingPath: [any CodingKey]) throws {
    if let dictionary = value as? [String: any Encodable] {
        // A dictionary has no order of its own (it changes from run to run): sort its keys.
        box.becomeObject()
        for key in dictionary.keys.sorted() {
            if let member = dictionary[key] {
                try fill(box.child(forKey: key), with: member, codingPath: codingPath + [IndexKey(stringValue: key)])
            }
        }
    } else if let node = scalarNode(value) {
        box.content = .value(node)
    } else {
        try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
    }
}

/// A coding-path entry for an array index or a dictionary key.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String
    init(_ index: Int) { intValue = index; stringValue = "\(index)" }
    init?(intValue: Int) { self.init(intValue) }
    init(stringValue: String) { self.stringValue = stringValue }
}

private struct TreeEncoder: Encoder {
    let box: Box
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeArray()
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: box, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: Box
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        box.child(forKey: key.stringValue).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try fill(box.child(forKey: key.stringValue), with: value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = box.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(box: box.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: Box
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let boxes) = box.content { boxes.count } else { 0 }
    }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(count)] }

    mutating func encodeNil() throws {
        box.appendChild().content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try fill(box.appendChild(), with: value, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        let child = box.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        let child = box.appendChild()
        child.becomeArray()
        return UnkeyedContainer(box: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return TreeEncoder(box: box.appendChild(), codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let box: Box
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        box.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try fill(box, with: value, codingPath: codingPath)
    }
}

extension SingleContainer {
    mutating func encode(_ value: Bool) throws { box.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { box.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { box.content = .value(.number(value)) }
    mutating func encode(_ value: Float) throws { box.content = .value(scalarNode(value) ?? .null) }
    mutating func encode(_ value: Int) throws { box.content = .value(.integer(value)) }
    mutating func encode(_ value: Int8) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws { box.content = .value(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt16) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt32) throws { box.content = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt64) throws { box.content = .value(.unsigned(value)) }
}
