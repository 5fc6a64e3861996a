import Foundation
import PackagePlugin

/// Embeds the package's data folders into the binary at build time, so that `Themes/` and
/// `samples/` stay the one source of their text and the binary works when copied alone.
/// StoryCore gets `samples/*.txt`; StoryUI gets `Themes/*.toml`.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, suffix, name): (String, String, String)
        switch target.name {
        case "StoryCore": (folder, suffix, name) = ("samples", ".txt", "EmbeddedSamples")
        case "StoryUI": (folder, suffix, name) = ("Themes", ".toml", "EmbeddedThemes")
        default: return []
        }
        let directory = context.package.directoryURL.appending(path: folder)
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        return [.buildCommand(
            displayName: "Embedding \(folder)/ into \(target.name)",
            executable: try context.tool(named: "embed-files").url,
            arguments: [name, output.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }
}
