/// The raw parts of a workbook package — for tools that inspect or rewrite a workbook's XML
/// (the import tests' mutations, fuzz seeding). Parts are inflated under the same limits as reading.
public enum XLSXPackage {
    /// Every part of the package at `path`, by stored name, in zip order.
    public static func parts(path: String, limits: XLSXReadLimits = .default) throws(XLSXReadError) -> [(name: String, bytes: [UInt8])] {
        let archive = try ZipArchive(path: path, limits: limits)
        var parts: [(name: String, bytes: [UInt8])] = []
        for name in archive.partNames {
            let bytes = try archive.read(name)
            parts.append((name, Array(bytes.buffer)))
        }
        return parts
    }
}
