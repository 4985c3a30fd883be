/// Writes pretty-printed JSON straight to UTF-8 bytes, keys in the order given, one-space
/// indentation as in the format's examples. Used directly for large outputs (a national
/// plan) and through `JSONOutput` for small documents.
public struct JSONStream {
    private var out: [UInt8] = []
    /// For each open container: whether it has no element yet.
    private var empty: [Bool] = []
    /// True right after a key, so that the value follows it on the same line.
    private var afterKey = false

    public init(capacity: Int = 1 << 16) { out.reserveCapacity(capacity) }

    /// The document, ending with a newline.
    public mutating func finish() -> String {
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the current object.
    public mutating func key(_ name: String) {
        separate()
        escape(name)
        out.append(contentsOf: ": ".utf8)
        afterKey = true
    }

    public mutating func string(_ text: String) { separate(); escape(text) }
    public mutating func integer(_ value: Int) { separate(); out.append(contentsOf: String(value).utf8) }
    public mutating func bool(_ flag: Bool) { separate(); out.append(contentsOf: (flag ? "true" : "false").utf8) }
    public mutating func null() { separate(); out.append(contentsOf: "null".utf8) }
    public mutating func string(_ text: String?) { if let text { string(text) } else { null() } }
    public mutating func integer(_ value: Int?) { if let value { integer(value) } else { null() } }

    /// `"key": "text"` in one call.
    public mutating func field(_ name: String, _ text: String?) { key(name); string(text) }
    public mutating func field(_ name: String, _ value: Int?) { key(name); integer(value) }
    public mutating func field(_ name: String, _ flag: Bool) { key(name); bool(flag) }

    private mutating func open(_ bracket: UInt8) {
        separate()
        out.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.removeLast()
        if !wasEmpty {
            out.append(UInt8(ascii: "\n"))
            indent(empty.count)
        }
        out.append(bracket)
    }

    /// What goes before a new element: nothing after a key, else a comma, a newline, indentation.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = empty.last else { return }
        if !last { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
        empty[empty.count - 1] = false
        indent(empty.count)
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<depth { out.append(UInt8(ascii: " ")) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func escape(_ text: String) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        let special: (UInt8) -> Bool = { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard text.utf8.contains(where: special) else {
            out.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(Self.hex[Int(byte >> 4)])
                out.append(Self.hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
    }
}

/// A small JSON document as a value, for outputs built in one piece.
public indirect enum JSONOutput: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// `.string(text)` or `.null`.
    public static func optional(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }
    /// `.integer(value)` or `.null`.
    public static func optional(_ value: Int?) -> JSONOutput { value.map(JSONOutput.integer) ?? .null }

    /// The document, pretty-printed, ending with a newline.
    public func rendered() -> String {
        var stream = JSONStream()
        write(to: &stream)
        return stream.finish()
    }

    public func write(to stream: inout JSONStream) {
        switch self {
        case .null: stream.null()
        case .bool(let flag): stream.bool(flag)
        case .integer(let value): stream.integer(value)
        case .string(let text): stream.string(text)
        case .array(let items):
            stream.beginArray()
            for item in items { item.write(to: &stream) }
            stream.endArray()
        case .object(let fields):
            stream.beginObject()
            for (key, value) in fields {
                stream.key(key)
                value.write(to: &stream)
            }
            stream.endObject()
        }
    }
}
