namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Options of <c>import oulad --today-is-day N</c>: the course day today is, whether to keep replaying
/// (<c>--live</c>) and how fast (course days per real day), where the replay state lives and, for the
/// demo, where to name the demo learner.
/// </summary>
internal sealed record PresentOptions(int TodayIsDay, bool Live, double Speed, string StateFile, string? DemoLearnerFile);
