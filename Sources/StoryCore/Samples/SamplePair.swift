/// The bundled sample pair: an original news report and an auto-generated syndicated rewrite.
/// The text comes from `samples/`, embedded at build time by the EmbedFiles plugin.
public enum SamplePair {
    public static let originalName = "kursk-original.txt"
    public static let syndicatedName = "kursk-syndicated.txt"

    public static var original: String { EmbeddedSamples.text(originalName) ?? "" }
    public static var syndicated: String { EmbeddedSamples.text(syndicatedName) ?? "" }
}
