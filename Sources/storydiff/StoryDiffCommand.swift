@main
struct StoryDiffCommand { static func main() {} }
