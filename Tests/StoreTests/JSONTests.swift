import Foundation
@testable import Store
import Testing

@Suite("JSON reading and writing")
struct JSONTests {
    @Test(arguments: [
        (#"{"a": true, "b": 1, "c": 1.5, "d": null, "e": [], "f": {}}"#,
         JSONValue.object(["a": .bool(true), "b": .integer(1), "c": .number(1.5), "d": .null, "e": .array([]), "f": .object([:])])),
        (#""\u00c9cuisses \"é\" \\ \/ \n""#, JSONValue.string("Écuisses \"é\" \\ / \n")),
        (#""\ud83d\ude00""#, JSONValue.string("😀")),
        ("-12", JSONValue.integer(-12)),
        ("[1e3]", JSONValue.array([.number(1000)])),
        ("\u{FEFF}[]", JSONValue.array([])),
    ])
    func parsesValues(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(Data(text.utf8)) == expected)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1}x", "01", "1.", "-", "\"abc", "\"\\x\"", "[tru]",
        "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"a\u{01}b\"", "{'a':1}", "nul",
    ])
    func refusesMalformedText(text: String) {
        #expect(throws: JSONParseFailure.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func saysWhereItStopped() {
        let text = "{\n  \"format\": \"releve/1\",\n  \"service\": tru\n}"
        do {
            _ = try JSONValue.parse(Data(text.utf8))
            Issue.record("no error")
        } catch {
            #expect(error.detail.contains("ligne 3, colonne 14"))
        }
    }

    @Test func writerAndReaderAgreeOnAnyText() throws {
        let samples = ["", "Saint-Bérain-sous-Sanvignes", "quote \" backslash \\ slash /", "tab\tnew\nline\r",
                       "\u{01}\u{1F}", "😀 日本", "l'AFP du Haut-Morvan"]
        for text in samples {
            let rendered = JSONOutput.object([("t", .string(text))]).rendered()
            #expect(try JSONValue.parse(Data(rendered.utf8)) == .object(["t": .string(text)]))
        }
        #expect(JSONOutput.array([]).rendered() == "[]\n")
        #expect(JSONOutput.object([("a", .array([.integer(1), .null])), ("b", .object([]))]).rendered()
                == "{\n \"a\": [\n  1,\n  null\n ],\n \"b\": {}\n}\n")
    }
}
