/// Resource caps applied while reading a workbook. Every cap is checked while data is inflated
/// or parsed, never against sizes the file declares about itself.
public struct XLSXReadLimits: Sendable, Equatable {
    /// Largest number of bytes one part (one zip entry) may inflate to.
    public var maxPartBytes: Int
    /// Largest total number of bytes all parts read from one workbook may inflate to.
    public var maxTotalBytes: Int
    /// Largest number of entries the zip's central directory may list.
    public var maxEntries: Int
    /// Largest number of cells one worksheet may store.
    public var maxCellsPerSheet: Int
    /// Deepest element nesting accepted in any XML part.
    public var maxXMLDepth: Int

    /// Creates limits; omitted values take the defaults.
    public init(maxPartBytes: Int = 64 << 20, maxTotalBytes: Int = 256 << 20, maxEntries: Int = 10_000,
                maxCellsPerSheet: Int = 2_000_000, maxXMLDepth: Int = 256) {
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
        self.maxCellsPerSheet = maxCellsPerSheet
        self.maxXMLDepth = maxXMLDepth
    }

    /// 64 MiB per part, 256 MiB per workbook, 10,000 zip entries, 2,000,000 cells per sheet,
    /// XML nesting depth 256.
    public static let `default` = XLSXReadLimits()
}
