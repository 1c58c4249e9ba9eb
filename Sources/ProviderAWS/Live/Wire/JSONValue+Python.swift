import Foundation
import SourceText

/// JSON laid out as the AWS CLI and botocore write it, both through Python's json module.
extension JSONValue {
    /// The document as `aws ... --output json` prints it: Python's `json.dump(indent=4,
    /// ensure_ascii=False)`, so non-ASCII text is written as is and only control characters,
    /// quotes and backslashes are escaped; a final newline as the CLI prints one.
    public func cliData() -> Data {
        data(Layout(indent: 4, itemSeparator: ",", keySeparator: ": ")) + Data([0x0A])
    }

    /// The document as Python's `json.dumps` writes it by default (`{"a": 1, "b": [1, 2]}`):
    /// the request bodies botocore sends for the json protocols.
    public func pythonDumpsData() -> Data {
        data(Layout(itemSeparator: ", ", keySeparator: ": "))
    }

    /// A double as Python's `repr` prints it (`5.0`, `0.25`, `1e-05`): what the CLI shows for
    /// an XML `double` or `float`.
    static func pythonNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        var text = "\(value)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        // Swift writes 1e-05 as "1e-05" like Python; Python keeps a ".0"-less mantissa too.
        return text
    }
}
