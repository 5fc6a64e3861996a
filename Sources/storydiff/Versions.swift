import ArgumentParser
import StoryCore
import StoryFetch

/// Reads a base and its copies, all at once on several threads; the first that cannot be read
/// (in the order given) is the error, before anything is compared.
func loadVersions(_ arguments: [String], fetch: FetchOptions, jobs: Int) throws -> (base: Story, copies: [Story]) {
    if arguments.count(where: { $0 == "-" }) > 1 { throw ValidationError("only one of the stories can be standard input") }
    struct Failure: Error, Sendable { var message: String }
    // Standard input is read on this thread first: it is read once, and not from two threads.
    let stdinStory: Result<Story, Failure>? = arguments.contains("-") ? Result { try readStory("-", fetch: fetch) }.mapError { Failure(message: describe($0)) } : nil
    let read = ParallelWork.map(count: arguments.count, jobs: jobs) { index -> Result<Story, Failure> in
        if arguments[index] == "-", let stdinStory { return stdinStory }
        do { return .success(try readStory(arguments[index], fetch: fetch)) } catch { return .failure(Failure(message: describe(error))) }
    }
    var stories: [Story] = []
    for result in read {
        switch result {
        case .success(let story): stories.append(story)
        case .failure(let failure): throw VersionReadError(message: failure.message)
        }
    }
    for story in stories { for warning in story.warnings { writeError("storydiff: warning: \(story.name): " + warning) } }
    guard let base = stories.first else { throw ValidationError("no stories given") }
    return (base, Array(stories.dropFirst()))
}

/// A story of several that cannot be read: its message names it already.
struct VersionReadError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The one line an error becomes (as `StoryDiff.main` words them).
func describe(_ error: Error) -> String {
    switch error {
    case let error as InputError: return error.description
    case let error as FetchError: return error.description
    default: return "\(error)"
    }
}
