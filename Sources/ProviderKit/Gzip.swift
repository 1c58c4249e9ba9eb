import CZlib
import Foundation

/// gzip decompression for compressed exports (AWS Config's `.json.gz` deliveries, `gcloud asset
/// export` to a gzip object), bounded so that a hostile file cannot expand without limit.
public enum Gzip {
    /// Why data could not be inflated.
    public struct Failure: Error, Sendable {
        public let message: String
    }

    public static func isGzip(_ data: Data) -> Bool { data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B }

    /// Inflates `data`; throws with a reason for data that is not gzip or is corrupt, or that
    /// would inflate past `limit` bytes.
    public static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        // 15 window bits + 32: accept gzip (and zlib) headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(message: "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var input = [UInt8](data)
        let inputCount = input.count
        try input.withUnsafeMutableBufferPointer { (inputBuffer: inout UnsafeMutableBufferPointer<UInt8>) throws(Failure) in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputCount)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunkBuffer.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw Failure(message: "not valid gzip data (zlib status \(status))")
                }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit {
                    throw Failure(message: "gzip data inflates past \(limit) bytes")
                }
                if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END {
                    throw Failure(message: "gzip data is truncated")
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}
