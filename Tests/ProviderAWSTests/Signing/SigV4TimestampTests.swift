import Foundation
import Testing
@testable import ProviderAWS

@Suite("SigV4 timestamps")
struct SigV4TimestampTests {
    @Test("arithmetic UTC rendering agrees with Foundation's ISO 8601 formatter across four centuries")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        var generator = SystemRandomNumberGenerator()
        // Fixed edges (leap days, year ends, before 1970, 2100 not leap) plus random instants.
        var instants: [Double] = [0, -1, 951_782_400, 951_868_799, 4_107_542_400, 4_102_444_799, -2_208_988_800, 1_440_938_160]
        for _ in 0..<2_000 { instants.append(Double(Int64.random(in: -6_000_000_000...10_000_000_000, using: &generator))) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = formatter.string(from: date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            let stamp = SigV4Timestamp(date)
            #expect(stamp.dateTime == expected, "\(seconds)")
            #expect(stamp.dateTime.hasPrefix(stamp.date + "T"))
        }
    }

    @Test("fractions of a second are dropped, not rounded up")
    func truncates() {
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 1_440_938_160.999)).dateTime == "20150830T123600Z")
    }
}
