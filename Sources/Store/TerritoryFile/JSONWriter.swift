/// A small JSON writer that keeps keys in the order given, so that exports are stable and
/// read like the format's documentation (one-space indentation, as in the examples).
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
        var out = ""
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        out.append("\n")
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .integer(let value): out.append(String(value))
        case .string(let text): JSONOutput.escape(text, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(String(repeating: " ", count: indent + 1))
                item.write(into: &out, indent: indent + 1)
                out.append(i == items.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: " ", count: indent))
            out.append("]")
        case .object(let fields):
            if fields.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in fields.enumerated() {
                out.append(String(repeating: " ", count: indent + 1))
                JSONOutput.escape(key, into: &out)
                out.append(": ")
                value.write(into: &out, indent: indent + 1)
                out.append(i == fields.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: " ", count: indent))
            out.append("}")
        }
    }

    static func escape(_ text: String, into out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
